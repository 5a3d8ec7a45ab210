// Backups of the embedded database through SQLite's online backup API, and their restore.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>
#include <vector>

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
    // TRANSLATORS: {file} is a database file's path; {reason} is SQLite's own reason (English).
    return Fail(Error::Storage(
        T_("cannot open {file}: {reason}",
           {{"file", path}, {"reason", raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)}})));
  }
  sqlite3_busy_timeout(db.get(), 10000);
  return db;
}

// "PATH: not a backsignal database (SQLite's reason)".
Error NotABacksignalDatabase(const std::string& path, sqlite3* db) {
  return Error::Invalid(Problem(
      path,
      // TRANSLATORS: {reason} is SQLite's own reason (English), such as "file is not a database".
      T_("not a backsignal database ({reason})", {{"reason", sqlite3_errmsg(db)}})));
}

// "PATH: not a backsignal database".
Error NotABacksignalDatabase(const std::string& path) {
  return Error::Invalid(Problem(path, T_("not a backsignal database")));
}

// One value of a one-row query, or an error naming `path`.
Result<std::string> One(sqlite3* db, const char* sql, const std::string& path) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    return Fail(NotABacksignalDatabase(path, db));
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
  const int rc = sqlite3_step(stmt.get());
  if (rc != SQLITE_ROW) {
    return Fail(NotABacksignalDatabase(path, db));
  }
  const auto* text = sqlite3_column_text(stmt.get(), 0);
  return std::string(text ? reinterpret_cast<const char*>(text) : "");
}

// A connection that reads a file from elsewhere: nothing in its schema may run a function
// that has effects, and the schema cannot be changed by writing to it.
void Harden(sqlite3* db) {
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
}

// Each object of a database's schema but SQLite's own ("table people", "trigger t"), with
// what makes it (a table's columns with their types; the table an index or trigger is on).
Result<std::map<std::string, std::string>> SchemaOf(sqlite3* db, const std::string& schema,
                                                    const std::string& path) {
  const std::string sql =
      "SELECT m.type || ' ' || m.name, m.tbl_name || ': ' || COALESCE((SELECT group_concat("
      "c.name || ' ' || c.type || ' ' || c.\"notnull\" || ' ' || c.pk || ' ' || c.hidden, ', ') "
      "FROM pragma_table_xinfo(m.name, '" +
      schema + "') c WHERE m.type = 'table'), '') FROM \"" + schema +
      "\".sqlite_master m WHERE m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return Fail(NotABacksignalDatabase(path, db));
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
  std::map<std::string, std::string> out;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    auto text = [&](int i) {
      const auto* t = sqlite3_column_text(stmt.get(), i);
      return std::string(t ? reinterpret_cast<const char*>(t) : "");
    };
    out[text(0)] = text(1);
  }
  if (rc != SQLITE_DONE) {
    return Fail(NotABacksignalDatabase(path, db));
  }
  return out;
}

// The schema backsignal makes at `version`: its migrations up to it, on an empty database.
Result<void> MakeSchema(sqlite3* db, int version) {
  char* err = nullptr;
  auto run = [&](const char* sql) -> Result<void> {
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "failed";
      sqlite3_free(err);
      // TRANSLATORS: {version} is a schema version (a number); {reason} is SQLite's (English).
      return Fail(Error::Storage(T_("making the schema of version {version}: {reason}",
                                    {{"version", version}, {"reason", msg}})));
    }
    return {};
  };
  if (auto ok = run(sql::kSqliteMigrationsTable); !ok) return ok;
  for (const sql::Migration& m : sql::Migrations()) {
    if (m.version > version) break;
    if (auto ok = run(m.sqlite); !ok) return ok;
  }
  return {};
}

// The backup's schema must be exactly the one backsignal makes at its version: no trigger,
// view, table, index or column more or less, so that nothing in it can run on the restored
// database (its rows are also copied into a schema made here, below).
Result<void> CheckSchemaOf(sqlite3* backup, int version, const std::string& path) {
  auto got = SchemaOf(backup, "main", path);
  if (!got) return Unexpected(got.error());
  Db known(nullptr, &sqlite3_close);
  {
    sqlite3* raw = nullptr;
    sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    known.reset(raw);
  }
  if (auto ok = MakeSchema(known.get(), version); !ok) return ok;
  auto want = SchemaOf(known.get(), "main", "the schema of version " + std::to_string(version));
  if (!want) return Unexpected(want.error());
  std::vector<Text> problems;
  for (const auto& [object, what] : *got) {
    auto it = want->find(object);
    if (it == want->end()) {
      // TRANSLATORS: of a backup's file; {object} is SQLite's kind and name of one thing in it
      // ("table extra", "trigger spy"), as it is.
      problems.push_back(
          T_("holds a {object} that backsignal does not make", {{"object", object}}));
    } else if (it->second != what) {
      // TRANSLATORS: of a backup's file; {object} is SQLite's kind and name of one thing in it
      // ("table days"); {what} its columns and types as the file has them.
      problems.push_back(T_("its {object} is not as backsignal makes it ({what})",
                            {{"object", object}, {"what", what}}));
    }
  }
  for (const auto& [object, what] : *want) {
    // TRANSLATORS: of a backup's file; {object} is SQLite's kind and name of one thing
    // backsignal makes ("table days", "index days_date").
    if (!got->contains(object)) problems.push_back(T_("lacks the {object}", {{"object", object}}));
  }
  if (problems.empty()) return {};
  if (problems.size() > 5) problems.resize(5);
  return Fail(Error::Invalid(
      Problem(path,
              // TRANSLATORS: {version} is the schema version the file says it has (a number).
              T_("not the schema of a backsignal database at version {version} (a backup "
                 "made by backsignal backup has exactly it)",
                 {{"version", version}})),
      std::move(problems)));
}

