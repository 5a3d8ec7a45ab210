// The red-flag screen, kept per person on the server: answering it, a stop that holds on every
// surface until it is answered again or a clinician's clearance is recorded, and when the screen
// is due again (first use; pain that keeps rising; repeated sharp pain; pain building with heavy
// breathing under load; at most once a week; a fall or an injury recorded since the answers, at
// once).
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>

#include "backsignal/core/safety.h"
#include "backsignal/reading/reading.h"
#include "backsignal/service/service.h"
#include "backsignal/words/safety.h"

namespace backsignal::service {

// The screen is asked again at most this often.
inline constexpr int64_t kRescreenSeconds = int64_t{7} * 86400;

struct SafetyState {
  std::optional<SafetyRecord> record;
  bool stopped = false;             // check-ins wait for a clinician (or new answers)
  std::optional<SafetyReason> due;  // ask the screen (again), and why
  std::string time_zone;            // the person's, for the emergency number
};

// A record stops check-ins while its outcome is more than clear and no clearance was recorded
// after it was answered.
bool Stops(const SafetyRecord& r);

// The latest day of `days` that records a field that brings the questions back (a fall or an
// injury: core/fields.h's `rescreens`) dated after the day the questions were answered
// (`answered_on`, the person's date); none when there is no such day. A fall dated before the
// answers is covered by them (they ask about a recent fall); one on the same day cannot be told
// before or after them (a day's fields carry no time), so the check-in that records it asks at
// once instead (service/checkins.h) and the answers given then cover it: no loop of asking.
std::optional<Date> InjuryAfterAnswers(Date answered_on, std::span<const Day> days);

// The state from a record, the person's latest reading (null: not read) and the days it was read
// from, at `now` in the person's `zone`.
SafetyState SafetyStateFrom(std::optional<SafetyRecord> record, const Reading* reading, int64_t now,
                            std::span<const Day> days = {}, std::string_view zone = "UTC");

[[nodiscard]] Result<SafetyState> SafetyStateOf(const Service& service, PersonId person);

// Stores a whole set of answers (kInvalid when one is missing or unknown).
[[nodiscard]] Result<SafetyState> AnswerSafety(const Service& service, PersonId person,
                                               const std::map<std::string, bool>& answers);

// Who records a clinician's clearance: the person, or a clinician who shares with them.
enum class ClearedBy { kPerson, kSharingClinician };

// A clinician saw the person on `seen_on` and cleared them to carry on: the stop ends, and the
// clearance is kept (the report shows it). kInvalid for a date in the future or before the
// answers; kNotFound when there is no screen to clear; kForbidden when the person records it
// themselves for an emergency-level answer (that stop ends with new answers, or a clearance
// recorded by a clinician who shares with them: docs/safety.md).
[[nodiscard]] Result<SafetyState> RecordClearance(const Service& service, PersonId person,
                                                  Date seen_on, ClearedBy by = ClearedBy::kPerson);

// kForbidden, saying what to do, while the screen stops check-ins (import uses it too).
[[nodiscard]] Result<void> RequireNoSafetyStop(const Service& service, PersonId person);

// The refusal a check-in gets during a stop.
Error SafetyStopError(const SafetyRecord& r);

}  // namespace backsignal::service
