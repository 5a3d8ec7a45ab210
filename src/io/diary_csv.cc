#include "backsignal/io/diary_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>

#include "backsignal/io/diary_json.h"

namespace backsignal {
namespace {

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

enum Col : size_t {
  kDate,
  kMorningPain,
  kMorningStiffness,
  kSittingHours,
  kProlongedPosition,
  kUpperBodyTension,
  kSleepHours,
  kSleepQuality,
  kPainkillers,
  kPainkillerName,
  kStress,
  kTags,
  kNote,
  kSession,
  kTime,
  kMinutes,
  kActivity,
  kLoad,
  kDuringStart,
  kDuringEnd,
  kDuringPattern,
  kDuringSharp,
  kHourAfterPain,
  kHourAfterTighter,
  kColumnCount
};
static_assert(std::size(kCsvColumns) == kColumnCount);

constexpr std::string_view kUsualRow = "usual";

struct Record {
  size_t line = 0;  // line where the record starts
  std::vector<std::string> cells;
};

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

Expected<double, std::string> ParseNumber(std::string_view s) {
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) {
    return Unexpected("\"" + std::string(s) + "\" is not a number");
  }
  return v;
}

Expected<bool, std::string> ParseBool(std::string_view s) {
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "true" || lower == "yes") return true;
  if (lower == "false" || lower == "no") return false;
  return Unexpected("\"" + std::string(s) + "\" is not true or false");
}

class CsvReader {
 public:
  Result<Diary> Read(std::string_view text);

 private:
  void Problem(size_t line, Col col, const std::string& message) {
    Problem(line, std::string(kCsvColumns[col]) + ": " + message);
  }
  void Problem(size_t line, const std::string& message) {
    problems_.Add("line " + std::to_string(line) + ", " + message);
  }
  // The trimmed cell of `col` in the current record ("" when the column is absent).
  std::string_view Cell(Col col) const {
    const int idx = index_[col];
    if (idx < 0 || static_cast<size_t>(idx) >= rec_->cells.size()) return {};
    return col == kNote || col == kActivity ? std::string_view(rec_->cells[idx])
                                            : Trim(rec_->cells[idx]);
  }
  std::optional<Score> ScoreCell(Col col);
  std::optional<bool> BoolCell(Col col);
  bool Header(const Record& header);
  void Row(const Record& rec);
  // Sets a day-level field once; a repeat must carry the same value.
  template <typename T>
  void SetDayField(std::optional<T>& field, std::optional<T> value, Col col, Date date);

  std::array<int, kColumnCount> index_{};
  const Record* rec_ = nullptr;
  std::map<Date, Day> days_;
  std::map<Date, size_t> first_line_;
  Diary diary_;
  bool usual_seen_ = false;
  ProblemList problems_{kMaxListedProblems};
};

bool CsvReader::Header(const Record& header) {
  index_.fill(-1);
  for (size_t i = 0; i < header.cells.size(); ++i) {
    const std::string_view name = Trim(header.cells[i]);
    const auto it = std::find(std::begin(kCsvColumns), std::end(kCsvColumns), name);
    if (it == std::end(kCsvColumns)) {
      Problem(header.line, "column " + std::to_string(i + 1) + ": \"" + std::string(name) +
                               "\" is not a column of a backsignal diary (see docs/csv.md)");
      continue;
    }
    const size_t col = static_cast<size_t>(it - std::begin(kCsvColumns));
    if (index_[col] >= 0) {
      Problem(header.line, "column \"" + std::string(name) + "\" appears twice in the header");
    }
    index_[col] = static_cast<int>(i);
  }
  if (index_[kDate] < 0) {
    Problem(header.line, "the header has no \"date\" column; the first line must name the columns");
    return false;
  }
  return true;
}

std::optional<Score> CsvReader::ScoreCell(Col col) {
  const std::string_view s = Cell(col);
  if (s.empty()) return std::nullopt;
  auto n = ParseNumber(s);
  if (!n) {
    Problem(rec_->line, col, n.error() + "; expected a score from 0 to 10 in steps of 0.5");
    return std::nullopt;
  }
  auto score = Score::FromDouble(*n);
  if (!score) {
    Problem(rec_->line, col, score.error());
    return std::nullopt;
  }
  return *score;
}

std::optional<bool> CsvReader::BoolCell(Col col) {
  const std::string_view s = Cell(col);
  if (s.empty()) return std::nullopt;
  auto b = ParseBool(s);
  if (!b) {
    Problem(rec_->line, col, b.error());
    return std::nullopt;
  }
  return *b;
}

