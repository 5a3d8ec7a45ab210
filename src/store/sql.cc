#include "sql.h"

#include <charconv>
#include <cstdlib>

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
  if (auto p = std::get_if<std::string>(&v_[i])) return std::strtod(p->c_str(), nullptr);
  return 0;
}

std::string Row::Text(size_t i) const {
  if (auto p = std::get_if<std::string>(&v_[i])) return *p;
  if (auto p = std::get_if<int64_t>(&v_[i])) return std::to_string(*p);
  if (auto p = std::get_if<double>(&v_[i])) return std::to_string(*p);
  return "";
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

}  // namespace backsignal::sql
