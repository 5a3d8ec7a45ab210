#include "sql.h"

#include <charconv>
#include <cstdlib>
#include <stdexcept>
#include <utility>

namespace backsignal::sql {

int64_t Row::Int(size_t i) const {
  if (auto p = std::get_if<int64_t>(&v_[i])) return *p;
  if (auto p = std::get_if<double>(&v_[i])) return static_cast<int64_t>(*p);
  if (auto p = std::get_if<std::string>(&v_[i])) {
    int64_t out = 0;
    std::from_chars(p->data(), p->data() + p->size(), out);
    return out;
  }
  return 0;
}

double Row::Real(size_t i) const {
  if (auto p = std::get_if<double>(&v_[i])) return *p;
  if (auto p = std::get_if<int64_t>(&v_[i])) return static_cast<double>(*p);
  if (auto p = std::get_if<std::string>(&v_[i])) {
    double out = 0;
    std::from_chars(p->data(), p->data() + p->size(), out);
    return out;
  }
  return 0;
}

std::string Row::Text(size_t i) const {
  if (auto p = std::get_if<std::string>(&v_[i])) return *p;
  if (auto p = std::get_if<int64_t>(&v_[i])) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v_[i])) return std::to_string(*p);
  return "";
}

std::optional<size_t> Row::Find(std::string_view name) const {
  if (!names_) return std::nullopt;
  for (size_t i = 0; i < names_->size(); ++i) {
    if ((*names_)[i] == name) return i;
  }
  return std::nullopt;
}

size_t Row::At(std::string_view name) const {
  auto i = Find(name);
  // A query that does not name the column is the store's bug, never the database's.
  if (!i) throw std::logic_error("no column \"" + std::string(name) + "\" in the row");
  return *i;
}

std::string NumberPlaceholders(const char* sql) {
  std::string out;
  int n = 0;
  bool quoted = false;
  for (const char* p = sql; *p; ++p) {
    if (*p == '\'') quoted = !quoted;
    if (*p == '?' && !quoted) {
      out += '$' + std::to_string(++n);
    } else {
      out += *p;
    }
  }
  return out;
}

Result<Transaction> Transaction::Begin(Conn& conn, TxnMode mode) {
  if (auto ok = conn.Begin(mode); !ok) return Unexpected(ok.error());
  return Transaction(conn);
}

Transaction::Transaction(Transaction&& other) noexcept
    : conn_(other.conn_),
      open_(std::exchange(other.open_, false)),
      poisoned_(std::move(other.poisoned_)) {}

Transaction::~Transaction() {
  if (open_) conn_->Rollback();
}

Result<void> Transaction::Savepoint() {
  if (poisoned_) return Fail(*poisoned_);
  auto ok = conn_->Exec("SAVEPOINT one");
  if (!ok) poisoned_ = ok.error();
  return ok;
}

Result<void> Transaction::ReleaseSavepoint() {
  if (poisoned_) return Fail(*poisoned_);
  auto ok = conn_->Exec("RELEASE SAVEPOINT one");
  if (!ok) poisoned_ = ok.error();
  return ok;
}

Result<void> Transaction::RollbackToSavepoint() {
  if (poisoned_) return Fail(*poisoned_);
  auto ok = conn_->Exec("ROLLBACK TO SAVEPOINT one");
  if (ok) ok = conn_->Exec("RELEASE SAVEPOINT one");
  if (!ok) poisoned_ = ok.error();
  return ok;
}

Result<void> Transaction::Commit() {
  if (!open_) return Fail(Error::Storage("the transaction is already over"));
  if (poisoned_) return Fail(*poisoned_);  // the destructor rolls it back
  open_ = false;
  auto ok = conn_->Commit();
  if (!ok) conn_->Rollback();
  return ok;
}

namespace {

// Replaces [from, to) of `s` with "***".
void Mask(std::string& s, size_t from, size_t to) { s.replace(from, to - from, "***"); }

}  // namespace

std::string RedactCredentials(const std::string& location) {
  std::string out = location;
  // postgresql://user:secret@host/db: the password between the first ':' after the scheme and
  // the '@' that ends the user info.
  if (const size_t scheme = out.find("://"); scheme != std::string::npos) {
    const size_t start = scheme + 3;
    const size_t end = out.find_first_of("/?#", start);
    const size_t at = out.rfind('@', end == std::string::npos ? out.size() : end);
    if (at != std::string::npos && at > start) {
      const size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) Mask(out, colon + 1, at);
    }
  }
  // password=secret as a query parameter (&password=) or a keyword (password=... in
  // "host=a password=b"), up to the next separator.
  for (size_t pos = 0; (pos = out.find("password=", pos)) != std::string::npos;) {
    const bool starts_word = pos == 0 || out[pos - 1] == '?' || out[pos - 1] == '&' ||
                             out[pos - 1] == ' ' || out[pos - 1] == '\t';
    const size_t value = pos + 9;
    if (!starts_word) {
      pos = value;
      continue;
    }
    size_t end = value;
    if (end < out.size() && out[end] == '\'') {  // a quoted keyword value
      end = out.find('\'', end + 1);
      end = end == std::string::npos ? out.size() : end + 1;
    } else {
      end = out.find_first_of("& \t#", value);
      if (end == std::string::npos) end = out.size();
    }
    Mask(out, value, end);
    pos = value + 3;
  }
  return out;
}

}  // namespace backsignal::sql
