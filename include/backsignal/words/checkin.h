// The words of a check-in, the same on every surface (one voice, as for the reading): what is
// recorded, what a session's signals mean, and what to check in next. The API sends them with
// every check-in's answer and with every day it lists; the page and the command line print
// them and compose no sentence of their own about a stored check-in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backsignal/core/checkin.h"
#include "backsignal/core/diary.h"
#include "backsignal/reading/reading.h"
#include "backsignal/words/i18n.h"

namespace backsignal {

// Each in `loc`'s words (English when none is given).
// Phrases, lower case, to sit inside a sentence:
// "pain 3, stiffness 4"
std::string MorningPhrase(const Morning& m, const Locale* loc = nullptr);
// "swimming, started 06:19, ended 06:59 (40 min)"; "a session at 18:00"; "swimming (40 min)".
// The stored time is the start; the end is the start plus the minutes.
std::string SessionPhrase(const Session& s, const Locale* loc = nullptr);
// "pain 3, tighter than before"; "tighter than before"
std::string HourAfterPhrase(const HourAfter& h, const Locale* loc = nullptr);
// "slept 5 h; stress 7; painkillers (ibuprofen); “long drive”"; "nothing of note"
std::string ContextPhrase(const Context& c, const Locale* loc = nullptr);

// When the hour-after check-in of a session falls due: an hour after it ended. None without a
// time. Minutes past midnight may exceed a day (a session ending late in the evening).
std::optional<int> HourAfterDueMinute(const Session& s);

// A session as sentences: what it was, how it went during, sharp pain, what it asked of the back.
std::vector<std::string> SessionLines(const Session& s, const Locale* loc = nullptr);

// Every entry of a day, in words, for a list of days.
struct SessionEntryWords {
  std::vector<std::string> lines;
  std::string hour_after;  // "Pain 3, tighter than before." or "" when not recorded
  std::string due;         // "From about 19:40." or "" without a time
};
struct DayWords {
  std::string morning;  // "Pain 3, stiffness 4." or ""
  std::vector<SessionEntryWords> sessions;
  std::string context;  // "Slept 5 h; stress 7." or ""
};
DayWords WordsForDay(const Day& day, const Locale* loc = nullptr);

// What one check-in's answer says.
struct CheckinWords {
  std::vector<std::string> lines;  // what is now recorded
  std::string meaning;             // what it means, when that is worth saying at once; or ""
  std::string next;                // the check-in that comes next; or ""
};

// `entry` is what was checked in (kMorning, kSession, kHourAfter, kContext or kNote); `session`
// the session it concerns; the signals are the session's under the thresholds in force.
// `morning_after` is, for a morning, the date of the session it follows and what it says.
struct MorningAfterWords {
  Date session_date;
  MorningSignal signal = MorningSignal::kUnknown;
};
// "This is the morning after your session of Mon 2 Nov: within your usual range."
std::string MorningAfterText(const MorningAfterWords& m, const Locale* loc = nullptr);

CheckinWords WordsForCheckin(const Day& day, Entry entry, std::optional<size_t> session,
                             DuringSignal during, HourAfterSignal hour_after,
                             std::optional<MorningAfterWords> morning_after = std::nullopt,
                             const Locale* loc = nullptr);

}  // namespace backsignal
