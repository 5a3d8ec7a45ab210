// The diary's CSV reader and its columns, shared by diary_csv.cc (the days) and
// diary_csv_measures.cc (the rows beside them: flares and weekly answers). Private to io.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backsignal/core/diary.h"
#include "backsignal/core/fields.h"
#include "backsignal/core/result.h"
#include "backsignal/io/diary_json.h"  // kMaxListedProblems
#include "csv_util.h"

namespace backsignal::diary_csv {

using csv::DefuseFormula;
using csv::ParseBool;
using csv::ParseNumber;
using csv::Record;
using csv::RestoreFormula;
using csv::SplitList;
using csv::SplitRecords;
using csv::Trim;
using csv::WriteRow;

// The columns: what each holds, and for a field its row in core/fields.h.
enum class Part {
  kDate,
  kMorningPain,
  kMorningStiffness,
  kContext,
  kNote,
  kNotePinned,
  kSessionNumber,
  kSession,
  // The rows beside the days (core/measures.h): a flare, or a date's weekly answers.
  kFlareTime,
  kFlarePain,
  kFlareSharp,
  kFlareNote,
  kPegPain,
  kPegEnjoyment,
  kPegActivity,
  kPsfs
};
inline bool IsFlare(Part p) { return p >= Part::kFlareTime && p <= Part::kFlareNote; }
inline bool IsWeekly(Part p) { return p >= Part::kPegPain && p <= Part::kPsfs; }
struct Column {
  std::string_view name;
  Part part;
  const FieldSpec* spec = nullptr;  // kContext, kSession
  size_t field = 0;                 // its index in ContextFields() or SessionFields()
};

const std::vector<Column>& Columns();

// The column of a part that has one column (every part but kContext and kSession).
size_t ColumnOf(Part part);

// Columns by position: the fixed ones first.
inline constexpr size_t kDate = 0, kMorningPain = 1, kMorningStiffness = 2;

inline constexpr std::string_view kUsualRow = "usual";

class CsvReader {
 public:
  Result<Diary> Read(std::string_view text);

 private:
  void Problem(size_t line, size_t col, const std::string& message) {
    Problem(line, std::string(Columns()[col].name) + ": " + message);
  }
  void Problem(size_t line, const std::string& message) {
    problems_.Add("line " + std::to_string(line) + ", " + message);
  }
  void Problem(size_t line, size_t col, Text message) {
    Problem(line, backsignal::Problem(std::string(Columns()[col].name), std::move(message)));
  }
  void Problem(size_t line, Text message) {
    // TRANSLATORS: {line} is a CSV file's line number; {problem} what is wrong on it.
    problems_.Add(T_("line {line}, {problem}", {{"line", line}, {"problem", std::move(message)}}));
  }
  // "\"abc\" is not a real calendar date": a cell as written, then what is wrong with it.
  void CellProblem(size_t line, size_t col, std::string_view cell, Text message) {
    // TRANSLATORS: {value} is a cell as it was written, in quotes; {problem} what is wrong.
    Problem(line, col,
            T_("\"{value}\" {problem}",
               {{"value", std::string(cell)}, {"problem", std::move(message)}}));
  }
  // The cell of `col` in the current record ("" when the column is absent): text as written,
  // anything else trimmed.
  std::string_view Cell(size_t col) const {
    const int idx = index_[col];
    if (idx < 0 || static_cast<size_t>(idx) >= rec_->cells.size()) return {};
    const Column& c = Columns()[col];
    const bool text = c.part == Part::kNote || c.part == Part::kFlareNote ||
                      c.part == Part::kPsfs || (c.spec && c.spec->kind == FieldKind::kText);
    return text ? std::string_view(rec_->cells[idx]) : Trim(rec_->cells[idx]);
  }
  std::optional<Score> ScoreCell(size_t col);
  // The field's cell as its kind takes it and CheckField accepts it; none when empty; a problem
  // and nothing when it is not valid.
  std::optional<FieldValue> FieldCell(size_t col);
  bool Header(const Record& header);
  void Row(const Record& rec);
  // A row beside the days: whether it is a flare's or the weekly answers' (and holds nothing
  // else), then each read into diary_.measures.
  enum class Kind { kDay, kFlare, kWeekly, kInvalid };
  Kind KindOfRow();
  void FlareRow(Date date);
  void WeeklyRow(Date date);
  std::optional<int> ItemCell(size_t col);
  // Sets a day-level field once; a repeat must carry the same value.
  template <typename T>
  void SetDayField(std::optional<T>& field, std::optional<T> value, size_t col, Date date);
  bool SameAsBefore(const FieldValue& before, const FieldValue& value, size_t col, Date date);

  std::vector<int> index_;
  const Record* rec_ = nullptr;
  std::map<Date, Day> days_;
  std::map<Date, size_t> first_line_;
  Diary diary_;
  bool usual_seen_ = false;
  std::map<Date, size_t> weekly_line_;
  ProblemList problems_{kMaxListedProblems};
};

std::string ScoreText(const std::optional<Score>& s);
// Writes the rows beside the days: each date's weekly answers, then the flares, in date order;
// `row` is a scratch row of every column.
void WriteMeasureRows(std::string& out, std::vector<std::string>& row, const Measures& measures);

}  // namespace backsignal::diary_csv
