// "Today" and the dates a person may give, defined once.
#pragma once

#include <optional>
#include <string_view>

#include "backsignal/core/date.h"
#include "backsignal/core/result.h"
#include "backsignal/service/service.h"

namespace backsignal::service {

// The person's date now, in their own time zone (their profile's, else the machine's).
[[nodiscard]] Result<Date> TodayFor(const Service& service, PersonId person);

// The date a reading is taken as of when none is given: the latest date in the diary (what it
// says is about the last thing recorded), else today.
Date DefaultAsOf(std::optional<Date> latest, Date today);

// A date a diary may hold: kInvalid, naming `what`, for a year before 1900 or after 2200.
[[nodiscard]] Result<Date> CheckDiaryDate(Date date, std::string_view what);

// A date a check-in may be for: a diary date no later than the day after `today` (a check-in
// just after midnight in another zone is still "today" for the person).
[[nodiscard]] Result<Date> CheckCheckinDate(Date date, Date today, std::string_view what);

}  // namespace backsignal::service
