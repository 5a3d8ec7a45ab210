// The embedded store: one SQLite file in WAL mode with foreign keys on, synchronous=FULL so that
// an acknowledged write survives a crash or power loss, and versioned migrations.
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <span>

#include "backsignal/store/store.h"

namespace backsignal {
namespace {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

// Each migration runs once, in its own transaction, in version order. Never edit a released
// one: add the next.
const Migration kMigrations[] = {
    {1, "diary tables", R"sql(
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  usual_morning_pain REAL CHECK (usual_morning_pain BETWEEN 0 AND 10),
  usual_morning_stiffness REAL CHECK (usual_morning_stiffness BETWEEN 0 AND 10)
);
INSERT INTO people (id) VALUES (1);
CREATE TABLE days (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  morning_pain REAL CHECK (morning_pain BETWEEN 0 AND 10),
  morning_stiffness REAL CHECK (morning_stiffness BETWEEN 0 AND 10),
  sitting_hours REAL CHECK (sitting_hours BETWEEN 0 AND 24),
  prolonged_position INTEGER CHECK (prolonged_position IN (0, 1)),
  upper_body_tension REAL CHECK (upper_body_tension BETWEEN 0 AND 10),
  note TEXT,
  PRIMARY KEY (person_id, date)
) WITHOUT ROWID;
CREATE TABLE sessions (
  person_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  time_minutes INTEGER CHECK (time_minutes BETWEEN 0 AND 1439),
  minutes INTEGER CHECK (minutes BETWEEN 1 AND 600),
  activity TEXT,
  load_bits INTEGER NOT NULL DEFAULT 0 CHECK (load_bits BETWEEN 0 AND 7),
  during_start REAL CHECK (during_start BETWEEN 0 AND 10),
  during_end REAL CHECK (during_end BETWEEN 0 AND 10),
  during_pattern TEXT CHECK (during_pattern IN ('stable', 'building', 'eased')),
  during_sharp INTEGER CHECK (during_sharp IN (0, 1)),
  hour_after_pain REAL CHECK (hour_after_pain BETWEEN 0 AND 10),
  hour_after_tighter INTEGER CHECK (hour_after_tighter IN (0, 1)),
  PRIMARY KEY (person_id, date, seq),
  FOREIGN KEY (person_id, date) REFERENCES days(person_id, date) ON DELETE CASCADE
) WITHOUT ROWID;
)sql"},
    {2, "reading settings", R"sql(
CREATE TABLE settings (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (person_id, name)
) WITHOUT ROWID;
)sql"},
    {3, "profile", R"sql(
CREATE TABLE profile (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (person_id, key)
) WITHOUT ROWID;
INSERT INTO profile (person_id, key, value) SELECT id, 'person_key', lower(hex(randomblob(16))) FROM people;
)sql"},
};

constexpr int64_t kLocalPerson = 1;  // the one person of a local diary

class Statement {
 public:
  Statement() = default;
  explicit Statement(sqlite3_stmt* s) : s_(s) {}
  Statement(Statement&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  Statement& operator=(Statement&& o) noexcept {
    std::swap(s_, o.s_);
    return *this;
  }
  ~Statement() { sqlite3_finalize(s_); }
  sqlite3_stmt* get() const { return s_; }

 private:
  sqlite3_stmt* s_ = nullptr;
};

// One SQLite connection with its cached prepared statements. Not thread-safe: its owner
// serialises access.
class Connection {
 public:
  Connection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  ~Connection() {
    stmts_.clear();
    sqlite3_close_v2(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A cached prepared statement, reset and with bindings cleared.
  Result<sqlite3_stmt*> Prepare(const char* sql);
  Error Fault(const std::string& doing) const {
    return Error::Storage("database " + path_ + ": " + doing + " failed: " + sqlite3_errmsg(db_));
  }
  Result<void> Exec(const char* sql, const char* doing) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Fail(Error::Storage("database " + path_ + ": " + doing + " failed: " + msg));
    }
    return {};
  }
  sqlite3* db() const { return db_; }

