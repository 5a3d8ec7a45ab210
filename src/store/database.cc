// Connections, transactions and group commit, migrations.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <exception>
#include <numeric>
#include <thread>

#include "schema.h"
#include "sql_database.h"

namespace backsignal::sql {

Result<void> SqlDatabase::Write(const std::function<Result<void>(Conn&)>& f) {
  MutexLock lock(write_mu_);
  auto txn = Transaction::Begin(*writer_, TxnMode::kWrite);
  if (!txn) return Unexpected(txn.error());
  if (auto ok = f(*writer_); !ok) return ok;  // rolled back by the guard
  return txn->Commit();
}

namespace {

// Runs one body, turning anything it throws into a storage error of its own.
Result<void> RunBody(const Store::TxnBody& body, SqlTxn& txn) {
  try {
    return body(txn);
  } catch (const std::exception& e) {
    // TRANSLATORS: {reason} is the program's own reason (English).
    return Fail(Error::Storage(T_("the write failed: {reason}", {{"reason", e.what()}})));
  } catch (...) {
    return Fail(Error::Storage(T_("the write failed")));
  }
}

}  // namespace

std::vector<Result<void>> SqlDatabase::TransactBatch(std::span<const PersonBody> bodies) {
  // Bodies run person by person in ascending order (each person's in their own order), so that
  // every process takes PostgreSQL's per-person locks in the same order: no deadlock.
  std::vector<size_t> order(bodies.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return bodies[a].person < bodies[b].person; });
  std::vector<Result<void>> results(bodies.size());
  MutexLock lock(write_mu_);
  Conn& c = *writer_;
  auto txn = Transaction::Begin(c, TxnMode::kWrite);
  if (!txn) {
    results.assign(bodies.size(), Unexpected(txn.error()));
    return results;
  }
  const bool pg = IsPostgres();
  PersonId locked = 0;
  for (size_t i : order) {
    const PersonBody& pb = bodies[i];
    Result<void> ok = txn->Savepoint();
    if (ok && pg && pb.person != locked) {
      // Serialises writes to one person's diary across every server process.
      auto l = c.Query("SELECT pg_advisory_xact_lock(?)", {pb.person});
      if (!l) ok = Unexpected(l.error());
      locked = pb.person;
    }
    SqlTxn body_txn(c, pb.person);
    if (ok) ok = RunBody(pb.body, body_txn);
    if (ok && body_txn.new_tags()) ok = CheckTagsOfPerson(c, pb.person);
    if (ok && body_txn.changed()) ok = AfterWrite(c, pb.person, summariser_.get());
    if (ok) {
      ok = txn->ReleaseSavepoint();
    } else {
      // Rolling back to the savepoint also releases a lock taken after it: take it again for
      // the person's next body. When even that fails, the transaction is lost: Commit fails
      // and every body with it.
      (void)txn->RollbackToSavepoint();
      locked = 0;
    }
    results[i] = std::move(ok);
  }
  // One commit (one fsync on SQLite) for the whole batch; nothing is acknowledged before it.
  if (auto ok = txn->Commit(); !ok) {
    for (Result<void>& r : results) {
      if (r) r = Unexpected(ok.error());
    }
  }
  return results;
}

Result<void> SqlDatabase::EnsureLocalPerson() {
  // On SQLite the command line has a diary of its own (person 1 in a new database). When the
  // account that took it is deleted, a new empty one is made, with a new id: an id is never
  // handed out twice.
  return Write([&](Conn& c) -> Result<void> {
    auto id = LocalPersonOn(c);
    if (!id) return Unexpected(id.error());
    auto there = c.Query("SELECT 1 FROM people WHERE id = ?", {*id});
    if (!there) return Unexpected(there.error());
    if (there->empty()) {
      auto p = c.Query("INSERT INTO people (usual_morning_pain) VALUES (NULL) RETURNING id", {});
      if (!p) return Unexpected(p.error());
      *id = (*p)[0].Int(0);
      auto k = c.Run("INSERT INTO profile (person_id, key, value) VALUES (?, 'person_key', ?)",
                     {*id, RandomKey()});
      if (!k) return Unexpected(k.error());
      auto s = c.Run(
          "INSERT INTO setup (key, value) VALUES ('local_person', ?) ON CONFLICT (key) DO UPDATE "
          "SET value = excluded.value",
          {std::to_string(*id)});
      if (!s) return Unexpected(s.error());
    }
    local_person_ = *id;
    return {};
  });
}

Result<PersonId> LocalPersonOn(Conn& c) {
  auto r = c.Query("SELECT value FROM setup WHERE key = 'local_person'", {});
  if (!r) return Unexpected(r.error());
  if (r->empty()) return kLocalPerson;
  const std::string v = (*r)[0].Text(0);
  PersonId id = 0;
  const auto parsed = std::from_chars(v.data(), v.data() + v.size(), id);
  if (parsed.ec != std::errc() || parsed.ptr != v.data() + v.size() || id <= 0) {
    return Fail(Error::Storage("corrupt value in the database, setup.local_person: " + v));
  }
  return id;
}

Result<void> SqlDatabase::FindLocalPerson() {
  auto id = Read([&](Conn& c) { return LocalPersonOn(c); });
  if (!id) return Unexpected(id.error());
  local_person_ = *id;
  return {};
}

