#include "app.h"

#include <charconv>
#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "assets.h"
#include "backsignal/core/checkin.h"
#include "backsignal/io/checkin_json.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/io/exports.h"
#include "backsignal/io/ids.h"
#include "backsignal/io/profile_json.h"
#include "backsignal/io/zone.h"
#include "backsignal/report/report.h"
#include "backsignal/io/reading_json.h"
#include "backsignal/io/settings_json.h"
#include "backsignal/reading/advice.h"
#include "backsignal/reading/reading.h"

namespace backsignal::server {
namespace {

using Respond = std::function<void(Response)>;


// JSON text of `j`; bytes that are not UTF-8 (echoed from a client's input) become U+FFFD
// instead of throwing.
std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Response Json(int status, std::string body) {
  return Response{status, "application/json", std::move(body), {{"Cache-Control", "no-store"}}};
}

// The one place where an error's kind becomes an HTTP status. Storage details (paths, SQLite
// messages) are logged, never sent.
Response ErrorResponse(const Error& e) {
  int status = 400;
  std::string message = e.message;
  switch (e.kind) {
    case ErrorKind::kInvalid: status = 400; break;
    case ErrorKind::kConflict: status = 409; break;
    case ErrorKind::kNotFound: status = 404; break;
    case ErrorKind::kStorage:
      status = 500;
      std::cerr << "backsignal serve: " << e.message << "\n";
      message = "the diary could not be read or written; try again";
      break;
  }
  nlohmann::json j;
  j["error"] = {{"status", status}, {"message", message}};
  if (e.kind != ErrorKind::kStorage) j["error"]["details"] = e.details;
  return Json(status, Dump(j));
}

Response Problem(int status, const std::string& message,
                 std::vector<std::pair<std::string, std::string>> headers = {}) {
  nlohmann::json j;
  j["error"] = {{"status", status}, {"message", message}};
  Response r = Json(status, Dump(j));
  for (auto& h : headers) r.headers.push_back(std::move(h));
  return r;
}

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  return parts;
}

// True for /api/v1/days/{date}/sessions[/{n}].
bool part_is_session(const std::vector<std::string_view>& seg) {
  return (seg.size() == 5 || seg.size() == 6) && seg[4] == "sessions";
}

bool IsJson(const std::string& content_type) {
  const std::string_view ct(content_type);
  const std::string_view base = ct.substr(0, ct.find(';'));
  return base == "application/json";
}

std::optional<size_t> ParseNumber(std::string_view s) {
  size_t n = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || n == 0) return std::nullopt;
  return n;
}

// The day as JSON, plus what the check-in means when that is worth saying at once.
std::string DayResponse(const Day& day, std::optional<size_t> session, bool advise) {
  std::string out = "{\"day\":" + DayToJson(day);
  if (session && *session >= 1 && *session <= day.sessions.size()) {
    const Session& s = day.sessions[*session - 1];
    const DuringSignal during = DuringSignalOf(s);
    nlohmann::json j;
    j["during"] = Name(during);
    j["hour_after"] = Name(HourAfterSignalOf(s));
    if (advise && during == DuringSignal::kSharp) j["advice"] = kModifyOrStopAdvice;
    out += ",\"session\":" + std::to_string(*session) + ",\"signals\":" + j.dump();
  }
  return out + "}";
}

// The red-flag questions and the advice every surface shows (docs/safety.md): for everyone,
// signed in or not, and the same for every person.
Response SafetyResponse() {
  nlohmann::json questions = nlohmann::json::array();
  for (const RedFlagQuestion& q : kRedFlagQuestions) {
    questions.push_back({{"id", q.id}, {"question", q.question}});
  }
  return Json(200, Dump({{"questions", questions},
                         {"advice", kRedFlagAdvice},
                         {"urgent", kUrgentAdvice},
                         {"urgent_when", {"chest_pain", "breathless"}},
                         {"reason_breathing", kSafetyScreenReason},
                         {"modify_or_stop", kModifyOrStopAdvice}}));
}

// Compares two secrets in time independent of where they differ.
bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

Response SignInFirst() {
  return Response{401, "text/html; charset=utf-8",
                  "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Sign in</title>"
                  "<p>Sign in first: <a href=\"/\">backsignal</a></p></html>\n",
                  {{"Cache-Control", "no-store"}}};
}

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A JSON object body, or a 400 naming what is wrong.
Result<nlohmann::json> ObjectBody(const std::string& body) {
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Fail(Error::Invalid("the body is not a JSON object", {"$: expected an object"}));
  }
  return j;
}

Result<std::string> StringField(const nlohmann::json& j, const char* name, bool required = true) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) return Fail(Error::Invalid(std::string(name) + " is missing", {std::string(name) + ": required"}));
    return std::string();
  }
  if (!it->is_string()) {
    return Fail(Error::Invalid(std::string(name) + " must be text", {std::string(name) + ": expected a string"}));
  }
  return it->get<std::string>();
}

}  // namespace

App::App(Database& db, GroupCommitter& committer, std::map<std::string, double> overrides,
         AuthOptions auth)
    : db_(db), committer_(committer), overrides_(std::move(overrides)), auth_(auth),
      accounts_(auth.accounts) {}

Result<Settings> App::CurrentSettings(Store& store) {
  Settings s;
  auto stored = store.LoadSettings();
  if (!stored) return Unexpected(stored.error());
  if (auto ok = ApplySettings(s, *stored); !ok) return Unexpected(ok.error());
  if (auto ok = ApplySettings(s, overrides_); !ok) return Unexpected(ok.error());
  return s;
}

size_t App::BodyLimit(const std::string& method, const std::string& path) const {
  if (method == "GET" || method == "HEAD" || method == "DELETE") return 0;
  if (path == "/api/v1/diary" || path == "/api/v1/diary/import") return kDiaryBodyLimit;
  return kCheckinBodyLimit;
}

  // --- the clinician's report: a whole HTML page, no script, made on the server ---
