// What the person has told us about themselves beyond the diary: where they live in time (for
// reminders and the instants in exports) and when they wake. Plus the keys the exports derive
// their stable identifiers from.
#pragma once

#include <optional>
#include <string>

#include "backsignal/core/date.h"
#include "backsignal/core/measures.h"

namespace backsignal {

struct Profile {
  // A random, stable key of this person (32 hex digits), set when the person is created. FHIR
  // resource ids and calendar UIDs derive from it, so they stay the same across exports.
  std::string person_key;
  // An IANA time zone name ("Europe/London"); empty means the machine's own zone.
  std::string time_zone;
  // When the morning check-in reminder fires; empty means kDefaultWakeTime.
  std::optional<TimeOfDay> wake_time;
  // The calendar feed's secret, hashed (hex BLAKE2b-256); empty when no feed is published.
  std::string feed_token_hash;
  // The name a clinician sees (at most kMaxDisplayNameChars); empty: the username.
  std::string display_name;
  // Whether the account keeps a diary of its own; unset: a person's does, a clinician's not
  // until they start one.
  std::optional<bool> keeps_diary;
  // The language the person reads backsignal in ("es", "de"; docs/languages.md); empty: the
  // browser's (Accept-Language) or the environment's.
  std::string language;
  // The day of the week the weekly questions are due (docs/measures.md); unset:
  // kDefaultWeeklyDay.
  std::optional<Weekday> weekly_day;

  bool operator==(const Profile&) const = default;
};

inline constexpr int kDefaultWakeMinutes = 7 * 60;  // 07:00
inline constexpr size_t kMaxDisplayNameChars = 60;

inline Weekday WeeklyDayOf(const Profile& p) { return p.weekly_day.value_or(kDefaultWeeklyDay); }
inline TimeOfDay WakeTimeOf(const Profile& p) {
  return p.wake_time.value_or(TimeOfDay::FromMinutes(kDefaultWakeMinutes));
}

}  // namespace backsignal
