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

std::string PersonDate(Date d, bool with_year) { return words_detail::L().Day(d, with_year); }

std::string DescribeDuring(DuringSignal s, const Locale* loc) {
  const words_detail::MaybeScope scope(loc);
  switch (s) {
    case DuringSignal::kSharp:
      return words_detail::L().Tr("sharp or catching pain: modify or stop");
    case DuringSignal::kBuilding:
      return words_detail::L().Tr("building as it went on");
    case DuringSignal::kStable:
      return words_detail::L().Tr("stable");
    case DuringSignal::kUnknown:
      return words_detail::L().Tr("not recorded");
  }
  return "";
}

std::string DescribeHourAfter(HourAfterSignal s, const Locale* loc) {
  const words_detail::MaybeScope scope(loc);
  switch (s) {
    case HourAfterSignal::kRising:
      return words_detail::L().Tr("still rising or tighter an hour later");
    case HourAfterSignal::kSettling:
      return words_detail::L().Tr("settling");
    case HourAfterSignal::kUnknown:
      return words_detail::L().Tr("not recorded");
  }
  return "";
}

std::string ShortDuring(DuringSignal s, const Locale* loc) {
  const words_detail::MaybeScope scope(loc);
  switch (s) {
    case DuringSignal::kSharp:
      return words_detail::L().TrC("in a table", "sharp or catching");
    case DuringSignal::kBuilding:
      return words_detail::L().TrC("in a table", "building");
    case DuringSignal::kStable:
      return words_detail::L().TrC("in a table", "stable");
    case DuringSignal::kUnknown:
      return words_detail::L().TrC("in a table", "not recorded");
  }
  return "";
}

std::string ShortHourAfter(HourAfterSignal s, const Locale* loc) {
  const words_detail::MaybeScope scope(loc);
  switch (s) {
    case HourAfterSignal::kRising:
      return words_detail::L().TrC("in a table", "rising");
    case HourAfterSignal::kSettling:
      return words_detail::L().TrC("in a table", "settling");
    case HourAfterSignal::kUnknown:
      return words_detail::L().TrC("in a table", "not recorded");
  }
  return "";
}

std::string HourAfterMeaning(HourAfterSignal s, const Locale* loc) {
  const words_detail::MaybeScope scope(loc);
  switch (s) {
    case HourAfterSignal::kSettling:
      return words_detail::L().Tr(
          "Settling back: your mid back seems to have managed the load reasonably well.");
    case HourAfterSignal::kRising:
      return words_detail::L().Tr(
          "Still rising or tighter: the load may have been more than your mid back could "
          "absorb today. Tomorrow morning will tell more; one session is not a verdict.");
    case HourAfterSignal::kUnknown:
      return words_detail::L().Tr(
          "Add how it felt during the session (early and at the end) to compare with.");
  }
  return "";
}

std::string DescribeMorningAfter(MorningSignal s, const Locale* loc) {
  const words_detail::MaybeScope scope(loc);
  switch (s) {
    case MorningSignal::kWorse:
      return words_detail::L().Tr(
          "significantly worse than your usual morning. One morning is not a verdict: other "
          "things (sitting, long spells in one position, upper-body tension) can cause it too.");
    case MorningSignal::kHigher:
      return words_detail::L().Tr(
          "noticeably higher than your usual morning. One morning is not a verdict; the "
          "pattern over a week or two is what tells.");
    case MorningSignal::kBetter:
      return words_detail::L().Tr("better than your usual morning.");
    case MorningSignal::kUsual:
      return words_detail::L().Tr("within your usual range.");
    case MorningSignal::kUnknown:
      return words_detail::L().Tr(
          "no usual morning to compare with yet: it comes from mornings after days without "
          "exercise.");
  }
  return "";
}

std::string LoadWords(Load load, const Locale* loc) {
  const words_detail::MaybeScope scope(loc);
  switch (load) {
    case Load::kRotation:
      return words_detail::L().Tr("sustained rotation");
    case Load::kBreathingUnderLoad:
      return words_detail::L().Tr("heavy breathing under load");
    case Load::kArmsAway:
      return words_detail::L().Tr("the arms working away from the body");
  }
  return "";
}

