#include "text_reading.h"

#include "backsignal/words/words.h"

namespace backsignal::cli {

namespace {

std::string Num(double v) { return FormatScoreNumber(v); }
std::string Slope(double v) { return FormatSlope(v); }
std::string Short(Date d) { return d.ToString(); }

}  // namespace

std::string ReadingToText(const Reading& r, const Settings& s) {
  std::string out;
  const Trend& t = r.trend;
  out += "backsignal reading as of " + Short(r.as_of) + " (the last " + Num(s.trend_days) +
         " days: " + Short(r.window_start) + " to " + Short(r.as_of) + ")\n";
  if (!r.non_default_settings.empty()) {
    out += "Settings changed from the defaults are in force:";
    for (const std::string& n : r.non_default_settings) out += " " + n;
    out += " (see `backsignal settings`).\n";
  }

  // Alerts first.
  if (!r.alerts.empty()) {
    out += "\nALERTS\n";
    for (const Alert& a : r.alerts) {
      if (a.kind == AlertKind::kModifyOrStop) {
        out += "  ! " + Short(a.date) + ": sharp or catching pain during session " +
               std::to_string(a.session_number) +
               ". That is a signal to modify or stop that movement, not to push through.\n";
      } else if (a.kind == AlertKind::kMorningShift) {
        out += "  ! Since " + Short(a.date) +
               " your mornings on rest days have been running above your usual morning: a\n"
               "    sustained shift, noticed before the two-week verdict. Look at what changed "
               "(load,\n"
               "    sitting, sleep, stress) and keep checking in.\n";
      } else {
        out += "  ! The last " + std::to_string(a.dates.size()) +
               " exercise days were each followed by a significantly worse morning (";
        for (size_t i = 0; i < a.dates.size(); ++i) {
          out += (i ? ", " : "") + Short(a.dates[i]);
        }
        out +=
            "). A repeating pattern like this suggests the load is more than your mid back\n"
            "    is absorbing well right now: consider easing it, and check the day's context.\n";
      }
    }
  }

  // The verdict with its evidence.
  out += "\nVERDICT: ";
  switch (t.verdict) {
    case Verdict::kNotEnoughData:
      out += "not enough data yet\n";
      out += "  One session is never a verdict: the pattern over a week or two is what tells.\n";
      out += "  To judge, backsignal needs";
      if (t.mornings_needed > 0) {
        out += " " + Plural(t.mornings_needed, "more morning", "more mornings") +
               " recorded in the last " + Num(s.trend_days) + " days";
      }
      if (t.mornings_needed > 0 && t.session_days_needed > 0) out += " and";
      if (t.session_days_needed > 0) {
        out += " " + Plural(t.session_days_needed, "more exercise day", "more exercise days") +
               " with the next morning recorded";
      }
      out += ".\n  (" + Plural(t.mornings, "morning", "mornings") + " and " +
             Plural(t.session_days, "exercise day", "exercise days") +
             " so far; needed: " + Num(s.min_mornings) + " and " + Num(s.min_session_days) + ".)\n";
      break;
    case Verdict::kHelpful:
      out += "exercise looks helpful\n";
      out +=
          "  Sessions mostly leave your next morning within its usual range, and the baseline\n"
          "  is not creeping up. Keep going, progress gradually, and keep tracking.\n";
      break;
    case Verdict::kStirringUp:
      out += "exercise may be stirring things up\n";
      out +=
          "  The pattern suggests the load is more than your mid back is absorbing well right\n"
          "  now. Consider easing the load for a while (above all sustained rotation, heavy\n"
          "  breathing under load, long spells with the arms away from the body) and keep "
          "tracking.\n";
      break;
    case Verdict::kMixed:
      out += "mixed: not clearly helpful, not clearly stirring it up\n";
      out +=
          "  Some exercise days were followed by worse mornings, but not most. Keep recording\n"
          "  all three windows and the day's context: the next week or two should tell.\n";
      break;
  }
  if (t.session_days > 0) {
    out += "  - " + std::to_string(t.flared_days) + " of " +
           Plural(t.session_days, "exercise day was", "exercise days were") +
           " followed by a morning significantly worse than usual (" + Num(s.significant_change) +
           "+ points).\n";
  }
  if (t.baseline_slope_per_week) {
    const std::string words = DescribeBaseline(t.baseline);
    out += "  - Mornings: " + words + " (" + Slope(*t.baseline_slope_per_week) +
           " points a week over " + Plural(t.mornings, "morning", "mornings") + ").\n";
  } else {
    out += "  - Mornings: too few to see a trend (" + Plural(t.mornings, "morning", "mornings") +
           " in the window, " + Num(s.min_mornings) + " needed).\n";
  }
  if (t.comfort_slope_per_week) {
    const std::string words = DescribeComfort(t.comfort);
    out += "  - Comfort during and after sessions over " + Num(s.comfort_days) + " days: " + words +
           " (" + Slope(*t.comfort_slope_per_week) + " points a week).\n";
  } else {
    out += "  - Comfort during and after sessions: too few rated sessions to see a trend yet.\n";
  }

  if (!r.next_step.empty()) out += "  Next step: " + r.next_step + "\n";

  // What tends to set it off: associations, never a claim of cause.
  out += "\nWHAT TENDS TO GO WITH A WORSE MORNING (last " + Num(s.association_weeks) +
         " weeks; associations, not causes)\n";
  bool any_enough = false;
  std::string missing;
  for (const Association& a : r.associations) {
    if (a.enough) {
      out += "  - " + a.words + "\n";
      any_enough = true;
    } else {
      missing += "  - " + a.words + "\n";
    }
  }
  if (!any_enough) out += "  Not enough exercise days yet to compare any factor.\n";
  out += missing;

  // The usual morning.
  out += "\nUSUAL MORNING: ";
  if (r.usual.pain) {
    out += "pain " + Num(*r.usual.pain);
    if (r.usual.stiffness) out += ", stiffness " + Num(*r.usual.stiffness);
    out += " (the median of recent mornings, rest mornings first)\n";
  } else {
    out += "not known yet: it needs " + Num(s.baseline_min_mornings) + " mornings in the last " +
           Num(s.baseline_days) + " days, or say what your usual is: backsignal usual --pain 3\n";
  }

  // Each recent session's three windows.
  out += "\nSESSIONS IN THE LAST " + Num(s.trend_days) + " DAYS\n";
  bool any = false;
  for (const SessionReading& sr : r.sessions) {
    if (sr.date < r.window_start) continue;
    any = true;
    const Session& x = *sr.session;
    out += "  " + Short(sr.date);
    if (x.time) out += " " + x.time->ToString();
    if (x.activity) out += " " + *x.activity;
    if (x.minutes) out += ", " + std::to_string(*x.minutes) + " min";
    if (!x.load.empty()) out += " [" + LoadList(x.load) + "]";
    out += "\n";
    out += "    during: " + DescribeDuring(sr.during) + "\n";
    out += "    an hour after: " + DescribeHourAfter(sr.hour_after) + "\n";
    out += "    next morning: " + DescribeMorning(sr) + "\n";
    if (!sr.confounders.empty()) {
      out += "    that day also had: ";
      for (size_t i = 0; i < sr.confounders.size(); ++i) {
        out += (i ? ", " : "") + DescribeConfounder(sr.confounders[i], s);
      }
      out += sr.response == Response::kFlared
                 ? ".\n    These can set the mid back off on their own: the worse morning may be "
                   "from them, not the session.\n"
                 : ".\n";
    }
  }
  if (!any) out += "  none recorded\n";
  return out;
}

}  // namespace backsignal::cli