void App::HandleReport(const Request& req, const Respond& respond, Store& store) {
  const std::string& m = req.method;
  {
    int weeks = 2;
    if (auto it = req.query.find("weeks"); it != req.query.end()) {
      auto n = ParseNumber(it->second);
      if (!n || !IsReportWeeks(static_cast<int>(*n))) {
        return respond(ErrorResponse(
            Error::Invalid("weeks: \"" + it->second + "\" is not 2, 4 or 12")));
      }
      weeks = static_cast<int>(*n);
    }
    auto diary = store.LoadDiary();
    if (!diary) return respond(ErrorResponse(diary.error()));
    auto settings = CurrentSettings(store);
    if (!settings) return respond(ErrorResponse(settings.error()));
    ReportOptions o;
    o.weeks = weeks;
    if (auto it = req.query.find("as_of"); it != req.query.end()) {
      auto d = Date::Parse(it->second);
      if (!d) return respond(ErrorResponse(Error::Invalid("as_of: \"" + it->second + "\" " + d.error())));
      o.as_of = *d;
    } else {
      o.as_of = diary->days.empty() ? Date::TodayLocal() : diary->days.back().date;
    }
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    o.generated = FormatLocalWithOffset("UTC", now).substr(0, 16) + " UTC";
    o.generated[10] = ' ';
    Response r{200, "text/html; charset=utf-8", RenderReportHtml(*diary, *settings, o), {}};
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                           "frame-ancestors 'self'; base-uri 'none'; form-action 'none'");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    r.headers.emplace_back("Cache-Control", "no-store");
    if (m == "HEAD") r.body.clear();
    return respond(std::move(r));
  }
}

void App::Handle(Request req, Respond respond) {
  const std::vector<std::string_view> seg = Split(req.path);
  const std::string& m = req.method;
  auto method_not_allowed = [&](const char* allow) {
    respond(Problem(405, req.method + " is not allowed on " + req.path, {{"Allow", allow}}));
  };

  // --- the page ---
  if (seg.empty() || seg[0] == "assets" || seg[0] == "index.html") {
    if (m != "GET" && m != "HEAD") return method_not_allowed("GET, HEAD");
    const Asset* a = FindAsset(seg.empty() ? "/index.html" : req.path);
    if (a == nullptr) return respond(Problem(404, "no such page: " + req.path));
    Response r{200, std::string(a->content_type), std::string(a->body), {}};
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
      r.headers.emplace_back("Cache-Control", "public, max-age=3600");
    }
    if (m == "HEAD") r.body.clear();
    return respond(std::move(r));
  }

  // --- the calendar feed: /calendar/{secret}.ics, for calendar apps that subscribe ---
  if (seg.size() == 2 && seg[0] == "calendar") {
    if (m != "GET" && m != "HEAD") return method_not_allowed("GET, HEAD");
    const std::string_view file = seg[1];
    if (!file.ends_with(".ics")) return respond(Problem(404, "no such calendar"));
    const std::string_view token = file.substr(0, file.size() - 4);
    auto person = db_.FindPersonByFeed(HashSecret(token));
    if (!person) return respond(ErrorResponse(person.error()));
    if (!*person) {
      return respond(Problem(404, "no such calendar: the link may have been revoked or renewed"));
    }
    auto store = db_.ForPerson(**person);
    auto data = LoadExportData(*store);
    if (!data) return respond(ErrorResponse(data.error()));
    if (data->profile.feed_token_hash.empty() ||
        !SecretMatches(token, data->profile.feed_token_hash)) {
      return respond(Problem(404, "no such calendar: the link may have been revoked or renewed"));
    }
    const ExportFile f = Export(ExportFormat::kIcs, *data);
    Response r{200, f.media_type, f.body, {{"Cache-Control", "no-store"},
                                          {"Referrer-Policy", "no-referrer"},
                                          {"X-Content-Type-Options", "nosniff"}}};
    if (m == "HEAD") r.body.clear();
    return respond(std::move(r));
  }

  if (seg.size() == 1 && seg[0] == "healthz") {
    if (m != "GET") return method_not_allowed("GET");
    return respond(Json(200, R"({"status":"ok"})"));
  }
  // Everything else is someone's: find out whose.
  auto caller = Identify(req);
  if (!caller) return respond(ErrorResponse(caller.error()));

  if (seg.size() == 1 && seg[0] == "report") {
    if (m != "GET" && m != "HEAD") return method_not_allowed("GET, HEAD");
    if (!caller->signed_in) return respond(SignInFirst());
    PersonId person = caller->person;
    if (auto it = req.query.find("person"); it != req.query.end()) {
      auto id = ParseNumber(it->second);
      if (!id) return respond(Problem(404, "nothing here"));
      auto ok = CanView(*caller, static_cast<PersonId>(*id));
      if (!ok) return respond(ErrorResponse(ok.error()));
      if (!*ok) return respond(Problem(404, "nothing here"));
      person = static_cast<PersonId>(*id);
    }
    auto store = db_.ForPerson(person);
    return HandleReport(req, respond, *store);
  }

  if (seg.size() < 3 || seg[0] != "api" || seg[1] != "v1") {
    return respond(Problem(404, "nothing at " + req.path));
  }
  if (seg[2] == "auth" || seg[2] == "me") return HandleAuth(req, seg, respond, *caller);
  if (seg[2] == "safety" && seg.size() == 3) {
    if (m != "GET") return method_not_allowed("GET");
    return respond(SafetyResponse());
  }
  if (!caller->signed_in) return respond(Problem(401, "sign in first", {{"WWW-Authenticate", "Bearer"}}));
  // A state-changing request made with a cookie carries the session's CSRF token.
  if (caller->by_cookie && m != "GET" && m != "HEAD" &&
      !SameSecret(req.csrf_token, caller->csrf)) {
    return respond(Problem(403, "missing or wrong CSRF token: reload the page and try again"));
  }
  if (seg[2] == "account" || seg[2] == "tokens" || seg[2] == "shares" || seg[2] == "clinician" ||
      seg[2] == "admin") {
    if (!accounts_) return respond(Problem(404, "accounts are off on this server (serve --accounts)"));
    return HandleAccount(req, seg, respond, *caller);
  }
  if (seg[2] == "people") {
    // A clinician reading a person who shares with them: read only, and 404 for anyone else.
    if (seg.size() < 5) return respond(Problem(404, "nothing at " + req.path));
    auto id = ParseNumber(seg[3]);
    if (!id) return respond(Problem(404, "nothing at " + req.path));
    auto ok = CanView(*caller, static_cast<PersonId>(*id));
    if (!ok) return respond(ErrorResponse(ok.error()));
    if (!*ok) return respond(Problem(404, "nothing at " + req.path));
    std::vector<std::string_view> sub = {"api", "v1"};
    sub.insert(sub.end(), seg.begin() + 4, seg.end());
    const std::string_view what = sub[2];
    if (what != "reading" && what != "settings" && what != "days" && what != "diary" &&
        what != "export" && what != "safety") {
      return respond(Problem(404, "nothing at " + req.path));
    }
    if (m != "GET") return method_not_allowed("GET");
    if (what == "safety") return respond(SafetyResponse());
    auto store = db_.ForPerson(static_cast<PersonId>(*id));
    return HandleDiary(req, sub, respond, *store, static_cast<PersonId>(*id));
  }
  auto store = db_.ForPerson(caller->person);
  return HandleDiary(req, seg, respond, *store, caller->person);
}

