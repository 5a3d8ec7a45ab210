#include "backsignal/words/reminders.h"

namespace backsignal {
namespace {

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

// "20 November".
std::string DayAndMonth(Date date) {
  const std::string iso = date.ToString();  // YYYY-MM-DD
  const int month = std::stoi(iso.substr(5, 2));
  const int day = std::stoi(iso.substr(8, 2));
  return std::to_string(day) + " " + kMonths[(month - 1) % 12];
}

}  // namespace

ReminderWords ReminderText(std::string_view kind, Date date) {
  if (kind == "hour_after") {
    return {"Your hour-after check-in is due", "How is your back an hour after the session of " +
                                                   DayAndMonth(date) + "? Tap to check in."};
  }
  if (kind == "morning") {
    return {"Your morning check-in is due",
            "How is your back this morning, " + DayAndMonth(date) + "? Tap to check in."};
  }
  return {"A test reminder from backsignal",
          "Reminders reach this device. Nothing needs doing: this is the test you asked for."};
}

}  // namespace backsignal
