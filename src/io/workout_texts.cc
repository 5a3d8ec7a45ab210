// Workout times as the files write them, Strava's activities.csv and Google Fit's sessions.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "backsignal/io/workouts.h"
#include "json_util.h"
#include "workouts_util.h"

namespace backsignal {
namespace {

using workouts_detail::Lower;
using workouts_detail::StartsWith;

// Days since 1970-01-01 of a date already checked with Date::IsValidCivil.
int64_t DaysOf(int y, unsigned m, unsigned d) { return Date::FromCivil(y, m, d).days(); }

bool Digits(std::string_view s, size_t at, size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<ParsedInstant> ParseWorkoutTime(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\n' || t.front() == '\t')) {
    t.remove_prefix(1);
  }
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r')) {
    t.remove_suffix(1);
  }
  int y, mo, d, h, mi, s = 0;
  // Strava: "Nov 2, 2026, 6:00:05 PM", in UTC.
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int m = 0; m < 12; ++m) {
    if (!StartsWith(t, kMonths[m])) continue;
    unsigned dd = 0, yy = 0, hh = 0, mm = 0, ss = 0;
    char ampm[3] = {0};
    const std::string copy(t);
    if (std::sscanf(copy.c_str() + 3, " %u, %u, %u:%u:%u %2s", &dd, &yy, &hh, &mm, &ss, ampm) !=
        6) {
      return std::nullopt;
    }
    const std::string ap = Lower(ampm);
    if (hh < 1 || hh > 12 || mm > 59 || ss > 60 || (ap != "am" && ap != "pm")) return std::nullopt;
    hh = hh % 12 + (ap == "pm" ? 12 : 0);
    if (!Date::IsValidCivil(static_cast<int>(yy), static_cast<unsigned>(m + 1), dd)) {
      return std::nullopt;
    }
    return ParsedInstant{DaysOf(static_cast<int>(yy), static_cast<unsigned>(m + 1), dd) * 86400 +
                             int64_t{hh} * 3600 + int64_t{mm} * 60 + ss,
                         std::nullopt};
  }
  // "YYYY-MM-DD?HH:MM[:SS[.fff]]" then "Z", "+HH:MM", "+HHMM", " +0100", or nothing (UTC).
  if (!Digits(t, 0, 4, y) || t.size() < 16 || t[4] != '-' || !Digits(t, 5, 2, mo) || t[7] != '-' ||
      !Digits(t, 8, 2, d) || (t[10] != 'T' && t[10] != ' ') || !Digits(t, 11, 2, h) ||
      t[13] != ':' || !Digits(t, 14, 2, mi)) {
    return std::nullopt;
  }
  size_t i = 16;
  if (i < t.size() && t[i] == ':') {
    if (!Digits(t, 17, 2, s)) return std::nullopt;
    i = 19;
    if (i < t.size() && (t[i] == '.' || t[i] == ',')) {
      ++i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    }
  }
  if (!Date::IsValidCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) || h > 23 ||
      mi > 59 || s > 60) {
    return std::nullopt;
  }
  const int64_t local = DaysOf(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
                        int64_t{h} * 3600 + int64_t{mi} * 60 + s;
  while (i < t.size() && t[i] == ' ') ++i;
  if (i == t.size() || t.substr(i) == "Z" || t.substr(i) == "UTC") {
    return ParsedInstant{local, i == t.size() ? std::nullopt : std::optional<int>(0)};
  }
  if (t[i] != '+' && t[i] != '-') return std::nullopt;
  const int sign = t[i] == '-' ? -1 : 1;
  int oh = 0, om = 0;
  std::string_view rest = t.substr(i + 1);
  // "+0100", "+01:00" or "+01".
  const bool ok =
      (rest.size() == 4 && Digits(rest, 0, 2, oh) && Digits(rest, 2, 2, om)) ||
      (rest.size() == 5 && rest[2] == ':' && Digits(rest, 0, 2, oh) && Digits(rest, 3, 2, om)) ||
      (rest.size() == 2 && Digits(rest, 0, 2, oh));
  if (!ok) {
    return std::nullopt;
  }
  if (oh > 18 || om > 59) return std::nullopt;
  const int offset = sign * (oh * 3600 + om * 60);
  return ParsedInstant{local - offset, offset};
}

Result<WorkoutFile> ReadStravaCsv(std::string_view text, std::string_view name) {
  const std::string where(name);
  // RFC 4180 records.
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(cell));
      cell.clear();
      if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
      row.clear();
    } else {
      cell += c;
    }
  }
  if (quoted) return Fail(Error::Invalid(where + ": a quoted field is not closed"));
  if (!cell.empty() || !row.empty()) {
    row.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  if (rows.empty())
    return Fail(Error::Invalid(where + ": empty; expected Strava's activities.csv"));
  // The first of each name (Strava repeats "Elapsed Time" and "Distance" further on).
  auto column = [&](std::string_view n) -> std::optional<size_t> {
    for (size_t i = 0; i < rows[0].size(); ++i) {
      if (rows[0][i] == n) return i;
    }
    return std::nullopt;
  };
  const auto date = column("Activity Date"), type = column("Activity Type"),
             elapsed = column("Elapsed Time"), title = column("Activity Name");
  if (!date || !elapsed) {
    return Fail(Error::Invalid(where +
                               ": a CSV without \"Activity Date\" and \"Elapsed Time\" columns; "
                               "expected Strava's activities.csv"));
  }
  WorkoutFile file;
  file.format = WorkoutFormat::kStravaCsv;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& cells = rows[r];
    auto at = [&](std::optional<size_t> c) -> std::string {
      return c && *c < cells.size() ? cells[*c] : "";
    };
    const auto start = ParseWorkoutTime(at(date));
    char* stop = nullptr;
    const std::string el = at(elapsed);
    const double seconds = std::strtod(el.c_str(), &stop);
    if (!start || stop == el.c_str() || !std::isfinite(seconds) || seconds < 30) {
      ++file.skipped;
      continue;
    }
    std::string activity = Lower(at(type));
    if (activity.empty()) activity = at(title);
    file.workouts.push_back(
        {start->unix, std::nullopt, seconds, activity.empty() ? std::string("workout") : activity});
  }
  return file;
}

Result<WorkoutFile> ReadGoogleFitJson(std::string_view text, std::string_view name) {
  const std::string where(name);
  auto doc = io::ParseStrictJson(text);
  if (!doc) return Fail(Error::Invalid(where + ": " + doc.error()));
  if (!doc->is_object() || !doc->contains("startTime") || !doc->contains("endTime")) {
    return Fail(Error::Invalid(where +
                               ": a JSON file without startTime and endTime; expected a session "
                               "of Google Fit's Takeout (Fit/All Sessions/*.json)"));
  }
  WorkoutFile file;
  file.format = WorkoutFormat::kGoogleFit;
  const auto& j = *doc;
  auto text_of = [&](const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  const auto start = ParseWorkoutTime(text_of("startTime"));
  const auto end = ParseWorkoutTime(text_of("endTime"));
  if (!start || !end || end->unix - start->unix < 30) {
    ++file.skipped;
    return file;
  }
  std::string activity = text_of("fitnessActivity");
  for (char& c : activity) {
    if (c == '_' || c == '.') c = ' ';
  }
  file.workouts.push_back({start->unix, std::nullopt, static_cast<double>(end->unix - start->unix),
                           activity.empty() ? std::string("workout") : Lower(activity)});
  return file;
}

}  // namespace backsignal