 private:
  sqlite3* db_;
  std::string path_;
  std::map<const char*, Statement> stmts_;  // keyed by the SQL literal's address
};

class SqliteTxn final : public DiaryTxn {
 public:
  explicit SqliteTxn(Connection& c) : c_(c) {}
  Result<std::optional<Day>> GetDay(Date date) override;
  Result<void> PutDay(const Day& day) override;
  Result<void> Clear() override;
  Result<std::map<std::string, double>> GetSettings() override;
  Result<void> SetSettings(const std::map<std::string, double>& settings) override;
  Result<UsualMorning> GetUsual() override;
  Result<void> SetUsual(const UsualMorning& usual) override;
  Result<Profile> GetProfile() override;
  Result<void> SetProfile(const Profile& profile) override;

 private:
  Connection& c_;
};

// Writes go through one connection, reads through another: in WAL mode a reader never waits
// for the writer, nor the writer for a reader.
class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<Connection> writer, std::unique_ptr<Connection> reader,
              std::string path)
      : writer_(std::move(writer)), reader_(std::move(reader)), path_(std::move(path)) {}

  Result<void> Init();
  Result<Diary> LoadDiary() override;
  Result<std::map<std::string, double>> LoadSettings() override {
    std::lock_guard lock(read_mu_);
    SqliteTxn txn(*reader_);  // reads only
    return txn.GetSettings();
  }
  Result<void> Transact(const std::function<Result<void>(DiaryTxn&)>& body) override;
  std::vector<Result<void>> TransactBatch(std::span<const TxnBody> bodies) override;
  std::string Describe() const override { return "sqlite:" + path_; }
  void SetReader(std::unique_ptr<Connection> reader) { reader_ = std::move(reader); }

 private:
  std::mutex write_mu_;
  std::unique_ptr<Connection> writer_;  // GUARDED_BY(write_mu_)
  std::mutex read_mu_;
  std::unique_ptr<Connection> reader_;  // GUARDED_BY(read_mu_)
  std::string path_;
};

// --- reading and binding columns ---

void BindOptScore(sqlite3_stmt* s, int i, const std::optional<Score>& v) {
  if (v) {
    sqlite3_bind_double(s, i, v->value());
  } else {
    sqlite3_bind_null(s, i);
  }
}
void BindOptBool(sqlite3_stmt* s, int i, const std::optional<bool>& v) {
  if (v) {
    sqlite3_bind_int(s, i, *v ? 1 : 0);
  } else {
    sqlite3_bind_null(s, i);
  }
}
void BindOptText(sqlite3_stmt* s, int i, const std::optional<std::string>& v) {
  if (v) {
    sqlite3_bind_text(s, i, v->data(), static_cast<int>(v->size()), SQLITE_TRANSIENT);
  } else {
    sqlite3_bind_null(s, i);
  }
}
void BindText(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

bool IsNull(sqlite3_stmt* s, int i) { return sqlite3_column_type(s, i) == SQLITE_NULL; }

Result<std::optional<Score>> ColScore(sqlite3_stmt* s, int i, const char* what) {
  if (IsNull(s, i)) return std::optional<Score>();
  auto v = Score::FromDouble(sqlite3_column_double(s, i));
  if (!v) return Fail(Error::Storage(std::string("corrupt value in the database, ") + what + ": " + v.error()));
  return std::optional<Score>(*v);
}
std::optional<bool> ColBool(sqlite3_stmt* s, int i) {
  if (IsNull(s, i)) return std::nullopt;
  return sqlite3_column_int(s, i) != 0;
}
std::optional<std::string> ColText(sqlite3_stmt* s, int i) {
  if (IsNull(s, i)) return std::nullopt;
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(s, i)));
}

Result<sqlite3_stmt*> Connection::Prepare(const char* sql) {
  auto it = stmts_.find(sql);
  if (it == stmts_.end()) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr) != SQLITE_OK) {
      return Fail(Fault("preparing a statement"));
    }
    it = stmts_.emplace(sql, Statement(raw)).first;
  }
  sqlite3_stmt* s = it->second.get();
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  return s;
}

