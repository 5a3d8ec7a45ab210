// Workout times as the files write them, Strava's activities.csv and Google Fit's sessions:
// both streamed, keeping only the cells and keys a workout needs, so a file of 30 MB of commas or
// of empty arrays costs a chunk of memory, not thirty times the file.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

#include "backsignal/io/workouts.h"
#include "json_util.h"
#include "workouts_util.h"

namespace backsignal {
namespace {

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
    const std::string ap = FoldAscii(ampm);
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

namespace workouts_detail {
namespace {

// Strava's activities.csv, RFC 4180, a record at a time: the header's first column of each name
// (Strava repeats "Elapsed Time" and "Distance" further on), then of each row only the cells of
// those columns, each at most kMaxKeptText bytes.
class StravaReader {
 public:
  StravaReader(std::string_view where, ImportBudget& budget) : where_(where), budget_(budget) {
    file_.format = WorkoutFormat::kStravaCsv;
  }

  // Runs of plain bytes are taken at once; only quotes, commas and line ends are looked at.
  Result<void> Feed(std::string_view chunk) {
    size_t i = 0;
    while (i < chunk.size()) {
      if (state_ == kQuoteInQuoted) {
        state_ = kUnquoted;
        if (chunk[i] == '"') {  // a doubled quote: one quote, still quoted
          Keep(std::string_view("\""));
          state_ = kQuoted;
          ++i;
          continue;
        }
      } else if (state_ == kAfterCr) {
        state_ = kUnquoted;
        if (chunk[i] == '\n') {
          ++i;
          continue;
        }
      }
      if (state_ == kQuoted) {
        const size_t quote = chunk.find('"', i);
        const size_t end = quote == std::string_view::npos ? chunk.size() : quote;
        Keep(chunk.substr(i, end - i));
        i = end;
        if (quote != std::string_view::npos) {
          state_ = kQuoteInQuoted;
          ++i;
        }
        continue;
      }
      const size_t special = chunk.find_first_of(",\"\r\n", i);
      const size_t end = special == std::string_view::npos ? chunk.size() : special;
      Keep(chunk.substr(i, end - i));
      i = end;
      if (special == std::string_view::npos) break;
      const char c = chunk[i++];
      if (c == '"') {
        state_ = kQuoted;
      } else if (c == ',') {
        EndCell();
      } else {
        EndCell();
        if (auto ok = EndRow(); !ok) return ok;
        if (c == '\r') state_ = kAfterCr;
      }
    }
    return {};
  }

  Result<WorkoutFile> Finish() {
    if (state_ == kQuoted) {
      return Fail(Error::Invalid(Problem(where_, T_("a quoted field is not closed"))));
    }
    if (cell_bytes_ > 0 || column_ > 0) {
      EndCell();
      if (auto ok = EndRow(); !ok) return Unexpected(ok.error());
    }
    if (!header_done_) {
      return Fail(Error::Invalid(Problem(where_, T_("empty; expected Strava's activities.csv"))));
    }
    return std::move(file_);
  }

 private:
  enum State { kUnquoted, kQuoted, kQuoteInQuoted, kAfterCr };
  enum Slot { kDate, kType, kElapsed, kTitle, kSlots };
  static constexpr std::string_view kNames[kSlots] = {"Activity Date", "Activity Type",
                                                      "Elapsed Time", "Activity Name"};
  static constexpr size_t kNoColumn = static_cast<size_t>(-1);

