#include "http_util.h"

#include <charconv>
#include <iostream>
#include <mutex>

namespace backsignal::server {

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const Locale& RequestLocale(const Request& r, std::string_view preferred) {
  const auto lang = r.query.find("lang");
  if (lang != r.query.end()) {
    if (const Locale* l = Locale::Find(lang->second)) return *l;
  }
  if (!preferred.empty()) {
    if (const Locale* l = Locale::Find(preferred)) return *l;
  }
  return FromAcceptLanguage(r.accept_language);
}

Response Json(int status, std::string body) {
  return Response{status, "application/json", std::move(body), {{"Cache-Control", "no-store"}}};
}

Response Problem(int status, const std::string& message,
                 std::vector<std::pair<std::string, std::string>> headers) {
  nlohmann::json j;
  j["error"] = {{"status", status}, {"message", message}};
  Response r = Json(status, Dump(j));
  for (auto& h : headers) r.headers.push_back(std::move(h));
  return r;
}

void LogError(const std::string& message) {
  static std::mutex mu;
  std::lock_guard lock(mu);
  std::cerr << "backsignal serve: " << message << "\n";
}

Response ErrorResponse(const Error& e) {
  int status = 400;
  std::string message = e.message;
  std::vector<std::pair<std::string, std::string>> headers;
  switch (e.kind) {
    case ErrorKind::kInvalid:
      status = 400;
      break;
    case ErrorKind::kConflict:
      status = 409;
      break;
    case ErrorKind::kNotFound:
      status = 404;
      break;
    case ErrorKind::kUnauthenticated:
      status = 401;
      headers.emplace_back("WWW-Authenticate", "Bearer");
      break;
    case ErrorKind::kForbidden:
      status = 403;
      break;
    case ErrorKind::kThrottled:
      status = 429;
      headers.emplace_back("Retry-After",
                           std::to_string(std::max<int64_t>(1, e.retry_after_seconds)));
      break;
    case ErrorKind::kStorage:
      // The database failed (a lost connection, a failover, a full disk): nothing was stored,
      // and the same request may succeed soon. 503, so that clients (the page's queue) keep
      // the write and send it again.
      status = 503;
      headers.emplace_back("Retry-After", "2");
      LogError(e.message);  // messages of the store are redacted where they are made
      message = "the diary could not be read or written; try again";
      break;
  }
  nlohmann::json j;
  j["error"] = {{"status", status}, {"message", message}};
  if (e.kind != ErrorKind::kStorage) j["error"]["details"] = e.details;
  Response r = Json(status, Dump(j));
  for (auto& h : headers) r.headers.push_back(std::move(h));
  return r;
}

bool IsJson(const std::string& content_type) {
  const std::string_view ct(content_type);
  std::string_view base = ct.substr(0, ct.find(';'));
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  return base == "application/json";
}

std::optional<size_t> ParsePositive(std::string_view s) {
  size_t n = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || n == 0) return std::nullopt;
  return n;
}

Result<std::optional<Date>> QueryDate(const Request& req, const char* name) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return std::optional<Date>();
  auto d = Date::Parse(it->second);
  if (!d) {
    return Fail(Error::Invalid(std::string(name) + ": \"" + it->second + "\" " + d.error()));
  }
  return std::optional<Date>(*d);
}

}  // namespace backsignal::server
