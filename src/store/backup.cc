// Backups of the embedded database through SQLite's online backup API, and their restore.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "backsignal/store/store.h"
#include "daily_backups.h"
#include "schema.h"

namespace backsignal {
namespace {

using Db = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Result<Db> OpenRaw(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw, &sqlite3_close);
  if (rc != SQLITE_OK) {
    return Fail(Error::Storage("cannot open " + path + ": " +
                               (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc))));
  }
  sqlite3_busy_timeout(db.get(), 10000);
  return db;
}

// One value of a one-row query, or an error naming `path`.
Result<std::string> One(sqlite3* db, const char* sql, const std::string& path) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    return Fail(Error::Invalid(path + ": not a backsignal database (" + sqlite3_errmsg(db) + ")"));
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
  const int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_ROW) {
    return Fail(Error::Invalid(path + ": not a backsignal database (" + sqlite3_errmsg(db) + ")"));
  }
  const auto* text = sqlite3_column_text(stmt.get(), 0);
  return std::string(text ? reinterpret_cast<const char*>(text) : "");
}

// integrity_check, then the schema version: known, and not newer than this backsignal.
Result<BackupInfo> Check(sqlite3* db, const std::string& path) {
  auto ok = One(db, "PRAGMA integrity_check", path);
  if (!ok) return Unexpected(ok.error());
  if (*ok != "ok") return Fail(Error::Invalid(path + ": fails its integrity check: " + *ok));
  auto v = One(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", path);
  if (!v) return Unexpected(v.error());
  BackupInfo info;
  info.schema_version = std::stoi(*v);
  if (info.schema_version > sql::Migrations().back().version) {
    return Fail(Error::Invalid(path + " has schema version " + std::to_string(info.schema_version) +
                               ", newer than this backsignal knows (" +
                               std::to_string(sql::Migrations().back().version) +
                               "): restore it with that version or a later one"));
  }
  if (info.schema_version < 1) return Fail(Error::Invalid(path + ": not a backsignal database"));
  auto people = One(db, "SELECT COUNT(*) FROM people", path);
  auto days = One(db, "SELECT COUNT(*) FROM days", path);
  if (!people || !days) return Fail(Error::Invalid(path + ": not a backsignal database"));
  info.people = std::stoll(*people);
  info.days = std::stoll(*days);
  return info;
}

// Copies the whole of `from` into `to` with the online backup API: a consistent snapshot of
// `from`, taken while others may be writing it (in WAL mode they are not held up).
Result<void> Copy(sqlite3* from, sqlite3* to, const std::string& what) {
  std::unique_ptr<sqlite3_backup, decltype(&sqlite3_backup_finish)> b(
      sqlite3_backup_init(to, "main", from, "main"), &sqlite3_backup_finish);
  if (!b) return Fail(Error::Storage(what + ": " + sqlite3_errmsg(to)));
  for (int attempt = 0;; ++attempt) {
    const int rc = sqlite3_backup_step(b.get(), -1);
    if (rc == SQLITE_DONE) break;
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && attempt < 400) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
      continue;
    }
    return Fail(Error::Storage(what + ": " + sqlite3_errstr(rc)));
  }
  const int rc = sqlite3_errcode(to);
  if (rc != SQLITE_OK && rc != SQLITE_DONE) {
    return Fail(Error::Storage(what + ": " + sqlite3_errmsg(to)));
  }
  return {};
}

Result<void> Sync(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Fail(Error::Storage("cannot open " + path + " to sync it"));
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Fail(Error::Storage("cannot sync " + path));
  return {};
}

Result<void> RequireSqlite(const std::string& location) {
  if (location.starts_with("postgres://") || location.starts_with("postgresql://") ||
      location.find("host=") != std::string::npos || location == "memory:") {
    return Fail(Error::Invalid(
        "backup and restore are for the embedded SQLite database; on PostgreSQL use pg_dump "
        "or pg_basebackup with WAL archiving (docs/operations.md)"));
  }
  return {};
}

}  // namespace

Result<BackupInfo> BackupDatabase(const std::string& location, const std::string& out) {
  if (auto ok = RequireSqlite(location); !ok) return Unexpected(ok.error());
  const std::string path = SqlitePath(location);
  if (!std::filesystem::is_regular_file(path)) {
    return Fail(Error::NotFound("no diary at " + path + " to back up"));
  }
  const std::string tmp = out + ".tmp";
  for (const std::string& written : {out, tmp}) {
    if (IsLiveDatabaseFile(written, path)) {
      return Fail(Error::Invalid("a backup written to " + out +
                                 " would overwrite the live database " + path +
                                 " (or a file SQLite keeps beside it): give another file"));
    }
  }
  auto src = OpenRaw(path, SQLITE_OPEN_READWRITE);
  if (!src) return Unexpected(src.error());
  std::filesystem::remove(tmp);
  const mode_t old = ::umask(077);  // health data: the copy is private too
  auto dst = OpenRaw(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ::umask(old);
  if (!dst) return Unexpected(dst.error());
  auto fail = [&](Error e) -> Result<BackupInfo> {
    dst->reset();
    std::filesystem::remove(tmp);
    return Fail(std::move(e));
  };
  if (auto ok = Copy(src->get(), dst->get(), "backing up " + path); !ok) return fail(ok.error());
  // The copy stands alone: one file, no write-ahead log beside it.
  sqlite3_exec(dst->get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
  auto info = Check(dst->get(), tmp);
  if (!info) return fail(info.error());
  dst->reset();
  ::chmod(tmp.c_str(), 0600);
  if (auto ok = Sync(tmp); !ok) return fail(ok.error());
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) return fail(Error::Storage("cannot write " + out + ": " + ec.message()));
  info->path = out;
  return info;
}

Result<BackupInfo> RestoreDatabase(const std::string& backup, const std::string& location) {
  if (auto ok = RequireSqlite(location); !ok) return Unexpected(ok.error());
  const std::string path = SqlitePath(location);
  if (!std::filesystem::is_regular_file(backup)) {
    return Fail(Error::NotFound("no backup at " + backup));
  }
  // Checked before anything is replaced.
  BackupInfo info;
  {
    auto b = OpenRaw(backup, SQLITE_OPEN_READONLY);
    if (!b) return Unexpected(b.error());
    auto checked = Check(b->get(), backup);
    if (!checked) return Unexpected(checked.error());
    info = *checked;
  }
  auto b = OpenRaw(backup, SQLITE_OPEN_READONLY);
  if (!b) return Unexpected(b.error());
  // What is there now is kept beside it, so that a restore can be undone.
  if (std::filesystem::is_regular_file(path)) {
    auto saved = BackupDatabase(path, path + ".before-restore");
    if (!saved) return Unexpected(saved.error());
    info.previous = saved->path;
  }
  const mode_t old = ::umask(077);
  auto dst = OpenRaw(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ::umask(old);
  if (!dst) return Unexpected(dst.error());
  sqlite3_exec(dst->get(), "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
  if (auto ok = Copy(b->get(), dst->get(), "restoring " + backup + " into " + path); !ok) {
    return Unexpected(ok.error());
  }
  sqlite3_exec(dst->get(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  info.path = path;
  return info;
}

}  // namespace backsignal