  // The slot the current column fills, if any.
  int SlotOf(size_t column) const {
    for (int k = 0; k < kSlots; ++k) {
      if (columns_[k] == column) return k;
    }
    return -1;
  }
  void Keep(std::string_view run) {
    cell_bytes_ += run.size();
    if (cell_.size() < cap_) cell_.append(run.substr(0, cap_ - cell_.size()));
  }
  // How much of the next cell to keep: a header's names are short; of a row, only the cells
  // of the columns read.
  void NextCap() { cap_ = !header_done_ ? 32 : SlotOf(column_) >= 0 ? kMaxKeptText : 0; }
  void EndCell() {
    if (!header_done_) {
      for (int k = 0; k < kSlots; ++k) {
        if (columns_[k] == kNoColumn && cell_bytes_ == kNames[k].size() && cell_ == kNames[k]) {
          columns_[k] = column_;
        }
      }
    } else if (const int k = SlotOf(column_); k >= 0) {
      cells_[k] = std::move(cell_);
    }
    cell_.clear();
    ++column_;
    row_bytes_ += cell_bytes_;
    cell_bytes_ = 0;
    NextCap();
  }
  Result<void> EndRow() {
    auto ok = Row();
    NextCap();
    return ok;
  }
  Result<void> Row() {
    const bool blank = column_ == 1 && row_bytes_ == 0;
    column_ = 0;
    row_bytes_ = 0;
    if (blank) return {};
    if (!header_done_) {
      header_done_ = true;
      if (columns_[kDate] == kNoColumn || columns_[kElapsed] == kNoColumn) {
        Text m =
            // TRANSLATORS: "Activity Date" and "Elapsed Time" are the columns' names, as they are.
            T_("a CSV without \"Activity Date\" and \"Elapsed Time\" columns; expected "
               "Strava's activities.csv");
        return Fail(Error::Invalid(Problem(where_, std::move(m))));
      }
      return {};
    }
    if (auto ok = budget_.AddWorkout(where_); !ok) return ok;
    const auto start = ParseWorkoutTime(cells_[kDate]);
    char* stop = nullptr;
    const double seconds = std::strtod(cells_[kElapsed].c_str(), &stop);
    if (!start || stop == cells_[kElapsed].c_str() || !std::isfinite(seconds) || seconds < 30) {
      ++file_.skipped;
    } else {
      std::string activity = FoldAscii(cells_[kType]);
      if (activity.empty()) activity = cells_[kTitle];
      file_.workouts.push_back({start->unix, std::nullopt, seconds,
                                activity.empty() ? std::string("workout") : activity});
    }
    for (std::string& c : cells_) c.clear();
    return {};
  }

  std::string where_;
  ImportBudget& budget_;
  WorkoutFile file_;
  State state_ = kUnquoted;
  bool header_done_ = false;
  size_t columns_[kSlots] = {kNoColumn, kNoColumn, kNoColumn, kNoColumn};
  std::string cells_[kSlots];
  std::string cell_;
  size_t column_ = 0;
  size_t cap_ = 32;
  uint64_t cell_bytes_ = 0, row_bytes_ = 0;
};

// A ByteSource as a stream, for nlohmann's SAX parser: the source's error kept, not thrown.
class SourceBuffer final : public std::streambuf {
 public:
  SourceBuffer(const ByteSource& source, uint64_t cap) : source_(source), cap_(cap) {}
  std::optional<Error> error;
  bool too_large = false;

 protected:
  int_type underflow() override {
    if (error || too_large) return traits_type::eof();
    auto n = source_(buf_.get(), kChunk);
    if (!n) {
      error = n.error();
      return traits_type::eof();
    }
    if (*n == 0) return traits_type::eof();
    read_ += *n;
    if (read_ > cap_) {
      too_large = true;
      return traits_type::eof();
    }
    setg(buf_.get(), buf_.get(), buf_.get() + *n);
    return traits_type::to_int_type(buf_[0]);
  }

 private:
  const ByteSource& source_;
  uint64_t cap_;
  uint64_t read_ = 0;
  std::unique_ptr<char[]> buf_ = std::make_unique<char[]>(kChunk);
};

// The refusal of a JSON file that is not one of Fit's sessions.
Text NoSession() {
  return T_(
      // TRANSLATORS: startTime and endTime are JSON keys, as they are.
      "a JSON file without startTime and endTime; expected a session of Google Fit's "
      "Takeout (Fit/All Sessions/*.json)");
}

// A Fit session's JSON: only the top-level startTime, endTime and fitnessActivity are kept;
// nothing is built, nesting is bounded, and anything but an object at the top is refused at once.
class FitSax final : public nlohmann::json_sax<nlohmann::json> {
 public:
  FitSax(std::string where, ImportBudget& budget) : where_(std::move(where)), budget_(budget) {}
  std::optional<Error> error;
  std::string parse_message;
  std::optional<std::string> start, end, activity;

  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool string(string_t& v) override {
    if (depth_ == 1) {
      std::optional<std::string>* slot = key_ == "startTime"         ? &start
                                         : key_ == "endTime"         ? &end
                                         : key_ == "fitnessActivity" ? &activity
                                                                     : nullptr;
      if (slot) {
        // TRANSLATORS: {name} is a name given twice in one list.
        if (*slot)
          return Refuse(Problem(where_, T_("\"{name}\" is given twice", {{"name", key_}})));
        *slot = v.substr(0, kMaxKeptText);
      }
    }
    return Value();
  }
  bool start_object(std::size_t) override { return Open(); }
  bool key(string_t& k) override {
    if (depth_ == 1) key_ = k.substr(0, 32);
    return Event();
  }
  bool end_object() override {
    --depth_;
    return Event();
  }
  bool start_array(std::size_t) override {
    if (depth_ == 0) return NotASession();
    return Open();
  }
  bool end_array() override {
    --depth_;
    return Event();
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    parse_message = e.what();
    return false;
  }