// integrity_check, the schema version (known, not newer than this backsignal), then (a file to
// restore) the whole schema, before any row is read.
Result<BackupInfo> Check(sqlite3* db, const std::string& path, bool whole_schema) {
  auto ok = One(db, "PRAGMA integrity_check", path);
  if (!ok) return Unexpected(ok.error());
  if (*ok != "ok") {
    // TRANSLATORS: {result} is SQLite's integrity check's own finding (English).
    return Fail(Error::Invalid(
        Problem(path, T_("fails its integrity check: {result}", {{"result", *ok}}))));
  }
  auto table = One(db,
                   "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                   "'schema_migrations'",
                   path);
  if (!table) return Unexpected(table.error());
  if (*table != "1") return Fail(NotABacksignalDatabase(path));
  auto v = One(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", path);
  if (!v) return Unexpected(v.error());
  BackupInfo info;
  info.schema_version = std::stoi(*v);
  if (info.schema_version > sql::Migrations().back().version) {
    // TRANSLATORS: {file} is a backup's path; {version} its schema version, newer than {known},
    // the newest this backsignal knows.
    return Fail(
        Error::Invalid(T_("{file} has schema version {version}, newer than this "
                          "backsignal knows ({known}): restore it with that version or "
                          "a later one",
                          {{"file", path},
                           {"version", info.schema_version},
                           {"known", sql::Migrations().back().version}})));
  }
  if (info.schema_version < 1) return Fail(NotABacksignalDatabase(path));
  if (whole_schema) {
    if (auto same = CheckSchemaOf(db, info.schema_version, path); !same) {
      return Unexpected(same.error());
    }
  }
  auto people = One(db, "SELECT COUNT(*) FROM people", path);
  auto days = One(db, "SELECT COUNT(*) FROM days", path);
  if (!people || !days) return Fail(NotABacksignalDatabase(path));
  info.people = std::stoll(*people);
  info.days = std::stoll(*days);
  return info;
}

// Copies the whole of `from` into `to` with the online backup API: a consistent snapshot of
// `from`, taken while others may be writing it (in WAL mode they are not held up).
// `what` is what was being done ("backing up PATH"); a failure is "{what}: SQLite's reason".
Error BackupStepFailed(const Text& what, const char* reason) {
  // TRANSLATORS: {what} is what was being done ("backing up PATH"); {reason} is SQLite's own
  // reason (English).
  return Error::Storage(T_("{what}: {reason}", {{"what", what}, {"reason", reason}}));
}

Result<void> Copy(sqlite3* from, sqlite3* to, const Text& what) {
  std::unique_ptr<sqlite3_backup, decltype(&sqlite3_backup_finish)> b(
      sqlite3_backup_init(to, "main", from, "main"), &sqlite3_backup_finish);
  if (!b) return Fail(BackupStepFailed(what, sqlite3_errmsg(to)));
  for (int attempt = 0;; ++attempt) {
    const int rc = sqlite3_backup_step(b.get(), -1);
    if (rc == SQLITE_DONE) break;
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && attempt < 400) {
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
      continue;
    }
    return Fail(BackupStepFailed(what, sqlite3_errstr(rc)));
  }
  const int rc = sqlite3_errcode(to);
  if (rc != SQLITE_OK && rc != SQLITE_DONE) {
    return Fail(BackupStepFailed(what, sqlite3_errmsg(to)));
  }
  return {};
}

Result<void> Sync(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) {
    // TRANSLATORS: {file} is a backup's path, written and about to be flushed to the disk.
    return Fail(Error::Storage(T_("cannot open {file} to sync it", {{"file", path}})));
  }
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  // TRANSLATORS: {file} is a backup's path, which could not be flushed to the disk.
  if (!ok) return Fail(Error::Storage(T_("cannot sync {file}", {{"file", path}})));
  return {};
}

