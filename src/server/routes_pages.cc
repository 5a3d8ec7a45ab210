// The page and its assets, health, the calendar feed, the clinician's report, and the words
// every surface shares.
#include <cctype>

#include "app.h"
#include "assets.h"
#include "auth.h"
#include "backsignal/core/html.h"
#include "backsignal/io/fields_json.h"
#include "backsignal/io/ids.h"
#include "backsignal/service/exports.h"
#include "backsignal/service/profile.h"
#include "backsignal/service/sharing.h"
#include "http_util.h"

namespace backsignal::server {
namespace {

HttpResponse AssetResponse(const Request& req, std::string_view path) {
  const Asset* a = FindAsset(path);
  if (a == nullptr) {
    const Locale& loc = RequestLocale(req);
    // TRANSLATORS: {path} is the address asked for ("/nothing.html").
    return ErrorResponse(Error::NotFound(loc.Tr("no such page: {path}", {Arg("path", req.path)})));
  }
  HttpResponse r{200, std::string(a->content_type), std::string(a->body), {}};
  if (!a->gzipped.empty() && req.accept_encoding.find("gzip") != std::string::npos) {
    r.body = std::string(a->gzipped);
    r.headers.emplace_back("Content-Encoding", "gzip");
  }
  r.headers.emplace_back("Vary", "Accept-Encoding");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  if (a->content_type.starts_with("text/html")) {
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                           "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    r.headers.emplace_back("Cache-Control", "no-cache");
  } else {
    // Always checked with the server: the service worker keeps the copies used offline.
    r.headers.emplace_back("Cache-Control", "no-cache");
  }
  return r;
}

// The service worker, with the assets' version and list put before it: a new build is a new
// worker, which caches the new assets and drops the old.
HttpResponse ServiceWorker() {
  const Asset* body = FindAsset("/sw.js");
  if (body == nullptr) return ErrorResponse(Error::NotFound(N_("no service worker")));
  std::string list;
  for (const Asset& a : AllAssets()) {
    if (!a.path.starts_with("/assets/")) continue;
    // The pseudo-locale: only where it can be chosen (tests), so that it works offline there too.
    if (a.path == "/assets/i18n/qps.json" && Locale::Find("qps") == nullptr) continue;
    list += (list.empty() ? "'" : ", '") + std::string(a.path) + "'";
  }
  std::string js = "const VERSION = '" + std::string(AssetsVersion()) + "';\nconst ASSETS = [" +
                   list + "];\n" + std::string(body->body);
  return HttpResponse{200,
                      "text/javascript; charset=utf-8",
                      std::move(js),
                      {{"Cache-Control", "no-cache"},
                       {"Service-Worker-Allowed", "/"},
                       {"X-Content-Type-Options", "nosniff"}}};
}

// `s` percent-encoded but for the unreserved characters (RFC 3986).
std::string PercentEncoded(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    if (std::isalnum(u) != 0 || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

// A report's link opened signed out (a clinician's, a person's): in the reader's language, as
// wide as the phone it is opened on. Its link signs in and comes back to the same report
// ("/#then=" and the report's address: main.js goes there once signed in).
HttpResponse SignInFirst(const Locale& loc, const Request& req) {
  std::string back = "/report";
  char sep = '?';
  for (const auto& [name, value] : req.query) {
    back += sep + PercentEncoded(name) + "=" + PercentEncoded(value);
    sep = '&';
  }
  return HttpResponse{
      401,
      "text/html; charset=utf-8",
      "<!doctype html><html lang=\"" + EscapeHtml(loc.tag()) +
          "\"><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" +
          EscapeHtml(loc.Tr("Sign in")) + " · backsignal</title><p>" +
          EscapeHtml(loc.Tr("Sign in first to see this report.")) +
          " <a href=\"/#then=" + EscapeHtml(PercentEncoded(back)) + "\">" +
          // TRANSLATORS: a link to the page, from a report opened while signed out.
          EscapeHtml(loc.Tr("Sign in to backsignal")) + "</a></p></html>\n",
      {{"Cache-Control", "no-store"}}};
}

Result<HttpResponse> GetPage(App&, Call& c) { return AssetResponse(c.req, "/index.html"); }

Result<HttpResponse> GetAsset(App&, Call& c) { return AssetResponse(c.req, c.req.path); }

Result<HttpResponse> GetServiceWorker(App&, Call&) { return ServiceWorker(); }

Result<HttpResponse> GetHealth(App&, Call&) { return Json(200, R"({"status":"ok"})"); }

// The diary's fields, their bounds and words (in the reader's language): the page builds its
// controls from them.
Result<HttpResponse> GetFields(App& app, Call& c) {
  return Json(200, FieldsToJson(ReaderLocale(app.service(), c)));
}

// Prometheus text format, to this machine only (behind a proxy: to the proxy's own host, so
// the proxy must not pass /metrics on; docs/operations.md).
Result<HttpResponse> GetMetrics(App& app, Call& c) {
  const std::string client = ClientAddress(app.options(), c.req);
  if (!(client.starts_with("127.") || client == "::1")) {
    return Fail(Error::NotFound(N_("nothing at /metrics")));
  }
  HttpResponse r;
  r.status = 200;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.headers.emplace_back("Cache-Control", "no-store");
  r.body = app.metrics().Render(service::CommitCountsOf(app.service())) + PushMetrics(app);
  return r;
}

// The calendar feed: /calendar/{secret}.ics, for calendar apps that subscribe.
Result<HttpResponse> GetCalendar(App& app, Call& c) {
  const std::string& file = c.params["file"];
  if (!file.ends_with(".ics")) return Fail(Error::NotFound(N_("no such calendar")));
  auto f = service::CalendarFeed(app.service(), file.substr(0, file.size() - 4));
  if (!f) return Unexpected(f.error());
  return HttpResponse{200,
                      f->media_type,
                      std::move(f->body),
                      {{"Cache-Control", "no-store"},
                       {"Referrer-Policy", "no-referrer"},
                       {"X-Content-Type-Options", "nosniff"}}};
}

// The clinician's report: a whole HTML page, no script, made on the server.
Result<HttpResponse> GetReport(App& app, Call& c) {
  const service::Service& svc = app.service();
  if (!c.who.signed_in) return SignInFirst(ReaderLocale(svc, c), c.req);
  PersonId person = c.who.person;
  if (auto it = c.req.query.find("person"); it != c.req.query.end()) {
    auto id = ParsePositive(it->second);
    if (!id) return Fail(Error::NotFound(N_("nothing here")));
    auto ok = service::CanView(svc, c.account(), c.who.person, static_cast<PersonId>(*id));
    if (!ok) return Unexpected(ok.error());
    if (!*ok) return Fail(Error::NotFound(N_("nothing here")));
    person = static_cast<PersonId>(*id);
  }
  service::ReportRequest request;
  if (auto it = c.req.query.find("weeks"); it != c.req.query.end()) {
    auto n = ParsePositive(it->second);
    if (!n || *n > 52) {
      // TRANSLATORS: {weeks} is what the address gave for the report's weeks.
      return Fail(Error::Invalid(ReaderLocale(svc, c).Tr("weeks: \"{weeks}\" is not 2, 4 or 12",
                                                         {Arg("weeks", it->second)})));
    }
    request.weeks = static_cast<int>(*n);
  }
  auto as_of = QueryDate(c.req, "as_of");
  if (!as_of) return Unexpected(as_of.error());
  request.as_of = *as_of;
  request.locale = &ReaderLocale(svc, c);  // the reader's language
  auto html = service::ReportFor(svc, person, request);
  if (!html) return Unexpected(html.error());
  HttpResponse r{200, "text/html; charset=utf-8", std::move(*html), {}};
  r.headers.emplace_back("Content-Security-Policy",
                         "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                         "frame-ancestors 'self'; base-uri 'none'; form-action 'none'");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

// The page's own files: public, answered on the I/O thread.
constexpr Route PageFile(const char* pattern, SyncHandler handler) {
  return {.method = "GET",
          .pattern = pattern,
          .access = Access::kPublic,
          .blocking = false,
          .sync = handler};
}

constexpr Route kPageRoutes[] = {
    PageFile("/", GetPage),
    PageFile("/index.html", GetPage),
    PageFile("/assets/{rest*}", GetAsset),
    PageFile("/manifest.webmanifest", GetAsset),
    PageFile("/sw.js", GetServiceWorker),
    // On the work pool: the reader's language may be read from their profile.
    {.method = "GET",
     .pattern = "/api/v1/fields",
     .access = Access::kPublic,
     .blocking = true,
     .sync = GetFields},
    PageFile("/healthz", GetHealth),
    PageFile("/metrics", GetMetrics),
    {.method = "GET",
     .pattern = "/calendar/{file}",
     .access = Access::kPublic,
     .sync = GetCalendar},
    {.method = "GET", .pattern = "/report", .access = Access::kPublic, .sync = GetReport},
};

}  // namespace

std::span<const Route> PageRoutes() { return kPageRoutes; }

}  // namespace backsignal::server
