// The diary as CSV, for spreadsheets: one row per session (or per day without one), day fields
// on the first row of their date. Layout and rules: docs/csv.md. Lossless with the JSON format.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "backsignal/core/diary.h"
#include "backsignal/core/result.h"

namespace backsignal {

// The columns, in the order export writes them: the date, the morning, the day's context
// (core/fields.h), the note, the session's number and its fields.
std::span<const std::string_view> CsvColumns();

// Parses a whole CSV diary; any problem refuses the file, each detail naming the line and
// column: "line 5, during_start: 11 is above the top of the scale (0 to 10)".
[[nodiscard]] Result<Diary> ParseDiaryCsv(std::string_view text);

// Writes the CSV of a diary, days in date order, with CRLF line ends (RFC 4180).
std::string DiaryToCsv(const Diary& diary);

}  // namespace backsignal
