#include "backsignal/core/date.h"

#include <cstdio>

namespace backsignal {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int y;
  unsigned m;
  unsigned d;
};

Civil CivilFromDays(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool IsLeap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

bool Date::IsValidCivil(int year, unsigned month, unsigned day) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const unsigned last = (month == 2 && IsLeap(year)) ? 29 : kDays[month - 1];
  return day <= last;
}

Date Date::FromCivil(int year, unsigned month, unsigned day) {
  return Date(DaysFromCivil(year, month, day));
}

Expected<Date, Text> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !AllDigits(text.substr(0, 4)) ||
      !AllDigits(text.substr(5, 2)) || !AllDigits(text.substr(8, 2))) {
    // TRANSLATORS: after a value ("\"5 May\" expected ..."); YYYY-MM-DD stays.
    return Unexpected(T_("expected a date as YYYY-MM-DD"));
  }
  const int y = ToInt(text.substr(0, 4));
  const unsigned m = static_cast<unsigned>(ToInt(text.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(ToInt(text.substr(8, 2)));
  if (!IsValidCivil(y, m, d)) {
    // TRANSLATORS: after a date ("\"2026-02-30\" is not ...").
    return Unexpected(T_("is not a real calendar date"));
  }
  return FromCivil(y, m, d);
}

int Date::year() const { return CivilFromDays(days_).y; }
unsigned Date::month() const { return CivilFromDays(days_).m; }
unsigned Date::day() const { return CivilFromDays(days_).d; }

std::string Date::ToString() const {
  const Civil c = CivilFromDays(days_);
  // Years are 1..9999 for every date that Parse accepts; others print their last four digits.
  const unsigned y = static_cast<unsigned>(c.y) % 10000;
  std::string out = "0000-00-00";
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + c.m / 10);
  out[6] = static_cast<char>('0' + c.m % 10);
  out[8] = static_cast<char>('0' + c.d / 10);
  out[9] = static_cast<char>('0' + c.d % 10);
  return out;
}

Expected<TimeOfDay, Text> TimeOfDay::Parse(std::string_view text) {
  if (text.size() != 5 || text[2] != ':' || !AllDigits(text.substr(0, 2)) ||
      !AllDigits(text.substr(3, 2))) {
    // TRANSLATORS: after a value; HH:MM stays.
    return Unexpected(T_("expected a time as HH:MM (24-hour clock)"));
  }
  const int h = ToInt(text.substr(0, 2));
  const int m = ToInt(text.substr(3, 2));
  // TRANSLATORS: after a time ("\"25:00\" is not ...").
  if (h > 23 || m > 59) return Unexpected(T_("is not a time of day (00:00 to 23:59)"));
  return TimeOfDay(h * 60 + m);
}

std::string TimeOfDay::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes_ / 60) % 24, minutes_ % 60);
  return buf;
}

}  // namespace backsignal
