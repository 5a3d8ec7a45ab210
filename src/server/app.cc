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

}  // namespace

App::App(Store& store, GroupCommitter& committer, std::map<std::string, double> overrides)
    : store_(store), committer_(committer), overrides_(std::move(overrides)) {}

Result<Settings> App::CurrentSettings() {
  Settings s;
  auto stored = store_.LoadSettings();
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

  // --- the clinician's report: a whole HTML page, no script, made on the server ---
  if (seg.size() == 1 && seg[0] == "report") {
    if (m != "GET" && m != "HEAD") return method_not_allowed("GET, HEAD");
    int weeks = 2;
    if (auto it = req.query.find("weeks"); it != req.query.end()) {
      auto n = ParseNumber(it->second);
      if (!n || !IsReportWeeks(static_cast<int>(*n))) {
        return respond(ErrorResponse(
            Error::Invalid("weeks: \"" + it->second + "\" is not 2, 4 or 12")));
      }
      weeks = static_cast<int>(*n);
    }
    auto diary = store_.LoadDiary();
    if (!diary) return respond(ErrorResponse(diary.error()));
    auto settings = CurrentSettings();
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

  // --- the calendar feed: /calendar/{secret}.ics, for calendar apps that subscribe ---
  if (seg.size() == 2 && seg[0] == "calendar") {
    if (m != "GET" && m != "HEAD") return method_not_allowed("GET, HEAD");
    const std::string_view file = seg[1];
    if (!file.ends_with(".ics")) return respond(Problem(404, "no such calendar"));
    const std::string_view token = file.substr(0, file.size() - 4);
    auto data = LoadExportData(store_);
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
  if (seg.size() < 3 || seg[0] != "api" || seg[1] != "v1") {
    return respond(Problem(404, "nothing at " + req.path));
  }

  // Every body the API takes is JSON; checked once the route and method are known.
  const bool json_body = IsJson(req.content_type);
  auto wrong_type = [&] {
    respond(Problem(415, "send the body as application/json (got \"" + req.content_type + "\")"));
  };

  const std::string_view what = seg[2];
  if (what == "reading" && seg.size() == 3) {
    if (m != "GET") return method_not_allowed("GET");
    auto diary = store_.LoadDiary();
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
    auto settings = CurrentSettings();
    if (!settings) return respond(ErrorResponse(settings.error()));
    return respond(Json(200, ReadingToJson(Read(*diary, as_of, *settings), false)));
  }

  if (what == "safety" && seg.size() == 3) {
    if (m != "GET") return method_not_allowed("GET");
    nlohmann::json questions = nlohmann::json::array();
    for (const RedFlagQuestion& q : kRedFlagQuestions) {
      questions.push_back({{"id", q.id}, {"question", q.question}});
    }
    return respond(Json(200, Dump({{"questions", questions},
                                   {"advice", kRedFlagAdvice},
                                   {"urgent", kUrgentAdvice},
                                   {"urgent_when", {"chest_pain", "breathless"}},
                                   {"reason_breathing", kSafetyScreenReason},
                                   {"modify_or_stop", kModifyOrStopAdvice}})));
  }

  if (what == "settings" && seg.size() == 3) {
    if (m == "PUT") {
      // The person's thresholds, replaced whole: {"significant_change": 2.5}; {} resets them.
      if (!json_body) return wrong_type();
      auto values = ParseSettingsJson(req.body);
      if (!values) return respond(ErrorResponse(values.error()));
      if (auto ok = store_.SaveSettings(*values); !ok) return respond(ErrorResponse(ok.error()));
    } else if (m != "GET") {
      return method_not_allowed("GET, PUT");
    }
    auto current = CurrentSettings();
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
    if (m != "GET") return method_not_allowed("GET");
    auto it = req.query.find("format");
    auto format = ParseExportFormat(it == req.query.end() ? "json" : it->second);
    if (!format) return respond(ErrorResponse(format.error()));
    auto data = LoadExportData(store_);
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
      auto p = store_.EditProfile([&](Profile& profile) -> Result<void> {
        ApplyProfilePatch(*patch, profile);
        return {};
      });
      if (!p) return respond(ErrorResponse(p.error()));
      return respond(Json(200, ProfileToJson(*p)));
    }
    if (m != "GET") return method_not_allowed("GET, PUT");
    auto p = store_.LoadProfile();
    if (!p) return respond(ErrorResponse(p.error()));
    return respond(Json(200, ProfileToJson(*p)));
  }

  if (what == "calendar-feed" && seg.size() == 3) {
    // POST publishes a new secret link (replacing any other: the old one stops working);
    // DELETE revokes it. The secret is shown once; only its hash is stored.
    if (m == "POST") {
      const std::string token = NewSecretToken();
      auto p = store_.EditProfile([&](Profile& profile) -> Result<void> {
        profile.feed_token_hash = HashSecret(token);
        return {};
      });
      if (!p) return respond(ErrorResponse(p.error()));
      return respond(Json(201, Dump({{"published", true}, {"path", "/calendar/" + token + ".ics"}})));
    }
    if (m == "DELETE") {
      auto p = store_.EditProfile([&](Profile& profile) -> Result<void> {
        profile.feed_token_hash.clear();
        return {};
      });
      if (!p) return respond(ErrorResponse(p.error()));
      return respond(Json(200, Dump({{"published", false}})));
    }
    if (m != "GET") return method_not_allowed("GET, POST, DELETE");
    auto p = store_.LoadProfile();
    if (!p) return respond(ErrorResponse(p.error()));
    return respond(Json(200, Dump({{"published", !p->feed_token_hash.empty()}})));
  }

  if (what == "diary" && seg.size() == 3) {
    if (m == "GET") {
      auto diary = store_.LoadDiary();
      if (!diary) return respond(ErrorResponse(diary.error()));
      return respond(Json(200, DiaryToJson(*diary)));
    }
    if (m == "PUT") {
      if (!json_body) return wrong_type();
      auto diary = ParseDiaryJson(req.body);
      if (!diary) return respond(ErrorResponse(diary.error()));
      auto shared = std::make_shared<Diary>(std::move(*diary));
      committer_.Submit(
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
    auto report = store_.Import(*diary, mode);
    if (!report) return respond(ErrorResponse(report.error()));
    return respond(Json(200, nlohmann::json{{"added", report->added},
                                            {"replaced", report->replaced},
                                            {"unchanged", report->unchanged}}
                                 .dump()));
  }

  if (what != "days") return respond(Problem(404, "nothing at " + req.path));

  if (seg.size() == 3) {
    if (m != "GET") return method_not_allowed("GET");
    auto diary = store_.LoadDiary();
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
  auto edit = [this, date = *date, respond, advise](
                  int ok_status, std::function<Result<std::optional<size_t>>(Day&)> fn) {
    auto out = std::make_shared<Outcome>();
    committer_.Submit(
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
      auto day = store_.GetDay(*date);
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
