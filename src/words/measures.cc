#include "backsignal/words/measures.h"

#include <cmath>
#include <cstdio>
#include <iterator>

#include "backsignal/words/i18n.h"
#include "backsignal/words/words.h"

namespace backsignal {
namespace {

// The PSFS's suggested activities (core/measures.h's kPsfsSuggestions, in the same order), for
// the catalogue: each is translated where the questions are made.
constexpr const char* kSuggestionWords[] = {
    N_("turning to look behind"), N_("reaching overhead"), N_("taking a deep breath"),
    N_("sitting for an hour"),    N_("carrying a bag"),    N_("sleeping on my side"),
};
static_assert(std::size(kSuggestionWords) == std::size(kPsfsSuggestions));

}  // namespace

WeeklyQuestions WeeklyQuestionsWords(const Locale& loc) {
  WeeklyQuestions q;
  q.title = loc.Tr("This week's questions");
  q.peg_intro = loc.Tr("Over the past week:");
  q.peg_pain = loc.Tr("What number best describes your pain on average?");
  q.peg_pain_low = loc.Tr("0 = no pain");
  q.peg_pain_high = loc.Tr("10 = as bad as you can imagine");
  q.peg_enjoyment = loc.Tr("How much has pain interfered with your enjoyment of life?");
  q.peg_activity = loc.Tr("How much has pain interfered with your general activity?");
  q.peg_interference_low = loc.Tr("0 = not at all");
  q.peg_interference_high = loc.Tr("10 = completely");
  q.psfs_intro = loc.Tr(
      "Up to five activities you find hard because of your mid back: how well can you do each "
      "today? Keep the same ones each week.");
  q.psfs_low = loc.Tr("0 = unable");
  q.psfs_high = loc.Tr("10 = as before the problem");
  q.psfs_add = loc.Tr("Add an activity");
  for (std::string_view s : kPsfsSuggestions) q.suggestions.push_back(loc.Tr(s));
  q.due_today = loc.Tr("Due today");
  q.due_since = loc.Tr("Due since");
  return q;
}

std::string WeeklyDueWords(Date since, Date today, const Locale& loc) {
  if (since >= today) return loc.Tr("Due today");
  // TRANSLATORS: the weekly questions are waiting since {date} ("Sun 6 Dec").
  return loc.Tr("Due since {date}", {Arg("date", loc.Day(since))});
}

namespace {

// One decimal at most: a mean of whole numbers reads "4.7" (not "4.666..." nor "4.70"), a whole
// one "5"; with the language's decimal separator ("4,7").
std::string OneDecimal(double v, const Locale& loc) {
  const double r = std::round(v * 10) / 10;
  char buf[32];
  std::snprintf(buf, sizeof buf, r == std::floor(r) ? "%.0f" : "%.1f", r);
  std::string out = buf;
  if (const size_t dot = out.find('.'); dot != std::string::npos) {
    out.replace(dot, 1, loc.TrC("decimal separator", "."));
  }
  return out;
}

std::string Signed(double v, const Locale& loc) {
  const double r = std::round(v * 10) / 10;
  if (r > 0) return "+" + OneDecimal(r, loc);
  if (r < 0) return "\u2212" + OneDecimal(-r, loc);
  return "0";
}

std::string PegLine(const Peg& p, const Locale& loc) {
  return loc.Tr(
      // TRANSLATORS: the PEG's answers: {score} their average (0-10), then each item's number
      // (0-10): {pain} average pain, {enjoyment} how much pain got in the way of enjoying life,
      // {activity} of general activity.
      "PEG {score} (pain {pain}, enjoyment of life {enjoyment}, general activity "
      "{activity})",
      {Arg("score", OneDecimal(p.Score(), loc)), Arg("pain", p.pain), Arg("enjoyment", p.enjoyment),
       Arg("activity", p.activity)});
}

enum class Before { kFourWeeks, kEightWeeks };

// "; four weeks before 5 (Sun 8 Nov): +1.5, about the same".
std::string Against(Before when, const std::optional<Compared>& c, const Locale& loc) {
  if (!c) return "";
  const Args args = {Arg("then", OneDecimal(c->then, loc)), Arg("date", loc.Day(c->then_date)),
                     Arg("change", Signed(c->delta, loc)),
                     Arg("verdict", ChangeWords(c->change, loc))};
  std::string out = "; ";
  if (when == Before::kFourWeeks) {
    // TRANSLATORS: a measure compared with four weeks before: {then} was its value then, on {date}
    // ("Sun 8 Nov"); {change} the change since ("+1.5"), {verdict} "better", "worse" or "about the
    // same".
    out += loc.Tr("four weeks before {then} ({date}): {change}, {verdict}", args);
  } else {
    // TRANSLATORS: as "four weeks before ...", against eight weeks before.
    out += loc.Tr("eight weeks before {then} ({date}): {change}, {verdict}", args);
  }
  return out;
}

std::string Comparisons(const std::optional<Compared>& four, const std::optional<Compared>& eight,
                        const Locale& loc) {
  std::string out = Against(Before::kFourWeeks, four, loc);
  out += Against(Before::kEightWeeks, eight, loc);
  return out;
}

}  // namespace

std::string ChangeWords(Change change, const Locale& loc) {
  switch (change) {
    case Change::kBetter:
      return loc.TrC("measure change", "better");
    case Change::kWorse:
      return loc.TrC("measure change", "worse");
    case Change::kSame:
      break;
  }
  return loc.TrC("measure change", "about the same");
}

std::vector<std::string> WeeklySaidWords(const Weekly& w, const Locale& loc) {
  std::vector<std::string> out;
  // TRANSLATORS: {date} is the week's day the answers are for ("Sun 6 Dec").
  out.push_back(loc.Tr("Weekly questions for {date}", {Arg("date", loc.Day(w.date))}));
  if (w.peg) out.push_back(PegLine(*w.peg, loc));
  if (!w.psfs.empty()) {
    int sum = 0;
    std::string items;
    for (const PsfsRating& r : w.psfs) {
      sum += r.score;
      if (!items.empty()) items += ", ";
      items += r.activity;
      items += " ";
      items += std::to_string(r.score);
    }
    const double average = static_cast<double>(sum) / static_cast<double>(w.psfs.size());
    // TRANSLATORS: {average} is the PSFS's average (0-10); {items} each activity the person named
    // with its number ("reaching overhead 6, carrying a bag 7").
    out.push_back(loc.Tr("Function (PSFS) {average} of 10: {items}",
                         {Arg("average", OneDecimal(average, loc)), Arg("items", items)}));
  }
  return out;
}

std::vector<std::string> FlareSaidWords(const Flare& f, const Locale& loc) {
  const std::string pain = loc.Number(f.pain.value());
  std::string line;
  if (f.time) {
    // TRANSLATORS: a flare of pain at {time} ("14:20"), rated {pain} (0-10).
    line = loc.Tr("Flare at {time}: pain {pain}",
                  {Arg("time", f.time->ToString()), Arg("pain", pain)});
  } else {
    line =
        // TRANSLATORS: a flare of pain on {date} ("Sun 6 Dec"), rated {pain} (0-10).
        loc.Tr("Flare on {date}: pain {pain}", {Arg("date", loc.Day(f.date)), Arg("pain", pain)});
  }
  const bool sharp = f.sharp && *f.sharp;
  // TRANSLATORS: {flare} is "Flare at 14:20: pain 7"; the flare was also sharp or catching.
  if (sharp) line = loc.Tr("{flare}, sharp or catching", {Arg("flare", line)});
  std::vector<std::string> out{line};
  if (f.note) out.push_back(*f.note);
  if (sharp) {
    out.push_back(loc.Tr(
        "Sharp or catching pain is a reason to stop or change what you were doing. If it keeps "
        "coming back, talk to a clinician."));
  }
  return out;
}

MeasuresWords WordsForMeasures(const MeasuresTrend& t, const std::vector<Flare>& flares,
                               const Locale& loc) {
  MeasuresWords out;
  if (t.psfs) {
    out.psfs.push_back(loc.Tr(
        // TRANSLATORS: the PSFS's average {average} (0-10) on {date} ("Sun 6 Dec"); {before} is
        // empty or the comparisons with four and eight weeks before ("; four weeks before ...").
        "Function (PSFS average, 0 = unable, 10 = as before) {average} on {date}{before} (a "
        "change of 2 points on the average matters)",
        {Arg("average", OneDecimal(t.psfs->average, loc)), Arg("date", loc.Day(t.psfs->date)),
         Arg("before", Comparisons(t.psfs->four_weeks, t.psfs->eight_weeks, loc))}));
    for (const ActivityTrend& a : t.psfs->activities) {
      std::string line = a.activity;
      line += ": ";
      line += std::to_string(a.now);
      line += Comparisons(a.four_weeks, a.eight_weeks, loc);
      out.psfs.push_back(std::move(line));
    }
  }
  if (t.peg) {
    out.peg.push_back(
        // TRANSLATORS: {peg} is "PEG 4.7 (pain 5, ...)", {date} its day ("Sun 6 Dec"); {before} is
        // empty or the comparisons with four and eight weeks before ("; four weeks before ...").
        // xgettext:no-c-format
        loc.Tr("{peg} on {date}{before} (lower is better; 30% and a point matter)",
               {Arg("peg", PegLine(t.peg->now, loc)), Arg("date", loc.Day(t.peg->date)),
                Arg("before", Comparisons(t.peg->four_weeks, t.peg->eight_weeks, loc))}));
  }
  if (!flares.empty()) {
    int sharp = 0;
    for (const Flare& f : flares) sharp += f.sharp && *f.sharp ? 1 : 0;
    // TRANSLATORS: {n} flares of pain recorded between the check-ins.
    out.flares = loc.Ntr("{n} flare between check-ins", "{n} flares between check-ins",
                         static_cast<int64_t>(flares.size()));
    if (sharp > 0) {
      // TRANSLATORS: {flares} is "3 flares between check-ins"; {n} of them were sharp or catching.
      out.flares = loc.Ntr("{flares}, {n} sharp or catching", "{flares}, {n} sharp or catching",
                           sharp, {Arg("flares", out.flares)});
    }
  }
  out.function_worse = t.function_worse();
  return out;
}

}  // namespace backsignal