void App::HandleDiary(Request& req, const std::vector<std::string_view>& seg,
                      const Respond& respond, Store& store, PersonId person) {
  const std::string& m = req.method;
  auto method_not_allowed = [&](const char* allow) {
    respond(Problem(405, req.method + " is not allowed on " + req.path, {{"Allow", allow}}));
  };

  // Every body the API takes is JSON; checked once the route and method are known.
  const bool json_body = IsJson(req.content_type);
  auto wrong_type = [&] {
    respond(Problem(415, "send the body as application/json (got \"" + req.content_type + "\")"));
  };

  const std::string_view what = seg[2];
  if (what == "reading" && seg.size() == 3) {
    if (m != "GET") return method_not_allowed("GET");
    auto diary = store.LoadDiary();
    if (!diary) return respond(ErrorResponse(diary.error()));
    Date as_of;
    if (auto it = req.query.find("as_of"); it != req.query.end()) {
      auto d = Date::Parse(it->second);
      if (!d) {
        return respond(ErrorResponse(Error::Invalid(
            "as_of: \"" + it->second + "\" " + d.error())));
      }
      as_of = *d;
    } else if (!diary->days.empty()) {
      as_of = diary->days.back().date;
    } else if (auto t = req.query.find("today"); t != req.query.end() && Date::Parse(t->second)) {
      as_of = *Date::Parse(t->second);
    } else {
      as_of = Date::TodayLocal();
    }
    auto settings = CurrentSettings(store);
    if (!settings) return respond(ErrorResponse(settings.error()));
    return respond(Json(200, ReadingToJson(Read(*diary, as_of, *settings), false)));
  }

  if (what == "settings" && seg.size() == 3) {
    if (m == "PUT") {
      // The person's thresholds, replaced whole: {"significant_change": 2.5}; {} resets them.
      if (!json_body) return wrong_type();
      auto values = ParseSettingsJson(req.body);
      if (!values) return respond(ErrorResponse(values.error()));
      if (auto ok = store.SaveSettings(*values); !ok) return respond(ErrorResponse(ok.error()));
    } else if (m != "GET") {
      return method_not_allowed("GET, PUT");
    }
    auto current = CurrentSettings(store);
    if (!current) return respond(ErrorResponse(current.error()));
    nlohmann::json list = nlohmann::json::array();
    const Settings defaults;
    for (const SettingInfo& info : AllSettings()) {
      list.push_back({{"name", info.name}, {"value", (*current).*info.field},
                      {"default", defaults.*info.field}, {"min", info.min}, {"max", info.max},
                      {"step", info.step}, {"meaning", info.meaning}, {"source", info.source},
                      {"fixed_by_server", overrides_.contains(std::string(info.name))}});
    }
    return respond(Json(200, Dump(nlohmann::json{{"settings", list}})));
  }

  if (what == "export" && seg.size() == 3) {
    if (m != "GET") return method_not_allowed("GET");  // HEAD would build the whole export
    auto it = req.query.find("format");
    auto format = ParseExportFormat(it == req.query.end() ? "json" : it->second);
    if (!format) return respond(ErrorResponse(format.error()));
    auto data = LoadExportData(store);
    if (!data) return respond(ErrorResponse(data.error()));
    ExportFile f = Export(*format, *data);
    return respond(Response{200, f.media_type, std::move(f.body),
                            {{"Cache-Control", "no-store"},
                             {"X-Content-Type-Options", "nosniff"},
                             {"Content-Disposition", "attachment; filename=\"" + f.file_name + "\""}}});
  }

  if (what == "profile" && seg.size() == 3) {
    if (m == "PUT") {
      if (!json_body) return wrong_type();
      auto patch = ParseProfilePatchJson(req.body);
      if (!patch) return respond(ErrorResponse(patch.error()));
      auto p = store.EditProfile([&](Profile& profile) -> Result<void> {
        ApplyProfilePatch(*patch, profile);
        return {};
      });
      if (!p) return respond(ErrorResponse(p.error()));
      return respond(Json(200, ProfileToJson(*p)));
    }
    if (m != "GET") return method_not_allowed("GET, PUT");
    auto p = store.LoadProfile();
    if (!p) return respond(ErrorResponse(p.error()));
    return respond(Json(200, ProfileToJson(*p)));
  }

  if (what == "calendar-feed" && seg.size() == 3) {
    // POST publishes a new secret link (replacing any other: the old one stops working);
    // DELETE revokes it. The secret is shown once; only its hash is stored.
    if (m == "POST") {
      const std::string token = NewSecretToken();
      auto p = store.EditProfile([&](Profile& profile) -> Result<void> {
        profile.feed_token_hash = HashSecret(token);
        return {};
      });
      if (!p) return respond(ErrorResponse(p.error()));
      return respond(Json(201, Dump({{"published", true}, {"path", "/calendar/" + token + ".ics"}})));
    }
    if (m == "DELETE") {
      auto p = store.EditProfile([&](Profile& profile) -> Result<void> {
        profile.feed_token_hash.clear();
        return {};
      });
      if (!p) return respond(ErrorResponse(p.error()));
      return respond(Json(200, Dump({{"published", false}})));
    }
    if (m != "GET") return method_not_allowed("GET, POST, DELETE");
    auto p = store.LoadProfile();
    if (!p) return respond(ErrorResponse(p.error()));
    return respond(Json(200, Dump({{"published", !p->feed_token_hash.empty()}})));
  }

  if (what == "diary" && seg.size() == 3) {
    if (m == "GET") {
      auto diary = store.LoadDiary();
      if (!diary) return respond(ErrorResponse(diary.error()));
      return respond(Json(200, DiaryToJson(*diary)));
    }
    if (m == "PUT") {
      if (!json_body) return wrong_type();
      auto diary = ParseDiaryJson(req.body);
      if (!diary) return respond(ErrorResponse(diary.error()));
      auto shared = std::make_shared<Diary>(std::move(*diary));
      committer_.Submit(person,
          [shared](DiaryTxn& txn) { return ReplaceDiaryIn(txn, *shared); },
          [respond, shared](Result<void> ok) {
            if (!ok) return respond(ErrorResponse(ok.error()));
            respond(Json(200, nlohmann::json{{"days", shared->days.size()}}.dump()));
          });
      return;
    }
    return method_not_allowed("GET, PUT");
  }

  if (what == "diary" && seg.size() == 4 && seg[3] == "import") {
    if (m != "POST") return method_not_allowed("POST");
    if (!json_body) return wrong_type();
    auto diary = LooksLikeJson(req.body) ? ParseDiaryJson(req.body)
                                         : Result<Diary>(Fail(Error::Invalid("not a JSON diary")));
    if (!diary) return respond(ErrorResponse(diary.error()));
    const ImportMode mode = req.query.contains("replace") && req.query["replace"] != "false"
                                ? ImportMode::kReplace
                                : ImportMode::kRefuseClashes;
    auto report = store.Import(*diary, mode);
    if (!report) return respond(ErrorResponse(report.error()));
    return respond(Json(200, nlohmann::json{{"added", report->added},
                                            {"replaced", report->replaced},
                                            {"unchanged", report->unchanged}}
                                 .dump()));
  }

  if (what != "days") return respond(Problem(404, "nothing at " + req.path));

  if (seg.size() == 3) {
    if (m != "GET") return method_not_allowed("GET");
    auto diary = store.LoadDiary();
    if (!diary) return respond(ErrorResponse(diary.error()));
    std::optional<Date> from, to;
    for (auto [key, target] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
      if (auto it = req.query.find(key); it != req.query.end()) {
        auto d = Date::Parse(it->second);
        if (!d) {
          return respond(ErrorResponse(
              Error::Invalid(std::string(key) + ": \"" + it->second + "\" " + d.error())));
        }
        *target = *d;
      }
    }
    std::string out = "{\"days\":[";
    bool first = true;
    for (auto it = diary->days.rbegin(); it != diary->days.rend(); ++it) {  // newest first
      if ((from && it->date < *from) || (to && it->date > *to)) continue;
      if (!first) out += ",";
      out += DayToJson(*it);
      first = false;
    }
    return respond(Json(200, out + "]}"));
  }

  auto date = Date::Parse(seg[3]);
  if (!date) {
    return respond(Problem(404, "\"" + std::string(seg[3]) + "\" " + date.error() +
                                    " (days are /api/v1/days/YYYY-MM-DD)"));
  }

  // A read-modify-write of one day through the group committer; answers with the day.
  struct Outcome {
    Day day;
    std::optional<size_t> session;
  };
  const bool advise = part_is_session(seg) && (m == "POST" || m == "PATCH");
  auto edit = [this, person, date = *date, respond, advise](
                  int ok_status, std::function<Result<std::optional<size_t>>(Day&)> fn) {
    auto out = std::make_shared<Outcome>();
    committer_.Submit(person,
        [date, fn, out](DiaryTxn& txn) -> Result<void> {
          auto day = EditDayIn(txn, date, [&](Day& d) -> Result<void> {
            auto session = fn(d);
            if (!session) return Unexpected(session.error());
            out->session = *session;
            return {};
          });
          if (!day) return Unexpected(day.error());
          out->day = std::move(*day);
          return {};
        },
        [respond, out, ok_status, advise](Result<void> ok) {
          if (!ok) return respond(ErrorResponse(ok.error()));
          respond(Json(ok_status, DayResponse(out->day, out->session, advise)));
        });
  };
  using Changed = Result<std::optional<size_t>>;
  const auto none = [] { return Changed(std::optional<size_t>()); };

  if (seg.size() == 4) {
    if (m == "GET") {
      auto day = store.GetDay(*date);
      if (!day) return respond(ErrorResponse(day.error()));
      if (!*day) return respond(Problem(404, "nothing recorded on " + date->ToString()));
      return respond(Json(200, DayToJson(**day)));
    }
    if (m == "DELETE") {
      return edit(200, [none](Day& d) -> Changed {
        if (auto ok = DeleteEntry(d, Entry::kDay, std::nullopt); !ok) return Unexpected(ok.error());
        return none();
      });
    }
    return method_not_allowed("GET, DELETE");
  }

  const std::string_view part = seg[4];
  if (seg.size() == 5 && (part == "morning" || part == "context" || part == "note")) {
    const Entry entry = part == "morning" ? Entry::kMorning : part == "context" ? Entry::kContext
                                                                                  : Entry::kNote;
    if (m == "DELETE") {
      return edit(200, [entry, none](Day& d) -> Changed {
        if (auto ok = DeleteEntry(d, entry, std::nullopt); !ok) return Unexpected(ok.error());
        return none();
      });
    }
    if (m != "PUT") return method_not_allowed("PUT, DELETE");
    if (!json_body) return wrong_type();
    if (part == "morning") {
      auto morning = ParseMorningJson(req.body);
      if (!morning) return respond(ErrorResponse(morning.error()));
      return edit(200, [morning = *morning, none](Day& d) -> Changed {
        d.morning = morning;
        return none();
      });
    }
    if (part == "context") {
      auto context = ParseContextJson(req.body);
      if (!context) return respond(ErrorResponse(context.error()));
      return edit(200, [context = *context, none](Day& d) -> Changed {
        d.context = context;
        return none();
      });
    }
    auto note = ParseNoteJson(req.body);
    if (!note) return respond(ErrorResponse(note.error()));
    return edit(200, [note = *note, none](Day& d) -> Changed {
      d.note = note;
      return none();
    });
  }

  if (part != "sessions") return respond(Problem(404, "nothing at " + req.path));
  if (seg.size() == 5) {
    if (m != "POST") return method_not_allowed("POST");
    if (!json_body) return wrong_type();
    auto patch = ParseSessionPatchJson(req.body);
    if (!patch) return respond(ErrorResponse(patch.error()));
    return edit(201, [patch = *patch](Day& d) -> Changed {
      return std::optional<size_t>(AddSession(d, patch));
    });
  }
  const std::optional<size_t> number = ParseNumber(seg[5]);
  if (!number) {
    return respond(Problem(404, "\"" + std::string(seg[5]) + "\" is not a session number (1, 2, ...)"));
  }
  if (seg.size() == 6) {
    if (m == "PATCH") {
      if (!json_body) return wrong_type();
      auto patch = ParseSessionPatchJson(req.body);
      if (!patch) return respond(ErrorResponse(patch.error()));
      return edit(200, [patch = *patch, n = *number](Day& d) -> Changed {
        auto r = EditSession(d, n, patch);
        if (!r) return Unexpected(r.error());
        return std::optional<size_t>(*r);
      });
    }
    if (m == "DELETE") {
      return edit(200, [n = *number, none](Day& d) -> Changed {
        if (auto ok = DeleteEntry(d, Entry::kSession, n); !ok) return Unexpected(ok.error());
        return none();
      });
    }
    return method_not_allowed("PATCH, DELETE");
  }
  if (seg.size() == 7 && seg[6] == "hour_after") {
    if (m == "PUT") {
      if (!json_body) return wrong_type();
      auto after = ParseHourAfterJson(req.body);
      if (!after) return respond(ErrorResponse(after.error()));
      return edit(200, [after = *after, n = *number](Day& d) -> Changed {
        if (n < 1 || n > d.sessions.size()) {
          return Fail(Error::NotFound("there is no session " + std::to_string(n) + " on " +
                                      d.date.ToString()));
        }
        d.sessions[n - 1].hour_after = after;
        return std::optional<size_t>(n);
      });
    }
    if (m == "DELETE") {
      return edit(200, [n = *number](Day& d) -> Changed {
        if (auto ok = DeleteEntry(d, Entry::kHourAfter, n); !ok) return Unexpected(ok.error());
        return std::optional<size_t>(n);
      });
    }
    return method_not_allowed("PUT, DELETE");
  }
  return respond(Problem(404, "nothing at " + req.path));
}

}  // namespace backsignal::server