template <typename T>
void CsvReader::SetDayField(std::optional<T>& field, std::optional<T> value, Col col, Date date) {
  if (!value) return;
  if (field && !(*field == *value)) {
    Problem(rec_->line, col,
            "differs from the value given for " + date.ToString() + " on line " +
                std::to_string(first_line_[date]) + "; give a day's fields once");
    return;
  }
  field = std::move(value);
}

void CsvReader::Row(const Record& rec) {
  rec_ = &rec;
  if (rec.cells.size() > static_cast<size_t>(*std::max_element(index_.begin(), index_.end())) + 1) {
    Problem(rec.line, "has " + std::to_string(rec.cells.size()) +
                          " fields but the header names fewer columns");
    return;
  }
  const std::string_view date_text = Cell(kDate);
  if (date_text == kUsualRow) {
    if (usual_seen_) Problem(rec.line, "date: a second \"usual\" row; give the usual morning once");
    usual_seen_ = true;
    diary_.usual.pain = ScoreCell(kMorningPain);
    diary_.usual.stiffness = ScoreCell(kMorningStiffness);
    for (size_t c = 0; c < kColumnCount; ++c) {
      if (c != kDate && c != kMorningPain && c != kMorningStiffness && !Cell(Col(c)).empty()) {
        Problem(rec.line, Col(c), "a \"usual\" row holds only morning_pain and morning_stiffness");
      }
    }
    return;
  }
  auto date = Date::Parse(date_text);
  if (!date) {
    Problem(rec.line, kDate, "\"" + std::string(date_text) + "\" " + date.error());
    return;
  }
  const bool new_day = !days_.contains(*date);
  Day& day = days_[*date];
  day.date = *date;
  if (new_day) first_line_[*date] = rec.line;

  // Day-level fields.
  const std::optional<Score> pain = ScoreCell(kMorningPain);
  const std::optional<Score> stiffness = ScoreCell(kMorningStiffness);
  if (pain) {
    std::optional<Score> current =
        day.morning ? std::optional<Score>(day.morning->pain) : std::nullopt;
    SetDayField(current, pain, kMorningPain, *date);
    if (!day.morning) day.morning = Morning{*current, std::nullopt};
  }
  if (stiffness) {
    if (!day.morning && !pain) {
      Problem(rec.line, kMorningStiffness,
              "a morning needs its pain; morning_pain is empty for " + date->ToString());
    } else if (day.morning) {
      SetDayField(day.morning->stiffness, stiffness, kMorningStiffness, *date);
    }
  }
  if (const std::string_view h = Cell(kSittingHours); !h.empty()) {
    auto n = ParseNumber(h);
    auto ok = n ? ValidateSittingHours(*n) : Expected<double, std::string>(Unexpected(n.error()));
    if (!ok) {
      Problem(rec.line, kSittingHours, ok.error());
    } else {
      SetDayField(day.context.sitting_hours, std::optional<double>(*ok), kSittingHours, *date);
    }
  }
  SetDayField(day.context.prolonged_position, BoolCell(kProlongedPosition), kProlongedPosition,
              *date);
  SetDayField(day.context.upper_body_tension, ScoreCell(kUpperBodyTension), kUpperBodyTension,
              *date);
  if (const std::string_view h = Cell(kSleepHours); !h.empty()) {
    auto n = ParseNumber(h);
    auto ok = n ? ValidateSleepHours(*n) : Expected<double, std::string>(Unexpected(n.error()));
    if (!ok) {
      Problem(rec.line, kSleepHours, ok.error());
    } else {
      SetDayField(day.context.sleep_hours, std::optional<double>(*ok), kSleepHours, *date);
    }
  }
  SetDayField(day.context.sleep_quality, ScoreCell(kSleepQuality), kSleepQuality, *date);
  SetDayField(day.context.painkillers, BoolCell(kPainkillers), kPainkillers, *date);
  if (const std::string_view name = RestoreFormula(Cell(kPainkillerName)); !name.empty()) {
    if (auto t = ValidateText(name, kMaxPainkillerChars); !t) {
      Problem(rec.line, kPainkillerName, "the text " + t.error());
    } else if (day.context.painkillers == false) {
      Problem(rec.line, kPainkillerName, "a painkiller's name with painkillers false");
    } else {
      SetDayField(day.context.painkiller_name, std::optional<std::string>(*t), kPainkillerName,
                  *date);
      day.context.painkillers = true;
    }
  }
  SetDayField(day.context.stress, ScoreCell(kStress), kStress, *date);
  if (const std::string_view cell = RestoreFormula(Cell(kTags)); !cell.empty()) {
    std::vector<std::string> tags;
    size_t from = 0;
    while (from <= cell.size()) {
      const size_t semi = std::min(cell.find(';', from), cell.size());
      tags.emplace_back(cell.substr(from, semi - from));
      from = semi + 1;
    }
    if (auto ok = ValidateTags(tags); !ok) {
      Problem(rec.line, kTags, ok.error().starts_with(": ") ? ok.error().substr(2) : ok.error());
    } else {
      SetDayField(day.context.tags, std::optional<std::vector<std::string>>(*ok), kTags, *date);
    }
  }
  if (const std::string_view note = RestoreFormula(Cell(kNote)); !note.empty()) {
    if (!IsValidUtf8(note)) {
      Problem(rec.line, kNote, "is not valid UTF-8 text");
    } else if (auto t = ValidateText(note, kMaxNoteChars); !t) {
      Problem(rec.line, kNote, "the text " + t.error());
    } else {
      SetDayField(day.note, std::optional<std::string>(*t), kNote, *date);
    }
  }

  // Session fields: any of them makes this row a session.
  bool has_session = false;
  for (size_t c = kSession; c < kColumnCount; ++c)
    has_session = has_session || !Cell(Col(c)).empty();
  if (!has_session) return;
  Session s;
  if (const std::string_view n = Cell(kSession); !n.empty()) {
    auto v = ParseNumber(n);
    const size_t expected = day.sessions.size() + 1;
    if (!v || *v != static_cast<double>(expected)) {
      Problem(rec.line, kSession,
              "\"" + std::string(n) + "\" but this is session " + std::to_string(expected) +
                  " of " + date->ToString() +
                  "; sessions of a day are numbered 1, 2, ... in row order");
    }
  }
  if (const std::string_view t = Cell(kTime); !t.empty()) {
    if (auto tod = TimeOfDay::Parse(t)) {
      s.time = *tod;
    } else {
      Problem(rec.line, kTime, "\"" + std::string(t) + "\" " + tod.error());
    }
  }
  if (const std::string_view m = Cell(kMinutes); !m.empty()) {
    auto n = ParseNumber(m);
    auto ok = n ? ValidateMinutes(*n) : Expected<int, std::string>(Unexpected(n.error()));
    if (ok) {
      s.minutes = *ok;
    } else {
      Problem(rec.line, kMinutes, ok.error());
    }
  }
  if (const std::string_view a = RestoreFormula(Cell(kActivity)); !a.empty()) {
    if (!IsValidUtf8(a)) {
      Problem(rec.line, kActivity, "is not valid UTF-8 text");
    } else if (auto t = ValidateText(a, kMaxActivityChars)) {
      s.activity = *t;
    } else {
      Problem(rec.line, kActivity, "the text " + t.error());
    }
  }
  if (std::string_view loads = Cell(kLoad); !loads.empty()) {
    while (!loads.empty()) {
      const size_t semi = loads.find(';');
      const std::string_view name = Trim(loads.substr(0, semi));
      loads = semi == std::string_view::npos ? std::string_view() : loads.substr(semi + 1);
      if (name.empty()) continue;
      auto l = ParseLoad(name);
      if (!l) {
        Problem(rec.line, kLoad, "\"" + std::string(name) + "\" " + l.error() + ", separated by ;");
      } else if (s.load.Has(*l)) {
        Problem(rec.line, kLoad, "\"" + std::string(name) + "\" is listed twice");
      } else {
        s.load.Add(*l);
      }
    }
  }
  s.during.start = ScoreCell(kDuringStart);
  s.during.end = ScoreCell(kDuringEnd);
  if (const std::string_view p = Cell(kDuringPattern); !p.empty()) {
    if (auto pat = ParsePattern(p)) {
      s.during.pattern = *pat;
    } else {
      Problem(rec.line, kDuringPattern, "\"" + std::string(p) + "\" " + pat.error());
    }
  }
  s.during.sharp = BoolCell(kDuringSharp);
  s.hour_after.pain = ScoreCell(kHourAfterPain);
  s.hour_after.tighter = BoolCell(kHourAfterTighter);
  day.sessions.push_back(std::move(s));
}

