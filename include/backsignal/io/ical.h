// Reminders as iCalendar (RFC 5545): an event for each logged session with an alarm about an
// hour after it ends (the hour-after check-in), and a daily morning check-in at the person's
// wake time in their time zone, which stays at that local time across daylight-saving changes.
// docs/ical.md says what is in it and why.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "backsignal/core/date.h"
#include "backsignal/core/diary.h"
#include "backsignal/core/profile.h"

namespace backsignal {

// `zone`: a resolved IANA zone (io/zone.h) in which the diary's dates and times are local.
// `today`: the person's date now, where the morning reminder starts when the diary is empty.
// `now`: Unix seconds, the DTSTAMP of every event.
std::string DiaryToIcs(const Diary& diary, const Profile& profile, std::string_view zone,
                       Date today, int64_t now);

// RFC 5545 §3.1: one content line folded at 75 octets (never inside a UTF-8 sequence),
// each line ended by CRLF.
std::string FoldIcsLine(std::string_view line);

// RFC 5545 §3.3.11: TEXT with backslash, semicolon, comma and newline escaped.
std::string EscapeIcsText(std::string_view text);

}  // namespace backsignal