Result<void> RequireSqlite(const std::string& location) {
  if (location.starts_with("postgres://") || location.starts_with("postgresql://") ||
      location.find("host=") != std::string::npos || location == "memory:") {
    return Fail(Error::Invalid(
        T_("backup and restore are for the embedded SQLite database; on PostgreSQL use pg_dump "
           "or pg_basebackup with WAL archiving (docs/operations.md)")));
  }
  return {};
}

}  // namespace

Result<BackupInfo> BackupDatabase(const std::string& location, const std::string& out) {
  if (auto ok = RequireSqlite(location); !ok) return Unexpected(ok.error());
  const std::string path = SqlitePath(location);
  if (!std::filesystem::is_regular_file(path)) {
    // TRANSLATORS: {file} is the database's path.
    return Fail(Error::NotFound(T_("no diary at {file} to back up", {{"file", path}})));
  }
  const std::string tmp = out + ".tmp";
  for (const std::string& written : {out, tmp}) {
    if (IsLiveDatabaseFile(written, path)) {
      // TRANSLATORS: {file} is the backup's path as given; {database} the database's.
      return Fail(
          Error::Invalid(T_("a backup written to {file} would overwrite the live "
                            "database {database} (or a file SQLite keeps beside it): "
                            "give another file",
                            {{"file", out}, {"database", path}})));
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
  // TRANSLATORS: what was being done when a backup failed; {file} is the database's path.
  if (auto ok = Copy(src->get(), dst->get(), T_("backing up {file}", {{"file", path}})); !ok) {
    return fail(ok.error());
  }
  // The copy stands alone: one file, no write-ahead log beside it.
  sqlite3_exec(dst->get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
  auto info = Check(dst->get(), tmp, false);
  if (!info) return fail(info.error());
  dst->reset();
  ::chmod(tmp.c_str(), 0600);
  if (auto ok = Sync(tmp); !ok) return fail(ok.error());
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) {
    return fail(Error::Storage(
        T_("cannot write {file}: {reason}", {{"file", out}, {"reason", ec.message()}})));
  }
  info->path = out;
  return info;
}

namespace {

// "file:PATH?mode=ro", the path percent-encoded where a URI needs it.
std::string ReadOnlyUri(const std::string& path) {
  std::string out = "file:";
  for (const char ch : path) {
    const auto u = static_cast<unsigned char>(ch);
    if (std::isalnum(u) || ch == '/' || ch == '.' || ch == '-' || ch == '_' || ch == '~') {
      out += ch;
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out + "?mode=ro";
}

Result<void> Exec(sqlite3* db, const std::string& sql, const Text& what) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    return Fail(Error::Invalid(T_("{what}: {reason}", {{"what", what}, {"reason", msg}})));
  }
  return {};
}

// Every row of `backup` into a new database at `out`, whose schema is made here by the
// migrations up to `version`: whatever else the backup's file holds stays behind.
Result<void> CopyRows(const std::string& backup, int version, const std::string& out) {
  const mode_t old = ::umask(077);
  auto db = OpenRaw(out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI);
  ::umask(old);
  if (!db) return Unexpected(db.error());
  sqlite3* d = db->get();
  Harden(d);
  if (auto ok = MakeSchema(d, version); !ok) return ok;
  // TRANSLATORS: what was being done when a restore failed; {file} is the backup's path.
  const Text what = T_("copying the rows of {file}", {{"file", backup}});
  if (auto ok = Exec(d, "ATTACH DATABASE '" + ReadOnlyUri(backup) + "' AS b", what); !ok) {
    // A quote in the path: the URI encodes it, so this is another failure.
    return ok;
  }
  if (auto ok = Exec(d, "BEGIN", what); !ok) return ok;
  // Each table of the new schema (foreign keys are off on this connection: rows go in any
  // order, and are checked once all are in).
  std::vector<std::string> tables;
  {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(d,
                       "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT "
                       "LIKE 'sqlite\\_%' ESCAPE '\\'",
                       -1, &raw, nullptr);
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
    while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
      tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0)));
    }
  }
  for (const std::string& t : tables) {
    // The names come from our own schema; the columns are those the backup was checked to have.
    std::string cols;
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(d, ("SELECT name FROM pragma_table_info('" + t + "', 'main')").c_str(), -1,
                       &raw, nullptr);
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
    while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
      cols += std::string(cols.empty() ? "" : ", ") + "\"" +
              reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0)) + "\"";
    }
    if (auto ok = Exec(d, "DELETE FROM main.\"" + t + "\"", what); !ok) return ok;
    std::string insert = "INSERT INTO main.\"";
    insert.append(t).append("\" (").append(cols).append(") SELECT ").append(cols);
    insert.append(" FROM b.\"").append(t).append("\"");
    // TRANSLATORS: what was being done when a restore failed; {file} is the backup's path,
    // {table} a table's name in it.
    const Text in_table =
        T_("copying the rows of {file}, table {table}", {{"file", backup}, {"table", t}});
    if (auto ok = Exec(d, insert, in_table); !ok) {
      return ok;
    }
  }
  // Ids handed out before stay handed out (tables with AUTOINCREMENT: migration 012 on).
  auto has_sequence = One(d,
                          "SELECT (SELECT COUNT(*) FROM main.sqlite_master WHERE name = "
                          "'sqlite_sequence') * (SELECT COUNT(*) FROM b.sqlite_master WHERE name "
                          "= 'sqlite_sequence')",
                          backup);
  if (has_sequence && *has_sequence == "1") {
    if (auto ok = Exec(d,
                       "INSERT INTO main.sqlite_sequence (name, seq) SELECT s.name, s.seq FROM "
                       "b.sqlite_sequence s WHERE s.name IN (SELECT name FROM main.sqlite_master "
                       "WHERE type = 'table') AND s.name NOT IN (SELECT name FROM "
                       "main.sqlite_sequence); UPDATE main.sqlite_sequence SET seq = MAX(seq, "
                       "COALESCE((SELECT s.seq FROM b.sqlite_sequence s WHERE s.name = "
                       "main.sqlite_sequence.name), 0))",
                       what);
        !ok) {
      return ok;
    }
  }
  auto broken = One(d, "SELECT COUNT(*) FROM pragma_foreign_key_check", backup);
  if (!broken) return Unexpected(broken.error());
  if (*broken != "0") {
    return Fail(Error::Invalid(
        Problem(backup,
                // TRANSLATORS: {n} rows of the backup name rows it does not hold.
                NT_("{n} row refers to rows that are not in it: not a backup backsignal made",
                    "{n} rows refer to rows that are not in it: not a backup backsignal made",
                    std::stoll(*broken)))));
  }
  if (auto ok = Exec(d, "COMMIT", what); !ok) return ok;
  if (auto ok = Exec(d, "DETACH DATABASE b", what); !ok) return ok;
  auto checked = One(d, "PRAGMA integrity_check", out);
  if (!checked || *checked != "ok") {
    // TRANSLATORS: {what} is what was being done ("copying the rows of PATH").
    return Fail(Error::Storage(T_("{what}: the copy is damaged", {{"what", what}})));
  }
  return {};
}

}  // namespace

