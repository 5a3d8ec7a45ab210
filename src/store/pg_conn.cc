// The PostgreSQL driver of the SQL layer: libpq, prepared statements only (every query with
// parameters goes through PQprepare once per connection, then PQexecPrepared).
//
// libpq is loaded with dlopen when a postgresql:// database is first opened, not linked: it
// brings some thirty libraries (Kerberos, LDAP, TLS) that a command on a SQLite diary would
// otherwise map at every start (19 ms end to end without them, 39 ms with).
#include <dlfcn.h>
#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>

#include "sql.h"

namespace backsignal::sql {
namespace {

// The libpq functions the driver calls, resolved once.
struct Libpq {
  decltype(&::PQconnectdb) connectdb;
  decltype(&::PQstatus) status;
  decltype(&::PQerrorMessage) error_message;
  decltype(&::PQfinish) finish;
  decltype(&::PQreset) reset;
  decltype(&::PQexec) exec;
  decltype(&::PQprepare) prepare;
  decltype(&::PQexecPrepared) exec_prepared;
  decltype(&::PQresultStatus) result_status;
  decltype(&::PQresultErrorMessage) result_error_message;
  decltype(&::PQresultErrorField) result_error_field;
  decltype(&::PQclear) clear;
  decltype(&::PQntuples) ntuples;
  decltype(&::PQnfields) nfields;
  decltype(&::PQfname) fname;
  decltype(&::PQgetisnull) getisnull;
  decltype(&::PQgetvalue) getvalue;
  decltype(&::PQgetlength) getlength;
  decltype(&::PQcmdTuples) cmd_tuples;
  decltype(&::PQcmdStatus) cmd_status;
  decltype(&::PQtransactionStatus) transaction_status;
  decltype(&::PQsetNoticeProcessor) set_notice_processor;
};

Result<const Libpq*> LoadLibpq() {
  static std::once_flag once;
  static Libpq api;
  static std::string failure;
  std::call_once(once, [] {
    void* h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (h == nullptr) {
      const char* e = dlerror();
      failure = std::string("cannot load libpq (install the libpq5 package): ") + (e ? e : "");
      return;
    }
    bool ok = true;
    auto bind = [&](auto& fn, const char* name) {
      void* sym = dlsym(h, name);
      if (sym == nullptr) {
        ok = false;
        failure = std::string("libpq lacks ") + name;
      }
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(sym);
    };
    bind(api.connectdb, "PQconnectdb");
    bind(api.status, "PQstatus");
    bind(api.error_message, "PQerrorMessage");
    bind(api.finish, "PQfinish");
    bind(api.reset, "PQreset");
    bind(api.exec, "PQexec");
    bind(api.prepare, "PQprepare");
    bind(api.exec_prepared, "PQexecPrepared");
    bind(api.result_status, "PQresultStatus");
    bind(api.result_error_message, "PQresultErrorMessage");
    bind(api.result_error_field, "PQresultErrorField");
    bind(api.clear, "PQclear");
    bind(api.ntuples, "PQntuples");
    bind(api.nfields, "PQnfields");
    bind(api.fname, "PQfname");
    bind(api.getisnull, "PQgetisnull");
    bind(api.getvalue, "PQgetvalue");
    bind(api.getlength, "PQgetlength");
    bind(api.cmd_tuples, "PQcmdTuples");
    bind(api.cmd_status, "PQcmdStatus");
    bind(api.transaction_status, "PQtransactionStatus");
    bind(api.set_notice_processor, "PQsetNoticeProcessor");
    if (!ok) dlclose(h);
  });
  if (!failure.empty()) return Fail(Error::Storage(failure));
  return &api;
}

// Owns a PGresult.
struct ResultDeleter {
  const Libpq* pq;
  void operator()(PGresult* r) const { pq->clear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

struct ConnDeleter {
  const Libpq* pq;
  void operator()(PGconn* c) const { pq->finish(c); }
};
using PgHandle = std::unique_ptr<PGconn, ConnDeleter>;

// Notices (a WARNING that nothing is in progress, and so on) are not printed: every outcome
// is checked from the results themselves.
void IgnoreNotice(void*, const char*) {}

constexpr const char* kSessionSetup = "SET client_min_messages = warning; SET TIME ZONE 'UTC'";

// The location with backsignal's name for the connection unless it names one itself (so that
// an operator sees whose connections these are in pg_stat_activity).
std::string WithApplicationName(const std::string& uri) {
  if (uri.find("://") != std::string::npos) {
    return uri + (uri.find('?') == std::string::npos ? "?" : "&") +
           "fallback_application_name=backsignal";
  }
  return uri + " fallback_application_name=backsignal";
}

std::string Trimmed(std::string msg) {
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  return msg;
}

class PgConn final : public Conn {
 public:
  PgConn(const Libpq& pq, PgHandle c, std::string describe)
      : pq_(pq), c_(std::move(c)), describe_(std::move(describe)) {
    pq_.set_notice_processor(c_.get(), IgnoreNotice, nullptr);
  }
  Dialect dialect() const override { return Dialect::kPostgres; }
  std::string Describe() const override { return describe_; }

  Result<void> Exec(const std::string& sql) override {
    if (!in_txn_) Reconnect();
    PgResult r(pq_.exec(c_.get(), sql.c_str()), ResultDeleter{&pq_});
    const auto st = pq_.result_status(r.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Fail(Fault(r.get()));
    return {};
  }

  Result<void> Begin(TxnMode mode) override {
    if (in_txn_) return Fail(Error::Storage("database " + describe_ + ": a transaction is open"));
    const char* begin =
        mode == TxnMode::kRead ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN";
    // The one place a lost connection is made again. A connection the server ended is only
    // found lost when used: nothing has happened in the transaction yet, so BEGIN is tried once
    // more on a new connection.
    Reconnect();
    auto ok = Exec(begin);
    if (!ok && pq_.status(c_.get()) == CONNECTION_BAD) {
      Reconnect();
      ok = Exec(begin);
    }
    if (ok) in_txn_ = true;
    return ok;
  }

  Result<void> Commit() override {
    if (!in_txn_) return Fail(Error::Storage("database " + describe_ + ": no transaction"));
    PgResult r(pq_.exec(c_.get(), "COMMIT"), ResultDeleter{&pq_});
    if (pq_.result_status(r.get()) != PGRES_COMMAND_OK) return Fail(Fault(r.get()));
    // COMMIT of an aborted transaction answers "ROLLBACK" with success: nothing was kept.
    if (std::strcmp(pq_.cmd_status(r.get()), "COMMIT") != 0) {
      in_txn_ = false;
      return Fail(Error::Storage("database " + describe_ +
                                 ": the transaction was rolled back, not committed"));
    }
    in_txn_ = false;
    return {};
  }

  void Rollback() override {
    if (!in_txn_) return;
    in_txn_ = false;
    if (pq_.status(c_.get()) == CONNECTION_OK) {
      PgResult r(pq_.exec(c_.get(), "ROLLBACK"), ResultDeleter{&pq_});
    }
  }

  bool InTransaction() const override { return in_txn_; }

  using Conn::Query;
  using Conn::Run;
  Result<std::vector<Row>> Query(const char* sql, std::span<const Value> params) override {
    auto r = Execute(sql, params);
    if (!r) return Unexpected(r.error());
    PGresult* res = r->get();
    std::vector<Row> rows;
    const int n = pq_.ntuples(res), m = pq_.nfields(res);
    rows.reserve(static_cast<size_t>(n));
    auto names = std::make_shared<std::vector<std::string>>();
    for (int j = 0; j < m; ++j) {
      const char* name = pq_.fname(res, j);
      names->emplace_back(name ? name : "");
    }
    const Row::Names shared = std::move(names);
    for (int i = 0; i < n; ++i) {
      std::vector<Value> v;
      v.reserve(static_cast<size_t>(m));
      for (int j = 0; j < m; ++j) {
        if (pq_.getisnull(res, i, j)) {
          v.emplace_back(std::monostate{});
        } else {
          v.emplace_back(
              std::string(pq_.getvalue(res, i, j), static_cast<size_t>(pq_.getlength(res, i, j))));
        }
      }
      rows.emplace_back(std::move(v), shared);
    }
    return rows;
  }

  Result<int64_t> Run(const char* sql, std::span<const Value> params) override {
    auto r = Execute(sql, params);
    if (!r) return Unexpected(r.error());
    const char* n = pq_.cmd_tuples(r->get());
    int64_t changed = 0;
    if (n != nullptr && *n != '\0') {
      const auto parsed = std::from_chars(n, n + std::strlen(n), changed);
      if (parsed.ec != std::errc()) {
        return Fail(Error::Storage("database " + describe_ + ": unexpected row count \"" +
                                   std::string(n) + "\""));
      }
    }
    return changed;
  }

 private:
  Error Fault(PGresult* r) {
    std::string msg = r ? pq_.result_error_message(r) : pq_.error_message(c_.get());
    if (msg.empty()) msg = pq_.error_message(c_.get());
    // A constraint the store did not check first is a fault, never the client's to see: the
    // store raises the conflicts it expects (a username taken) itself.
    return Error::Storage("database " + describe_ + ": " + Trimmed(msg));
  }

  // A connection lost (the server restarted, the network dropped) is made again before the next
  // transaction, with its prepared statements forgotten. Never inside a transaction.
  void Reconnect() {
    if (pq_.status(c_.get()) != CONNECTION_BAD) return;
    pq_.reset(c_.get());
    names_.clear();
    if (pq_.status(c_.get()) == CONNECTION_OK) {
      PgResult r(pq_.exec(c_.get(), kSessionSetup), ResultDeleter{&pq_});
    }
  }

  Result<PgResult> Execute(const char* sql, std::span<const Value> params) {
    if (!in_txn_) Reconnect();
    auto it = names_.find(sql);
    if (it == names_.end()) {
      const std::string name = "s" + std::to_string(names_.size());
      const std::string text = NumberPlaceholders(sql);
      PgResult r(pq_.prepare(c_.get(), name.c_str(), text.c_str(), 0, nullptr),
                 ResultDeleter{&pq_});
      if (pq_.result_status(r.get()) != PGRES_COMMAND_OK) return Fail(Fault(r.get()));
      it = names_.emplace(sql, name).first;
    }
    std::vector<std::string> text;
    text.reserve(params.size());
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
    std::vector<const char*> values;
    values.reserve(params.size());
    size_t i = 0;
    for (const Value& v : params) {
      values.push_back(std::holds_alternative<std::monostate>(v) ? nullptr : text[i].c_str());
      ++i;
    }
    PgResult r(pq_.exec_prepared(c_.get(), it->second.c_str(), static_cast<int>(values.size()),
                                 values.data(), nullptr, nullptr, 0),
               ResultDeleter{&pq_});
    const auto st = pq_.result_status(r.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Fail(Fault(r.get()));
    return r;
  }

  const Libpq& pq_;
  PgHandle c_;
  std::string describe_;
  std::map<const char*, std::string> names_;
  bool in_txn_ = false;
};

}  // namespace

Result<std::unique_ptr<Conn>> OpenPostgresConn(const std::string& uri) {
  auto pq = LoadLibpq();
  if (!pq) return Unexpected(pq.error());
  const Libpq& api = **pq;
  PgHandle c(api.connectdb(WithApplicationName(uri).c_str()), ConnDeleter{&api});
  auto refused = [&](Text reason) {
    // TRANSLATORS: {database} is a PostgreSQL location (its password hidden); {reason} why the
    // connection failed (libpq's own words, English).
    return Fail(Error::Storage(T_("cannot connect to {database}: {reason}",
                                  {{"database", RedactCredentials(uri)}, {"reason", reason}})));
  };
  if (!c) return refused(T_("out of memory"));
  if (api.status(c.get()) != CONNECTION_OK) {
    // libpq's messages name hosts and users, never the password.
    return refused(Text::Literal(Trimmed(api.error_message(c.get()))));
  }
  auto conn = std::make_unique<PgConn>(api, std::move(c), RedactCredentials(uri));
  if (auto ok = conn->Exec(kSessionSetup); !ok) return Unexpected(ok.error());
  return std::unique_ptr<Conn>(std::move(conn));
}

}  // namespace backsignal::sql
