// The small pieces the words are made of: dates, numbers, single signals, loads and factors.
#include "phrases.h"

#include <cmath>
#include <cstdio>

#include "backsignal/words/words.h"

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

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string PersonDate(Date d, bool with_year) {
  static const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int32_t n = d.days();
  const int weekday = static_cast<int>(((n % 7) + 7) % 7);
  std::string out =
      std::string(kDays[weekday]) + " " + std::to_string(d.day()) + " " + kMonths[d.month() - 1];
  if (with_year) out += " " + std::to_string(d.year());
  return out;
}

std::string DescribeDuring(DuringSignal s) {
  switch (s) {
    case DuringSignal::kSharp:
      return "sharp or catching pain: modify or stop";
    case DuringSignal::kBuilding:
      return "building as it went on";
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
      return "still rising or tighter an hour later";
    case HourAfterSignal::kSettling:
      return "settling";
    case HourAfterSignal::kUnknown:
      return "not recorded";
  }
  return "";
}

std::string ShortDuring(DuringSignal s) {
  switch (s) {
    case DuringSignal::kSharp:
      return "sharp or catching";
    case DuringSignal::kBuilding:
      return "building";
    case DuringSignal::kStable:
      return "stable";
    case DuringSignal::kUnknown:
      return "not recorded";
  }
  return "";
}

std::string ShortHourAfter(HourAfterSignal s) {
  switch (s) {
    case HourAfterSignal::kRising:
      return "rising";
    case HourAfterSignal::kSettling:
      return "settling";
    case HourAfterSignal::kUnknown:
      return "not recorded";
  }
  return "";
}

std::string HourAfterMeaning(HourAfterSignal s) {
  switch (s) {
    case HourAfterSignal::kSettling:
      return "Settling back: your mid back seems to have managed the load reasonably well.";
    case HourAfterSignal::kRising:
      return "Still rising or tighter: the load may have been more than your mid back could "
             "absorb today. Tomorrow morning will tell more; one session is not a verdict.";
    case HourAfterSignal::kUnknown:
      return "Add how it felt during the session (early and at the end) to compare with.";
  }
  return "";
}

std::string DescribeMorningAfter(MorningSignal s) {
  switch (s) {
    case MorningSignal::kWorse:
      return "significantly worse than your usual morning. One morning is not a verdict: other "
             "things (sitting, long spells in one position, upper-body tension) can cause it too.";
    case MorningSignal::kHigher:
      return "noticeably higher than your usual morning. One morning is not a verdict; the "
             "pattern over a week or two is what tells.";
    case MorningSignal::kBetter:
      return "better than your usual morning.";
    case MorningSignal::kUsual:
      return "within your usual range.";
    case MorningSignal::kUnknown:
      return "no usual morning to compare with yet: it comes from mornings after days without "
             "exercise.";
  }
  return "";
}

std::string LoadWords(Load load) {
  switch (load) {
    case Load::kRotation:
      return "sustained rotation";
    case Load::kBreathingUnderLoad:
      return "heavy breathing under load";
    case Load::kArmsAway:
      return "the arms working away from the body";
  }
  return "";
}

std::string LoadList(LoadSet load) {
  std::string out;
  for (Load l : kAllLoads) {
    if (!load.Has(l)) continue;
    if (!out.empty()) out += ", ";
    out += LoadWords(l);
  }
  return out;
}

std::string LoadShortList(LoadSet load) {
  std::string out;
  for (Load l : kAllLoads) {
    if (!load.Has(l)) continue;
    if (!out.empty()) out += ", ";
    switch (l) {
      case Load::kRotation:
        out += "rotation";
        break;
      case Load::kBreathingUnderLoad:
        out += "heavy breathing";
        break;
      case Load::kArmsAway:
        out += "arms away";
        break;
    }
  }
  return out;
}

