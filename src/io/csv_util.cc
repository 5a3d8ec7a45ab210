#include "csv_util.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace backsignal::csv {

// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
Expected<std::vector<Record>, std::string> SplitRecords(std::string_view text) {
  std::vector<Record> records;
  Record rec;
  std::string cell;
  size_t line = 1;
  rec.line = 1;
  bool quoted = false, was_quoted = false, any = false;
  auto end_cell = [&] {
    rec.cells.push_back(std::move(cell));
    cell.clear();
    was_quoted = false;
  };
  auto end_record = [&] {
    end_cell();
    const bool blank = rec.cells.size() == 1 && rec.cells[0].empty();
    if (!blank) records.push_back(std::move(rec));
    rec = Record{};
    rec.line = line;
  };
  size_t quote_line = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    any = true;
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
          was_quoted = true;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      if (!cell.empty() || was_quoted) {
        return Unexpected("line " + std::to_string(line) +
                          ": a quote inside an unquoted field; quote the whole field and "
                          "double the quotes inside (\"\")");
      }
      quoted = true;
      quote_line = line;
    } else if (c == ',') {
      end_cell();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_record();
    } else {
      if (was_quoted) {
        return Unexpected("line " + std::to_string(line) +
                          ": text after a closing quote; quote the whole field");
      }
      cell += c;
    }
  }
  if (quoted) {
    return Unexpected("line " + std::to_string(quote_line) +
                      ": a quoted field is never closed (the file may be cut short)");
  }
  if (any && (!cell.empty() || !rec.cells.empty() || was_quoted)) end_record();
  return records;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Expected<double, Text> ParseNumber(std::string_view s) {
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) {
    // TRANSLATORS: {value} is a cell as it was written.
    return Unexpected(T_("\"{value}\" is not a number", {{"value", std::string(s)}}));
  }
  return v;
}

Expected<bool, Text> ParseBool(std::string_view s) {
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "true" || lower == "yes") return true;
  if (lower == "false" || lower == "no") return false;
  // TRANSLATORS: {value} is a cell as it was written; true and false stay.
  return Unexpected(T_("\"{value}\" is not true or false", {{"value", std::string(s)}}));
}

// A list in one cell: items separated by ';'.
std::vector<std::string> SplitList(std::string_view cell) {
  std::vector<std::string> items;
  size_t from = 0;
  while (from <= cell.size()) {
    const size_t semi = std::min(cell.find(';', from), cell.size());
    items.emplace_back(cell.substr(from, semi - from));
    from = semi + 1;
  }
  return items;
}

// OWASP's CSV injection defence: a text cell a spreadsheet would run as a formula (its first
// character = + - @, a TAB or a CR) is written with a leading apostrophe. So is one that starts
// with apostrophes before such a character, so that import takes exactly one apostrophe off
// and the round trip is lossless ("=1+1" -> "'=1+1" -> "=1+1"; "'=x" -> "''=x" -> "'=x").
bool LooksLikeFormula(std::string_view s) {
  const size_t i = s.find_first_not_of('\'');
  if (i == std::string_view::npos) return false;
  const char c = s[i];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}
// The cell as written before DefuseFormula: one leading apostrophe taken off a defused formula.
std::string_view RestoreFormula(std::string_view s) {
  if (s.size() > 1 && s.front() == '\'' && LooksLikeFormula(s.substr(1))) s.remove_prefix(1);
  return s;
}

std::string DefuseFormula(std::string_view s) {
  return LooksLikeFormula(s) ? "'" + std::string(s) : std::string(s);
}

std::string Quote(std::string_view s) {
  const bool needs = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' ||
                                     s.back() == '\t'));
  if (!needs) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void WriteRow(std::string& out, const std::vector<std::string>& row) {
  for (size_t c = 0; c < row.size(); ++c) {
    if (c > 0) out += ',';
    out += Quote(row[c]);
  }
  out += "\r\n";
}

}  // namespace backsignal::csv
