// The SQLite driver of the SQL layer.
#include <sqlite3.h>

#include <cctype>
#include <filesystem>
#include <map>

#include "sql.h"

namespace backsignal::sql {
namespace {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* s) : s_(s) {}
  Statement(Statement&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
  ~Statement() { sqlite3_finalize(s_); }
  sqlite3_stmt* get() const { return s_; }

 private:
  sqlite3_stmt* s_;
};

class SqliteConn final : public Conn {
 public:
  SqliteConn(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  Result<void> Begin(TxnMode mode) override {
    if (in_txn_)
      return Fail(Error::Storage("database " + path_ + ": a transaction is already open"));
    auto ok = Exec(mode == TxnMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
    if (ok) in_txn_ = true;
    return ok;
  }

  Result<void> Commit() override {
    if (!in_txn_) return Fail(Error::Storage("database " + path_ + ": no transaction to commit"));
    auto ok = Exec("COMMIT");
    if (!ok) return ok;  // still open: the caller rolls back
    in_txn_ = false;
    return {};
  }

  void Rollback() override {
    if (!in_txn_) return;
    in_txn_ = false;
    // A failed rollback leaves SQLite to roll back itself (autocommit mode returns).
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

  bool InTransaction() const override { return in_txn_; }
  ~SqliteConn() override {
    stmts_.clear();
    sqlite3_close_v2(db_);
  }
  Dialect dialect() const override { return Dialect::kSqlite; }
  std::string Describe() const override {
    return path_.starts_with("file:backsignal-memory-") ? "memory:" : "sqlite:" + path_;
  }

  Result<void> Exec(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      return Fail(Error::Storage("database " + path_ + ": " + msg));
    }
    return {};
  }

  using Conn::Query;
  using Conn::Run;
  Result<std::vector<Row>> Query(const char* sql, std::span<const Value> params) override {
    auto s = Bind(sql, params);
    if (!s) return Unexpected(s.error());
    std::vector<Row> rows;
    const int n = sqlite3_column_count(*s);
    auto names = std::make_shared<std::vector<std::string>>();
    for (int i = 0; i < n; ++i) {
      const char* name = sqlite3_column_name(*s, i);
      names->emplace_back(name ? name : "");
    }
    const Row::Names shared = std::move(names);
    int rc;
    while ((rc = sqlite3_step(*s)) == SQLITE_ROW) {
      std::vector<Value> v;
      v.reserve(static_cast<size_t>(n));
      for (int i = 0; i < n; ++i) {
        switch (sqlite3_column_type(*s, i)) {
          case SQLITE_NULL:
            v.emplace_back(std::monostate{});
            break;
          case SQLITE_INTEGER:
            v.emplace_back(static_cast<int64_t>(sqlite3_column_int64(*s, i)));
            break;
          case SQLITE_FLOAT:
            v.emplace_back(sqlite3_column_double(*s, i));
            break;
          default: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(*s, i));
            v.emplace_back(std::string(p, static_cast<size_t>(sqlite3_column_bytes(*s, i))));
          }
        }
      }
      rows.emplace_back(std::move(v), shared);
    }
    sqlite3_reset(*s);
    if (rc != SQLITE_DONE) return Fail(Fault());
    return rows;
  }

  Result<int64_t> Run(const char* sql, std::span<const Value> params) override {
    auto s = Bind(sql, params);
    if (!s) return Unexpected(s.error());
    int rc;
    while ((rc = sqlite3_step(*s)) == SQLITE_ROW) {
    }
    sqlite3_reset(*s);
    if (rc != SQLITE_DONE) return Fail(Fault());
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

 private:
  Error Fault() const {
    std::string msg = "database " + path_ + ": " + sqlite3_errmsg(db_);
    // A constraint the store did not check first is a fault, never the client's to see: the
    // store raises the conflicts it expects (a username taken) itself.
    return Error::Storage(msg);
  }

  Result<sqlite3_stmt*> Bind(const char* sql, std::span<const Value> params) {
    auto it = stmts_.find(sql);
    if (it == stmts_.end()) {
      sqlite3_stmt* raw = nullptr;
      if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr) != SQLITE_OK) {
        return Fail(Error::Storage("database " + path_ +
                                   ": preparing a statement failed: " + sqlite3_errmsg(db_)));
      }
      it = stmts_.emplace(sql, Statement(raw)).first;
    }
    sqlite3_stmt* s = it->second.get();
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    int i = 1;
    for (const Value& v : params) {
      if (auto p = std::get_if<int64_t>(&v)) {
        sqlite3_bind_int64(s, i, *p);
      } else if (auto d = std::get_if<double>(&v)) {
        sqlite3_bind_double(s, i, *d);
      } else if (auto t = std::get_if<std::string>(&v)) {
        sqlite3_bind_text(s, i, t->data(), static_cast<int>(t->size()), SQLITE_TRANSIENT);
      }
      ++i;
    }
    return s;
  }

  sqlite3* db_;
  std::string path_;
  std::map<const char*, Statement> stmts_;
  bool in_txn_ = false;
};

// file:PATH?immutable=1, the path percent-encoded where a URI needs it.
std::string ImmutableUri(const std::string& path) {
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
  return out + "?immutable=1";
}

}  // namespace

Result<std::unique_ptr<Conn>> OpenSqliteConn(const std::string& path, bool create, bool read_only) {
  sqlite3* db = nullptr;
  const bool uri = path.starts_with("file:");
  const int flags = (read_only ? SQLITE_OPEN_READONLY
                               : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)) |
                    SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    // TRANSLATORS: {path} is the database's path; {reason} SQLite's own reason (English).
    return Fail(Error::Storage(
        T_("cannot open the database {path}: {reason}", {{"path", path}, {"reason", msg}})));
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_extended_result_codes(db, 1);
  auto c = std::make_unique<SqliteConn>(db, path);
  // synchronous=FULL: a committed transaction is on disk before COMMIT returns. secure_delete:
  // what is deleted (an account, a note) is overwritten in the file, not left in free pages.
  if (auto ok = c->Exec(read_only ? "PRAGMA foreign_keys=ON; PRAGMA schema_version;"
                                  : "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
                                    "PRAGMA secure_delete=ON;");
      !ok) {
    // A database in WAL mode in a folder this user cannot write: no -shm can be made to read
    // it through, so it is read as immutable (nobody can be writing where we cannot).
    if (read_only && !uri && ok.error().message.find("readonly") != std::string::npos) {
      c.reset();
      return OpenSqliteConn(ImmutableUri(path), false, true);
    }
    return Unexpected(ok.error());
  }
  return std::unique_ptr<Conn>(std::move(c));
}

}  // namespace backsignal::sql
