// Calendar dates and times of day, as the diary uses them: a person's local calendar date
// (no time zone) and an "HH:MM" start time.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "backsignal/core/expected.h"
#include "backsignal/core/text.h"

namespace backsignal {

// A proleptic Gregorian calendar date, held as days since 1970-01-01.
class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(int32_t days) { return Date(days); }
  // REQUIRES: a real calendar date (see IsValidCivil).
  static Date FromCivil(int year, unsigned month, unsigned day);
  static bool IsValidCivil(int year, unsigned month, unsigned day);

  // Parses "YYYY-MM-DD"; on failure returns a message saying what was expected.
  static Expected<Date, Text> Parse(std::string_view text);

  int32_t days() const { return days_; }
  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::string ToString() const;  // "YYYY-MM-DD"

  Date operator+(int32_t n) const { return Date(days_ + n); }
  Date operator-(int32_t n) const { return Date(days_ - n); }
  int32_t operator-(Date other) const { return days_ - other.days_; }
  auto operator<=>(const Date&) const = default;

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

// A time of day "HH:MM", 00:00 to 23:59.
class TimeOfDay {
 public:
  constexpr TimeOfDay() = default;
  static Expected<TimeOfDay, Text> Parse(std::string_view text);
  static TimeOfDay FromMinutes(int minutes) { return TimeOfDay(minutes); }
  int minutes() const { return minutes_; }
  std::string ToString() const;
  auto operator<=>(const TimeOfDay&) const = default;

 private:
  constexpr explicit TimeOfDay(int minutes) : minutes_(minutes) {}
  int minutes_ = 0;
};

}  // namespace backsignal