namespace words_detail {

std::string Num(double v) { return FormatScoreNumber(std::round(v * 100) / 100); }

std::string Points(double v) {
  const std::string n = Num(std::fabs(v));
  return n + (n == "1" ? " point" : " points");
}

std::string OfTimes(int k, int n) { return std::to_string(k) + " of " + std::to_string(n); }

std::string JoinAnd(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += (i + 1 == parts.size()) ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

std::string Capital(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

std::string FromUsual(double v) {
  const std::string n = Num(std::fabs(v));
  if (n == "0") return "at your usual";
  return n + (n == "1" ? " point " : " points ") + (v > 0 ? "above" : "below") + " your usual";
}

std::string ChangeWords(double from, double to, double noticeable) {
  if (to - from >= noticeable) return "going up";
  if (from - to >= noticeable) return "coming down";
  return "about the same";
}

std::string ConfounderWords(Confounder c, const Day* day, const Day* next) {
  const Context* ctx = day ? &day->context : nullptr;
  switch (c) {
    case Confounder::kSitting:
      if (ctx && ctx->sitting_hours) {
        return Num(*ctx->sitting_hours) +
               (*ctx->sitting_hours == 1 ? " hour of sitting" : " hours of sitting");
      }
      return "long hours of sitting";
    case Confounder::kProlongedPosition:
      return "long spells in one position";
    case Confounder::kUpperBodyTension:
      if (ctx && ctx->upper_body_tension) {
        return "upper-body tension at " + Num(ctx->upper_body_tension->value()) + " out of 10";
      }
      return "high upper-body tension";
    case Confounder::kShortSleep:
      if (next && next->context.sleep_hours) {
        return "a short night after it (" + Num(*next->context.sleep_hours) + " hours' sleep)";
      }
      return "a short night after it";
    case Confounder::kStress:
      if (ctx && ctx->stress) return "stress at " + Num(ctx->stress->value()) + " out of 10";
      return "a stressful day";
  }
  return "";
}

std::string ConfounderKindWords(Confounder c) {
  switch (c) {
    case Confounder::kSitting:
      return "long hours of sitting";
    case Confounder::kProlongedPosition:
      return "long spells in one position";
    case Confounder::kUpperBodyTension:
      return "high upper-body tension";
    case Confounder::kShortSleep:
      return "short nights";
    case Confounder::kStress:
      return "high stress";
  }
  return "";
}

AfterWords FactorAfterWords(const std::string& factor, bool exercise_days_only, const Reading& r,
                            const Settings& s) {
  if (factor == "short_sleep") return {"After short nights", "after longer nights", "the morning"};
  if (factor == "poor_sleep") {
    return {"After nights you slept poorly", "after better nights", "the morning"};
  }
  const std::string kind = exercise_days_only ? "exercise days" : "days";
  return {"After " + kind + " with " + FactorWords(factor, r, s), "after " + kind + " without it",
          "the next morning"};
}

std::string FactorWords(const std::string& factor, const Reading& r, const Settings& s) {
  (void)s;
  for (Load l : kAllLoads) {
    if (factor == LoadName(l)) return LoadWords(l);
  }
  for (Confounder c : kAllConfounders) {
    if (factor == Name(c)) return ConfounderKindWords(c);
  }
  if (factor == "long_session") {
    // Minutes are whole: "more than your usual 43 minutes" for a middle of 42.5.
    const long minutes = r.median_session_minutes ? std::lround(*r.median_session_minutes) : 0;
    return "more exercise than your usual " + std::to_string(minutes) + " minutes in a day";
  }
  if (factor == "two_sessions") return "two sessions in a day";
  if (factor == "poor_sleep") return "poorly slept nights";
  if (factor == "painkillers") return "painkillers";
  if (factor.starts_with("activity:")) return factor.substr(9);
  if (factor.starts_with("tag:")) return "\"" + factor.substr(4) + "\"";
  return factor;
}

}  // namespace words_detail
}  // namespace backsignal
