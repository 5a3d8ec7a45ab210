// The diary as CSV, for spreadsheets: one row per session (or per day without one), day fields
// on the first row of their date. Layout and rules: docs/csv.md. Lossless with the JSON format.
#pragma once

#include <string>
#include <string_view>

#include "backsignal/core/diary.h"
#include "backsignal/core/result.h"

namespace backsignal {

// The columns, in the order export writes them.
inline constexpr std::string_view kCsvColumns[] = {"date",
                                                   "morning_pain",
                                                   "morning_stiffness",
                                                   "sitting_hours",
                                                   "prolonged_position",
                                                   "upper_body_tension",
                                                   "sleep_hours",
                                                   "sleep_quality",
                                                   "painkillers",
                                                   "painkiller_name",
                                                   "stress",
                                                   "tags",
                                                   "note",
                                                   "session",
                                                   "time",
                                                   "minutes",
                                                   "activity",
                                                   "load",
                                                   "during_start",
                                                   "during_end",
                                                   "during_pattern",
                                                   "during_sharp",
                                                   "hour_after_pain",
                                                   "hour_after_tighter"};

// Parses a whole CSV diary; any problem refuses the file, each detail naming the line and
// column: "line 5, during_start: 11 is above the top of the scale (0 to 10)".
[[nodiscard]] Result<Diary> ParseDiaryCsv(std::string_view text);

// Writes the CSV of a diary, days in date order, with CRLF line ends (RFC 4180).
std::string DiaryToCsv(const Diary& diary);

}  // namespace backsignal
