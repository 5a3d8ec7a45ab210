// The small SQL layer the store is written once against: a connection that runs prepared
// statements with `?` placeholders, transactions owned by a guard, and two drivers behind it
// (SQLite, PostgreSQL through libpq loaded at run time). Private to the store module.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "backsignal/core/result.h"

namespace backsignal::sql {

enum class Dialect { kSqlite, kPostgres };

using Value = std::variant<std::monostate, int64_t, double, std::string>;

inline Value Null() { return std::monostate{}; }
template <typename T>
Value Opt(const std::optional<T>& v) {
  if (!v) return Null();
  if constexpr (std::is_same_v<T, bool>) {
    return int64_t{*v ? 1 : 0};
  } else if constexpr (std::is_integral_v<T>) {
    return int64_t{*v};
  } else if constexpr (std::is_floating_point_v<T>) {
    return double{*v};
  } else {
    return Value(*v);
  }
}

// One result row. Values arrive typed by the driver: SQLite's own types; PostgreSQL's text,
// converted on access. A text that is not a number reads as 0 (the columns read as numbers
// are numeric in the schema, so that only happens to a corrupt database). Columns are read by
// position or by name (the name the query gives them: "sleep_hours").
class Row {
 public:
  using Names = std::shared_ptr<const std::vector<std::string>>;
  explicit Row(std::vector<Value> v, Names names = nullptr)
      : v_(std::move(v)), names_(std::move(names)) {}
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(v_[i]); }
  int64_t Int(size_t i) const;
  double Real(size_t i) const;
  std::string Text(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const {
    return IsNull(i) ? std::nullopt : std::optional(Int(i));
  }
  std::optional<double> OptReal(size_t i) const {
    return IsNull(i) ? std::nullopt : std::optional(Real(i));
  }
  std::optional<std::string> OptText(size_t i) const {
    return IsNull(i) ? std::nullopt : std::optional(Text(i));
  }
  // The position of the column named `name`, or nullopt when the query has none by that name.
  std::optional<size_t> Find(std::string_view name) const;
  // By name. REQUIRES: the query names such a column.
  bool IsNull(std::string_view name) const { return IsNull(At(name)); }
  int64_t Int(std::string_view name) const { return Int(At(name)); }
  double Real(std::string_view name) const { return Real(At(name)); }
  std::string Text(std::string_view name) const { return Text(At(name)); }
  std::optional<double> OptReal(std::string_view name) const { return OptReal(At(name)); }
  std::optional<std::string> OptText(std::string_view name) const { return OptText(At(name)); }

 private:
  size_t At(std::string_view name) const;
  std::vector<Value> v_;
  Names names_;
};

enum class TxnMode {
  kRead,   // a consistent snapshot, read only
  kWrite,  // takes the write lock at once (SQLite: BEGIN IMMEDIATE)
};

class Conn {
 public:
  virtual ~Conn() = default;
  virtual Dialect dialect() const = 0;
  // Runs SQL without parameters (one statement or several: migrations, pragmas).
  [[nodiscard]] virtual Result<void> Exec(const std::string& sql) = 0;
  // Runs one statement with `?` placeholders, prepared once per connection and cached by the
  // address of `sql` (pass string literals or strings that live as long as the program).
  [[nodiscard]] virtual Result<std::vector<Row>> Query(const char* sql,
                                                       std::span<const Value> params) = 0;
  // The same, for statements without rows: returns the number of rows changed.
  [[nodiscard]] virtual Result<int64_t> Run(const char* sql, std::span<const Value> params) = 0;
  [[nodiscard]] Result<std::vector<Row>> Query(const char* sql,
                                               std::initializer_list<Value> params) {
    return Query(sql, std::span<const Value>(params.begin(), params.size()));
  }
  [[nodiscard]] Result<int64_t> Run(const char* sql, std::initializer_list<Value> params) {
    return Run(sql, std::span<const Value>(params.begin(), params.size()));
  }
  // For messages: "sqlite:/path" or "postgresql://host/db" (no credentials).
  virtual std::string Describe() const = 0;

  // Transactions, used through Transaction only. A lost connection is made again in Begin and
  // nowhere else: a connection lost inside a transaction fails every statement after it and
  // the commit, so nothing of that transaction is acknowledged.
  [[nodiscard]] virtual Result<void> Begin(TxnMode mode) = 0;
  // Succeeds only when the database really committed (PostgreSQL answers COMMIT to an aborted
  // transaction with ROLLBACK: that is a failure here).
  [[nodiscard]] virtual Result<void> Commit() = 0;
  virtual void Rollback() = 0;
  virtual bool InTransaction() const = 0;
};

// A transaction owned by a value: begun by Begin, rolled back by the destructor unless Commit
// succeeded. Savepoints inside it: a failure to roll back to one poisons the transaction, so
// that Commit fails too.
class Transaction {
 public:
  [[nodiscard]] static Result<Transaction> Begin(Conn& conn, TxnMode mode);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Conn& conn() const { return *conn_; }
  [[nodiscard]] Result<void> Savepoint();
  [[nodiscard]] Result<void> ReleaseSavepoint();
  // Undoes everything since Savepoint(); on failure the whole transaction is lost.
  [[nodiscard]] Result<void> RollbackToSavepoint();
  [[nodiscard]] Result<void> Commit();

 private:
  explicit Transaction(Conn& conn) : conn_(&conn) {}
  Conn* conn_;
  bool open_ = true;
  std::optional<Error> poisoned_;
};

// Opens a SQLite connection (WAL, synchronous=FULL, foreign keys on). `read_only` opens the
// file read only: reading commands work on a database they may not write.
[[nodiscard]] Result<std::unique_ptr<Conn>> OpenSqliteConn(const std::string& path, bool create,
                                                           bool read_only = false);
// Opens a PostgreSQL connection from a libpq URI or keyword string, loading libpq on first use.
[[nodiscard]] Result<std::unique_ptr<Conn>> OpenPostgresConn(const std::string& uri);

// Rewrites `?` placeholders as $1, $2, ... (outside quoted text).
std::string NumberPlaceholders(const char* sql);

// A connection string with every credential replaced by "***": the password of
// "postgresql://user:pw@host/db", and any password=... parameter or keyword.
std::string RedactCredentials(const std::string& location);

}  // namespace backsignal::sql