Result<Diary> CsvReader::Read(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a spreadsheet's BOM
  auto records = SplitRecords(text);
  if (!records) return Fail(Error::Invalid("diary refused: 1 problem", {records.error()}));
  if (records->empty()) {
    return Fail(
        Error::Invalid("diary refused: 1 problem",
                       {"line 1: the file is empty; expected a header naming the columns"}));
  }
  if (Header(records->front())) {
    for (size_t i = 1; i < records->size(); ++i) Row((*records)[i]);
  }
  if (auto refused = problems_.Refusal("diary")) return Fail(std::move(*refused));
  for (auto& [date, day] : days_) diary_.days.push_back(std::move(day));
  return std::move(diary_);
}

std::string DefuseFormula(std::string_view s) {
  return LooksLikeFormula(s) ? "'" + std::string(s) : std::string(s);
}

// Quotes a field when it holds a comma, quote, line break or edge spaces.
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

std::string ScoreText(const std::optional<Score>& s) {
  return s ? FormatNumber(s->value()) : std::string();
}
std::string BoolText(const std::optional<bool>& b) {
  return b ? (*b ? "true" : "false") : std::string();
}

void WriteRow(std::string& out, const std::array<std::string, kColumnCount>& row) {
  for (size_t c = 0; c < kColumnCount; ++c) {
    if (c > 0) out += ',';
    out += Quote(row[c]);
  }
  out += "\r\n";
}

}  // namespace

