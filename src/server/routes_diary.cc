// The diary's routes: the reading, thresholds, exports, profile and calendar feed, the whole
// diary, and workouts from a file. The read-only ones are also served under
// /api/v1/people/{person}/ for a clinician the person shares with (Route::clinician_view).
#include "app.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/io/profile_json.h"
#include "backsignal/io/reading_json.h"
#include "backsignal/io/settings_json.h"
#include "backsignal/io/workouts_json.h"
#include "backsignal/service/checkins.h"
#include "backsignal/service/exports.h"
#include "backsignal/service/profile.h"
#include "backsignal/service/readings.h"
#include "backsignal/service/settings.h"
#include "backsignal/service/workouts.h"
#include "backsignal/words/words.h"
#include "http_util.h"

namespace backsignal::server {
namespace {

// True when the query sets `name` to anything but false (or 0).
bool QueryFlag(const Call& c, const char* name) {
  auto it = c.req.query.find(name);
  return it != c.req.query.end() && it->second != "false" && it->second != "0";
}

Result<HttpResponse> GetReading(App& app, Call& c) {
  const service::Service& svc = app.service();
  auto as_of = QueryDate(c.req, "as_of");
  if (!as_of) return Unexpected(as_of.error());
  auto today = QueryDate(c.req, "today");
  if (!today) return Unexpected(today.error());
  auto view = service::ReadingOf(svc, c.subject, *as_of, *today);
  if (!view) return Unexpected(view.error());
  // In the reader's language: a clinician's, when a clinician reads it (docs/languages.md).
  const Locale& loc = ReaderLocale(svc, c);
  const bool english = &loc == &Locale::English();
  if (c.subject == c.who.person) {
    if (english) return Json(200, (*view)->json);
    return Json(200, ReadingToJson(
                         (*view)->reading,
                         WordsFor((*view)->reading, (*view)->settings, Voice::Self(), loc), false));
  }
  // A clinician reads about the person: the words speak of them, not to them (words.h Voice).
  auto name = service::NameOf(svc, c.subject);
  if (!name) return Unexpected(name.error());
  const Voice voice = Voice::About(*name);
  return Json(200,
              ReadingToJson((*view)->reading,
                            english ? InVoice((*view)->words, voice)
                                    : WordsFor((*view)->reading, (*view)->settings, voice, loc),
                            false));
}

// Each setting with its meaning in the reader's language (the source, a citation, as written).
Result<HttpResponse> SettingsList(const service::Service& svc, PersonId person, const Locale& loc) {
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
                    {"meaning", loc.Tr(info.meaning)},
                    {"source", info.source},
                    {"fixed_by_server", svc.overrides().contains(std::string(info.name))}});
  }
  return Json(200, Dump(nlohmann::json{{"settings", list}}));
}

Result<HttpResponse> ShowSettings(App& app, Call& c) {
  return SettingsList(app.service(), c.subject, ReaderLocale(app.service(), c));
}

// The person's thresholds, replaced whole: {"significant_change": 2.5}; {} resets them.
Result<HttpResponse> PutSettings(App& app, Call& c) {
  auto values = ParseSettingsJson(c.req.body);
  if (!values) return Unexpected(values.error());
  if (auto ok = service::SaveSettings(app.service(), c.subject, *values); !ok) {
    return Unexpected(ok.error());
  }
  return SettingsList(app.service(), c.subject, ReaderLocale(app.service(), c));
}

Result<HttpResponse> GetExport(App& app, Call& c) {
  auto it = c.req.query.find("format");
  auto format = ParseExportFormat(it == c.req.query.end() ? "json" : it->second);
  if (!format) return Unexpected(format.error());
  // "All my data" carries the account only for its owner.
  const bool own = c.subject == c.who.person;
  auto f = service::ExportFor(app.service(), c.subject, *format, own ? c.account() : std::nullopt);
  if (!f) return Unexpected(f.error());
  return HttpResponse{200,
                      f->media_type,
                      std::move(f->body),
                      {{"Cache-Control", "no-store"},
                       {"X-Content-Type-Options", "nosniff"},
                       {"Content-Disposition", "attachment; filename=\"" + f->file_name + "\""}}};
}

Result<HttpResponse> GetDiary(App& app, Call& c) {
  auto diary = service::DiaryOf(app.service(), c.subject);
  if (!diary) return Unexpected(diary.error());
  return Json(200, DiaryToJson(*diary));
}

// A clinician's view is read only: nothing under /people/{person}/ changes anything.
Result<HttpResponse> ClinicianViewIsReadOnly(App& app, Call& c) {
  return MethodNotAllowed(N_("a clinician's view of a person's diary is read only"), "GET",
                          ReaderLocale(app.service(), c));
}

Result<HttpResponse> ShowProfile(App& app, Call& c) {
  auto p = service::ProfileOf(app.service(), c.subject);
  if (!p) return Unexpected(p.error());
  return Json(200, ProfileToJson(*p));
}

Result<HttpResponse> PutProfile(App& app, Call& c) {
  auto patch = ParseProfilePatchJson(c.req.body);
  if (!patch) return Unexpected(patch.error());
  auto p = service::EditProfile(app.service(), c.subject,
                                [&](Profile& profile) { ApplyProfilePatch(*patch, profile); });
  if (!p) return Unexpected(p.error());
  return Json(200, ProfileToJson(*p));
}

// The calendar feed: POST publishes a new secret link (the old one stops working), DELETE
// revokes it. The secret is shown once; only its hash is stored.
Result<HttpResponse> GetCalendarFeed(App& app, Call& c) {
  auto published = service::FeedPublished(app.service(), c.subject);
  if (!published) return Unexpected(published.error());
  return Json(200, Dump({{"published", *published}}));
}