 private:
  bool Refuse(Text m) {
    error = Error::Invalid(std::move(m));
    return false;
  }
  bool NotASession() { return Refuse(Problem(where_, NoSession())); }
  bool Value() { return depth_ == 0 ? NotASession() : Event(); }
  bool Open() {
    if (++depth_ > budget_.limits().xml_depth) {
      error = budget_.TooDeep(where_);
      return false;
    }
    return Event();
  }
  bool Event() {
    if (++events_ % 4096 == 0) {
      if (auto ok = budget_.Check(); !ok) {
        error = ok.error();
        return false;
      }
    }
    return true;
  }
  std::string where_;
  ImportBudget& budget_;
  uint64_t depth_ = 0;
  uint64_t events_ = 0;
  std::string key_;
};

// A session's JSON is a few KB (a day of one-minute segments would be 200 KB); Google Fit writes
// none near this. It also bounds nlohmann's lexer, which keeps every bracket, comma and blank
// since the last string or number for its error messages.
constexpr uint64_t kMaxFitJson = uint64_t{2} << 20;

}  // namespace

Result<WorkoutFile> ReadStravaCsv(const ByteSource& source, std::string_view name,
                                  ImportBudget& budget) {
  StravaReader reader(name, budget);
  auto buf = std::make_unique<char[]>(kChunk);
  bool first = true;
  for (;;) {
    auto n = source(buf.get(), kChunk);
    if (!n) return Unexpected(n.error());
    if (*n == 0) break;
    std::string_view chunk(buf.get(), *n);
    if (first && StartsWith(chunk, "\xEF\xBB\xBF")) chunk.remove_prefix(3);
    first = false;
    if (auto ok = reader.Feed(chunk); !ok) return Unexpected(ok.error());
  }
  return reader.Finish();
}

Result<WorkoutFile> ReadGoogleFitJson(const ByteSource& source, std::string_view name,
                                      ImportBudget& budget) {
  const std::string where(name);
  SourceBuffer buffer(source, kMaxFitJson);
  std::istream in(&buffer);
  FitSax sax(where, budget);
  bool ok = false;
  try {
    ok = nlohmann::json::sax_parse(in, &sax, nlohmann::json::input_format_t::json, true);
  } catch (const std::exception& e) {
    sax.parse_message = e.what();
  }
  if (buffer.error) return Fail(*buffer.error);
  if (buffer.too_large) {
    Text m = T_("a JSON file larger than 2 MB; a session of Google Fit's Takeout is a few KB");
    return Fail(Error::Invalid(Problem(where, std::move(m))));
  }
  if (sax.error) return Fail(*sax.error);
  if (!ok) {
    Text reason =
        sax.parse_message.empty() ? T_("cut short") : io::JsonParseErrorText(sax.parse_message);
    // TRANSLATORS: {reason} is where and why the JSON is wrong, or "cut short".
    Text m = T_("not JSON: {reason}", {{"reason", std::move(reason)}});
    return Fail(Error::Invalid(Problem(where, std::move(m))));
  }
  if (!sax.start || !sax.end) {
    return Fail(Error::Invalid(Problem(where, NoSession())));
  }
  if (auto counted = budget.AddWorkout(where); !counted) return Unexpected(counted.error());
  WorkoutFile file;
  file.format = WorkoutFormat::kGoogleFit;
  const auto start = ParseWorkoutTime(*sax.start);
  const auto end = ParseWorkoutTime(*sax.end);
  if (!start || !end || end->unix - start->unix < 30) {
    ++file.skipped;
    return file;
  }
  std::string activity = sax.activity.value_or("");
  for (char& c : activity) {
    if (c == '_' || c == '.') c = ' ';
  }
  file.workouts.push_back({start->unix, std::nullopt, static_cast<double>(end->unix - start->unix),
                           activity.empty() ? std::string("workout") : FoldAscii(activity)});
  return file;
}

}  // namespace workouts_detail
}  // namespace backsignal