Result<Diary> ParseDiaryCsv(std::string_view text) {
  CsvReader reader;
  return reader.Read(text);
}

std::string DiaryToCsv(const Diary& diary) {
  std::string out;
  std::array<std::string, kColumnCount> row;
  for (size_t c = 0; c < kColumnCount; ++c) row[c] = std::string(kCsvColumns[c]);
  WriteRow(out, row);
  if (diary.usual.pain || diary.usual.stiffness) {
    row.fill("");
    row[kDate] = std::string(kUsualRow);
    row[kMorningPain] = ScoreText(diary.usual.pain);
    row[kMorningStiffness] = ScoreText(diary.usual.stiffness);
    WriteRow(out, row);
  }
  for (const Day& day : diary.days) {
    const size_t rows = std::max<size_t>(1, day.sessions.size());
    for (size_t k = 0; k < rows; ++k) {
      row.fill("");
      row[kDate] = day.date.ToString();
      if (k == 0) {
        if (day.morning) {
          row[kMorningPain] = ScoreText(day.morning->pain);
          row[kMorningStiffness] = ScoreText(day.morning->stiffness);
        }
        if (day.context.sitting_hours)
          row[kSittingHours] = FormatNumber(*day.context.sitting_hours);
        row[kProlongedPosition] = BoolText(day.context.prolonged_position);
        row[kUpperBodyTension] = ScoreText(day.context.upper_body_tension);
        const Context& ctx = day.context;
        if (ctx.sleep_hours) row[kSleepHours] = FormatNumber(*ctx.sleep_hours);
        row[kSleepQuality] = ScoreText(ctx.sleep_quality);
        row[kPainkillers] = BoolText(ctx.painkillers);
        row[kPainkillerName] = DefuseFormula(ctx.painkiller_name.value_or(""));
        row[kStress] = ScoreText(ctx.stress);
        if (ctx.tags) {
          std::string joined;
          for (const std::string& t : *ctx.tags) joined += (joined.empty() ? "" : ";") + t;
          row[kTags] = DefuseFormula(joined);
        }
        row[kNote] = DefuseFormula(day.note.value_or(""));
      }
      if (k < day.sessions.size()) {
        const Session& s = day.sessions[k];
        row[kSession] = std::to_string(k + 1);
        if (s.time) row[kTime] = s.time->ToString();
        if (s.minutes) row[kMinutes] = std::to_string(*s.minutes);
        row[kActivity] = DefuseFormula(s.activity.value_or(""));
        for (Load l : kAllLoads) {
          if (!s.load.Has(l)) continue;
          if (!row[kLoad].empty()) row[kLoad] += ';';
          row[kLoad] += LoadName(l);
        }
        row[kDuringStart] = ScoreText(s.during.start);
        row[kDuringEnd] = ScoreText(s.during.end);
        if (s.during.pattern) row[kDuringPattern] = std::string(PatternName(*s.during.pattern));
        row[kDuringSharp] = BoolText(s.during.sharp);
        row[kHourAfterPain] = ScoreText(s.hour_after.pain);
        row[kHourAfterTighter] = BoolText(s.hour_after.tighter);
      }
      WriteRow(out, row);
    }
  }
  return out;
}

}  // namespace backsignal