namespace {

int LatestVersion() { return Migrations().back().version; }

Error NewerSchema(const std::string& where, int current) {
  // TRANSLATORS: {database} is the database's location; {version} its schema version, newer
  // than {known}, the newest this backsignal knows.
  return Error::Storage(
      T_("database {database} has schema version {version}, newer than this "
         "backsignal knows ({known}); upgrade backsignal",
         {{"database", where}, {"version", current}, {"known", LatestVersion()}}));
}

// The schema version recorded in the database (0 when none is).
Result<int> SchemaVersion(Conn& c, bool table_exists_known) {
  if (!table_exists_known) {
    auto t = c.Query(c.dialect() == Dialect::kPostgres
                         ? "SELECT 1 FROM information_schema.tables WHERE table_schema = "
                           "current_schema() AND table_name = 'schema_migrations'"
                         : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                           "'schema_migrations'",
                     {});
    if (!t) return Unexpected(t.error());
    if (t->empty()) return 0;
  }
  auto v = c.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {});
  if (!v) return Unexpected(v.error());
  return static_cast<int>((*v)[0].Int(0));
}

}  // namespace

Result<void> SqlDatabase::CheckSchema() {
  MutexLock lock(write_mu_);
  auto v = SchemaVersion(*writer_, false);
  if (!v) return Unexpected(v.error());
  if (*v > LatestVersion()) return Fail(NewerSchema(writer_->Describe(), *v));
  if (*v < LatestVersion()) {
    // TRANSLATORS: {database} is the database's location; {version} its schema version, older
    // than {latest}, this backsignal's.
    return Fail(Error::Storage(
        T_("database {database} has schema version {version} and needs "
           "upgrading (to {latest}), which a read-only open cannot do: "
           "run a writing command (or serve) once",
           {{"database", writer_->Describe()}, {"version", *v}, {"latest", LatestVersion()}})));
  }
  return {};
}

Result<void> SqlDatabase::Migrate() {
  MutexLock lock(write_mu_);
  Conn& c = *writer_;
  const bool pg = IsPostgres();
  if (!pg) {
    // Fails here, clearly, when the file is not a SQLite database. Two processes starting at
    // once on a new file both ask for WAL mode; the one that finds the file locked is not
    // helped by the busy timeout here, so it waits and asks again (for up to 10 s).
    for (int attempt = 0;; ++attempt) {
      auto ok = c.Exec("PRAGMA journal_mode=WAL");
      if (ok) break;
      if (attempt >= 200 || ok.error().message.find("locked") == std::string::npos) return ok;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  // Up to date: the common case, a read and nothing more.
  if (auto v = SchemaVersion(c, false); v && *v == LatestVersion()) return {};
  // Several processes may start at once: the first migrates, the others wait for it (a
  // PostgreSQL advisory lock; SQLite's write lock, taken by BEGIN IMMEDIATE under the busy
  // timeout) and then find nothing left to do.
  if (pg) {
    if (auto ok = c.Exec("SELECT pg_advisory_lock(7268)"); !ok) return ok;
  }
  // SQLite: a migration may make a table again (it cannot change a column's definition in
  // place), which with foreign keys on would cascade the old table's deletion to every row that
  // refers to it. So they are off while migrating, and each migration is checked against them
  // before it commits.
  if (!pg) {
    if (auto ok = c.Exec("PRAGMA foreign_keys=OFF"); !ok) return ok;
  }
  auto migrate = [&]() -> Result<void> {
    {
      auto txn = Transaction::Begin(c, TxnMode::kWrite);
      if (!txn) return Unexpected(txn.error());
      if (auto ok = c.Exec(pg ? kPostgresMigrationsTable : kSqliteMigrationsTable); !ok) {
        return ok;
      }
      if (auto ok = txn->Commit(); !ok) return ok;
    }
    for (const Migration& m : Migrations()) {
      auto txn = Transaction::Begin(c, TxnMode::kWrite);
      if (!txn) return Unexpected(txn.error());
      // Read inside the write transaction: another process may have migrated meanwhile.
      auto current = SchemaVersion(c, true);
      if (!current) return Unexpected(current.error());
      if (*current > LatestVersion()) return Fail(NewerSchema(c.Describe(), *current));
      if (m.version <= *current) continue;
      Result<void> ok = c.Exec(pg ? m.postgres : m.sqlite);
      if (ok && !pg) {
        auto broken = c.Query("PRAGMA foreign_key_check", {});
        if (!broken) {
          ok = Unexpected(broken.error());
        } else if (!broken->empty()) {
          ok = Fail(Error::Storage("a row of " + (*broken)[0].Text(0) + " refers to nothing in " +
                                   (*broken)[0].Text(2)));
        }
      }
      if (ok) {
        auto r = c.Run("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                       {int64_t{m.version}, std::string(m.name)});
        if (!r) ok = Unexpected(r.error());
      }
      if (ok) ok = txn->Commit();
      if (!ok) {
        // TRANSLATORS: {version} and {name} are a schema migration's number and name;
        // {reason} what went wrong.
        return Fail(Error::Storage(T_("migration {version} ({name}) failed: {reason}",
                                      {{"version", m.version},
                                       {"name", std::string(m.name)},
                                       {"reason", ok.error().MessageText()}})));
      }
    }
    return {};
  };
  Result<void> ok = migrate();
  if (pg) (void)c.Exec("SELECT pg_advisory_unlock(7268)");
  if (!pg) {
    if (auto on = c.Exec("PRAGMA foreign_keys=ON"); !on && ok) return on;
  }
  return ok;
}

}  // namespace backsignal::sql
