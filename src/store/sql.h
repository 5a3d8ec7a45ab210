// The small SQL layer the store is written once against: a connection that runs prepared
// statements with `?` placeholders, and two drivers behind it (SQLite, PostgreSQL through
// libpq). Private to the store module.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
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
  if constexpr (std::is_same_v<T, bool>) return int64_t{*v ? 1 : 0};
  else if constexpr (std::is_integral_v<T>) return int64_t{*v};
  else if constexpr (std::is_floating_point_v<T>) return double{*v};
  else return Value(*v);
}

// One result row. Values arrive typed by the driver: SQLite's own types; PostgreSQL's text,
// converted on access.
class Row {
 public:
  explicit Row(std::vector<Value> v) : v_(std::move(v)) {}
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(v_[i]); }
  int64_t Int(size_t i) const;
  double Real(size_t i) const;
  std::string Text(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const { return IsNull(i) ? std::nullopt : std::optional(Int(i)); }
  std::optional<double> OptReal(size_t i) const { return IsNull(i) ? std::nullopt : std::optional(Real(i)); }
  std::optional<std::string> OptText(size_t i) const { return IsNull(i) ? std::nullopt : std::optional(Text(i)); }

 private:
  std::vector<Value> v_;
};

class Conn {
 public:
  virtual ~Conn() = default;
  virtual Dialect dialect() const = 0;
  // Runs SQL without parameters (one statement or several: migrations, BEGIN, COMMIT).
  virtual Result<void> Exec(const std::string& sql) = 0;
  // Runs one statement with `?` placeholders, prepared once per connection and cached by the
  // address of `sql` (pass string literals or strings that live as long as the program).
  virtual Result<std::vector<Row>> Query(const char* sql, std::initializer_list<Value> params) = 0;
  // The same, for statements without rows: returns the number of rows changed.
  virtual Result<int64_t> Run(const char* sql, std::initializer_list<Value> params) = 0;
  // For messages: "sqlite:/path" or "postgresql://host/db" (no password).
  virtual std::string Describe() const = 0;
};

// Opens a SQLite connection (WAL, synchronous=FULL, foreign keys on).
Result<std::unique_ptr<Conn>> OpenSqliteConn(const std::string& path, bool create);
// Opens a PostgreSQL connection from a libpq URI.
Result<std::unique_ptr<Conn>> OpenPostgresConn(const std::string& uri);

// Rewrites `?` placeholders as $1, $2, ... (outside quoted text).
std::string NumberPlaceholders(const char* sql);

}  // namespace backsignal::sql
