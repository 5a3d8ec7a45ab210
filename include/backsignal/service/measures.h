// The weekly questions (PEG, PSFS) and flares at any time, the same for the CLI and the API
// (docs/measures.md): when the questions are due, by the service's Clock in the person's own
// time zone; storing answers and flares as one durable write each; the trend set against four and
// eight weeks before.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backsignal/core/measures.h"
#include "backsignal/service/service.h"
#include "backsignal/words/measures.h"
#include "backsignal/words/words.h"

namespace backsignal::service {

// The weekly questions as the person sees them today.
struct WeeklyState {
  Date today;
  Weekday day = kDefaultWeeklyDay;  // the person's chosen day
  std::optional<Date> due_since;    // due (since that date), or answered for this week
  std::optional<Weekly> latest;     // the latest answers on or before today
  // The activities to rate again (the latest PSFS's, in its order): the scale keeps the same
  // activities week after week.
  std::vector<std::string> activities;
};
[[nodiscard]] Result<WeeklyState> WeeklyStateOf(const Service& service, PersonId person);

// Stores the answers of `weekly.date` whole (a date no later than tomorrow, for a late answer
// any date gone by), replacing what it held. Refused while the safety screen stops check-ins.
[[nodiscard]] Result<Weekly> SaveWeekly(const Service& service, PersonId person,
                                        const Weekly& weekly);
// Removes the answers of `date`; kNotFound when there were none.
[[nodiscard]] Result<void> DeleteWeekly(const Service& service, PersonId person, Date date);

// A flare stored: its date and its number among that date's flares (1-based).
struct FlareSaved {
  Flare flare;
  size_t number = 0;
};
// With an idempotency key (the page's outbox sends one with each entry), a repeat with the same
// key and fingerprint answers as the first and stores nothing; the same key with another request
// is kConflict.
[[nodiscard]] Result<FlareSaved> AddFlare(const Service& service, PersonId person,
                                          const Flare& flare, const std::string& key = "",
                                          const std::string& fingerprint = "");
// Removes flare `number` (1-based) of `date`; kNotFound when there is none.
[[nodiscard]] Result<void> DeleteFlare(const Service& service, PersonId person, Date date,
                                       size_t number);

// The person's weekly answers and flares, from `since` on (all when not given).
[[nodiscard]] Result<Measures> MeasuresOf(const Service& service, PersonId person,
                                          std::optional<Date> since = std::nullopt);

// The person's chosen day for the weekly questions.
[[nodiscard]] Result<Weekday> SetWeeklyDay(const Service& service, PersonId person,
                                           std::optional<Weekday> day);

// Everything the page, the CLI and the report show of the measures, as of the person's today:
// the weekly questions' state, the last twelve weeks' answers and flares, the trend and its words
// (in `voice`, in `loc`'s language), with the flares of the last two weeks counted.
struct MeasuresView {
  WeeklyState weekly;
  Measures recent;
  MeasuresTrend trend;
  MeasuresWords words;
};
inline constexpr int kMeasuresViewDays = 12 * 7;
[[nodiscard]] Result<MeasuresView> MeasuresViewOf(const Service& service, PersonId person,
                                                  const Voice& voice = Voice::Self(),
                                                  const Locale& loc = Locale::English());
// The same for a diary already loaded, as of `as_of` (the report's).
MeasuresView MeasuresViewAt(const Measures& measures, Date as_of, const Voice& voice,
                            const Locale& loc = Locale::English());

}  // namespace backsignal::service
