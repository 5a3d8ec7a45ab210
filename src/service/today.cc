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
        std::string(what) + ": " + date.ToString() + " is outside the years a diary holds (" +
        std::to_string(kFirstYear) + " to " + std::to_string(kLastYear) + ")"));
  }
  return date;
}

Result<Date> CheckCheckinDate(Date date, Date today, std::string_view what) {
  auto ok = CheckDiaryDate(date, what);
  if (!ok) return ok;
  if (date > today + 1) {
    return Fail(Error::Invalid(std::string(what) + ": " + date.ToString() +
                               " is in the future (today is " + today.ToString() +
                               "); a check-in is for today or a day gone by"));
  }
  return date;
}

}  // namespace backsignal::service
