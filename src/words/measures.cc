#include "backsignal/words/measures.h"

#include <cmath>
#include <cstdio>

#include "backsignal/words/i18n.h"
#include "backsignal/words/words.h"

namespace backsignal {

WeeklyQuestions WeeklyQuestionsWords() {
  WeeklyQuestions q;
  q.title = "This week's questions";
  q.peg_intro = "Over the past week:";
  q.peg_pain = "What number best describes your pain on average?";
  q.peg_pain_low = "0 = no pain";
  q.peg_pain_high = "10 = as bad as you can imagine";
  q.peg_enjoyment = "How much has pain interfered with your enjoyment of life?";
  q.peg_activity = "How much has pain interfered with your general activity?";
  q.peg_interference_low = "0 = not at all";
  q.peg_interference_high = "10 = completely";
  q.psfs_intro =
      "Up to five activities you find hard because of your mid back: how well can you do each "
      "today? Keep the same ones each week.";
  q.psfs_low = "0 = unable";
  q.psfs_high = "10 = as before the problem";
  q.psfs_add = "Add an activity";
  for (std::string_view s : kPsfsSuggestions) q.suggestions.emplace_back(s);
  q.due_today = "Due today";
  q.due_since = "Due since";
  return q;
}

std::string WeeklyDueWords(Date since, Date today) {
  if (since >= today) return WeeklyQuestionsWords().due_today;
  return WeeklyQuestionsWords().due_since + " " + PersonDate(since);
}

namespace {

// One decimal at most: a mean of whole numbers reads "4.7" (not "4.666..." nor "4.70"), a whole
// one "5".
std::string OneDecimal(double v) {
  const double r = std::round(v * 10) / 10;
  char buf[32];
  std::snprintf(buf, sizeof buf, r == std::floor(r) ? "%.0f" : "%.1f", r);
  return buf;
}

std::string Num(double v) { return OneDecimal(v); }

std::string Signed(double v) {
  const double r = std::round(v * 10) / 10;
  if (r > 0) return "+" + OneDecimal(r);
  if (r < 0) return "\u2212" + OneDecimal(-r);
  return "0";
}

std::string PegLine(const Peg& p) {
  return "PEG " + Num(p.Score()) + " (pain " + std::to_string(p.pain) + ", enjoyment of life " +
         std::to_string(p.enjoyment) + ", general activity " + std::to_string(p.activity) + ")";
}

// ", four weeks before 5 (Sun 8 Nov): +1.5, about the same".
std::string Against(const char* when, const std::optional<Compared>& c) {
  if (!c) return "";
  return "; " + std::string(when) + " before " + Num(c->then) + " (" + PersonDate(c->then_date) +
         "): " + Signed(c->delta) + ", " + ChangeWords(c->change);
}

}  // namespace

std::string ChangeWords(Change change) {
  switch (change) {
    case Change::kBetter:
      return "better";
    case Change::kWorse:
      return "worse";
    case Change::kSame:
      break;
  }
  return "about the same";
}

std::vector<std::string> WeeklySaidWords(const Weekly& w) {
  std::vector<std::string> out;
  out.push_back("Weekly questions for " + PersonDate(w.date));
  if (w.peg) out.push_back(PegLine(*w.peg));
  if (!w.psfs.empty()) {
    int sum = 0;
    std::string items;
    for (const PsfsRating& r : w.psfs) {
      sum += r.score;
      items += (items.empty() ? "" : ", ") + r.activity + " " + std::to_string(r.score);
    }
    out.push_back("Function (PSFS) " +
                  Num(static_cast<double>(sum) / static_cast<double>(w.psfs.size())) +
                  " of 10: " + items);
  }
  return out;
}

std::vector<std::string> FlareSaidWords(const Flare& f) {
  std::string line = "Flare";
  line += f.time ? " at " + f.time->ToString() : std::string(" on ") + PersonDate(f.date);
  line += ": pain " + FormatScoreNumber(f.pain.value());
  if (f.sharp && *f.sharp) line += ", sharp or catching";
  std::vector<std::string> out{line};
  if (f.note) out.push_back(*f.note);
  if (f.sharp && *f.sharp) {
    out.push_back(
        "Sharp or catching pain is a reason to stop or change what you were doing. If it keeps "
        "coming back, talk to a clinician.");
  }
  return out;
}

MeasuresWords WordsForMeasures(const MeasuresTrend& t, const std::vector<Flare>& flares) {
  MeasuresWords out;
  if (t.psfs) {
    out.psfs.push_back("Function (PSFS average, 0 = unable, 10 = as before) " +
                       Num(t.psfs->average) + " on " + PersonDate(t.psfs->date) +
                       Against("four weeks", t.psfs->four_weeks) +
                       Against("eight weeks", t.psfs->eight_weeks) +
                       " (a change of 2 points on the average matters)");
    for (const ActivityTrend& a : t.psfs->activities) {
      out.psfs.push_back(a.activity + ": " + std::to_string(a.now) +
                         Against("four weeks", a.four_weeks) +
                         Against("eight weeks", a.eight_weeks));
    }
  }
  if (t.peg) {
    out.peg.push_back(PegLine(t.peg->now) + " on " + PersonDate(t.peg->date) +
                      Against("four weeks", t.peg->four_weeks) +
                      Against("eight weeks", t.peg->eight_weeks) +
                      " (lower is better; 30% and a point matter)");
  }
  if (!flares.empty()) {
    int sharp = 0;
    for (const Flare& f : flares) sharp += f.sharp && *f.sharp ? 1 : 0;
    out.flares =
        Locale::English().Ntr("{n} flare between check-ins", "{n} flares between check-ins",
                              static_cast<int64_t>(flares.size()));
    if (sharp > 0) out.flares += ", " + std::to_string(sharp) + " sharp or catching";
  }
  out.function_worse = t.function_worse();
  return out;
}

}  // namespace backsignal
