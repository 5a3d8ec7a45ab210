// backup and restore: the embedded database copied while it is in use, and put back.
#include <iostream>

#include "backsignal/service/backups.h"
#include "commands.h"

namespace backsignal::cli {
namespace {

struct BackupArgs {
  std::string out;
};

int RunBackup(const Globals& g, const BackupArgs& a) {
  auto r = service::Backup(DatabaseLocation(g), a.out);
  if (!r) return Report(r.error());
  std::cout << "Backed up " << DatabaseLocation(g) << " to " << r->path << " (schema version "
            << r->schema_version << ", " << r->people
            << (r->people == 1 ? " person, " : " people, ") << r->days
            << " days); it passed its integrity check.\n";
  return kOk;
}

struct RestoreArgs {
  std::string file;
};

int RunRestore(const Globals& g, const RestoreArgs& a) {
  auto r = service::Restore(a.file, DatabaseLocation(g));
  if (!r) {
    Error e = r.error();
    e.message += "; nothing was replaced";
    return Report(e);
  }
  std::cout << "Restored " << a.file << " into " << r->path << " (schema version "
            << r->schema_version << ", " << r->days << " days).";
  if (!r->previous.empty()) std::cout << " What was there is kept as " << r->previous << ".";
  std::cout << "\nRestart any server on this database so that it reads the restored diary.\n";
  return kOk;
}

}  // namespace

void SetUpBackup(CLI::App& cmd, Invocation& ctx) {
  auto a = std::make_shared<BackupArgs>();
  cmd.add_option("--out", a->out, "The backup file to write")->required();
  cmd.footer(
      Footer("  backsignal backup --out ~/backsignal-2026-11-28.db\n"
             "  backsignal --db /var/lib/backsignal/diary.db backup --out /srv/backup/b.db"));
  cmd.callback([a, &ctx] { ctx.code = RunBackup(ctx.globals, *a); });
}

void SetUpRestore(CLI::App& cmd, Invocation& ctx) {
  auto a = std::make_shared<RestoreArgs>();
  cmd.add_option("FILE", a->file, "A backup made by backsignal backup")->required();
  cmd.footer(Footer("  backsignal restore ~/backsignal-2026-11-28.db"));
  cmd.callback([a, &ctx] { ctx.code = RunRestore(ctx.globals, *a); });
}

}  // namespace backsignal::cli
