#include "auth.h"

#include <string_view>

namespace backsignal::server {
namespace {

constexpr const char* kCookiePlain = "backsignal_session";
constexpr const char* kCookieSecure = "__Host-backsignal_session";

const char* CookieName(const AppOptions& o) {
  return o.secure_cookies ? kCookieSecure : kCookiePlain;
}

std::string CookieValue(const std::string& header, const std::string& name) {
  std::string_view h(header);
  while (!h.empty()) {
    const size_t semi = h.find(';');
    std::string_view pair = h.substr(0, semi);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.starts_with(name) && pair.size() > name.size() && pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    if (semi == std::string_view::npos) break;
    h.remove_prefix(semi + 1);
  }
  return "";
}

std::string Attributes(const AppOptions& o) {
  return std::string("; Path=/; HttpOnly; SameSite=Lax") + (o.secure_cookies ? "; Secure" : "");
}

}  // namespace

bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string ClientAddress(const AppOptions& options, const Request& req) {
  if (options.trust_proxy && !req.forwarded_for.empty()) {
    // The last hop, over every X-Forwarded-For line: the one our proxy added. Whatever the
    // client wrote comes before it.
    std::string_view f(req.forwarded_for);
    const size_t comma = f.rfind(',');
    if (comma != std::string_view::npos) f = f.substr(comma + 1);
    while (!f.empty() && (f.front() == ' ' || f.front() == '\t')) f.remove_prefix(1);
    while (!f.empty() && (f.back() == ' ' || f.back() == '\t')) f.remove_suffix(1);
    if (!f.empty()) return std::string(f);
  }
  return req.remote_address;
}

std::string SessionCookie(const AppOptions& options, const std::string& token, int64_t max_age) {
  return std::string(CookieName(options)) + "=" + token + Attributes(options) +
         "; Max-Age=" + std::to_string(max_age);
}

std::string EndSessionCookie(const AppOptions& options) {
  return std::string(CookieName(options)) + "=" + Attributes(options) + "; Max-Age=0";
}

Result<Who> Identify(const App& app, const Request& req) {
  Who who;
  if (!app.options().accounts) {
    who.signed_in = true;
    who.person = service::LocalPerson(app.service());
    return who;
  }
  Result<std::optional<service::Caller>> found = std::optional<service::Caller>();
  if (req.authorization.starts_with("Bearer ")) {
    found = service::FindTokenCaller(app.service(), req.authorization.substr(7));
  } else {
    found = service::FindSessionCaller(app.service(),
                                       CookieValue(req.cookie, CookieName(app.options())));
  }
  if (!found) return Unexpected(found.error());
  if (*found) {
    who.signed_in = true;
    who.person = (*found)->account.person;
    who.caller = std::move(**found);
  }
  return who;
}

}  // namespace backsignal::server
