#include "backsignal/io/diary_csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "backsignal/core/fields.h"
#include "backsignal/io/diary_json.h"
#include "diary_csv_reader.h"

namespace backsignal {
namespace diary_csv {

const std::vector<Column>& Columns() {
  static const std::vector<Column> columns = [] {
    std::vector<Column> out = {{"date", Part::kDate},
                               {"morning_pain", Part::kMorningPain},
                               {"morning_stiffness", Part::kMorningStiffness}};
    for (size_t i = 0; i < ContextFields().size(); ++i) {
      out.push_back({ContextFields()[i].spec.name, Part::kContext, &ContextFields()[i].spec, i});
    }
    out.push_back({"note", Part::kNote});
    out.push_back({"note_pinned", Part::kNotePinned});
    out.push_back({"session", Part::kSessionNumber});
    for (size_t i = 0; i < SessionFields().size(); ++i) {
      out.push_back({SessionFields()[i].spec.name, Part::kSession, &SessionFields()[i].spec, i});
    }
    out.insert(out.end(), {{"flare_time", Part::kFlareTime},
                           {"flare_pain", Part::kFlarePain},
                           {"flare_sharp", Part::kFlareSharp},
                           {"flare_note", Part::kFlareNote},
                           {"peg_pain", Part::kPegPain},
                           {"peg_enjoyment", Part::kPegEnjoyment},
                           {"peg_activity", Part::kPegActivity},
                           {"psfs", Part::kPsfs}});
    return out;
  }();
  return columns;
}

size_t ColumnOf(Part part) {
  const auto& columns = Columns();
  return static_cast<size_t>(std::find_if(columns.begin(), columns.end(),
                                          [&](const Column& c) { return c.part == part; }) -
                             columns.begin());
}

bool CsvReader::Header(const Record& header) {
  index_.assign(Columns().size(), -1);
  for (size_t i = 0; i < header.cells.size(); ++i) {
    const std::string_view name = Trim(header.cells[i]);
    const auto it = std::find_if(Columns().begin(), Columns().end(),
                                 [&](const Column& c) { return c.name == name; });
    if (it == Columns().end()) {
      // TRANSLATORS: {n} is the column's number; {name} the header's word; docs/csv.md stays.
      Problem(header.line, T_("column {n}: \"{name}\" is not a column of a backsignal diary (see "
                              "docs/csv.md)",
                              {{"n", i + 1}, {"name", std::string(name)}}));
      continue;
    }
    const size_t col = static_cast<size_t>(it - Columns().begin());
    if (index_[col] >= 0) {
      // TRANSLATORS: {name} is the header's word.
      Problem(header.line,
              T_("column \"{name}\" appears twice in the header", {{"name", std::string(name)}}));
    }
    index_[col] = static_cast<int>(i);
  }
  if (index_[kDate] < 0) {
    // TRANSLATORS: "date" is the column's name and stays.
    Problem(header.line,
            T_("the header has no \"date\" column; the first line must name the columns"));
    return false;
  }
  return true;
}

namespace {

Text ScoreExpected(Text problem) {
  // TRANSLATORS: {problem} is "\"x\" is not a number".
  return T_("{problem}; expected a score from 0 to 10 in steps of 0.5",
            {{"problem", std::move(problem)}});
}

Text Differs(Date date, size_t line) {
  // TRANSLATORS: {date} is YYYY-MM-DD; {line} the line number where it was first given.
  return T_("differs from the value given for {date} on line {line}; give a day's fields once",
            {{"date", date.ToString()}, {"line", line}});
}

}  // namespace

std::optional<Score> CsvReader::ScoreCell(size_t col) {
  const std::string_view s = Cell(col);
  if (s.empty()) return std::nullopt;
  auto n = ParseNumber(s);
  if (!n) {
    Problem(rec_->line, col, ScoreExpected(n.error()));
    return std::nullopt;
  }
  auto score = Score::FromDouble(*n);
  if (!score) {
    Problem(rec_->line, col, score.error());
    return std::nullopt;
  }
  return *score;
}

std::optional<FieldValue> CsvReader::FieldCell(size_t col) {
  const FieldSpec& f = *Columns()[col].spec;
  std::string_view cell = Cell(col);
  if (f.kind == FieldKind::kText || f.kind == FieldKind::kTags) cell = RestoreFormula(cell);
  if (cell.empty()) return FieldValue();
  FieldValue raw;
  switch (f.kind) {
    case FieldKind::kScore:
    case FieldKind::kNumber:
    case FieldKind::kWhole: {
      auto n = ParseNumber(cell);
      if (!n) {
        Problem(rec_->line, col,
                f.kind == FieldKind::kScore ? ScoreExpected(n.error()) : n.error());
        return std::nullopt;
      }
      raw = *n;
      break;
    }
    case FieldKind::kFlag: {
      auto b = ParseBool(cell);
      if (!b) {
        Problem(rec_->line, col, b.error());
        return std::nullopt;
      }
      raw = *b;
      break;
    }
    case FieldKind::kText:
      if (!IsValidUtf8(cell)) {
        Problem(rec_->line, col, T_("is not valid UTF-8 text"));
        return std::nullopt;
      }
      raw = std::string(cell);
      break;
    case FieldKind::kChoice:
    case FieldKind::kTime:
      raw = std::string(cell);
      break;
    case FieldKind::kTags:
      raw = SplitList(cell);
      break;
    case FieldKind::kLoads: {
      // Each name on its own, so that every unknown one is named; blanks between ';' are none.
      std::vector<std::string> names;
      LoadSet seen;
      bool ok = true;
      for (const std::string& item : SplitList(cell)) {
        const std::string name(Trim(item));
        if (name.empty()) continue;
        auto l = ParseLoad(name);
        if (!l) {
          CellProblem(rec_->line, col, name,
                      // TRANSLATORS: {problem} is "is not a load; expected ..."; ";" stays.
                      T_("{problem}, separated by ;", {{"problem", l.error()}}));
          ok = false;
        } else if (seen.Has(*l)) {
          CellProblem(rec_->line, col, name, T_("is listed twice"));
          ok = false;
        } else {
          seen.Add(*l);
          names.push_back(name);
        }
      }
      if (!ok) return std::nullopt;
      raw = std::move(names);
      break;
    }
  }
  auto checked = CheckField(f, raw);
  if (checked) return std::move(*checked);
  if (f.kind == FieldKind::kChoice || f.kind == FieldKind::kTime) {
    CellProblem(rec_->line, col, cell, checked.error());
    return std::nullopt;
  }
  if (f.kind == FieldKind::kTags && IsProblem(checked.error())) {
    const Text& e = checked.error();
    const std::string place = e.args[0].English();
    // "context_tags: [1]: ..." names the factor; the list's own problem has no place.
    Problem(rec_->line, col, place.empty() ? e.args[1] : e);
    return std::nullopt;
  }
  Problem(rec_->line, col, checked.error());
  return std::nullopt;
}

template <typename T>
void CsvReader::SetDayField(std::optional<T>& field, std::optional<T> value, size_t col,
                            Date date) {
  if (!value) return;
  if (field && !(*field == *value)) {
    Problem(rec_->line, col, Differs(date, first_line_[date]));
    return;
  }
  field = std::move(value);
}

bool CsvReader::SameAsBefore(const FieldValue& before, const FieldValue& value, size_t col,
                             Date date) {
  if (std::holds_alternative<std::monostate>(before) || before == value) return true;
  Problem(rec_->line, col, Differs(date, first_line_[date]));
  return false;
}

void CsvReader::Row(const Record& rec) {
  rec_ = &rec;
  if (rec.cells.size() > static_cast<size_t>(*std::max_element(index_.begin(), index_.end())) + 1) {
    // TRANSLATORS: {count} is how many fields the line has.
    Problem(rec.line, T_("has {count} fields but the header names fewer columns",
                         {{"count", rec.cells.size()}}));
    return;
  }
  const std::string_view date_text = Cell(kDate);
  if (date_text == kUsualRow) {
    if (usual_seen_)
      // TRANSLATORS: "usual" is a CSV code and stays.
      Problem(rec.line, kDate, T_("a second \"usual\" row; give the usual morning once"));
    usual_seen_ = true;
    diary_.usual.pain = ScoreCell(kMorningPain);
    diary_.usual.stiffness = ScoreCell(kMorningStiffness);
    for (size_t c = kMorningStiffness + 1; c < Columns().size(); ++c) {
      if (!Cell(c).empty()) {
        // TRANSLATORS: "usual", morning_pain and morning_stiffness are CSV codes and stay.
        Problem(rec.line, c, T_("a \"usual\" row holds only morning_pain and morning_stiffness"));
      }
    }
    return;
  }
  auto date = Date::Parse(date_text);
  if (!date) {
    CellProblem(rec.line, kDate, date_text, date.error());
    return;
  }
  switch (KindOfRow()) {
    case Kind::kFlare:
      return FlareRow(*date);
    case Kind::kWeekly:
      return WeeklyRow(*date);
    case Kind::kInvalid:
      return;
    case Kind::kDay:
      break;
  }
  const bool new_day = !days_.contains(*date);
  Day& day = days_[*date];
  day.date = *date;
  if (new_day) first_line_[*date] = rec.line;

  // The morning.
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

  // The day's context, the note, and whether the row is a session.
  bool has_session = false;
  Session s;
  for (size_t c = kMorningStiffness + 1; c < Columns().size(); ++c) {
    const Column& col = Columns()[c];
    if (IsFlare(col.part) || IsWeekly(col.part)) continue;  // empty on a day's row (KindOfRow)
    if (col.part == Part::kNote) {
      if (const std::string_view note = RestoreFormula(Cell(c)); !note.empty()) {
        if (!IsValidUtf8(note)) {
          Problem(rec.line, c, T_("is not valid UTF-8 text"));
        } else if (auto t = ValidateText(note, kMaxNoteChars); !t) {
          Problem(rec.line, c, T_("the text {problem}", {{"problem", t.error()}}));
        } else {
          SetDayField(day.note, std::optional<std::string>(*t), c, *date);
        }
      }
      continue;
    }
    if (col.part == Part::kNotePinned) {  // "true", or empty for no
      auto pinned = Cell(c).empty() ? Expected<bool, Text>(false) : ParseBool(Cell(c));
      if (!pinned) Problem(rec.line, c, pinned.error());
      day.note_pinned = day.note_pinned || pinned.value_or(false);
      continue;
    }
    if (col.part == Part::kSessionNumber) {
      has_session = has_session || !Cell(c).empty();
      continue;
    }
    if (col.part == Part::kSession) has_session = has_session || !Cell(c).empty();
    auto value = FieldCell(c);
    if (!value || std::holds_alternative<std::monostate>(*value)) continue;
    if (col.part == Part::kSession) {
      SessionFields()[col.field].set(s, *value);
      continue;
    }
    const Field<Context>& f = ContextFields()[col.field];
    if (SameAsBefore(f.get(day.context), *value, c, *date)) f.set(day.context, *value);
    // A painkiller's name says some were taken, and cannot stand beside a no.
    if (col.name == "painkiller_name") {
      if (day.context.painkillers == false) {
        Problem(rec.line, c, "a painkiller's name with painkillers false");
      } else {
        day.context.painkillers = true;
      }
    }
  }
  if (!has_session) return;
  const size_t number_col = static_cast<size_t>(
      std::find_if(Columns().begin(), Columns().end(),
                   [](const Column& c) { return c.part == Part::kSessionNumber; }) -
      Columns().begin());
  if (const std::string_view n = Cell(number_col); !n.empty()) {
    auto v = ParseNumber(n);
    const size_t expected = day.sessions.size() + 1;
    if (!v || *v != static_cast<double>(expected)) {
      Problem(rec.line, number_col,
              "\"" + std::string(n) + "\" but this is session " + std::to_string(expected) +
                  " of " + date->ToString() +
                  "; sessions of a day are numbered 1, 2, ... in row order");
    }
  }
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
  if (auto normal = NormaliseMeasures(diary_.measures); !normal) {
    problems_.Add(normal.error().message);
  }
  if (auto refused = problems_.Refusal("diary")) return Fail(std::move(*refused));
  for (auto& [date, day] : days_) diary_.days.push_back(std::move(day));
  return std::move(diary_);
}

std::string ScoreText(const std::optional<Score>& s) {
  return s ? FormatNumber(s->value()) : std::string();
}

// One field's cell.
std::string FieldText(const FieldSpec& f, const FieldValue& v) {
  if (const double* d = std::get_if<double>(&v)) return FormatNumber(*d);
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const std::string* t = std::get_if<std::string>(&v)) {
    return f.kind == FieldKind::kText ? DefuseFormula(*t) : *t;
  }
  if (const auto* l = std::get_if<std::vector<std::string>>(&v)) {
    std::string joined;
    for (const std::string& item : *l) joined += (joined.empty() ? "" : ";") + item;
    return f.kind == FieldKind::kTags ? DefuseFormula(joined) : joined;
  }
  return "";
}

}  // namespace diary_csv

