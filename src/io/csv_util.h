// RFC 4180 CSV for the io module's readers and writers (private to io): records, cells,
// numbers and flags, and OWASP's defence against formulas. docs/csv.md says what the diary's
// CSV holds; these say how any CSV is split and written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/expected.h"
#include "backsignal/core/text.h"

namespace backsignal::csv {

struct Record {
  size_t line = 0;  // line where the record starts
  std::vector<std::string> cells;
};

// Splits a whole text into records: quoted fields may hold commas, quotes ("") and line
// breaks; CRLF or LF; blank lines skipped. The error names the line.
Expected<std::vector<Record>, std::string> SplitRecords(std::string_view text);

// Spaces and tabs off both ends.
std::string_view Trim(std::string_view s);
// A number with a dot for decimals; the error quotes the cell.
Expected<double, Text> ParseNumber(std::string_view s);
// true/false, yes/no in any case.
Expected<bool, Text> ParseBool(std::string_view s);
// A list in one cell: items separated by ';' (blanks kept, as written).
std::vector<std::string> SplitList(std::string_view cell);

// OWASP's CSV injection defence: a text cell a spreadsheet would run as a formula (its first
// character = + - @, a TAB or a CR, after any apostrophes) is written with one more leading
// apostrophe, which RestoreFormula takes off again, so that the round trip is lossless.
bool LooksLikeFormula(std::string_view s);
std::string DefuseFormula(std::string_view s);
std::string_view RestoreFormula(std::string_view s);

// A field quoted when it holds a comma, quote, line break or edge spaces.
std::string Quote(std::string_view s);
// One record, fields quoted as needed, ended by CRLF.
void WriteRow(std::string& out, const std::vector<std::string>& row);

}  // namespace backsignal::csv
