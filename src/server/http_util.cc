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
  return ChooseLocale(lang != r.query.end() ? std::string_view(lang->second) : "", preferred,
                      r.accept_language);
}

const Locale& ChooseLocale(std::string_view lang, std::string_view preferred,
                           std::string_view accept_language) {
  if (!lang.empty()) {
    if (const Locale* l = Locale::Find(lang)) return *l;
  }
  if (!preferred.empty()) {
    if (const Locale* l = Locale::Find(preferred)) return *l;
  }
  return FromAcceptLanguage(accept_language);
}

HttpResponse Json(int status, std::string body) {
  return HttpResponse{status, "application/json", std::move(body), {{"Cache-Control", "no-store"}}};
}

namespace {

// {"error": {"status", "message"}} with optional extra headers.
HttpResponse Problem(int status, const std::string& message,
                     std::vector<std::pair<std::string, std::string>> headers = {}) {
  nlohmann::json j;
  j["error"] = {{"status", status}, {"message", message}};
  HttpResponse r = Json(status, Dump(j));
  for (auto& h : headers) r.headers.push_back(std::move(h));
  return r;
}

}  // namespace

HttpResponse MethodNotAllowed(const std::string& message, const std::string& allow,
                              const Locale& loc) {
  return Problem(405, loc.TrMarked(message), {{"Allow", allow}});
}

HttpResponse UnsupportedMediaType(const std::string& content_type, const Locale& loc) {
  // TRANSLATORS: a request's body was not JSON; {type} is the media type it came as
  // ("text/plain").
  return Problem(415, loc.Tr("send the body as application/json (got \"{type}\")",
                             {Arg("type", content_type)}));
}

HttpResponse MisdirectedRequest(const std::string& host, const Locale& loc) {
  return Problem(421,
                 // TRANSLATORS: {host} is the host name the request was sent to ("example.org").
                 loc.Tr("this server does not answer to the host \"{host}\"", {Arg("host", host)}));
}

HttpResponse InternalError(const Locale& loc) { return Problem(500, loc.Tr("internal error")); }

void LogError(const std::string& message) {
  static std::mutex mu;
  std::lock_guard lock(mu);
  std::cerr << "backsignal serve: " << message << "\n";
}

HttpResponse ErrorResponse(const Error& e, const Locale& loc) {
  int status = 400;
  std::string message = loc.Message(e);
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
      // and the same request may succeed soon. 503 with Retry-After, not 500: the failure is
      // the service's state, not a bug in the request or the code, and a client that sees 503
      // (the page's queue, a script) keeps the write and sends it again. core/result.h says
      // the same.
      status = 503;
      headers.emplace_back("Retry-After", "2");
      LogError(e.message);  // messages of the store are redacted where they are made
      message = loc.Tr("the diary could not be read or written; try again");
      break;
  }
  nlohmann::json j;
  j["error"] = {{"status", status}, {"message", message}};
  if (e.kind != ErrorKind::kStorage) {
    j["error"]["details"] = loc.Details(e);
  }
  HttpResponse r = Json(status, Dump(j));
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