// ---------------------------------------------------------------------------------------------
// Accounts: who is asking, signing up and in, and what an account may do.

namespace backsignal::server {
namespace {

constexpr const char* kCookiePlain = "backsignal_session";
constexpr const char* kCookieSecure = "__Host-backsignal_session";

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

bool ValidUsername(const std::string& u) {
  if (u.size() < 3 || u.size() > 40) return false;
  for (char c : u) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  }
  return true;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

constexpr size_t kMinPassword = 10;
constexpr size_t kMaxPassword = 200;

Result<void> CheckPassword(const std::string& p, const char* field) {
  if (p.size() < kMinPassword || p.size() > kMaxPassword) {
    return Fail(Error::Invalid(std::string(field) + " must be " + std::to_string(kMinPassword) + " to " +
                                   std::to_string(kMaxPassword) + " characters",
                               {std::string(field) + ": " + std::to_string(p.size()) + " characters"}));
  }
  return {};
}

nlohmann::json AccountJson(const Account& a) {
  return {{"username", a.username}, {"person", a.person}, {"role", a.role}, {"admin", a.admin},
          {"created_at", a.created_at}};
}

}  // namespace

std::string App::CookieAttributes() const {
  return std::string("; Path=/; HttpOnly; SameSite=Lax") + (auth_.secure_cookies ? "; Secure" : "");
}

std::string App::ClientAddress(const Request& req) const {
  if (auth_.trust_proxy && !req.forwarded_for.empty()) {
    // The last hop is the one our proxy added.
    std::string_view f(req.forwarded_for);
    const size_t comma = f.rfind(',');
    if (comma != std::string_view::npos) f = f.substr(comma + 1);
    while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
    return std::string(f);
  }
  return req.remote_address;
}

Result<App::Caller> App::Identify(const Request& req) {
  Caller c;
  if (!accounts_) {
    c.signed_in = true;
    return c;
  }
  const int64_t now = Now();
  if (req.authorization.starts_with("Bearer ")) {
    auto a = db_.FindApiToken(HashSecret(req.authorization.substr(7)), now);
    if (!a) return Unexpected(a.error());
    if (*a) {
      c.signed_in = true;
      c.account = **a;
      c.person = (*a)->person;
    }
    return c;
  }
  const std::string token =
      CookieValue(req.cookie, auth_.secure_cookies ? kCookieSecure : kCookiePlain);
  if (token.empty()) return c;
  const std::string hash = HashSecret(token);
  auto s = db_.FindSession(hash, now);
  if (!s) return Unexpected(s.error());
  if (*s) {
    c.signed_in = true;
    c.account = (*s)->first;
    c.person = (*s)->first.person;
    c.by_cookie = true;
    c.session_hash = hash;
    c.csrf = (*s)->second;
  }
  return c;
}

Result<bool> App::CanView(const Caller& caller, PersonId person) {
  if (!caller.signed_in) return false;
  if (caller.person == person) return true;
  if (!caller.account || caller.account->role != "clinician") return false;
  return db_.CanRead(caller.account->id, person);
}

Response App::SignedIn(int status, const Account& account, int64_t now) {
  const std::string token = NewSecretToken();
  const std::string csrf = NewSecretToken();
  const int64_t ttl = int64_t{auth_.session_days} * 86400;
  if (auto ok = db_.CreateSession(HashSecret(token), account.id, csrf, now, now + ttl); !ok) {
    return ErrorResponse(ok.error());
  }
  nlohmann::json j = AccountJson(account);
  j["csrf"] = csrf;
  Response r = Json(status, Dump(j));
  r.headers.emplace_back("Set-Cookie", std::string(auth_.secure_cookies ? kCookieSecure : kCookiePlain) +
                                           "=" + token + CookieAttributes() +
                                           "; Max-Age=" + std::to_string(ttl));
  return r;
}

void App::HandleAuth(const Request& req, const std::vector<std::string_view>& seg,
                     const Respond& respond, const Caller& caller) {
  const std::string& m = req.method;
  const int64_t now = Now();
  if (seg[2] == "me" && seg.size() == 3) {
    if (m != "GET") return respond(Problem(405, m + " is not allowed on " + req.path, {{"Allow", "GET"}}));
    if (!accounts_) return respond(Json(200, R"({"accounts":false})"));
    if (!caller.signed_in) {
      auto n = db_.CountAccounts();
      if (!n) return respond(ErrorResponse(n.error()));
      return respond(Json(200, Dump({{"accounts", true}, {"signed_in", false}, {"needs_setup", *n == 0}})));
    }
    nlohmann::json j = AccountJson(*caller.account);
    j["accounts"] = true;
    j["signed_in"] = true;
    if (caller.by_cookie) j["csrf"] = caller.csrf;
    return respond(Json(200, Dump(j)));
  }
  if (!accounts_) return respond(Problem(404, "accounts are off on this server (serve --accounts)"));
  if (seg.size() != 4) return respond(Problem(404, "nothing at " + req.path));
  if (m != "POST") return respond(Problem(405, m + " is not allowed on " + req.path, {{"Allow", "POST"}}));
  if (!IsJson(req.content_type) && seg[3] != "signout") {
    return respond(Problem(415, "send the body as application/json (got \"" + req.content_type + "\")"));
  }
  const std::string_view what = seg[3];
  const std::string address = "address:" + ClientAddress(req);
  auto throttled = [&](const std::string& key, int limit) -> Result<bool> {
    auto n = db_.CountFailures(key, now, auth_.window_seconds);
    if (!n) return Unexpected(n.error());
    return *n >= limit;
  };
  auto too_many = [&] {
    respond(Problem(429, "too many attempts: wait " + std::to_string(auth_.window_seconds / 60) +
                             " minutes and try again",
                    {{"Retry-After", std::to_string(auth_.window_seconds)}}));
  };

  if (what == "signup") {
    auto body = ObjectBody(req.body);
    if (!body) return respond(ErrorResponse(body.error()));
    auto username = StringField(*body, "username");
    auto password = StringField(*body, "password");
    auto role = StringField(*body, "role", false);
    auto code = StringField(*body, "setup_code", false);
    for (auto* f : {&username, &password, &role, &code}) {
      if (!*f) return respond(ErrorResponse(f->error()));
    }
    const std::string name = Lower(*username);
    if (!ValidUsername(name)) {
      return respond(ErrorResponse(Error::Invalid(
          "username: 3 to 40 letters, digits, dots, dashes or underscores", {"username: \"" + *username + "\""})));
    }
    if (auto ok = CheckPassword(*password, "password"); !ok) return respond(ErrorResponse(ok.error()));
    const std::string r = role->empty() ? "person" : *role;
    if (r != "person" && r != "clinician") {
      return respond(ErrorResponse(Error::Invalid("role: \"" + r + "\" is not person or clinician")));
    }
    // Sign-ups cost a password hash each: limited per address like failed sign-ins.
    const std::string signup_key = "signup:" + ClientAddress(req);
    auto busy = throttled(signup_key, auth_.address_failures);
    if (!busy) return respond(ErrorResponse(busy.error()));
    if (*busy) return too_many();
    auto count = db_.CountAccounts();
    if (!count) return respond(ErrorResponse(count.error()));
    if (*count == 0) {
      // The first account (the administrator) needs the code `serve` printed.
      auto ok = db_.CheckSetupCode(HashSecret(*code));
      if (!ok) return respond(ErrorResponse(ok.error()));
      if (code->empty() || !*ok) {
        return respond(Problem(403, "the first account needs the sign-up link that backsignal serve printed"));
      }
    }
    if (auto rec = db_.RecordFailure(signup_key, now, auth_.window_seconds); !rec) {
      return respond(ErrorResponse(rec.error()));
    }
    auto account = db_.CreateAccount(name, HashPassword(*password), r, now);
    if (!account) return respond(ErrorResponse(account.error()));
    return respond(SignedIn(201, *account, now));
  }

  if (what == "signin") {
    auto body = ObjectBody(req.body);
    if (!body) return respond(ErrorResponse(body.error()));
    auto username = StringField(*body, "username");
    auto password = StringField(*body, "password");
    if (!username) return respond(ErrorResponse(username.error()));
    if (!password) return respond(ErrorResponse(password.error()));
    const std::string name = Lower(*username);
    const std::string account_key = "account:" + name;
    for (const auto& [key, limit] : {std::pair{account_key, auth_.account_failures},
                                     std::pair{address, auth_.address_failures}}) {
      auto busy = throttled(key, limit);
      if (!busy) return respond(ErrorResponse(busy.error()));
      if (*busy) return too_many();
    }
    auto login = db_.FindLogin(name);
    if (!login) return respond(ErrorResponse(login.error()));
    bool ok = false;
    if (*login && password->size() <= kMaxPassword) {
      ok = VerifyPassword(*password, (*login)->second);
    } else {
      VerifyNothing(*password);
    }
    if (!ok) {
      for (const std::string& key : {account_key, address}) {
        if (auto rec = db_.RecordFailure(key, now, auth_.window_seconds); !rec) {
          return respond(ErrorResponse(rec.error()));
        }
      }
      return respond(Problem(401, "wrong username or password"));
    }
    if (auto clear = db_.ClearFailures(account_key); !clear) return respond(ErrorResponse(clear.error()));
    return respond(SignedIn(200, (*login)->first, now));
  }

  // The rest changes an account that is signed in.
  if (!caller.signed_in) return respond(Problem(401, "sign in first"));
  if (caller.by_cookie && !SameSecret(req.csrf_token, caller.csrf)) {
    return respond(Problem(403, "missing or wrong CSRF token: reload the page and try again"));
  }
  if (what == "signout") {
    if (caller.by_cookie) {
      if (auto ok = db_.DeleteSession(caller.session_hash); !ok) return respond(ErrorResponse(ok.error()));
    }
    Response r = Json(200, R"({"signed_in":false})");
    r.headers.emplace_back("Set-Cookie", std::string(auth_.secure_cookies ? kCookieSecure : kCookiePlain) +
                                             "=" + CookieAttributes() + "; Max-Age=0");
    return respond(std::move(r));
  }
  if (what == "password") {
    auto body = ObjectBody(req.body);
    if (!body) return respond(ErrorResponse(body.error()));
    auto current = StringField(*body, "current");
    auto next = StringField(*body, "new");
    if (!current) return respond(ErrorResponse(current.error()));
    if (!next) return respond(ErrorResponse(next.error()));
    if (auto ok = CheckPassword(*next, "new"); !ok) return respond(ErrorResponse(ok.error()));
    auto login = db_.FindLogin(caller.account->username);
    if (!login) return respond(ErrorResponse(login.error()));
    if (!*login || !VerifyPassword(*current, (*login)->second)) {
      if (auto rec = db_.RecordFailure("account:" + caller.account->username, now, auth_.window_seconds); !rec) {
        return respond(ErrorResponse(rec.error()));
      }
      return respond(Problem(403, "the current password is wrong"));
    }
    if (auto ok = db_.SetPasswordHash(caller.account->id, HashPassword(*next)); !ok) {
      return respond(ErrorResponse(ok.error()));
    }
    // Every other session of this account ends: whoever knew the old password is signed out.
    if (auto ok = db_.DeleteOtherSessions(caller.account->id, caller.session_hash); !ok) {
      return respond(ErrorResponse(ok.error()));
    }
    return respond(Json(200, R"({"changed":true})"));
  }
  return respond(Problem(404, "nothing at " + req.path));
}

void App::HandleAccount(const Request& req, const std::vector<std::string_view>& seg,
                        const Respond& respond, const Caller& caller) {
  const std::string& m = req.method;
  const int64_t now = Now();
  const Account& me = *caller.account;
  auto not_allowed = [&](const char* allow) {
    respond(Problem(405, m + " is not allowed on " + req.path, {{"Allow", allow}}));
  };
  auto json_in = [&]() -> Result<nlohmann::json> {
    if (!IsJson(req.content_type)) {
      return Fail(Error::Invalid("send the body as application/json"));
    }
    return ObjectBody(req.body);
  };
  const std::string_view what = seg[2];

  if (what == "account") {
    if (seg.size() == 3) {
      if (m != "GET") return not_allowed("GET");
      return respond(Json(200, Dump(AccountJson(me))));
    }
    if (seg.size() == 4 && seg[3] == "export") {
      if (m != "GET") return not_allowed("GET");
      auto store = db_.ForPerson(me.person);
      auto data = LoadExportData(*store);
      if (!data) return respond(ErrorResponse(data.error()));
      auto shares = db_.ListShares(me.person);
      if (!shares) return respond(ErrorResponse(shares.error()));
      auto tokens = db_.ListApiTokens(me.id);
      if (!tokens) return respond(ErrorResponse(tokens.error()));
      nlohmann::json all = nlohmann::json::parse(AllDataJson(*data));
      all["account"] = AccountJson(me);
      nlohmann::json sh = nlohmann::json::array();
      for (const ShareInfo& s : *shares) sh.push_back({{"clinician", s.clinician}, {"since", s.since}});
      all["shared_with"] = sh;
      nlohmann::json tk = nlohmann::json::array();
      for (const ApiTokenInfo& t : *tokens) tk.push_back({{"name", t.name}, {"created_at", t.created_at}});
      all["api_tokens"] = tk;
      Response r = Json(200, all.dump(2) + "\n");
      r.headers.emplace_back("Content-Disposition",
                             "attachment; filename=\"backsignal-" + me.username + "-all-data.json\"");
      return respond(std::move(r));
    }
    if (seg.size() == 4 && seg[3] == "delete") {
      if (m != "POST") return not_allowed("POST");
      auto body = json_in();
      if (!body) return respond(ErrorResponse(body.error()));
      auto password = StringField(*body, "password");
      if (!password) return respond(ErrorResponse(password.error()));
      auto login = db_.FindLogin(me.username);
      if (!login) return respond(ErrorResponse(login.error()));
      if (!*login || !VerifyPassword(*password, (*login)->second)) {
        return respond(Problem(403, "the password is wrong: nothing was deleted"));
      }
      if (auto ok = db_.DeleteAccount(me.id); !ok) return respond(ErrorResponse(ok.error()));
      Response r = Json(200, R"({"deleted":true})");
      r.headers.emplace_back("Set-Cookie", std::string(auth_.secure_cookies ? kCookieSecure : kCookiePlain) +
                                               "=" + CookieAttributes() + "; Max-Age=0");
      return respond(std::move(r));
    }
    return respond(Problem(404, "nothing at " + req.path));
  }

  if (what == "tokens") {
    if (seg.size() == 3 && m == "GET") {
      auto list = db_.ListApiTokens(me.id);
      if (!list) return respond(ErrorResponse(list.error()));
      nlohmann::json a = nlohmann::json::array();
      for (const ApiTokenInfo& t : *list) {
        a.push_back({{"id", t.id}, {"name", t.name}, {"created_at", t.created_at},
                     {"last_used_at", t.last_used_at ? nlohmann::json(*t.last_used_at) : nlohmann::json()}});
      }
      return respond(Json(200, Dump({{"tokens", a}})));
    }
    if (seg.size() == 3 && m == "POST") {
      auto body = json_in();
      if (!body) return respond(ErrorResponse(body.error()));
      auto name = StringField(*body, "name", false);
      if (!name) return respond(ErrorResponse(name.error()));
      const std::string label = name->empty() ? "script" : name->substr(0, 100);
      const std::string token = "bst_" + NewSecretToken();
      auto id = db_.CreateApiToken(me.id, label, HashSecret(token), now);
      if (!id) return respond(ErrorResponse(id.error()));
      return respond(Json(201, Dump({{"id", *id}, {"name", label}, {"token", token}})));
    }
    if (seg.size() == 4 && m == "DELETE") {
      auto id = ParseNumber(seg[3]);
      if (!id) return respond(Problem(404, "no such token"));
      auto ok = db_.RevokeApiToken(me.id, static_cast<int64_t>(*id));
      if (!ok) return respond(ErrorResponse(ok.error()));
      if (!*ok) return respond(Problem(404, "no such token"));
      return respond(Json(200, R"({"revoked":true})"));
    }
    return not_allowed(seg.size() == 3 ? "GET, POST" : "DELETE");
  }

  if (what == "shares") {
    if (seg.size() == 3) {
      if (m != "GET") return not_allowed("GET");
      auto shares = db_.ListShares(me.person);
      if (!shares) return respond(ErrorResponse(shares.error()));
      auto invites = db_.ListInvites(me.person, now);
      if (!invites) return respond(ErrorResponse(invites.error()));
      nlohmann::json sh = nlohmann::json::array(), inv = nlohmann::json::array();
      for (const ShareInfo& s : *shares) {
        sh.push_back({{"clinician_id", s.clinician_id}, {"clinician", s.clinician}, {"since", s.since}});
      }
      for (const InviteInfo& i : *invites) {
        inv.push_back({{"id", i.id}, {"created_at", i.created_at}, {"expires_at", i.expires_at}});
      }
      return respond(Json(200, Dump({{"shares", sh}, {"invites", inv}})));
    }
    if (seg.size() == 4 && seg[3] == "invites") {
      if (m != "POST") return not_allowed("POST");
      const std::string code = NewInviteCode();
      const int64_t expires = now + 7 * 86400;
      auto id = db_.CreateInvite(me.person, HashSecret(NormaliseInviteCode(code)), now, expires);
      if (!id) return respond(ErrorResponse(id.error()));
      return respond(Json(201, Dump({{"id", *id}, {"code", code}, {"expires_at", expires}})));
    }
    if (seg.size() == 5 && seg[3] == "invites") {
      if (m != "DELETE") return not_allowed("DELETE");
      auto id = ParseNumber(seg[4]);
      auto ok = id ? db_.CancelInvite(me.person, static_cast<int64_t>(*id)) : Result<bool>(false);
      if (!ok) return respond(ErrorResponse(ok.error()));
      if (!*ok) return respond(Problem(404, "no such invite"));
      return respond(Json(200, R"({"cancelled":true})"));
    }
    if (seg.size() == 4) {
      if (m != "DELETE") return not_allowed("DELETE");
      auto id = ParseNumber(seg[3]);
      auto ok = id ? db_.RevokeShare(me.person, static_cast<int64_t>(*id)) : Result<bool>(false);
      if (!ok) return respond(ErrorResponse(ok.error()));
      if (!*ok) return respond(Problem(404, "no such share"));
      return respond(Json(200, R"({"revoked":true})"));
    }
    return respond(Problem(404, "nothing at " + req.path));
  }

  if (what == "admin") {
    // The administrator sees who has an account (never their diaries).
    if (!me.admin) return respond(Problem(403, "this is for the administrator"));
    if (seg.size() != 4 || seg[3] != "accounts") return respond(Problem(404, "nothing at " + req.path));
    if (m != "GET") return not_allowed("GET");
    auto list = db_.ListAccounts();
    if (!list) return respond(ErrorResponse(list.error()));
    nlohmann::json a = nlohmann::json::array();
    for (const Account& acc : *list) a.push_back(AccountJson(acc));
    return respond(Json(200, Dump({{"accounts", a}})));
  }

  // what == "clinician"
  if (me.role != "clinician") return respond(Problem(403, "this is for clinician accounts"));
  if (seg.size() == 4 && seg[3] == "redeem") {
    if (m != "POST") return not_allowed("POST");
    auto body = json_in();
    if (!body) return respond(ErrorResponse(body.error()));
    auto code = StringField(*body, "code");
    if (!code) return respond(ErrorResponse(code.error()));
    auto person = db_.RedeemInvite(HashSecret(NormaliseInviteCode(*code)), me.id, now);
    if (!person) return respond(ErrorResponse(person.error()));
    auto account = db_.AccountOfPerson(*person);
    if (!account) return respond(ErrorResponse(account.error()));
    return respond(Json(200, Dump({{"person", *person},
                                   {"username", *account ? (*account)->username : std::string()}})));
  }
  if (seg.size() == 4 && seg[3] == "people") {
    if (m != "GET") return not_allowed("GET");
    const Date today = Date::TodayLocal();
    constexpr int kStaleDays = 3;
    auto list = db_.ClinicianList(me.id, today - kStaleDays);
    if (!list) return respond(ErrorResponse(list.error()));
    nlohmann::json people = nlohmann::json::array();
    for (const PersonSummary& p : *list) {
      nlohmann::json reasons = nlohmann::json::array();
      if (p.modify_or_stop) reasons.push_back("modify_or_stop");
      if (p.repeated_worse) reasons.push_back("repeated_worse_mornings");
      if (p.morning_shift) reasons.push_back("morning_shift");
      if (p.stirring_up) reasons.push_back("stirring_up");
      const int silent = p.last_date ? today - *p.last_date : -1;
      if (!p.last_date || silent >= kStaleDays) reasons.push_back("no_recent_check_ins");
      people.push_back({{"person", p.person}, {"username", p.username},
                        {"last_date", p.last_date ? nlohmann::json(p.last_date->ToString()) : nlohmann::json()},
                        {"days_since", p.last_date ? nlohmann::json(silent) : nlohmann::json()},
                        {"verdict", p.verdict}, {"alerts", p.alerts}, {"needs", reasons}});
    }
    return respond(Json(200, Dump({{"people", people}, {"stale_after_days", kStaleDays}})));
  }
  return respond(Problem(404, "nothing at " + req.path));
}

}  // namespace backsignal::server