Result<void> SqliteStore::Init() {
  std::lock_guard lock(write_mu_);
  Connection& c = *writer_;
  // Fails here, clearly, when the file is not a SQLite database.
  if (auto ok = c.Exec("PRAGMA journal_mode=WAL", "switching to WAL"); !ok) return ok;
  if (auto ok = c.Exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                       " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                       " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))",
                       "creating the migrations table");
      !ok) {
    return ok;
  }
  int current = 0;
  {
    auto s = c.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!s) return Unexpected(s.error());
    if (sqlite3_step(*s) != SQLITE_ROW) return Fail(c.Fault("reading the schema version"));
    current = sqlite3_column_int(*s, 0);
    sqlite3_reset(*s);
  }
  const int latest = std::end(kMigrations)[-1].version;
  if (current > latest) {
    return Fail(Error::Storage("database " + path_ + " has schema version " +
                               std::to_string(current) + ", newer than this backsignal knows (" +
                               std::to_string(latest) + "); upgrade backsignal"));
  }
  for (const Migration& m : kMigrations) {
    if (m.version <= current) continue;
    if (auto ok = c.Exec("BEGIN IMMEDIATE", "starting a migration"); !ok) return ok;
    auto ok = c.Exec(m.sql, m.name);
    if (ok) {
      auto s = c.Prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
      if (!s) {
        ok = Unexpected(s.error());
      } else {
        sqlite3_bind_int(*s, 1, m.version);
        sqlite3_bind_text(*s, 2, m.name, -1, SQLITE_STATIC);
        if (sqlite3_step(*s) != SQLITE_DONE) ok = Fail(c.Fault("recording a migration"));
        sqlite3_reset(*s);
      }
    }
    if (ok) ok = c.Exec("COMMIT", "committing a migration");
    if (!ok) {
      c.Exec("ROLLBACK", "rolling back");
      return ok;
    }
  }
  return {};
}

constexpr const char* kDayColumns =
    "date, morning_pain, morning_stiffness, sitting_hours, prolonged_position, "
    "upper_body_tension, note";

Result<void> ReadDayRow(sqlite3_stmt* s, Day& day, int c) {
  const std::string date_text = ColText(s, c).value_or("");
  auto date = Date::Parse(date_text);
  if (!date) return Fail(Error::Storage("corrupt date in the database: " + date_text));
  day.date = *date;
  auto pain = ColScore(s, c + 1, "morning_pain");
  auto stiff = ColScore(s, c + 2, "morning_stiffness");
  auto tension = ColScore(s, c + 5, "upper_body_tension");
  if (!pain) return Unexpected(pain.error());
  if (!stiff) return Unexpected(stiff.error());
  if (!tension) return Unexpected(tension.error());
  if (*pain) day.morning = Morning{**pain, *stiff};
  if (!IsNull(s, c + 3)) day.context.sitting_hours = sqlite3_column_double(s, c + 3);
  day.context.prolonged_position = ColBool(s, c + 4);
  day.context.upper_body_tension = *tension;
  day.note = ColText(s, c + 6);
  return {};
}

Result<void> ReadSessionRow(sqlite3_stmt* s, Session& out, int c) {
  if (!IsNull(s, c)) out.time = TimeOfDay::FromMinutes(sqlite3_column_int(s, c));
  if (!IsNull(s, c + 1)) out.minutes = sqlite3_column_int(s, c + 1);
  out.activity = ColText(s, c + 2);
  out.load = LoadSet::FromBits(static_cast<uint8_t>(sqlite3_column_int(s, c + 3)));
  auto start = ColScore(s, c + 4, "during_start");
  auto end = ColScore(s, c + 5, "during_end");
  auto after = ColScore(s, c + 8, "hour_after_pain");
  if (!start) return Unexpected(start.error());
  if (!end) return Unexpected(end.error());
  if (!after) return Unexpected(after.error());
  out.during.start = *start;
  out.during.end = *end;
  if (auto p = ColText(s, c + 6)) {
    auto pat = ParsePattern(*p);
    if (!pat) return Fail(Error::Storage("corrupt during_pattern in the database: " + *p));
    out.during.pattern = *pat;
  }
  out.during.sharp = ColBool(s, c + 7);
  out.hour_after.pain = *after;
  out.hour_after.tighter = ColBool(s, c + 9);
  return {};
}

constexpr const char* kSessionColumns =
    "time_minutes, minutes, activity, load_bits, during_start, during_end, during_pattern, "
    "during_sharp, hour_after_pain, hour_after_tighter";

