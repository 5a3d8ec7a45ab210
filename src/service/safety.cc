#include "backsignal/service/safety.h"

#include "backsignal/core/fields.h"
#include "backsignal/service/clock.h"
#include "backsignal/service/readings.h"
#include "backsignal/service/today.h"
#include "internal.h"

namespace backsignal::service {

bool Stops(const SafetyRecord& r) {
  if (r.outcome == Urgency::kClear) return false;
  return !(r.cleared_on && r.cleared_at >= r.answered_at);
}

Error SafetyStopError(const SafetyRecord& r) {
  return Error::Forbidden(
      // TRANSLATORS: {urgency} is the answers' outcome as a code ("see_gp_soon"), as it is.
      T_("the safety check you answered says to see a clinician ({urgency}) before carrying on: "
         "check-ins are paused. Once a clinician has seen you, record their clearance or answer "
         "the safety check again",
         {{"urgency", std::string(Name(r.outcome))}}));
}

std::optional<Date> InjuryAfterAnswers(Date answered_on, std::span<const Day> days) {
  std::optional<Date> latest;
  for (const Day& d : days) {
    if (d.date <= answered_on) continue;
    for (const Field<Context>& f : ContextFields()) {
      if (f.spec.rescreens && !std::holds_alternative<std::monostate>(f.get(d.context))) {
        if (!latest || d.date > *latest) latest = d.date;
      }
    }
  }
  return latest;
}

SafetyState SafetyStateFrom(std::optional<SafetyRecord> record, const Reading* reading, int64_t now,
                            std::span<const Day> days, std::string_view zone) {
  SafetyState s;
  s.record = std::move(record);
  if (!s.record) {
    s.due = SafetyReason::kFirstUse;
    return s;
  }
  s.stopped = Stops(*s.record);
  if (s.stopped) return s;
  // A fall or an injury since the answers: at once, whatever the week.
  if (InjuryAfterAnswers(DateAt(s.record->answered_at, zone), days)) {
    s.due = SafetyReason::kFallOrInjury;
    return s;
  }
  if (reading == nullptr) return s;
  const int64_t last = std::max(s.record->answered_at, s.record->cleared_at);
  if (now - last < kRescreenSeconds) return s;  // at most once a week
  bool rising = false;
  for (const Alert& a : reading->alerts) rising |= a.kind == AlertKind::kKeepsRising;
  if (rising) {
    s.due = SafetyReason::kKeepsRising;
  } else if (reading->trend.sharp_sessions >= 2) {
    s.due = SafetyReason::kRepeatedSharp;
  } else {
    for (const SessionReading& sr : reading->sessions) {
      if (sr.date >= reading->window_start && sr.during == DuringSignal::kBuilding &&
          sr.session->load.Has(Load::kBreathingUnderLoad)) {
        s.due = SafetyReason::kBuildingWithBreathing;
      }
    }
  }
  return s;
}

namespace {

struct Loaded {
  std::optional<SafetyRecord> record;
  std::string zone;
};

Result<Loaded> Load(const Service& service, PersonId person) {
  Loaded out;
  auto ok = StoreOf(service).ForPerson(person)->View([&](DiaryTxn& txn) -> Result<void> {
    auto r = txn.GetSafety();
    if (!r) return Unexpected(r.error());
    auto p = txn.GetProfile();
    if (!p) return Unexpected(p.error());
    out.record = std::move(*r);
    out.zone = p->time_zone;
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return out;
}

}  // namespace

Result<SafetyState> SafetyStateOf(const Service& service, PersonId person) {
  auto loaded = Load(service, person);
  if (!loaded) return Unexpected(loaded.error());
  std::shared_ptr<const ReadingView> view;
  if (loaded->record && !Stops(*loaded->record)) {
    auto v = ReadingOf(service, person, std::nullopt);
    if (!v) return Unexpected(v.error());
    view = *v;
  }
  std::span<const Day> days;
  if (view) days = view->snapshot.diary.days;
  SafetyState s = SafetyStateFrom(std::move(loaded->record), view ? &view->reading : nullptr,
                                  service.clock().Now(), days, loaded->zone);
  s.time_zone = loaded->zone;
  return s;
}

Result<SafetyState> AnswerSafety(const Service& service, PersonId person,
                                 const std::map<std::string, bool>& answers) {
  auto urgency = UrgencyOf(answers);
  if (!urgency) return Unexpected(urgency.error());
  SafetyRecord r;
  r.answers = answers;
  r.outcome = *urgency;
  r.answered_at = service.clock().Now();
  if (auto ok = WriterOf(service).Run(person, [r](DiaryTxn& txn) { return txn.SetSafety(r); });
      !ok) {
    return Unexpected(ok.error());
  }
  return SafetyStateOf(service, person);
}

Result<SafetyState> RecordClearance(const Service& service, PersonId person, Date seen_on,
                                    ClearedBy by) {
  auto today = TodayFor(service, person);
  if (!today) return Unexpected(today.error());
  if (seen_on > *today) {
    return Fail(Error::Invalid(
        // TRANSLATORS: {date} is the day given (YYYY-MM-DD).
        Problem("date", T_("{date} is in the future; give the day the clinician saw you",
                           {{"date", seen_on.ToString()}}))));
  }
  const int64_t now = service.clock().Now();
  auto ok = WriterOf(service).Run(person, [seen_on, now, by](DiaryTxn& txn) -> Result<void> {
    auto r = txn.GetSafety();
    if (!r) return Unexpected(r.error());
    if (!*r) return Fail(Error::NotFound(T_("there is no safety check to clear: answer it first")));
    if ((*r)->outcome == Urgency::kEmergency && by == ClearedBy::kPerson) {
      // An emergency-level answer is not clicked past: once seen, the person answers the
      // questions again (a red flag still there stops again), or a clinician who shares their
      // reading records the clearance.
      return Fail(Error::Forbidden(
          T_("an emergency-level answer is not ended by a clearance you record yourself: once "
             "you have been seen, answer the safety check again, or ask a clinician who shares "
             "your reading to record the clearance")));
    }
    auto profile = txn.GetProfile();
    if (!profile) return Unexpected(profile.error());
    // A clinician seen before the answers were given did not see what they say.
    const Date answered = DateAt((*r)->answered_at, profile->time_zone);
    if (seen_on < answered) {
      return Fail(Error::Invalid(Problem(
          // TRANSLATORS: {date} is the day given, {answered} the day of the answers (YYYY-MM-DD).
          "date", T_("{date} is before you answered the safety check ({answered}); give the day "
                     "a clinician saw you about these answers",
                     {{"date", seen_on.ToString()}, {"answered", answered.ToString()}}))));
    }
    SafetyRecord rec = **r;
    rec.cleared_on = seen_on;
    rec.cleared_at = now;
    return txn.SetSafety(rec);
  });
  if (!ok) return Unexpected(ok.error());
  return SafetyStateOf(service, person);
}

Result<void> RequireNoSafetyStop(const Service& service, PersonId person) {
  auto loaded = Load(service, person);
  if (!loaded) return Unexpected(loaded.error());
  if (loaded->record && Stops(*loaded->record)) return Fail(SafetyStopError(*loaded->record));
  return {};
}

}  // namespace backsignal::service