using diary_csv::Column;
using diary_csv::Columns;
using diary_csv::CsvReader;
using diary_csv::DefuseFormula;
using diary_csv::FieldText;
using diary_csv::kDate;
using diary_csv::kMorningPain;
using diary_csv::kMorningStiffness;
using diary_csv::kUsualRow;
using diary_csv::Part;
using diary_csv::ScoreText;
using diary_csv::WriteRow;

std::span<const std::string_view> CsvColumns() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Column& c : Columns()) out.push_back(c.name);
    return out;
  }();
  return names;
}

Result<Diary> ParseDiaryCsv(std::string_view text) {
  CsvReader reader;
  return reader.Read(text);
}

std::string DiaryToCsv(const Diary& diary) {
  std::string out;
  const std::vector<Column>& columns = Columns();
  std::vector<std::string> row(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) row[c] = std::string(columns[c].name);
  WriteRow(out, row);
  if (diary.usual.pain || diary.usual.stiffness) {
    std::fill(row.begin(), row.end(), "");
    row[kDate] = std::string(kUsualRow);
    row[kMorningPain] = ScoreText(diary.usual.pain);
    row[kMorningStiffness] = ScoreText(diary.usual.stiffness);
    WriteRow(out, row);
  }
  for (const Day& day : diary.days) {
    const size_t rows = std::max<size_t>(1, day.sessions.size());
    for (size_t k = 0; k < rows; ++k) {
      std::fill(row.begin(), row.end(), "");
      row[kDate] = day.date.ToString();
      const Session* s = k < day.sessions.size() ? &day.sessions[k] : nullptr;
      for (size_t c = kMorningStiffness + 1; c < columns.size(); ++c) {
        const Column& col = columns[c];
        if (col.part == Part::kSessionNumber) {
          if (s) row[c] = std::to_string(k + 1);
        } else if (col.part == Part::kSession) {
          if (s) row[c] = FieldText(*col.spec, SessionFields()[col.field].get(*s));
        } else if (k == 0 && col.part == Part::kContext) {
          row[c] = FieldText(*col.spec, ContextFields()[col.field].get(day.context));
        } else if (k == 0 && col.part == Part::kNote) {
          row[c] = DefuseFormula(day.note.value_or(""));
        } else if (k == 0 && col.part == Part::kNotePinned) {
          if (day.note_pinned) row[c] = "true";
        }
      }
      if (k == 0 && day.morning) {
        row[kMorningPain] = ScoreText(day.morning->pain);
        row[kMorningStiffness] = ScoreText(day.morning->stiffness);
      }
      WriteRow(out, row);
    }
  }
  diary_csv::WriteMeasureRows(out, row, diary.measures);
  return out;
}

}  // namespace backsignal
