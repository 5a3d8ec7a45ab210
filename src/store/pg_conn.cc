// The PostgreSQL driver of the SQL layer: libpq, prepared statements only (every query with
// parameters goes through PQprepare once per connection, then PQexecPrepared).
#include <libpq-fe.h>

#include <map>

#include "sql.h"

namespace backsignal::sql {
namespace {

class PgConn final : public Conn {
 public:
  PgConn(PGconn* c, std::string describe) : c_(c), describe_(std::move(describe)) {}
  ~PgConn() override { PQfinish(c_); }
  Dialect dialect() const override { return Dialect::kPostgres; }
  std::string Describe() const override { return describe_; }

  Result<void> Exec(const std::string& sql) override {
    Reconnect();
    PGresult* r = PQexec(c_, sql.c_str());
    const auto st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Fail(Fault(r));
    PQclear(r);
    return {};
  }

  Result<std::vector<Row>> Query(const char* sql, std::initializer_list<Value> params) override {
    auto r = Execute(sql, params);
    if (!r) return Unexpected(r.error());
    std::vector<Row> rows;
    const int n = PQntuples(*r), m = PQnfields(*r);
    rows.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      std::vector<Value> v;
      v.reserve(static_cast<size_t>(m));
      for (int j = 0; j < m; ++j) {
        if (PQgetisnull(*r, i, j)) {
          v.emplace_back(std::monostate{});
        } else {
          v.emplace_back(std::string(PQgetvalue(*r, i, j), static_cast<size_t>(PQgetlength(*r, i, j))));
        }
      }
      rows.emplace_back(std::move(v));
    }
    PQclear(*r);
    return rows;
  }

  Result<int64_t> Run(const char* sql, std::initializer_list<Value> params) override {
    auto r = Execute(sql, params);
    if (!r) return Unexpected(r.error());
    const char* n = PQcmdTuples(*r);
    const int64_t changed = (n && *n) ? std::stoll(n) : 0;
    PQclear(*r);
    return changed;
  }

 private:
  Error Fault(PGresult* r) {
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(c_);
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    const bool conflict = state && std::string(state).starts_with("23");  // integrity violation
    PQclear(r);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    msg = "database " + describe_ + ": " + msg;
    return conflict ? Error::Conflict(msg) : Error::Storage(msg);
  }

  // A connection lost (the server restarted, the network dropped) is made again before the next
  // statement, with its prepared statements forgotten; the statement that found it lost failed.
  void Reconnect() {
    if (PQstatus(c_) != CONNECTION_BAD) return;
    PQreset(c_);
    if (PQstatus(c_) == CONNECTION_OK) {
      names_.clear();
      PQclear(PQexec(c_, "SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
    }
  }

  Result<PGresult*> Execute(const char* sql, std::initializer_list<Value> params) {
    Reconnect();
    auto it = names_.find(sql);
    if (it == names_.end()) {
      const std::string name = "s" + std::to_string(names_.size());
      const std::string text = NumberPlaceholders(sql);
      PGresult* r = PQprepare(c_, name.c_str(), text.c_str(), 0, nullptr);
      if (PQresultStatus(r) != PGRES_COMMAND_OK) return Fail(Fault(r));
      PQclear(r);
      it = names_.emplace(sql, name).first;
    }
    std::vector<std::string> text;
    text.reserve(params.size());
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const Value& v : params) {
      if (auto p = std::get_if<int64_t>(&v)) {
        text.push_back(std::to_string(*p));
      } else if (auto d = std::get_if<double>(&v)) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        text.push_back(buf);
      } else if (auto t = std::get_if<std::string>(&v)) {
        text.push_back(*t);
      } else {
        text.emplace_back();
      }
    }
    size_t i = 0;
    for (const Value& v : params) {
      values.push_back(std::holds_alternative<std::monostate>(v) ? nullptr : text[i].c_str());
      ++i;
    }
    PGresult* r = PQexecPrepared(c_, it->second.c_str(), static_cast<int>(values.size()),
                                 values.data(), nullptr, nullptr, 0);
    const auto st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Fail(Fault(r));
    return r;
  }

  PGconn* c_;
  std::string describe_;
  std::map<const char*, std::string> names_;
};

std::string WithoutPassword(const std::string& uri) {
  // postgresql://user:secret@host/db -> postgresql://user@host/db
  const size_t scheme = uri.find("://");
  const size_t at = uri.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return uri;
  const size_t colon = uri.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon) + uri.substr(at);
}

}  // namespace

Result<std::unique_ptr<Conn>> OpenPostgresConn(const std::string& uri) {
  PGconn* c = PQconnectdb(uri.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return Fail(Error::Storage("cannot connect to " + WithoutPassword(uri) + ": " + msg));
  }
  auto conn = std::make_unique<PgConn>(c, WithoutPassword(uri));
  if (auto ok = conn->Exec("SET client_min_messages = warning; SET TIME ZONE 'UTC'"); !ok) {
    return Unexpected(ok.error());
  }
  return std::unique_ptr<Conn>(std::move(conn));
}

}  // namespace backsignal::sql
