// The diary CSV's rows beside the days (docs/csv.md, "Flares and weekly answers").
#include <algorithm>
#include <iterator>

#include "diary_csv_reader.h"

namespace backsignal::diary_csv {

CsvReader::Kind CsvReader::KindOfRow() {
  bool flare = false, weekly = false;
  for (size_t c = 0; c < Columns().size(); ++c) {
    if (Cell(c).empty()) continue;
    flare = flare || IsFlare(Columns()[c].part);
    weekly = weekly || IsWeekly(Columns()[c].part);
  }
  if (!flare && !weekly) return Kind::kDay;
  if (flare && weekly) {
    // TRANSLATORS: of a CSV row, after "line 3,".
    Problem(rec_->line, T_("holds a flare and weekly answers; give each on a row of its own"));
    return Kind::kInvalid;
  }
  bool ok = true;
  for (size_t c = kDate + 1; c < Columns().size(); ++c) {
    const Part part = Columns()[c].part;
    if (Cell(c).empty() || (flare ? IsFlare(part) : IsWeekly(part))) continue;
    Problem(rec_->line, c,
            // TRANSLATORS: date, flare_, peg_ and psfs are the CSV's columns and stay.
            flare ? T_("a flare's row holds only date and the flare_ columns; give the day's own "
                       "fields on a row of their own")
                  : T_("a row of weekly answers holds only date, the peg_ columns and psfs; give "
                       "the day's own fields on a row of their own"));
    ok = false;
  }
  if (!ok) return Kind::kInvalid;
  return flare ? Kind::kFlare : Kind::kWeekly;
}

void CsvReader::FlareRow(Date date) {
  Flare f;
  f.date = date;
  bool ok = true;
  const size_t pain_col = ColumnOf(Part::kFlarePain);
  if (auto pain = ScoreCell(pain_col)) {
    f.pain = *pain;
  } else {
    if (Cell(pain_col).empty())
      Problem(rec_->line, pain_col, T_("a flare needs its pain (0 to 10)"));
    ok = false;
  }
  const size_t time_col = ColumnOf(Part::kFlareTime);
  if (const std::string_view t = Cell(time_col); !t.empty()) {
    if (auto time = TimeOfDay::Parse(t)) {
      f.time = *time;
    } else {
      CellProblem(rec_->line, time_col, t, time.error());
      ok = false;
    }
  }
  const size_t sharp_col = ColumnOf(Part::kFlareSharp);
  if (const std::string_view b = Cell(sharp_col); !b.empty()) {
    if (auto sharp = ParseBool(b)) {
      f.sharp = *sharp;
    } else {
      Problem(rec_->line, sharp_col, sharp.error());
      ok = false;
    }
  }
  const size_t note_col = ColumnOf(Part::kFlareNote);
  if (const std::string_view note = RestoreFormula(Cell(note_col)); !note.empty()) {
    if (!IsValidUtf8(note)) {
      Problem(rec_->line, note_col, T_("is not valid UTF-8 text"));
      ok = false;
    } else if (auto t = ValidateText(note, kMaxFlareNoteChars); !t) {
      Problem(rec_->line, note_col, T_("the text {problem}", {{"problem", t.error()}}));
      ok = false;
    } else {
      f.note = *t;
    }
  }
  if (!ok) return;
  if (auto valid = ValidateFlare(f); !valid) {
    Problem(rec_->line, valid.error().MessageText());
    return;
  }
  diary_.measures.flares.push_back(std::move(f));
}

std::optional<int> CsvReader::ItemCell(size_t col) {
  auto n = ParseNumber(Cell(col));
  if (!n) {
    Problem(rec_->line, col,
            // TRANSLATORS: {problem} is what is wrong with the cell ("\"x\" is not a number").
            T_("{problem}; expected a whole number from 0 to 10", {{"problem", n.error()}}));
    return std::nullopt;
  }
  auto item = ValidateItem(*n);
  if (!item) {
    Problem(rec_->line, col, item.error());
    return std::nullopt;
  }
  return *item;
}

void CsvReader::WeeklyRow(Date date) {
  Weekly w;
  w.date = date;
  bool ok = true;
  const size_t peg_cols[] = {ColumnOf(Part::kPegPain), ColumnOf(Part::kPegEnjoyment),
                             ColumnOf(Part::kPegActivity)};
  const bool any_peg = std::any_of(std::begin(peg_cols), std::end(peg_cols),
                                   [&](size_t c) { return !Cell(c).empty(); });
  if (any_peg) {
    std::optional<int> items[3];
    for (size_t i = 0; i < 3; ++i) {
      if (Cell(peg_cols[i]).empty()) {
        Problem(rec_->line, peg_cols[i],
                // TRANSLATORS: peg_pain, peg_enjoyment and peg_activity are the CSV's columns.
                T_("is empty; the PEG needs all three: peg_pain, peg_enjoyment and peg_activity"));
        ok = false;
      } else {
        items[i] = ItemCell(peg_cols[i]);
        ok = ok && items[i].has_value();
      }
    }
    if (ok) w.peg = Peg{*items[0], *items[1], *items[2]};
  }
  // The PSFS: "activity=score" items separated by ';', in the person's order.
  const size_t psfs_col = ColumnOf(Part::kPsfs);
  for (const std::string& raw : SplitList(RestoreFormula(Cell(psfs_col)))) {
    const std::string_view item = Trim(raw);
    if (item.empty()) continue;
    const size_t eq = item.rfind('=');
    if (eq == std::string_view::npos) {
      Problem(rec_->line, psfs_col,
              // TRANSLATORS: {item} is a PSFS item as written; "activity=score" is its form.
              T_("\"{item}\" is not an activity and its score (activity=score), separated by ;",
                 {{"item", std::string(item)}}));
      ok = false;
      continue;
    }
    auto name = ValidatePsfsActivity(item.substr(0, eq));
    if (!name) {
      Problem(
          rec_->line, psfs_col,
          // TRANSLATORS: {item} is a PSFS item as written; {problem} what is wrong with its name.
          T_("\"{item}\": the activity {problem}",
             {{"item", std::string(item)}, {"problem", name.error()}}));
    }
    auto n = ParseNumber(Trim(item.substr(eq + 1)));
    auto score = n ? ValidateItem(*n) : Unexpected(n.error());
    if (!score) {
      Problem(
          rec_->line, psfs_col,
          // TRANSLATORS: {item} is a PSFS item as written; {problem} what is wrong with its score.
          T_("\"{item}\": the score {problem}",
             {{"item", std::string(item)}, {"problem", score.error()}}));
    }
    if (!name || !score) {
      ok = false;
      continue;
    }
    w.psfs.push_back({*name, *score});
  }
  if (!ok) return;
  if (auto valid = ValidateWeekly(w); !valid) {
    Problem(rec_->line, valid.error().MessageText());
    return;
  }
  if (auto [it, fresh] = weekly_line_.emplace(date, rec_->line); !fresh) {
    Problem(rec_->line, kDate,
            // TRANSLATORS: {date} is a day (YYYY-MM-DD); {line} the CSV line that gave it first.
            T_("the weekly answers for {date} are given on line {line} already; one date holds "
               "one set",
               {{"date", date.ToString()}, {"line", it->second}}));
    return;
  }
  diary_.measures.weekly.push_back(std::move(w));
}

void WriteMeasureRows(std::string& out, std::vector<std::string>& row, const Measures& measures) {
  // Beside the days: each date's weekly answers, then the flares, in date order.
  for (const Weekly& w : measures.weekly) {
    std::fill(row.begin(), row.end(), "");
    row[kDate] = w.date.ToString();
    if (w.peg) {
      row[ColumnOf(Part::kPegPain)] = std::to_string(w.peg->pain);
      row[ColumnOf(Part::kPegEnjoyment)] = std::to_string(w.peg->enjoyment);
      row[ColumnOf(Part::kPegActivity)] = std::to_string(w.peg->activity);
    }
    std::string psfs;
    for (const PsfsRating& r : w.psfs) {
      if (!psfs.empty()) psfs += ';';
      psfs.append(r.activity).append("=").append(std::to_string(r.score));
    }
    row[ColumnOf(Part::kPsfs)] = DefuseFormula(psfs);
    WriteRow(out, row);
  }
  for (const Flare& f : measures.flares) {
    std::fill(row.begin(), row.end(), "");
    row[kDate] = f.date.ToString();
    if (f.time) row[ColumnOf(Part::kFlareTime)] = f.time->ToString();
    row[ColumnOf(Part::kFlarePain)] = ScoreText(f.pain);
    if (f.sharp) row[ColumnOf(Part::kFlareSharp)] = *f.sharp ? "true" : "false";
    if (f.note) row[ColumnOf(Part::kFlareNote)] = DefuseFormula(*f.note);
    WriteRow(out, row);
  }
}

}  // namespace backsignal::diary_csv
