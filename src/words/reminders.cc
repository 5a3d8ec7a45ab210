#include "backsignal/words/reminders.h"

namespace backsignal {
namespace {

// The month's full name: "November" / "noviembre" / "November".
std::string MonthName(unsigned month, const Locale& loc) {
  switch (month) {
    case 1:
      return loc.TrC("month", "January");
    case 2:
      return loc.TrC("month", "February");
    case 3:
      return loc.TrC("month", "March");
    case 4:
      return loc.TrC("month", "April");
    case 5:
      return loc.TrC("month", "May");
    case 6:
      return loc.TrC("month", "June");
    case 7:
      return loc.TrC("month", "July");
    case 8:
      return loc.TrC("month", "August");
    case 9:
      return loc.TrC("month", "September");
    case 10:
      return loc.TrC("month", "October");
    case 11:
      return loc.TrC("month", "November");
    default:
      return loc.TrC("month", "December");
  }
}

// "20 November" / "20 de noviembre" / "20. November".
std::string DayAndMonth(Date date, const Locale& loc) {
  // TRANSLATORS: a day of the year in a reminder: {day} the day of the month, {month} the
  // month's full name ("20 November").
  return loc.TrC("date, full month", "{day} {month}",
                 {Arg("day", date.day()), Arg("month", MonthName(date.month(), loc))});
}

}  // namespace

ReminderWords ReminderText(std::string_view kind, Date date, const Locale& loc) {
  if (kind == "hour_after") {
    ReminderWords w{.title = loc.Tr("Your hour-after check-in is due")};
    // TRANSLATORS: {date} is the session's day ("20 November").
    w.body = loc.Tr("How is your back an hour after the session of {date}? Tap to check in.",
                    {Arg("date", DayAndMonth(date, loc))});
    return w;
  }
  if (kind == "morning") {
    ReminderWords w{.title = loc.Tr("Your morning check-in is due")};
    // TRANSLATORS: {date} is today ("20 November").
    w.body = loc.Tr("How is your back this morning, {date}? Tap to check in.",
                    {Arg("date", DayAndMonth(date, loc))});
    return w;
  }
  return {loc.Tr("A test reminder from backsignal"),
          loc.Tr("Reminders reach this device. Nothing needs doing: this is the test you asked "
                 "for.")};
}

}  // namespace backsignal
