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
  const Locale& loc = *g.locale;
  // TRANSLATORS: {n} is the number of people; the whole line reads "Backed up PATH to FILE
  // (schema version 7, 2 people, 30 days); it passed its integrity check."
  const std::string people = loc.Ntr("{n} person", "{n} people", r->people);
  // TRANSLATORS: {n} is the number of days of the diary.
  const std::string days = loc.Ntr("{n} day", "{n} days", r->days);
  // TRANSLATORS: {database} and {file} are paths; {version} a number; {people} "2 people";
  // {days} "30 days".
  std::cout << loc.Tr(
                   "Backed up {database} to {file} (schema version {version}, {people}, "
                   "{days}); it passed its integrity check.",
                   {Arg("database", DatabaseLocation(g)), Arg("file", r->path),
                    Arg("version", r->schema_version), Arg("people", people), Arg("days", days)})
            << "\n";
  return kOk;
}

struct RestoreArgs {
  std::string file;
};

int RunRestore(const Globals& g, const RestoreArgs& a) {
  const Locale& loc = *g.locale;
  auto r = service::Restore(a.file, DatabaseLocation(g));
  if (!r) {
    Error e = loc.Translated(r.error());
    e.message.append(loc.Tr("; nothing was replaced"));
    return Report(e);
  }
  // TRANSLATORS: {file} and {database} are paths; {version} a number; {days} "30 days".
  std::cout << loc.Tr(
      "Restored {file} into {database} (schema version {version}, {days}).",
      {Arg("file", a.file), Arg("database", r->path), Arg("version", r->schema_version),
       Arg("days", loc.Ntr("{n} day", "{n} days", r->days))});
  if (!r->previous.empty()) {
    // TRANSLATORS: {file} is the path the replaced database was moved to.
    std::cout << " " << loc.Tr("What was there is kept as {file}.", {Arg("file", r->previous)});
  }
  std::cout << "\n"
            << loc.Tr("Restart any server on this database so that it reads the restored diary.")
            << "\n";
  return kOk;
}

}  // namespace

void SetUpBackup(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<BackupArgs>();
  cmd.add_option("--out", a->out, loc.Tr("The backup file to write"))->required();
  cmd.footer(
      Footer(loc,
             "  backsignal backup --out ~/backsignal-2026-11-28.db\n"
             "  backsignal --db /var/lib/backsignal/diary.db backup --out /srv/backup/b.db"));
  cmd.callback([a, &ctx] { ctx.code = RunBackup(ctx.globals, *a); });
}

void SetUpRestore(CLI::App& cmd, Invocation& ctx) {
  const Locale& loc = *ctx.globals.locale;
  auto a = std::make_shared<RestoreArgs>();
  cmd.add_option("FILE", a->file, loc.Tr("A backup made by backsignal backup"))->required();
  cmd.footer(Footer(loc, "  backsignal restore ~/backsignal-2026-11-28.db"));
  cmd.callback([a, &ctx] { ctx.code = RunRestore(ctx.globals, *a); });
}

}  // namespace backsignal::cli
