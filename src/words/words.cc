#include "backsignal/words/words.h"

#include <cmath>
#include <cstdio>

namespace backsignal {

std::string FormatScoreNumber(double v) {
  char buf[32];
  if (v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else if (v * 2 == std::floor(v * 2)) {
    std::snprintf(buf, sizeof buf, "%.1f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
  }
  return buf;
}

std::string FormatSlope(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", std::round(v * 10) / 10 == 0 ? 0.0 : v);
  return buf;
}

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string DescribeDuring(DuringSignal s) {
  switch (s) {
    case DuringSignal::kSharp:
      return "sharp or catching pain: modify or stop";
    case DuringSignal::kBuilding:
      return "building as the session went on";
    case DuringSignal::kStable:
      return "stable";
    case DuringSignal::kUnknown:
      return "not recorded";
  }
  return "";
}

std::string DescribeHourAfter(HourAfterSignal s) {
  switch (s) {
    case HourAfterSignal::kRising:
      return "still rising or tighter";
    case HourAfterSignal::kSettling:
      return "settling";
    case HourAfterSignal::kUnknown:
      return "not recorded";
  }
  return "";
}

std::string DescribeMorning(const SessionReading& sr) {
  std::string evidence;
  if (sr.morning_pain) {
    evidence = " (pain " + FormatScoreNumber(sr.morning_pain->value());
    if (sr.usual.pain) evidence += ", usual " + FormatScoreNumber(*sr.usual.pain);
    if (sr.morning_stiffness) {
      evidence += "; stiffness " + FormatScoreNumber(sr.morning_stiffness->value());
      if (sr.usual.stiffness) evidence += ", usual " + FormatScoreNumber(*sr.usual.stiffness);
    }
    evidence += ")";
  }
  switch (sr.morning) {
    case MorningSignal::kWorse:
      return "significantly worse than usual" + evidence;
    case MorningSignal::kBetter:
      return "better than usual" + evidence;
    case MorningSignal::kUsual:
      return "within the usual range" + evidence;
    case MorningSignal::kUnknown:
      return sr.morning_pain ? "no usual morning to compare with yet" + evidence
                             : "not recorded yet";
  }
  return "";
}

std::string DescribeConfounder(Confounder c, const Settings& s) {
  switch (c) {
    case Confounder::kSitting:
      return "sitting " + FormatScoreNumber(s.sitting_hours) + "+ hours";
    case Confounder::kProlongedPosition:
      return "long spells in one position";
    case Confounder::kUpperBodyTension:
      return "upper-body tension " + FormatScoreNumber(s.upper_body_tension) + "+/10";
  }
  return "";
}

std::string VerdictTitle(Verdict v) {
  switch (v) {
    case Verdict::kNotEnoughData:
      return "not enough data yet";
    case Verdict::kHelpful:
      return "exercise looks helpful";
    case Verdict::kStirringUp:
      return "exercise may be stirring things up";
    case Verdict::kMixed:
      return "mixed: not clearly helpful, not clearly stirring it up";
  }
  return "";
}

std::string VerdictExplanation(Verdict v) {
  switch (v) {
    case Verdict::kNotEnoughData:
      return "One session is never a verdict: the pattern over a week or two is what tells.";
    case Verdict::kHelpful:
      return "Sessions mostly leave the next morning within its usual range, and the baseline "
             "is not creeping up.";
    case Verdict::kStirringUp:
      return "The pattern suggests the load is more than the mid back is absorbing well right "
             "now.";
    case Verdict::kMixed:
      return "Some exercise days were followed by worse mornings, but not most; the next week "
             "or two should tell.";
  }
  return "";
}

std::string DescribeBaseline(Baseline b) {
  return b == Baseline::kCreeping    ? "creeping upward"
         : b == Baseline::kImproving ? "improving"
                                     : "stable";
}

std::string DescribeComfort(Comfort c) {
  return c == Comfort::kLessComfortable   ? "getting less comfortable"
         : c == Comfort::kMoreComfortable ? "getting more comfortable"
                                          : "steady";
}

std::string DescribeAlert(const Alert& a) {
  switch (a.kind) {
    case AlertKind::kModifyOrStop:
      return a.date.ToString() + ": sharp or catching pain during session " +
             std::to_string(a.session_number) +
             ". That is a signal to modify or stop that movement, not to push through.";
    case AlertKind::kMorningShift:
      return "Since " + a.date.ToString() +
             ", mornings on rest days have been running above the usual morning: a sustained "
             "shift, noticed before the two-week verdict.";
    case AlertKind::kRepeatedWorseMornings: {
      std::string out = "The last " + std::to_string(a.dates.size()) +
                        " exercise days were each followed by a significantly worse morning (";
      for (size_t i = 0; i < a.dates.size(); ++i) out += (i ? ", " : "") + a.dates[i].ToString();
      return out + ").";
    }
  }
  return "";
}

std::string LoadList(LoadSet load) {
  std::string out;
  for (Load l : kAllLoads) {
    if (!load.Has(l)) continue;
    if (!out.empty()) out += ", ";
    out += LoadName(l);
  }
  return out;
}

}  // namespace backsignal
