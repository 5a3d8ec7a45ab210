// The report's measures (docs/measures.md): the PSFS and the PEG now against four and eight weeks
// before, each activity on its own line, and the flares of the report's weeks, in rows of the
// sessions table.
#include "backsignal/core/measures.h"

#include "backsignal/words/measures.h"
#include "backsignal/words/words.h"
#include "parts.h"

namespace backsignal::report_detail {

std::string MeasuresHtml(const Diary& diary, Date from, Date to, const std::string& person_name,
                         const Locale& loc) {
  const MeasuresTrend trend = TrendOf(diary.measures, to);
  const std::vector<Flare> flares = FlaresBetween(diary.measures, from, to);
  const MeasuresWords w = WordsForMeasures(trend, flares, loc);
  if (w.psfs.empty() && w.peg.empty() && w.flares.empty()) return "";
  const Voice voice = Voice::About(person_name);
  std::string h = "<section class=\"measures\"><h2>" +
                  EscapeHtml(loc.TrC("heading", "Function and pain over the weeks")) + "</h2><ul>";
  for (size_t i = 0; i < w.psfs.size(); ++i) {
    const bool worse = i == 0
                           ? w.function_worse
                           : (trend.psfs->activities[i - 1].four_weeks &&
                              trend.psfs->activities[i - 1].four_weeks->change == Change::kWorse);
    h += std::string("<li") + (worse ? " class=\"worse\"" : "") +
         (i > 0 ? " style=\"margin-left:1em\"" : "") + ">" +
         EscapeHtml(RetoldInVoice(w.psfs[i], voice, loc)) + "</li>";
  }
  for (const std::string& line : w.peg) {
    h += "<li>" + EscapeHtml(RetoldInVoice(line, voice, loc)) + "</li>";
  }
  if (!w.flares.empty()) {
    // TRANSLATORS: {flares} is "3 flares between check-ins" (maybe ", 1 sharp or catching"), in
    // the report's two weeks.
    h +=
        "<li>" + EscapeHtml(loc.Tr("{flares} in these weeks", {Arg("flares", w.flares)})) + "</li>";
  }
  return h + "</ul></section>\n";
}

std::string FlareRow(const Flare& f, const Locale& loc) {
  std::string row = "<tr class=\"flare\"><td class=\"nw\" data-label=\"";
  row += EscapeHtml(loc.TrC("table column", "Date"));
  row += "\">";
  row += EscapeHtml(loc.Day(f.date));
  if (f.time) row += " " + f.time->ToString();
  row += "</td><td colspan=\"4\" data-label=\"";
  row += EscapeHtml(loc.TrC("table column", "Flare"));
  row += "\"><span";
  row += f.sharp && *f.sharp ? " class=\"worse\">" : ">";
  const std::string pain = loc.Number(f.pain.value());
  row += EscapeHtml(f.sharp && *f.sharp
                        // TRANSLATORS: a flare of pain between check-ins, in the report's sessions
                        // table; {pain} 0-10.
                        ? loc.Tr("Flare: pain {pain}, sharp or catching", {Arg("pain", pain)})
                        // TRANSLATORS: as above, not sharp.
                        : loc.Tr("Flare: pain {pain}", {Arg("pain", pain)}));
  row += "</span>";
  if (f.note) row += " &middot; " + EscapeHtml(*f.note);
  return row + "</td></tr>\n";
}

}  // namespace backsignal::report_detail
