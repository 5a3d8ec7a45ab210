// The diary's routes: the reading, thresholds, exports, profile and calendar feed, the whole
// diary, and check-ins day by day. The read-only ones are also served under
// /api/v1/people/{person}/ for a clinician the person shares with.
#include "app.h"
#include "backsignal/io/checkin_json.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/io/ids.h"
#include "backsignal/io/profile_json.h"
#include "backsignal/io/reading_json.h"
#include "backsignal/io/settings_json.h"
#include "backsignal/service/checkins.h"
#include "backsignal/service/exports.h"
#include "backsignal/service/profile.h"
#include "backsignal/service/readings.h"
#include "backsignal/service/reminders.h"
#include "backsignal/service/safety.h"
#include "backsignal/service/settings.h"
#include "backsignal/service/workouts.h"
#include "backsignal/words/checkin.h"
#include "backsignal/words/safety.h"
#include "backsignal/words/words.h"
#include "http_util.h"

namespace backsignal::server {
namespace {

using service::Service;

Result<Date> DateParam(const Call& c) {
  const std::string& text = c.params.at("date");
  auto d = Date::Parse(text);
  if (!d) {
    return Fail(
        Error::NotFound("\"" + text + "\" " + d.error() + " (days are /api/v1/days/YYYY-MM-DD)"));
  }
  return *d;
}

Result<size_t> SessionParam(const Call& c) {
  const std::string& text = c.params.at("n");
  auto n = ParsePositive(text);
  if (!n) return Fail(Error::NotFound("\"" + text + "\" is not a session number (1, 2, ...)"));
  return *n;
}

// The check-in's words (words/checkin.h) as JSON: {"lines": [...], "meaning": ..., "next": ...}.
nlohmann::json CheckinWordsJson(const CheckinWords& w) {
  return {{"lines", w.lines}, {"meaning", w.meaning}, {"next", w.next}};
}

// The day as JSON, plus what the check-in means when that is worth saying at once, and its
// words (`entry` names what was checked in; none for a deletion).
std::string CheckinJson(const service::CheckinResult& r, bool advise, std::optional<Entry> entry) {
  std::string out = "{\"day\":" + DayToJson(r.day);
  if (entry) {
    out +=
        ",\"words\":" +
        Dump(CheckinWordsJson(WordsForCheckin(r.day, *entry, r.session, r.during, r.hour_after)));
  }
  if (r.session && *r.session >= 1 && *r.session <= r.day.sessions.size()) {
    nlohmann::json j;
    j["during"] = Name(r.during);
    j["hour_after"] = Name(r.hour_after);
    j["words"] = {{"during", DescribeDuring(r.during)},
                  {"hour_after", DescribeHourAfter(r.hour_after)},
                  {"hour_after_meaning", HourAfterMeaning(r.hour_after)}};
    if (advise && r.modify_or_stop) j["advice"] = kModifyOrStopAdvice;
    if (r.safety_again) j["safety_again"] = true;
    out += ",\"session\":" + std::to_string(*r.session) + ",\"signals\":" + Dump(j);
  }
  return out + "}";
}

// The request a check-in's Idempotency-Key stands for: FNV-1a (64 bits) of its method, path and
// body, so that the same key sent with another request is told apart from a repeat.
std::string Fingerprint(const Request& req) {
  uint64_t h = 14695981039346656037ULL;
  const auto mix = [&h](std::string_view part) {
    for (const char ch : part) {
      h ^= static_cast<unsigned char>(ch);
      h *= 1099511628211ULL;
    }
    h ^= 0xff;  // a separator no byte of text makes
    h *= 1099511628211ULL;
  };
  mix(req.method);
  mix(req.path);
  mix(req.body);
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

// An Idempotency-Key: 1 to 200 visible ASCII characters (a UUID is 36).
Result<std::string> IdempotencyKey(const Request& req) {
  const std::string& k = req.idempotency_key;
  if (k.empty()) return std::string();
  if (k.size() > 200) return Fail(Error::Invalid("Idempotency-Key: longer than 200 characters"));
  for (const char ch : k) {
    if (ch < 0x21 || ch > 0x7e) {
      return Fail(Error::Invalid("Idempotency-Key: only visible ASCII characters (a UUID, say)"));
    }
  }
  return k;
}

// A check-in route: parses on the I/O thread, and answers once the write is durable. With an
// Idempotency-Key, a repeat is answered as the first was (Idempotent-Replayed: true).
AsyncHandler CheckinRoute(const Service& svc, int ok_status, bool advise, bool deletes,
                          std::optional<Entry> entry,
                          std::function<Result<service::DayEdit>(Call&)> make_edit) {
  return [&svc, ok_status, advise, deletes, entry, make_edit = std::move(make_edit)](
             Call& c, const Reply& reply) {
    auto date = DateParam(c);
    if (!date) return reply(Unexpected(date.error()));
    auto key = IdempotencyKey(c.req);
    if (!key) return reply(Unexpected(key.error()));
    auto edit = make_edit(c);
    if (!edit) return reply(Unexpected(edit.error()));
    service::CheckinOptions options{.deletes = deletes, .idempotency_key = *key};
    if (!key->empty()) options.fingerprint = Fingerprint(c.req);
    service::Checkin(
        svc, c.subject, *date, std::move(*edit),
        [reply, ok_status, advise, entry](Result<service::CheckinResult> r) {
          if (!r) return reply(Unexpected(r.error()));
          Response res = Json(ok_status, CheckinJson(*r, advise, entry));
          if (r->replayed) res.headers.emplace_back("Idempotent-Replayed", "true");
          reply(std::move(res));
        },
        std::move(options));
  };
}

Result<Response> ReadingRoute(const Service& svc, Call& c) {
  auto as_of = QueryDate(c.req, "as_of");
  if (!as_of) return Unexpected(as_of.error());
  auto today = QueryDate(c.req, "today");
  if (!today) return Unexpected(today.error());
  auto view = service::ReadingOf(svc, c.subject, *as_of, *today);
  if (!view) return Unexpected(view.error());
  if (c.subject == c.who.person) return Json(200, (*view)->json);
  // A clinician reads about the person: the words speak of them, not to them (words.h Voice).
  auto name = service::NameOf(svc, c.subject);
  if (!name) return Unexpected(name.error());
  return Json(200,
              ReadingToJson((*view)->reading, InVoice((*view)->words, Voice::About(*name)), false));
}

Result<Response> SettingsList(const Service& svc, PersonId person) {
  auto current = service::SettingsInForce(svc, person);
  if (!current) return Unexpected(current.error());
  nlohmann::json list = nlohmann::json::array();
  const Settings defaults;
  for (const SettingInfo& info : AllSettings()) {
    list.push_back({{"name", info.name},
                    {"value", (*current).*info.field},
                    {"default", defaults.*info.field},
                    {"min", info.min},
                    {"max", info.max},
                    {"step", info.step},
                    {"meaning", info.meaning},
                    {"source", info.source},
                    {"fixed_by_server", svc.overrides().contains(std::string(info.name))}});
  }
  return Json(200, Dump(nlohmann::json{{"settings", list}}));
}

Result<Response> ExportRoute(const Service& svc, Call& c) {
  auto it = c.req.query.find("format");
  auto format = ParseExportFormat(it == c.req.query.end() ? "json" : it->second);
  if (!format) return Unexpected(format.error());
  // "All my data" carries the account only for its owner.
  const bool own = c.subject == c.who.person;
  auto f = service::ExportFor(svc, c.subject, *format, own ? c.account() : std::nullopt);
  if (!f) return Unexpected(f.error());
  return Response{200,
                  f->media_type,
                  std::move(f->body),
                  {{"Cache-Control", "no-store"},
                   {"X-Content-Type-Options", "nosniff"},
                   {"Content-Disposition", "attachment; filename=\"" + f->file_name + "\""}}};
}

// A day as JSON with its entries in words (words/checkin.h) under "words".
std::string DayWithWordsJson(const Day& day) {
  std::string out = DayToJson(day);
  const DayWords w = WordsForDay(day);
  nlohmann::json sessions = nlohmann::json::array();
  for (const SessionEntryWords& s : w.sessions) {
    sessions.push_back({{"lines", s.lines}, {"hour_after", s.hour_after}, {"due", s.due}});
  }
  const nlohmann::json words = {
      {"morning", w.morning}, {"sessions", sessions}, {"context", w.context}};
  out.pop_back();  // the closing brace of the day's object
  return out + ",\"words\":" + Dump(words) + "}";
}

Result<Response> DaysRoute(const Service& svc, Call& c) {
  auto from = QueryDate(c.req, "from");
  if (!from) return Unexpected(from.error());
  auto to = QueryDate(c.req, "to");
  if (!to) return Unexpected(to.error());
  auto diary = service::DiaryOf(svc, c.subject);
  if (!diary) return Unexpected(diary.error());
  std::string out = "{\"days\":[";
  bool first = true;
  for (auto it = diary->days.rbegin(); it != diary->days.rend(); ++it) {  // newest first
    if ((*from && it->date < **from) || (*to && it->date > **to)) continue;
    if (!first) out += ",";
    out += DayWithWordsJson(*it);
    first = false;
  }
  // The person's own factors used so far, for the page to offer as toggles.
  nlohmann::json tags = nlohmann::json::array();
  for (const TagUse& t : TagsInUse(*diary, 30)) {
    tags.push_back({{"name", t.name}, {"days", t.days}, {"last", t.last.ToString()}});
  }
  return Json(200, out + "],\"tags\":" + Dump(tags) + "}");
}

Result<Response> DayRoute(const Service& svc, Call& c) {
  auto date = DateParam(c);
  if (!date) return Unexpected(date.error());
  auto day = service::DayOf(svc, c.subject, *date);
  if (!day) return Unexpected(day.error());
  if (!*day) return Fail(Error::NotFound("nothing recorded on " + date->ToString()));
  return Json(200, DayToJson(**day));
}

Result<Response> DiaryRoute(const Service& svc, Call& c) {
  auto diary = service::DiaryOf(svc, c.subject);
  if (!diary) return Unexpected(diary.error());
  return Json(200, DiaryToJson(*diary));
}

}  // namespace

void AddDiaryRoutes(Router& router, App& app) {
  const Service& svc = app.service();

  // Read-only routes, for the person and (under /people/{person}) for a clinician.
  for (const std::string prefix : {"/api/v1", "/api/v1/people/{person:number}"}) {
    router.Add({.method = "GET", .pattern = prefix + "/reading", .sync = [&svc](Call& c) {
                  return ReadingRoute(svc, c);
                }});
    router.Add({.method = "GET", .pattern = prefix + "/settings", .sync = [&svc](Call& c) {
                  return SettingsList(svc, c.subject);
                }});
    router.Add({.method = "GET", .pattern = prefix + "/export", .sync = [&svc](Call& c) {
                  return ExportRoute(svc, c);
                }});
    router.Add({.method = "GET", .pattern = prefix + "/days", .sync = [&svc](Call& c) {
                  return DaysRoute(svc, c);
                }});
    router.Add({.method = "GET", .pattern = prefix + "/days/{date}", .sync = [&svc](Call& c) {
                  return DayRoute(svc, c);
                }});
    router.Add({.method = "GET", .pattern = prefix + "/diary", .sync = [&svc](Call& c) {
                  return DiaryRoute(svc, c);
                }});
  }

  // A clinician's view is read only: nothing under /people/{person}/ changes anything.
  router.Add({.method = "*",
              .pattern = "/api/v1/people/{person:number}/{rest*}",
              .body_limit = kCheckinBodyLimit,
              .json_body = false,
              .blocking = false,
              .sync = [](Call&) -> Result<Response> {
                return Problem(405, "a clinician's view of a person's diary is read only",
                               {{"Allow", "GET"}});
              }});

  // The person's thresholds, replaced whole: {"significant_change": 2.5}; {} resets them.
  router.Add({.method = "PUT",
              .pattern = "/api/v1/settings",
              .scope = Scope::kDiary,
              .body_limit = kCheckinBodyLimit,
              .sync = [&svc](Call& c) -> Result<Response> {
                auto values = ParseSettingsJson(c.req.body);
                if (!values) return Unexpected(values.error());
                if (auto ok = service::SaveSettings(svc, c.subject, *values); !ok) {
                  return Unexpected(ok.error());
                }
                return SettingsList(svc, c.subject);
              }});

  router.Add(
      {.method = "GET", .pattern = "/api/v1/profile", .sync = [&svc](Call& c) -> Result<Response> {
         auto p = service::ProfileOf(svc, c.subject);
         if (!p) return Unexpected(p.error());
         return Json(200, ProfileToJson(*p));
       }});
  router.Add({.method = "PUT",
              .pattern = "/api/v1/profile",
              .scope = Scope::kDiary,
              .body_limit = kCheckinBodyLimit,
              .sync = [&svc](Call& c) -> Result<Response> {
                auto patch = ParseProfilePatchJson(c.req.body);
                if (!patch) return Unexpected(patch.error());
                auto p = service::EditProfile(
                    svc, c.subject, [&](Profile& profile) { ApplyProfilePatch(*patch, profile); });
                if (!p) return Unexpected(p.error());
                return Json(200, ProfileToJson(*p));
              }});

  // The calendar feed: POST publishes a new secret link (the old one stops working), DELETE
  // revokes it. The secret is shown once; only its hash is stored.
  router.Add({.method = "GET",
              .pattern = "/api/v1/calendar-feed",
              .sync = [&svc](Call& c) -> Result<Response> {
                auto published = service::FeedPublished(svc, c.subject);
                if (!published) return Unexpected(published.error());
                return Json(200, Dump({{"published", *published}}));
              }});
  router.Add(
      {.method = "POST",
       .pattern = "/api/v1/calendar-feed",
       .access = Access::kSession,
       .sync = [&svc](Call& c) -> Result<Response> {
         auto token = service::PublishFeed(svc, c.subject);
         if (!token) return Unexpected(token.error());
         return Json(201, Dump({{"published", true}, {"path", "/calendar/" + *token + ".ics"}}));
       }});
  router.Add({.method = "DELETE",
              .pattern = "/api/v1/calendar-feed",
              .access = Access::kSession,
              .sync = [&svc](Call& c) -> Result<Response> {
                if (auto ok = service::RevokeFeed(svc, c.subject); !ok) {
                  return Unexpected(ok.error());
                }
                return Json(200, Dump({{"published", false}}));
              }});

  // The whole diary: replaced (PUT), or imported beside what is there.
  router.Add({.method = "PUT",
              .pattern = "/api/v1/diary",
              .scope = Scope::kDiary,
              .body_limit = kDiaryBodyLimit,
              .async = [&svc](Call& c, const Reply& reply) {
                auto diary = ParseDiaryJson(c.req.body);
                if (!diary) return reply(Unexpected(diary.error()));
                service::ReplaceDiary(svc, c.subject, std::move(*diary),
                                      [reply](Result<size_t> days) {
                                        if (!days) return reply(Unexpected(days.error()));
                                        reply(Json(200, Dump({{"days", *days}})));
                                      });
              }});
  router.Add({.method = "POST",
              .pattern = "/api/v1/diary/import",
              .scope = Scope::kDiary,
              .body_limit = kDiaryBodyLimit,
              .sync = [&svc](Call& c) -> Result<Response> {
                auto diary = LooksLikeJson(c.req.body)
                                 ? ParseDiaryJson(c.req.body)
                                 : Result<Diary>(Fail(Error::Invalid("not a JSON diary")));
                if (!diary) return Unexpected(diary.error());
                auto it = c.req.query.find("replace");
                const ImportMode mode = it != c.req.query.end() && it->second != "false"
                                            ? ImportMode::kReplace
                                            : ImportMode::kRefuseClashes;
                auto report = service::ImportDiary(svc, c.subject, *diary, mode, "body");
                if (!report) {
                  Error e = report.error();
                  if (e.kind == ErrorKind::kConflict) {
                    e.message += ". Send it again with ?replace=true to replace those days";
                  }
                  return Unexpected(e);
                }
                return Json(200, Dump({{"added", report->added},
                                       {"replaced", report->replaced},
                                       {"unchanged", report->unchanged}}));
              }});

  // Workouts from a file (the body, as uploaded): ?dry_run=true says what would happen;
  // ?accept_loads=true records the loads each activity suggests.
  router.Add({.method = "POST",
              .pattern = "/api/v1/workouts",
              .scope = Scope::kCheckins,
              .body_limit = kWorkoutBodyLimit,
              .json_body = false,
              .sync = [&svc](Call& c) -> Result<Response> {
                auto flag = [&](const char* name) {
                  auto it = c.req.query.find(name);
                  return it != c.req.query.end() && it->second != "false" && it->second != "0";
                };
                auto name_it = c.req.query.find("name");
                const std::string name = name_it != c.req.query.end() && !name_it->second.empty()
                                             ? name_it->second
                                             : "the file";
                // One budget for the whole import: the upload's limits and deadline.
                const service::WorkoutOptions options{
                    .dry_run = flag("dry_run"),
                    .accept_loads = flag("accept_loads"),
                    .cancel = service::ImportDeadline(svc.clock(), service::kUploadImportSeconds,
                                                      svc.stop_token())};
                ImportBudget budget(ImportLimits::Upload(), options.cancel);
                auto file = ReadWorkoutBytes(c.req.body, name, budget);
                if (!file) return Unexpected(file.error());
                auto r = service::ImportWorkouts(svc, c.subject, *file, options);
                if (!r) return Unexpected(r.error());
                nlohmann::json list = nlohmann::json::array();
                for (const service::WorkoutResult& w : r->workouts) {
                  nlohmann::json loads = nlohmann::json::array();
                  for (Load l : kAllLoads) {
                    if (w.workout.suggested.Has(l)) loads.push_back(LoadName(l));
                  }
                  list.push_back({{"date", w.workout.date.ToString()},
                                  {"time", w.workout.start.ToString()},
                                  {"minutes", w.workout.minutes},
                                  {"activity", w.workout.activity},
                                  {"outcome", Name(w.outcome)},
                                  {"session", w.session},
                                  {"suggested_loads", loads},
                                  {"loads_applied", w.loads_applied},
                                  {"capped", w.workout.capped}});
                }
                return Json(200, Dump({{"format", WorkoutFormatName(r->format)},
                                       {"dry_run", r->dry_run},
                                       {"added", r->added},
                                       {"merged", r->merged},
                                       {"unchanged", r->unchanged},
                                       {"future", r->future},
                                       {"skipped", r->skipped},
                                       {"capped", r->capped},
                                       {"workouts", list}}));
              }});

  // Check-ins, day by day: each a durable write answered with the day as stored.
  const auto add = [&](const char* method, const std::string& pattern, int status, bool advise,
                       size_t body, std::function<Result<service::DayEdit>(Call&)> edit,
                       std::optional<Entry> words = std::nullopt) {
    router.Add({.method = method,
                .pattern = pattern,
                .scope = Scope::kCheckins,
                .body_limit = body,
                .blocking = false,
                .async = CheckinRoute(svc, status, advise, std::string_view(method) == "DELETE",
                                      words, std::move(edit))});
  };
  using Edit = Result<service::DayEdit>;
  add("DELETE", "/api/v1/days/{date}", 200, false, 0,
      [](Call&) -> Edit { return service::DeleteEdit(Entry::kDay, std::nullopt); });
  add(
      "PUT", "/api/v1/days/{date}/morning", 200, false, kCheckinBodyLimit,
      [](Call& c) -> Edit {
        auto m = ParseMorningJson(c.req.body);
        if (!m) return Unexpected(m.error());
        return service::SetMorning(*m);
      },
      Entry::kMorning);
  add(
      "PUT", "/api/v1/days/{date}/context", 200, false, kCheckinBodyLimit,
      [](Call& c) -> Edit {
        auto x = ParseContextJson(c.req.body);
        if (!x) return Unexpected(x.error());
        return service::ContextEdit(*x, false);
      },
      Entry::kContext);
  add(
      "PUT", "/api/v1/days/{date}/note", 200, false, kCheckinBodyLimit,
      [](Call& c) -> Edit {
        auto n = ParseNoteJson(c.req.body);
        if (!n) return Unexpected(n.error());
        return service::NoteEdit(*n);
      },
      Entry::kNote);
  for (const auto& [part, entry] :
       {std::pair{"morning", Entry::kMorning}, std::pair{"context", Entry::kContext},
        std::pair{"note", Entry::kNote}}) {
    const Entry e = entry;
    add("DELETE", std::string("/api/v1/days/{date}/") + part, 200, false, 0,
        [e](Call&) -> Edit { return service::DeleteEdit(e, std::nullopt); });
  }
  add(
      "POST", "/api/v1/days/{date}/sessions", 201, true, kCheckinBodyLimit,
      [](Call& c) -> Edit {
        auto patch = ParseSessionPatchJson(c.req.body);
        if (!patch) return Unexpected(patch.error());
        return service::AddSessionEdit(*patch);
      },
      Entry::kSession);
  add(
      "PATCH", "/api/v1/days/{date}/sessions/{n:number}", 200, true, kCheckinBodyLimit,
      [](Call& c) -> Edit {
        auto n = SessionParam(c);
        if (!n) return Unexpected(n.error());
        auto patch = ParseSessionPatchJson(c.req.body);
        if (!patch) return Unexpected(patch.error());
        return service::EditSessionEdit(*n, *patch);
      },
      Entry::kSession);
  add("DELETE", "/api/v1/days/{date}/sessions/{n:number}", 200, false, 0, [](Call& c) -> Edit {
    auto n = SessionParam(c);
    if (!n) return Unexpected(n.error());
    return service::DeleteEdit(Entry::kSession, *n);
  });
  add(
      "PUT", "/api/v1/days/{date}/sessions/{n:number}/hour_after", 200, false, kCheckinBodyLimit,
      [](Call& c) -> Edit {
        auto n = SessionParam(c);
        if (!n) return Unexpected(n.error());
        auto after = ParseHourAfterJson(c.req.body);
        if (!after) return Unexpected(after.error());
        return service::HourAfterEdit(*n, *after, true);
      },
      Entry::kHourAfter);
  add("DELETE", "/api/v1/days/{date}/sessions/{n:number}/hour_after", 200, false, 0,
      [](Call& c) -> Edit {
        auto n = SessionParam(c);
        if (!n) return Unexpected(n.error());
        return service::DeleteEdit(Entry::kHourAfter, *n);
      });
}

}  // namespace backsignal::server
