// The report's measures (docs/measures.md): the PSFS and the PEG now against four and eight weeks
// before, each activity on its own line, and the flares of the report's weeks, in rows of the
// sessions table.
#include "backsignal/core/measures.h"

#include "backsignal/words/measures.h"
#include "backsignal/words/words.h"
#include "parts.h"

namespace backsignal::report_detail {

std::string MeasuresHtml(const Diary& diary, Date from, Date to, const std::string& person_name) {
  const MeasuresTrend trend = TrendOf(diary.measures, to);
  const std::vector<Flare> flares = FlaresBetween(diary.measures, from, to);
  const MeasuresWords w = WordsForMeasures(trend, flares);
  if (w.psfs.empty() && w.peg.empty() && w.flares.empty()) return "";
  const Voice voice = Voice::About(person_name);
  std::string h = "<section class=\"measures\"><h2>Function and pain over the weeks</h2><ul>";
  for (size_t i = 0; i < w.psfs.size(); ++i) {
    const bool worse = i == 0
                           ? w.function_worse
                           : (trend.psfs->activities[i - 1].four_weeks &&
                              trend.psfs->activities[i - 1].four_weeks->change == Change::kWorse);
    h += std::string("<li") + (worse ? " class=\"worse\"" : "") +
         (i > 0 ? " style=\"margin-left:1em\"" : "") + ">" + Esc(InVoice(w.psfs[i], voice)) +
         "</li>";
  }
  for (const std::string& line : w.peg) h += "<li>" + Esc(InVoice(line, voice)) + "</li>";
  if (!w.flares.empty()) h += "<li>" + Esc(w.flares) + " in these weeks</li>";
  return h + "</ul></section>\n";
}

std::string FlareRow(const Flare& f) {
  std::string row =
      "<tr class=\"flare\"><td class=\"nw\" data-label=\"Date\">" + PersonDate(f.date);
  if (f.time) row += " " + f.time->ToString();
  row += "</td><td colspan=\"4\" data-label=\"Flare\"><span";
  row += std::string(f.sharp && *f.sharp ? " class=\"worse\"" : "") + ">Flare: pain " +
         FormatScoreNumber(f.pain.value());
  if (f.sharp && *f.sharp) row += ", sharp or catching";
  row += "</span>";
  if (f.note) row += " &middot; " + Esc(*f.note);
  return row + "</td></tr>\n";
}

}  // namespace backsignal::report_detail