Result<BackupInfo> RestoreDatabase(const std::string& backup, const std::string& location) {
  if (auto ok = RequireSqlite(location); !ok) return Unexpected(ok.error());
  const std::string path = SqlitePath(location);
  if (!std::filesystem::is_regular_file(backup)) {
    // TRANSLATORS: {file} is the path given as a backup to restore.
    return Fail(Error::NotFound(T_("no backup at {file}", {{"file", backup}})));
  }
  // Checked before anything is replaced: integrity, version, the whole schema.
  BackupInfo info;
  {
    auto b = OpenRaw(ReadOnlyUri(backup), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    if (!b) return Unexpected(b.error());
    Harden(b->get());
    auto checked = Check(b->get(), backup, true);
    if (!checked) return Unexpected(checked.error());
    info = *checked;
  }
  // Its rows, into a schema made here: nothing else of the file comes along.
  const std::string fresh = path + ".restoring";
  std::filesystem::remove(fresh);
  auto cleanup = [&] {
    std::error_code ec;
    std::filesystem::remove(fresh, ec);
  };
  if (auto ok = CopyRows(backup, info.schema_version, fresh); !ok) {
    cleanup();
    return Unexpected(ok.error());
  }
  auto b = OpenRaw(fresh, SQLITE_OPEN_READONLY);
  if (!b) {
    cleanup();
    return Unexpected(b.error());
  }
  // What is there now is kept beside it, so that a restore can be undone.
  if (std::filesystem::is_regular_file(path)) {
    auto saved = BackupDatabase(path, path + ".before-restore");
    if (!saved) {
      cleanup();
      return Unexpected(saved.error());
    }
    info.previous = saved->path;
  }
  const mode_t old = ::umask(077);
  auto dst = OpenRaw(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ::umask(old);
  if (!dst) {
    cleanup();
    return Unexpected(dst.error());
  }
  sqlite3_exec(dst->get(), "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
  // TRANSLATORS: what was being done when a restore failed; {file} is the backup's path,
  // {database} the database's.
  auto copied =
      Copy(b->get(), dst->get(),
           T_("restoring {file} into {database}", {{"file", backup}, {"database", path}}));
  b->reset();
  cleanup();
  if (!copied) return Unexpected(copied.error());
  sqlite3_exec(dst->get(), "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
  info.path = path;
  return info;
}

}  // namespace backsignal
