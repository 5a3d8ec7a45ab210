// Time zones, for the instants that cross the border (FHIR periods, calendar events). IANA
// names, read from the system's zoneinfo through Howard Hinnant's date/tz. Instants are Unix
// seconds, so that this header needs no date library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/date.h"
#include "backsignal/core/result.h"

namespace backsignal {

// The zone's canonical name when `name` is a known IANA zone; the machine's own zone when
// `name` is empty. kInvalid otherwise, naming it.
[[nodiscard]] Result<std::string> ResolveTimeZone(std::string_view name);

// The instant of a local wall-clock time on a date. A time that does not exist (skipped by a
// spring-forward change) moves forward by the gap, as clocks do; a time that happens twice
// (autumn) is the first of the two. REQUIRES: `zone` resolved.
int64_t LocalToUnix(std::string_view zone, Date date, int minute_of_day);

// The zone's offset from UTC at an instant, in seconds.
int UtcOffsetAt(std::string_view zone, int64_t unix_seconds);

// "2026-11-02T18:00:00+01:00": the instant as local time with its offset.
std::string FormatLocalWithOffset(std::string_view zone, int64_t unix_seconds);

// "20261102T180000Z".
std::string FormatUtcBasic(int64_t unix_seconds);

// A change of a zone's offset, for an iCalendar VTIMEZONE.
struct ZoneTransition {
  int64_t at;         // the instant of the change
  int offset_before;  // seconds east of UTC
  int offset_after;
  bool daylight;       // the new offset is daylight-saving time
  std::string abbrev;  // "BST"
};

// The offset in force at `from`, and every change in (from, to].
struct ZoneHistory {
  int initial_offset = 0;
  bool initial_daylight = false;
  std::string initial_abbrev;
  std::vector<ZoneTransition> transitions;
};
ZoneHistory ZoneHistoryBetween(std::string_view zone, int64_t from, int64_t to);

}  // namespace backsignal