Result<Diary> SqliteStore::LoadDiary() {
  std::lock_guard lock(read_mu_);
  Connection& c = *reader_;
  Diary diary;
  // One read transaction: a consistent snapshot even while check-ins are being written.
  if (auto ok = c.Exec("BEGIN", "starting a read"); !ok) return Unexpected(ok.error());
  auto finish = [&](Result<Diary> r) -> Result<Diary> {
    c.Exec("COMMIT", "ending a read");
    return r;
  };
  {
    auto s = c.Prepare("SELECT usual_morning_pain, usual_morning_stiffness FROM people WHERE id = ?");
    if (!s) return finish(Unexpected(s.error()));
    sqlite3_bind_int64(*s, 1, kLocalPerson);
    if (sqlite3_step(*s) == SQLITE_ROW) {
      auto p = ColScore(*s, 0, "usual_morning_pain");
      auto st = ColScore(*s, 1, "usual_morning_stiffness");
      if (!p) return finish(Unexpected(p.error()));
      if (!st) return finish(Unexpected(st.error()));
      diary.usual = {*p, *st};
    }
    sqlite3_reset(*s);
  }
  static const std::string kDaysSql =
      std::string("SELECT ") + kDayColumns + " FROM days WHERE person_id = ? ORDER BY date";
  auto days = c.Prepare(kDaysSql.c_str());
  if (!days) return finish(Unexpected(days.error()));
  sqlite3_bind_int64(*days, 1, kLocalPerson);
  int rc;
  while ((rc = sqlite3_step(*days)) == SQLITE_ROW) {
    Day day;
    if (auto ok = ReadDayRow(*days, day, 0); !ok) return finish(Unexpected(ok.error()));
    diary.days.push_back(std::move(day));
  }
  if (rc != SQLITE_DONE) return finish(Fail(c.Fault("reading days")));
  static const std::string kSessionsSql = std::string("SELECT date, ") + kSessionColumns +
                                          " FROM sessions WHERE person_id = ? ORDER BY date, seq";
  auto ss = c.Prepare(kSessionsSql.c_str());
  if (!ss) return finish(Unexpected(ss.error()));
  sqlite3_bind_int64(*ss, 1, kLocalPerson);
  size_t di = 0;
  while ((rc = sqlite3_step(*ss)) == SQLITE_ROW) {
    const std::string date_text = ColText(*ss, 0).value_or("");
    auto date = Date::Parse(date_text);
    if (!date) return finish(Fail(Error::Storage("corrupt session date in the database: " + date_text)));
    while (di < diary.days.size() && diary.days[di].date < *date) ++di;
    if (di == diary.days.size() || diary.days[di].date != *date) {
      return finish(Fail(Error::Storage("database holds a session without its day: " + date_text)));
    }
    Session session;
    if (auto ok = ReadSessionRow(*ss, session, 1); !ok) return finish(Unexpected(ok.error()));
    diary.days[di].sessions.push_back(std::move(session));
  }
  if (rc != SQLITE_DONE) return finish(Fail(c.Fault("reading sessions")));
  return finish(std::move(diary));
}

Result<void> SqliteStore::Transact(const std::function<Result<void>(DiaryTxn&)>& body) {
  std::lock_guard lock(write_mu_);
  Connection& c = *writer_;
  if (auto ok = c.Exec("BEGIN IMMEDIATE", "starting a transaction"); !ok) return ok;
  SqliteTxn txn(c);
  Result<void> ok = body(txn);
  if (ok) ok = c.Exec("COMMIT", "committing");
  if (!ok) c.Exec("ROLLBACK", "rolling back");
  return ok;
}

