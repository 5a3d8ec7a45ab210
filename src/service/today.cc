#include "backsignal/service/today.h"

#include <string>

#include "internal.h"

namespace backsignal::service {

Result<Date> TodayFor(const Service& service, PersonId person) {
  auto store = StoreOf(service).ForPerson(person);
  auto profile = store->LoadProfile();
  if (!profile) return Unexpected(profile.error());
  return DateAt(service.clock().Now(), profile->time_zone);
}

Date DefaultAsOf(std::optional<Date> latest, Date today) { return latest ? *latest : today; }

Result<Date> CheckDiaryDate(Date date, std::string_view what) {
  if (date.year() < kFirstYear || date.year() > kLastYear) {
    return Fail(Error::Invalid(
        Problem(std::string(what),
                // TRANSLATORS: {date} is the day given (YYYY-MM-DD); {first} and {last} are years.
                T_("{date} is outside the years a diary holds ({first} to {last})",
                   {{"date", date.ToString()}, {"first", kFirstYear}, {"last", kLastYear}}))));
  }
  return date;
}

Result<Date> CheckCheckinDate(Date date, Date today, std::string_view what) {
  auto ok = CheckDiaryDate(date, what);
  if (!ok) return ok;
  if (date > today + 1) {
    return Fail(Error::Invalid(Problem(
        std::string(what),
        // TRANSLATORS: {date} is the day given, {today} today (YYYY-MM-DD).
        T_("{date} is in the future (today is {today}); a check-in is for today or a day gone by",
           {{"date", date.ToString()}, {"today", today.ToString()}}))));
  }
  return date;
}

}  // namespace backsignal::service
