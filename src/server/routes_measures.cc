// The weekly questions (PEG, PSFS) and flares at any time (docs/measures.md, docs/api.md): the
// view the page's Today and the report read, a week's answers (late ones too, for any date gone
// by), and flares on a day.
#include "app.h"
#include "backsignal/io/measures_json.h"
#include "backsignal/service/checkins.h"
#include "backsignal/service/exports.h"
#include "backsignal/service/measures.h"
#include "backsignal/words/measures.h"
#include "http_util.h"

namespace backsignal::server {
namespace {

nlohmann::json CompareJson(const std::optional<Compared>& c) {
  if (!c) return nullptr;
  return {{"date", c->then_date.ToString()},
          {"then", c->then},
          {"change", c->delta},
          {"verdict", ChangeName(c->change)}};
}

nlohmann::json ViewJson(const service::MeasuresView& v, const Locale& loc) {
  const WeeklyQuestions q = WeeklyQuestionsWords(loc);
  nlohmann::json weekly = nlohmann::json::array();
  for (const Weekly& w : v.recent.weekly) weekly.push_back(nlohmann::json::parse(WeeklyToJson(w)));
  nlohmann::json flares = nlohmann::json::array();
  for (const Flare& f : v.recent.flares) flares.push_back(nlohmann::json::parse(FlareToJson(f)));
  nlohmann::json trend = nlohmann::json::object();
  if (v.trend.psfs) {
    nlohmann::json acts = nlohmann::json::array();
    for (const ActivityTrend& a : v.trend.psfs->activities) {
      acts.push_back({{"activity", a.activity},
                      {"score", a.now},
                      {"four_weeks", CompareJson(a.four_weeks)},
                      {"eight_weeks", CompareJson(a.eight_weeks)}});
    }
    trend["psfs"] = {{"date", v.trend.psfs->date.ToString()},
                     {"average", v.trend.psfs->average},
                     {"four_weeks", CompareJson(v.trend.psfs->four_weeks)},
                     {"eight_weeks", CompareJson(v.trend.psfs->eight_weeks)},
                     {"activities", acts}};
  }
  if (v.trend.peg) {
    trend["peg"] = {{"date", v.trend.peg->date.ToString()},
                    {"score", v.trend.peg->now.Score()},
                    {"pain", v.trend.peg->now.pain},
                    {"enjoyment", v.trend.peg->now.enjoyment},
                    {"activity", v.trend.peg->now.activity},
                    {"four_weeks", CompareJson(v.trend.peg->four_weeks)},
                    {"eight_weeks", CompareJson(v.trend.peg->eight_weeks)}};
  }
  trend["function_worse"] = v.trend.function_worse();
  const auto& s = v.weekly;
  return {{"today", s.today.ToString()},
          {"weekly_day", WeekdayName(s.day)},
          {"due_since", s.due_since ? nlohmann::json(s.due_since->ToString()) : nlohmann::json()},
          {"due_words", s.due_since ? nlohmann::json(WeeklyDueWords(*s.due_since, s.today, loc))
                                    : nlohmann::json()},
          {"activities", s.activities},
          {"weekly", weekly},
          {"flares", flares},
          {"trend", trend},
          {"words", {{"psfs", v.words.psfs}, {"peg", v.words.peg}, {"flares", v.words.flares}}},
          {"questions",
           {{"title", q.title},
            {"peg_intro", q.peg_intro},
            {"peg_pain", q.peg_pain},
            {"peg_pain_low", q.peg_pain_low},
            {"peg_pain_high", q.peg_pain_high},
            {"peg_enjoyment", q.peg_enjoyment},
            {"peg_activity", q.peg_activity},
            {"peg_interference_low", q.peg_interference_low},
            {"peg_interference_high", q.peg_interference_high},
            {"psfs_intro", q.psfs_intro},
            {"psfs_low", q.psfs_low},
            {"psfs_high", q.psfs_high},
            {"psfs_add", q.psfs_add},
            {"suggestions", q.suggestions}}}};
}

Result<Date> DateParam(const App& app, const Call& c) {
  const std::string& text = c.params.at("date");
  auto d = Date::Parse(text);
  if (!d) {
    return Fail(Error::NotFound(ReaderLocale(app.service(), c)
                                    // TRANSLATORS: {text} is the date as given in the address,
                                    // {problem} what is wrong with it.
                                    .Tr("\"{text}\" {problem} (dates are YYYY-MM-DD)",
                                        {Arg("text", text), Arg("problem", d.error())})));
  }
  return *d;
}

Result<HttpResponse> ShowMeasures(App& app, Call& c) {
  const service::Service& svc = app.service();
  Voice voice = Voice::Self();
  if (c.subject != c.who.person) {
    auto name = service::NameOf(svc, c.subject);
    if (!name) return Unexpected(name.error());
    voice = Voice::About(*name);
  }
  const Locale& loc = ReaderLocale(svc, c);  // the reader's: a clinician's own language
  auto v = service::MeasuresViewOf(svc, c.subject, voice, loc);
  if (!v) return Unexpected(v.error());
  return Json(200, Dump(ViewJson(*v, loc)));
}

// A week's answers, for the date they are for (a late one for any day gone by), whole.
Result<HttpResponse> AnswerWeekly(App& app, Call& c) {
  auto date = DateParam(app, c);
  if (!date) return Unexpected(date.error());
  auto w = ParseWeeklyJson(c.req.body, *date);
  if (!w) return Unexpected(w.error());
  auto saved = service::SaveWeekly(app.service(), c.subject, *w);
  if (!saved) return Unexpected(saved.error());
  return Json(
      200, Dump({{"weekly", nlohmann::json::parse(WeeklyToJson(*saved))},
                 {"words", {{"lines", WeeklySaidWords(*saved, ReaderLocale(app.service(), c))}}}}));
}

Result<HttpResponse> DeleteWeekly(App& app, Call& c) {
  auto date = DateParam(app, c);
  if (!date) return Unexpected(date.error());
  if (auto ok = service::DeleteWeekly(app.service(), c.subject, *date); !ok) {
    return Unexpected(ok.error());
  }
  return Json(200, Dump({{"deleted", date->ToString()}}));
}

// A flare at any time: added to its day's flares. With an Idempotency-Key, a repeat is answered
// as the first was; whether it is a repeat is the service's to tell (service::RequestFingerprint).
Result<HttpResponse> AddFlare(App& app, Call& c) {
  auto date = DateParam(app, c);
  if (!date) return Unexpected(date.error());
  auto f = ParseFlareJson(c.req.body, *date);
  if (!f) return Unexpected(f.error());
  auto key = service::CheckIdempotencyKey(c.req.idempotency_key);
  if (!key) return Unexpected(key.error());
  const std::string fingerprint =
      key->empty() ? "" : service::RequestFingerprint(c.req.method, c.req.path, c.req.body);
  auto saved = service::AddFlare(app.service(), c.subject, *f, *key, fingerprint);
  if (!saved) return Unexpected(saved.error());
  return Json(
      201,
      Dump({{"flare", nlohmann::json::parse(FlareToJson(saved->flare))},
            {"number", saved->number},
            {"words", {{"lines", FlareSaidWords(saved->flare, ReaderLocale(app.service(), c))}}}}));
}

Result<HttpResponse> DeleteFlare(App& app, Call& c) {
  auto date = DateParam(app, c);
  if (!date) return Unexpected(date.error());
  auto n = ParsePositive(c.params.at("n"));
  if (!n) return Fail(Error::NotFound(N_("not a flare number (1, 2, ...)")));
  if (auto ok = service::DeleteFlare(app.service(), c.subject, *date, *n); !ok) {
    return Unexpected(ok.error());
  }
  return Json(200, Dump({{"deleted", *n}}));
}

constexpr Route kMeasuresRoutes[] = {
    {.method = "GET", .pattern = "/api/v1/measures", .clinician_view = true, .sync = ShowMeasures},
    {.method = "PUT",
     .pattern = "/api/v1/weekly/{date}",
     .scope = Scope::kCheckins,
     .body_limit = kCheckinBodyLimit,
     .sync = AnswerWeekly},
    {.method = "DELETE",
     .pattern = "/api/v1/weekly/{date}",
     .scope = Scope::kCheckins,
     .sync = DeleteWeekly},
    {.method = "POST",
     .pattern = "/api/v1/days/{date}/flares",
     .scope = Scope::kCheckins,
     .body_limit = kCheckinBodyLimit,
     .sync = AddFlare},
    {.method = "DELETE",
     .pattern = "/api/v1/days/{date}/flares/{n:number}",
     .scope = Scope::kCheckins,
     .sync = DeleteFlare},
};

}  // namespace

std::span<const Route> MeasuresRoutes() { return kMeasuresRoutes; }

}  // namespace backsignal::server