std::vector<Result<void>> SqliteStore::TransactBatch(std::span<const TxnBody> bodies) {
  std::lock_guard lock(write_mu_);
  Connection& c = *writer_;
  std::vector<Result<void>> results;
  results.reserve(bodies.size());
  if (auto ok = c.Exec("BEGIN IMMEDIATE", "starting a transaction"); !ok) {
    results.assign(bodies.size(), ok);
    return results;
  }
  SqliteTxn txn(c);
  // Each body in a savepoint of its own: one that fails is undone alone.
  for (const TxnBody& body : bodies) {
    Result<void> ok = c.Exec("SAVEPOINT one", "starting a savepoint");
    if (ok) ok = body(txn);
    if (ok) {
      ok = c.Exec("RELEASE one", "releasing a savepoint");
    } else {
      c.Exec("ROLLBACK TO one", "rolling back a savepoint");
      c.Exec("RELEASE one", "releasing a savepoint");
    }
    results.push_back(std::move(ok));
  }
  // One commit, one fsync, for the whole batch.
  if (auto ok = c.Exec("COMMIT", "committing"); !ok) {
    c.Exec("ROLLBACK", "rolling back");
    for (Result<void>& r : results) {
      if (r) r = ok;
    }
  }
  return results;
}

Result<std::optional<Day>> SqliteTxn::GetDay(Date date) {
  static const std::string kSql = std::string("SELECT ") + kDayColumns +
                                  " FROM days WHERE person_id = ? AND date = ?";
  auto s = c_.Prepare(kSql.c_str());
  if (!s) return Unexpected(s.error());
  sqlite3_bind_int64(*s, 1, kLocalPerson);
  BindText(*s, 2, date.ToString());
  const int rc = sqlite3_step(*s);
  if (rc == SQLITE_DONE) return std::optional<Day>();
  if (rc != SQLITE_ROW) return Fail(c_.Fault("reading a day"));
  Day day;
  if (auto ok = ReadDayRow(*s, day, 0); !ok) return Unexpected(ok.error());
  sqlite3_reset(*s);
  static const std::string kSessionsSql = std::string("SELECT ") + kSessionColumns +
                                          " FROM sessions WHERE person_id = ? AND date = ? ORDER BY seq";
  auto ss = c_.Prepare(kSessionsSql.c_str());
  if (!ss) return Unexpected(ss.error());
  sqlite3_bind_int64(*ss, 1, kLocalPerson);
  BindText(*ss, 2, date.ToString());
  int src;
  while ((src = sqlite3_step(*ss)) == SQLITE_ROW) {
    Session session;
    if (auto ok = ReadSessionRow(*ss, session, 0); !ok) return Unexpected(ok.error());
    day.sessions.push_back(std::move(session));
  }
  if (src != SQLITE_DONE) return Fail(c_.Fault("reading sessions"));
  return std::optional<Day>(std::move(day));
}

