// The red-flag screen: its questions and advice (for everyone, signed in or not), and a
// person's answers, stop and clearance, kept on the server.
#include "app.h"
#include "backsignal/io/safety_json.h"
#include "backsignal/service/profile.h"
#include "backsignal/service/safety.h"
#include "backsignal/words/safety.h"
#include "http_util.h"

namespace backsignal::server {
namespace {

using service::SafetyState;

// Where the person is and the numbers that reach an ambulance there (words/safety.h).
nlohmann::json EmergencyJson(const std::string& zone) {
  const EmergencyContact c = EmergencyFor(zone);
  return {{"country_code", c.country_code},
          {"country", c.country},
          {"numbers", c.numbers},
          {"known", !c.numbers.empty()}};
}

nlohmann::json StateJson(const SafetyState& s, const Locale& loc) {
  nlohmann::json j;
  j["answered"] = s.record.has_value();
  j["outcome"] = s.record ? nlohmann::json(std::string(Name(s.record->outcome))) : nullptr;
  j["answered_at"] = s.record ? nlohmann::json(s.record->answered_at) : nullptr;
  j["cleared_on"] =
      s.record && s.record->cleared_on ? nlohmann::json(s.record->cleared_on->ToString()) : nullptr;
  j["stopped"] = s.stopped;
  j["due"] = s.due ? nlohmann::json(std::string(Name(*s.due))) : nullptr;
  j["due_text"] = s.due ? SafetyReasonText(*s.due, loc) : "";
  j["prompt"] = s.due ? SafetyDuePrompt(*s.due, loc) : "";  // beside a reading
  j["due_for_clinician"] = s.due ? SafetyDueForClinician(*s.due, loc) : "";
  j["advice"] = s.record ? SafetyAdvice(s.record->outcome, s.time_zone, loc) : "";
  j["emergency_number"] = EmergencyNumber(s.time_zone);
  j["emergency"] = EmergencyJson(s.time_zone);
  if (s.record) {
    nlohmann::json answers = nlohmann::json::object();
    for (const auto& [id, yes] : s.record->answers) answers[id] = yes;
    j["answers"] = std::move(answers);
  }
  return j;
}

// The questions and the advice at each level, in the words every surface uses.
HttpResponse ScreenResponse(const std::string& zone, const Locale& loc) {
  nlohmann::json questions = nlohmann::json::array();
  for (const SafetyQuestion& q : SafetyQuestions()) {
    questions.push_back(
        {{"id", q.id},
         {"question", SafetyQuestionText(q.id, loc)},
         {"if_yes", Name(q.if_yes)},
         {"follows", q.follows.empty() ? nlohmann::json() : nlohmann::json(q.follows)}});
  }
  nlohmann::json advice;
  for (Urgency u : {Urgency::kClear, Urgency::kSoon, Urgency::kSameDay, Urgency::kEmergency}) {
    advice[std::string(Name(u))] = SafetyAdvice(u, zone, loc);
  }
  nlohmann::json reasons;
  for (SafetyReason r : kAllSafetyReasons) {
    reasons[std::string(Name(r))] = SafetyReasonText(r, loc);
  }
  return Json(200, Dump({{"intro", SafetyIntro(loc)},
                         {"questions", questions},
                         {"advice", advice},
                         {"reasons", reasons},
                         {"emergency", EmergencyJson(zone)},
                         {"modify_or_stop", ModifyOrStopAdvice(loc)}}));
}
Result<HttpResponse> GetScreen(App& app, Call& c) {
  std::string zone;
  if (c.who.signed_in) {
    auto p = service::ProfileOf(app.service(), c.who.person);
    if (p) zone = p->time_zone;
  }
  return ScreenResponse(zone, ReaderLocale(app.service(), c));
}

Result<HttpResponse> GetSafetyState(App& app, Call& c) {
  auto s = service::SafetyStateOf(app.service(), c.subject);
  if (!s) return Unexpected(s.error());
  return Json(200, Dump(StateJson(*s, ReaderLocale(app.service(), c))));
}

Result<HttpResponse> AnswerScreen(App& app, Call& c) {
  auto answers = ParseSafetyAnswersJson(c.req.body);
  if (!answers) return Unexpected(answers.error());
  auto s = service::AnswerSafety(app.service(), c.subject, *answers);
  if (!s) return Unexpected(s.error());
  return Json(200, Dump(StateJson(*s, ReaderLocale(app.service(), c))));
}

// The person's own record of a clinician's clearance: from a signed-in session, never an API
// token (a script does not end a safety stop); not for an emergency-level answer.
Result<HttpResponse> RecordOwnClearance(App& app, Call& c) {
  auto date = ParseClearanceJson(c.req.body);
  if (!date) return Unexpected(date.error());
  auto s = service::RecordClearance(app.service(), c.subject, *date);
  if (!s) return Unexpected(s.error());
  return Json(200, Dump(StateJson(*s, ReaderLocale(app.service(), c))));
}

// A clinician who shares with the person records that they saw them (any level, emergency
// too). {person} is checked by the router: it shares with this clinician.
Result<HttpResponse> RecordClinicianClearance(App& app, Call& c) {
  const auto me = c.account();
  if (!me || me->role != "clinician" || c.subject == c.who.person) {
    return Fail(Error::Forbidden(N_("only a clinician the person shares with records this")));
  }
  auto date = ParseClearanceJson(c.req.body);
  if (!date) return Unexpected(date.error());
  auto s = service::RecordClearance(app.service(), c.subject, *date,
                                    service::ClearedBy::kSharingClinician);
  if (!s) return Unexpected(s.error());
  return Json(200, Dump(StateJson(*s, ReaderLocale(app.service(), c))));
}

constexpr Route kSafetyRoutes[] = {
    {.method = "GET", .pattern = "/api/v1/safety", .access = Access::kPublic, .sync = GetScreen},
    {.method = "GET",
     .pattern = "/api/v1/safety/state",
     .clinician_view = true,
     .sync = GetSafetyState},
    {.method = "PUT",
     .pattern = "/api/v1/safety",
     .scope = Scope::kCheckins,
     .body_limit = kCheckinBodyLimit,
     .sync = AnswerScreen},
    {.method = "POST",
     .pattern = "/api/v1/safety/clearance",
     .access = Access::kSession,
     .body_limit = kCheckinBodyLimit,
     .sync = RecordOwnClearance},
    {.method = "POST",
     .pattern = "/api/v1/clinician/people/{person:number}/safety/clearance",
     .access = Access::kSession,
     .body_limit = kCheckinBodyLimit,
     .needs_accounts = true,
     .sync = RecordClinicianClearance},
};

}  // namespace

std::span<const Route> SafetyRoutes() { return kSafetyRoutes; }

}  // namespace backsignal::server