Result<HttpResponse> PublishCalendarFeed(App& app, Call& c) {
  auto token = service::PublishFeed(app.service(), c.subject);
  if (!token) return Unexpected(token.error());
  return Json(201, Dump({{"published", true}, {"path", "/calendar/" + *token + ".ics"}}));
}

Result<HttpResponse> RevokeCalendarFeed(App& app, Call& c) {
  if (auto ok = service::RevokeFeed(app.service(), c.subject); !ok) return Unexpected(ok.error());
  return Json(200, Dump({{"published", false}}));
}

// The whole diary replaced, answered once the write is durable.
void PutDiary(App& app, Call& c, const Reply& reply) {
  auto diary = ParseDiaryJson(c.req.body);
  if (!diary) return reply(Unexpected(diary.error()));
  service::ReplaceDiary(app.service(), c.subject, std::move(*diary), [reply](Result<size_t> days) {
    if (!days) return reply(Unexpected(days.error()));
    reply(Json(200, Dump({{"days", *days}})));
  });
}

// A diary imported beside what is there (?replace=true: its days replace those stored).
Result<HttpResponse> ImportDiary(App& app, Call& c) {
  auto diary = LooksLikeJson(c.req.body)
                   ? ParseDiaryJson(c.req.body)
                   : Result<Diary>(Fail(Error::Invalid(N_("not a JSON diary"))));
  if (!diary) return Unexpected(diary.error());
  auto it = c.req.query.find("replace");
  const ImportMode mode = it != c.req.query.end() && it->second != "false"
                              ? ImportMode::kReplace
                              : ImportMode::kRefuseClashes;
  auto report = service::ImportDiary(app.service(), c.subject, *diary, mode, "body");
  if (!report) {
    Error e = report.error();
    if (e.kind == ErrorKind::kConflict) {
      const Locale& loc = ReaderLocale(app.service(), c);
      e = loc.Translated(std::move(e));
      // TRANSLATORS: after a list of days that differ from the upload's; "?replace=true" stays.
      e.message += loc.Tr(". Send it again with ?replace=true to replace those days");
    }
    return Unexpected(e);
  }
  return Json(200, Dump({{"added", report->added},
                         {"replaced", report->replaced},
                         {"unchanged", report->unchanged}}));
}

// Workouts from a file (the body, as uploaded): ?dry_run=true says what would happen;
// ?accept_loads=true records the loads each activity suggests.
Result<HttpResponse> ImportWorkouts(App& app, Call& c) {
  const service::Service& svc = app.service();
  auto name_it = c.req.query.find("name");
  const std::string name =
      name_it != c.req.query.end() && !name_it->second.empty() ? name_it->second : "the file";
  // One budget for the whole import: the upload's limits and deadline.
  const service::WorkoutOptions options{
      .dry_run = QueryFlag(c, "dry_run"),
      .accept_loads = QueryFlag(c, "accept_loads"),
      .cancel =
          service::ImportDeadline(svc.clock(), service::kUploadImportSeconds, svc.stop_token())};
  ImportBudget budget(ImportLimits::Upload(), options.cancel);
  auto file = ReadWorkoutBytes(c.req.body, name, budget);
  if (!file) return Unexpected(file.error());
  auto r = service::ImportWorkouts(svc, c.subject, *file, options);
  if (!r) return Unexpected(r.error());
  return Json(200, WorkoutImportToJson(*r));
}

constexpr Route kDiaryRoutes[] = {
    {.method = "GET", .pattern = "/api/v1/reading", .clinician_view = true, .sync = GetReading},
    {.method = "GET", .pattern = "/api/v1/settings", .clinician_view = true, .sync = ShowSettings},
    {.method = "GET", .pattern = "/api/v1/export", .clinician_view = true, .sync = GetExport},
    {.method = "GET", .pattern = "/api/v1/diary", .clinician_view = true, .sync = GetDiary},
    {.method = "*",
     .pattern = "/api/v1/people/{person:number}/{rest*}",
     .body_limit = kCheckinBodyLimit,
     .json_body = false,
     .blocking = false,
     .sync = ClinicianViewIsReadOnly},
    {.method = "PUT",
     .pattern = "/api/v1/settings",
     .scope = Scope::kDiary,
     .body_limit = kCheckinBodyLimit,
     .sync = PutSettings},
    {.method = "GET", .pattern = "/api/v1/profile", .sync = ShowProfile},
    {.method = "PUT",
     .pattern = "/api/v1/profile",
     .scope = Scope::kDiary,
     .body_limit = kCheckinBodyLimit,
     .sync = PutProfile},
    {.method = "GET", .pattern = "/api/v1/calendar-feed", .sync = GetCalendarFeed},
    {.method = "POST",
     .pattern = "/api/v1/calendar-feed",
     .access = Access::kSession,
     .sync = PublishCalendarFeed},
    {.method = "DELETE",
     .pattern = "/api/v1/calendar-feed",
     .access = Access::kSession,
     .sync = RevokeCalendarFeed},
    {.method = "PUT",
     .pattern = "/api/v1/diary",
     .scope = Scope::kDiary,
     .body_limit = kDiaryBodyLimit,
     .async = PutDiary},
    {.method = "POST",
     .pattern = "/api/v1/diary/import",
     .scope = Scope::kDiary,
     .body_limit = kDiaryBodyLimit,
     .sync = ImportDiary},
    {.method = "POST",
     .pattern = "/api/v1/workouts",
     .scope = Scope::kCheckins,
     .body_limit = kWorkoutBodyLimit,
     .json_body = false,
     .sync = ImportWorkouts},
};

}  // namespace

std::span<const Route> DiaryRoutes() { return kDiaryRoutes; }

}  // namespace backsignal::server