Result<void> SqliteTxn::PutDay(const Day& day) {
  const std::string date = day.date.ToString();
  auto del = c_.Prepare("DELETE FROM days WHERE person_id = ? AND date = ?");
  if (!del) return Unexpected(del.error());
  sqlite3_bind_int64(*del, 1, kLocalPerson);
  BindText(*del, 2, date);
  if (sqlite3_step(*del) != SQLITE_DONE) return Fail(c_.Fault("replacing a day"));
  if (day.empty()) return {};

  auto ins = c_.Prepare(
      "INSERT INTO days (person_id, date, morning_pain, morning_stiffness, sitting_hours, "
      "prolonged_position, upper_body_tension, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!ins) return Unexpected(ins.error());
  sqlite3_stmt* s = *ins;
  sqlite3_bind_int64(s, 1, kLocalPerson);
  BindText(s, 2, date);
  BindOptScore(s, 3, day.morning ? std::optional<Score>(day.morning->pain) : std::nullopt);
  BindOptScore(s, 4, day.morning ? day.morning->stiffness : std::nullopt);
  if (day.context.sitting_hours) {
    sqlite3_bind_double(s, 5, *day.context.sitting_hours);
  }
  BindOptBool(s, 6, day.context.prolonged_position);
  BindOptScore(s, 7, day.context.upper_body_tension);
  BindOptText(s, 8, day.note);
  if (sqlite3_step(s) != SQLITE_DONE) return Fail(c_.Fault("storing a day"));

  for (size_t k = 0; k < day.sessions.size(); ++k) {
    const Session& x = day.sessions[k];
    auto si = c_.Prepare(
        "INSERT INTO sessions (person_id, date, seq, time_minutes, minutes, activity, load_bits, "
        "during_start, during_end, during_pattern, during_sharp, hour_after_pain, "
        "hour_after_tighter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!si) return Unexpected(si.error());
    sqlite3_stmt* q = *si;
    sqlite3_bind_int64(q, 1, kLocalPerson);
    BindText(q, 2, date);
    sqlite3_bind_int64(q, 3, static_cast<int64_t>(k + 1));
    if (x.time) sqlite3_bind_int(q, 4, x.time->minutes());
    if (x.minutes) sqlite3_bind_int(q, 5, *x.minutes);
    BindOptText(q, 6, x.activity);
    sqlite3_bind_int(q, 7, x.load.bits());
    BindOptScore(q, 8, x.during.start);
    BindOptScore(q, 9, x.during.end);
    if (x.during.pattern) {
      sqlite3_bind_text(q, 10, PatternName(*x.during.pattern).data(),
                        static_cast<int>(PatternName(*x.during.pattern).size()), SQLITE_STATIC);
    }
    BindOptBool(q, 11, x.during.sharp);
    BindOptScore(q, 12, x.hour_after.pain);
    BindOptBool(q, 13, x.hour_after.tighter);
    if (sqlite3_step(q) != SQLITE_DONE) return Fail(c_.Fault("storing a session"));
  }
  return {};
}

Result<std::map<std::string, double>> SqliteTxn::GetSettings() {
  auto q = c_.Prepare("SELECT name, value FROM settings WHERE person_id = ? ORDER BY name");
  if (!q) return Unexpected(q.error());
  sqlite3_bind_int64(*q, 1, kLocalPerson);
  std::map<std::string, double> out;
  int rc;
  while ((rc = sqlite3_step(*q)) == SQLITE_ROW) {
    out[ColText(*q, 0).value_or("")] = sqlite3_column_double(*q, 1);
  }
  if (rc != SQLITE_DONE) return Fail(c_.Fault("reading settings"));
  return out;
}

Result<void> SqliteTxn::SetSettings(const std::map<std::string, double>& settings) {
  auto del = c_.Prepare("DELETE FROM settings WHERE person_id = ?");
  if (!del) return Unexpected(del.error());
  sqlite3_bind_int64(*del, 1, kLocalPerson);
  if (sqlite3_step(*del) != SQLITE_DONE) return Fail(c_.Fault("replacing settings"));
  for (const auto& [name, value] : settings) {
    auto ins = c_.Prepare("INSERT INTO settings (person_id, name, value) VALUES (?, ?, ?)");
    if (!ins) return Unexpected(ins.error());
    sqlite3_bind_int64(*ins, 1, kLocalPerson);
    BindText(*ins, 2, name);
    sqlite3_bind_double(*ins, 3, value);
    if (sqlite3_step(*ins) != SQLITE_DONE) return Fail(c_.Fault("storing a setting"));
  }
  return {};
}

Result<void> SqliteTxn::Clear() {
  auto del = c_.Prepare("DELETE FROM days WHERE person_id = ?");
  if (!del) return Unexpected(del.error());
  sqlite3_bind_int64(*del, 1, kLocalPerson);
  if (sqlite3_step(*del) != SQLITE_DONE) return Fail(c_.Fault("clearing the diary"));
  return SetUsual(UsualMorning{});
}

Result<UsualMorning> SqliteTxn::GetUsual() {
  auto s = c_.Prepare(
      "SELECT usual_morning_pain, usual_morning_stiffness FROM people WHERE id = ?");
  if (!s) return Unexpected(s.error());
  sqlite3_bind_int64(*s, 1, kLocalPerson);
  UsualMorning u;
  if (sqlite3_step(*s) == SQLITE_ROW) {
    auto p = ColScore(*s, 0, "usual_morning_pain");
    auto st = ColScore(*s, 1, "usual_morning_stiffness");
    if (!p) return Unexpected(p.error());
    if (!st) return Unexpected(st.error());
    u = {*p, *st};
  }
  sqlite3_reset(*s);
  return u;
}

Result<void> SqliteTxn::SetUsual(const UsualMorning& usual) {
  auto s = c_.Prepare(
      "UPDATE people SET usual_morning_pain = ?, usual_morning_stiffness = ? WHERE id = ?");
  if (!s) return Unexpected(s.error());
  BindOptScore(*s, 1, usual.pain);
  BindOptScore(*s, 2, usual.stiffness);
  sqlite3_bind_int64(*s, 3, kLocalPerson);
  if (sqlite3_step(*s) != SQLITE_DONE) return Fail(c_.Fault("storing the usual morning"));
  return {};
}

Result<Profile> SqliteTxn::GetProfile() {
  auto q = c_.Prepare("SELECT key, value FROM profile WHERE person_id = ?");
  if (!q) return Unexpected(q.error());
  sqlite3_bind_int64(*q, 1, kLocalPerson);
  Profile p;
  int rc;
  while ((rc = sqlite3_step(*q)) == SQLITE_ROW) {
    const std::string key = ColText(*q, 0).value_or("");
    std::string value = ColText(*q, 1).value_or("");
    if (key == "person_key") {
      p.person_key = std::move(value);
    } else if (key == "time_zone") {
      p.time_zone = std::move(value);
    } else if (key == "wake_time") {
      auto t = TimeOfDay::Parse(value);
      if (!t) return Fail(Error::Storage("corrupt value in the database, wake_time: " + t.error()));
      p.wake_time = *t;
    } else if (key == "feed_token_hash") {
      p.feed_token_hash = std::move(value);
    }
  }
  if (rc != SQLITE_DONE) return Fail(c_.Fault("reading the profile"));
  return p;
}

Result<void> SqliteTxn::SetProfile(const Profile& p) {
  const std::pair<const char*, std::string> values[] = {
      {"time_zone", p.time_zone},
      {"wake_time", p.wake_time ? p.wake_time->ToString() : std::string()},
      {"feed_token_hash", p.feed_token_hash},
  };
  for (const auto& [key, value] : values) {
    auto del = c_.Prepare("DELETE FROM profile WHERE person_id = ? AND key = ?");
    if (!del) return Unexpected(del.error());
    sqlite3_bind_int64(*del, 1, kLocalPerson);
    sqlite3_bind_text(*del, 2, key, -1, SQLITE_STATIC);
    if (sqlite3_step(*del) != SQLITE_DONE) return Fail(c_.Fault("storing the profile"));
    if (value.empty()) continue;
    auto ins = c_.Prepare("INSERT INTO profile (person_id, key, value) VALUES (?, ?, ?)");
    if (!ins) return Unexpected(ins.error());
    sqlite3_bind_int64(*ins, 1, kLocalPerson);
    sqlite3_bind_text(*ins, 2, key, -1, SQLITE_STATIC);
    BindText(*ins, 3, value);
    if (sqlite3_step(*ins) != SQLITE_DONE) return Fail(c_.Fault("storing the profile"));
  }
  return {};
}

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, bool create) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!create && !fs::exists(path, ec)) {
    return Fail(Error::NotFound("no diary at " + path +
                                " yet: record a check-in (backsignal morning 3) or import one "
                                "(backsignal import FILE)"));
  }
  if (create) {
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty() && !fs::exists(parent, ec)) {
      fs::create_directories(parent, ec);
      if (ec) {
        return Fail(Error::Storage("cannot create the folder " + parent.string() + ": " +
                                   ec.message()));
      }
    }
  }
  auto connect = [&](bool may_create) -> Result<std::unique_ptr<Connection>> {
    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (may_create ? SQLITE_OPEN_CREATE : 0) |
                      SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close_v2(db);
      return Fail(Error::Storage("cannot open the database " + path + ": " + msg));
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);
    auto c = std::make_unique<Connection>(db, path);
    // synchronous=FULL: a committed transaction is on disk before COMMIT returns.
    if (auto ok = c->Exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", "setting pragmas");
        !ok) {
      return Unexpected(ok.error());
    }
    return c;
  };
  auto writer = connect(create);
  if (!writer) return Unexpected(writer.error());
  auto store = std::make_unique<SqliteStore>(std::move(*writer), nullptr, path);
  if (auto ok = store->Init(); !ok) return Unexpected(ok.error());
  auto reader = connect(false);
  if (!reader) return Unexpected(reader.error());
  store->SetReader(std::move(*reader));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace backsignal