std::string LoadList(LoadSet load, const Locale* loc) {
  const words_detail::MaybeScope scope(loc);
  std::string out;
  for (Load l : kAllLoads) {
    if (!load.Has(l)) continue;
    if (!out.empty()) out += ", ";
    out += LoadWords(l);
  }
  return out;
}

std::string ShortHourAfter(HourAfterSignal s, const Locale& loc) { return ShortHourAfter(s, &loc); }
std::string LoadShortList(LoadSet load, const Locale& loc) { return LoadShortList(load, &loc); }

std::string LoadShortList(LoadSet load, const Locale* loc) {
  const words_detail::MaybeScope scope(loc);
  std::string out;
  for (Load l : kAllLoads) {
    if (!load.Has(l)) continue;
    if (!out.empty()) out += ", ";
    switch (l) {
      case Load::kRotation:
        out += words_detail::L().TrC("load, short", "rotation");
        break;
      case Load::kBreathingUnderLoad:
        out += words_detail::L().TrC("load, short", "heavy breathing");
        break;
      case Load::kArmsAway:
        out += words_detail::L().TrC("load, short", "arms away");
        break;
    }
  }
  return out;
}

namespace words_detail {

namespace {
thread_local const Locale* current_locale = nullptr;
}  // namespace

const Locale& L() { return current_locale != nullptr ? *current_locale : Locale::English(); }
LocaleScope::LocaleScope(const Locale& loc) : previous_(current_locale) { current_locale = &loc; }
LocaleScope::~LocaleScope() { current_locale = previous_; }

std::string Num(double v) { return L().Number(std::round(v * 100) / 100); }

std::string Points(double v) {
  const double a = std::round(std::fabs(v) * 100) / 100;
  // TRANSLATORS: {points} is a number of points on the 0-10 scale ("1.5"). The form is chosen
  // by the number's whole part: 1.5 takes the form of 1 where the language says "1,5 Punkte"
  // the same as "2 Punkte", so the forms are chosen for whole numbers and fractions apart.
  if (a != std::floor(a)) {
    return L().TrC("points", "{points} points", {Arg("points", Num(a))});
  }
  return L().NtrC("points", "{n} point", "{n} points", static_cast<int64_t>(a));
}

std::string OfTimes(int k, int n) {
  // TRANSLATORS: {k} of {n}: "3 of 7".
  return L().Tr("{k} of {total}", {Arg("k", k), Arg("total", n)});
}

std::string JoinAnd(const std::vector<std::string>& parts) { return L().List(parts); }

std::string Capital(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

std::string FromUsual(double v) {
  const double a = std::round(std::fabs(v) * 100) / 100;
  if (a == 0) return L().Tr("at your usual");
  // TRANSLATORS: {points} is "1 point", "1.5 points".
  return v > 0 ? L().Tr("{points} above your usual", {Arg("points", Points(a))})
               : L().Tr("{points} below your usual", {Arg("points", Points(a))});
}

std::string ChangeWords(double from, double to, double noticeable) {
  if (to - from >= noticeable) return L().Tr("going up");
  if (from - to >= noticeable) return L().Tr("coming down");
  return L().Tr("about the same");
}

std::string ConfounderWords(Confounder c, const Day* day, const Day* next) {
  const Context* ctx = day ? &day->context : nullptr;
  switch (c) {
    case Confounder::kSitting:
      if (ctx && ctx->sitting_hours) {
        // TRANSLATORS: {hours} is a number of hours, maybe with a fraction ("7.5").
        const double h = *ctx->sitting_hours;
        if (h != std::floor(h)) return L().Tr("{hours} hours of sitting", {Arg("hours", Num(h))});
        return L().Ntr("{n} hour of sitting", "{n} hours of sitting", static_cast<int64_t>(h));
      }
      return L().Tr("long hours of sitting");
    case Confounder::kProlongedPosition:
      return L().Tr("long spells in one position");
    case Confounder::kUpperBodyTension:
      if (ctx && ctx->upper_body_tension) {
        // TRANSLATORS: {score} is a score out of 10.
        return L().Tr("upper-body tension at {score} out of 10",
                      {Arg("score", Num(ctx->upper_body_tension->value()))});
      }
      return L().Tr("high upper-body tension");
    case Confounder::kShortSleep:
      if (next && next->context.sleep_hours) {
        // TRANSLATORS: {hours} is a number of hours, maybe with a fraction ("5.5").
        return L().Tr("a short night after it ({hours} hours' sleep)",
                      {Arg("hours", Num(*next->context.sleep_hours))});
      }
      return L().Tr("a short night after it");
    case Confounder::kStress:
      if (ctx && ctx->stress) {
        // TRANSLATORS: {score} is a score out of 10.
        return L().Tr("stress at {score} out of 10", {Arg("score", Num(ctx->stress->value()))});
      }
      return L().Tr("a stressful day");
  }
  return "";
}

std::string ConfounderKindWords(Confounder c) {
  switch (c) {
    // TRANSLATORS: a kind of day, as it follows "After days with" and "above all" (German:
    // the dative).
    case Confounder::kSitting:
      return L().TrC("kind of day", "long hours of sitting");
    case Confounder::kProlongedPosition:
      return L().TrC("kind of day", "long spells in one position");
    case Confounder::kUpperBodyTension:
      return L().TrC("kind of day", "high upper-body tension");
    case Confounder::kShortSleep:
      return L().TrC("kind of day", "short nights");
    case Confounder::kStress:
      return L().TrC("kind of day", "high stress");
  }
  return "";
}

AfterWords FactorAfterWords(const std::string& factor, bool exercise_days_only, const Reading& r,
                            const Settings& s) {
  const Locale& l = L();
  if (factor == "short_sleep") {
    return {l.Tr("After short nights"), l.Tr("after longer nights"), l.Tr("the morning")};
  }
  if (factor == "poor_sleep") {
    return {l.Tr("After nights you slept poorly"), l.Tr("after better nights"),
            l.Tr("the morning")};
  }
  // TRANSLATORS: {factor} is a factor of the day ("long hours of sitting").
  const Arg f("factor", FactorWords(factor, r, s));
  if (exercise_days_only) {
    return {l.Tr("After exercise days with {factor}", {f}), l.Tr("after exercise days without it"),
            l.Tr("the next morning")};
  }
  return {l.Tr("After days with {factor}", {f}), l.Tr("after days without it"),
          l.Tr("the next morning")};
}

std::string FactorWords(const std::string& factor, const Reading& r, const Settings& s) {
  (void)s;
  for (Load l : kAllLoads) {
    if (factor != LoadName(l)) continue;
    switch (l) {
      case Load::kRotation:
        return L().TrC("kind of day", "sustained rotation");
      case Load::kBreathingUnderLoad:
        return L().TrC("kind of day", "heavy breathing under load");
      case Load::kArmsAway:
        return L().TrC("kind of day", "the arms working away from the body");
    }
  }
  for (Confounder c : kAllConfounders) {
    if (factor == Name(c)) return ConfounderKindWords(c);
  }
  if (factor == "long_session") {
    // Minutes are whole: "more than your usual 43 minutes" for a middle of 42.5.
    const long minutes = r.median_session_minutes ? std::lround(*r.median_session_minutes) : 0;
    // TRANSLATORS: {minutes} is a whole number of minutes.
    return L().TrC("kind of day", "more exercise than your usual {minutes} minutes in a day",
                   {Arg("minutes", minutes)});
  }
  if (factor == "two_sessions") return L().TrC("kind of day", "two sessions in a day");
  if (factor == "hard_session") {
    return L().TrC("kind of day", "harder sessions (effort 7 or more)");
  }
  if (factor == "poor_sleep") return L().TrC("kind of day", "poorly slept nights");
  if (factor == "painkillers") return L().TrC("kind of day", "painkillers");
  if (factor.starts_with("activity:")) return factor.substr(9);
  // TRANSLATORS: {tag} is the person's own factor as they typed it, quoted.
  if (factor.starts_with("tag:")) return L().Tr("\"{tag}\"", {Arg("tag", factor.substr(4))});
  return factor;
}

}  // namespace words_detail
}  // namespace backsignal
