#include "backsignal/reading/settings.h"

#include <cmath>

#include "backsignal/core/diary.h"

namespace backsignal {
namespace {

// Marks a meaning for the catalogues (po/, docs/languages.md), as words/i18n.h's N_ does (reading
// may not include words): the route that serves the settings translates it for its reader. The
// sources are citations and stay as written.
constexpr const char* N_(const char* text) { return text; }

constexpr std::string_view kFarrar =
    "Farrar et al., Pain 2001;94:149 (about 2 points or 30%); Salaffi et al., Eur J Pain 2004";

const SettingInfo kSettings[] = {
    {"significant_change", &Settings::significant_change, 1.5, 3, 0.5,
     N_("points above the usual morning (pain or stiffness) that make a morning significantly "
        "worse (a flare)"),
     kFarrar},
    {"noticeably_higher", &Settings::noticeably_higher, 0.5, 2, 0.5,
     N_("points above the usual morning that make a morning noticeably higher"),
     "Salaffi et al., Eur J Pain 2004 (1 point is about the minimal change); the article's "
     "'noticeably higher than usual'"},
    {"marginal_better", &Settings::marginal_better, 0.5, 2, 0.5,
     N_("points below the usual morning pain that make a morning marginally better"),
     "Salaffi et al., Eur J Pain 2004; the article's 'marginally better'"},
    {"low_pain_floor", &Settings::low_pain_floor, 0, 4, 0.5,
     N_("morning pain or stiffness (0-10) at or below which a morning is low whatever the usual: "
        "never noticeably higher or significantly worse"),
     "reading.md v3: a 1 to 2 change sits within day-to-day variation at the bottom of the "
     "scale, and telling a person with 1/10 mornings to ease off teaches avoidance"},
    {"baseline_days", &Settings::baseline_days, 7, 28, 1,
     N_("days before a morning whose rest mornings make its usual morning"),
     "the article's 'normal baseline' is the back not freshly loaded; Jensen & McFarland, "
     "Pain 1993"},
    {"baseline_fallback_days", &Settings::baseline_fallback_days, 14, 56, 1,
     N_("days looked back instead when the first look-back has too few rest mornings"),
     "reading.md v2: a gap or a run of training days still leaves a usual from rest mornings"},
    {"baseline_min_mornings", &Settings::baseline_min_mornings, 2, 7, 1,
     N_("rest mornings needed for a usual morning, and for a fortnight's level"),
     "Jensen & McFarland, Pain 1993 (several ratings for a stable baseline)"},
    {"trend_days", &Settings::trend_days, 7, 28, 1,
     N_("length of the trend window W (and of the fortnight before it)"),
     "the article: 'the pattern across a week or two'"},
    {"baseline_change", &Settings::baseline_change, 0.5, 3, 0.5,
     N_("points the fortnight's level moved from the fortnight before that count as creeping or "
        "improving"),
     "the article's baseline 'slowly creeping upward'; 1 point in two weeks is half a point a "
     "week"},
    {"comfort_days", &Settings::comfort_days, 14, 56, 1,
     N_("days of sessions the comfort trend is taken over, and the sessions listed"),
     "the article: 'more comfortable over weeks'"},
    {"slope_per_week", &Settings::slope_per_week, 0.25, 1.5, 0.25,
     N_("points a week by which sessions must grow less or more comfortable to count"),
     "robust to single outlying sessions: the article's 'do not over-interpret one session'"},
    {"building_rise", &Settings::building_rise, 1, 4, 0.5,
     N_("rise from the start to the end of a session that makes its discomfort building"),
     "the same 2-point significant change"},
    {"rising_rise", &Settings::rising_rise, 0.5, 3, 0.5,
     N_("points above the end of the session that make the hour after still rising"),
     "reading.md v2: a half-point wobble is not 'continuing to rise'"},
    {"sitting_hours", &Settings::sitting_hours, 2, 12, 0.5,
     N_("hours of sitting that count as another thing that loaded the back"), "project default"},
    {"upper_body_tension", &Settings::upper_body_tension, 3, 9, 0.5,
     N_("upper-body tension (0-10) that counts as another thing that loaded the back"),
     "project default"},
    {"short_sleep_hours", &Settings::short_sleep_hours, 4, 8, 0.5,
     N_("hours of sleep below which the night before a morning after counts as another thing "
        "that can set the back off"),
     "project default: 6 hours, below the 7 or more adults are advised to sleep (AASM/SRS "
     "consensus, 2015)"},
    {"stress", &Settings::stress, 3, 9, 0.5,
     N_("stress (0-10) that counts as another thing that loaded the back"), "project default"},
    {"unusual_share", &Settings::unusual_share, 0.2, 0.8, 0.05,
     N_("share of the recorded days in the last four weeks below which another thing that loaded "
        "the back is unusual for the person, and offered as a possible cause of a higher morning"),
     "reading.md v3: sitting on every working day is the person's normal and cannot explain why "
     "one activity's mornings flare"},
    {"poor_sleep_quality", &Settings::poor_sleep_quality, 2, 6, 0.5,
     N_("sleep quality (0 = very poor, 10 = very good) at or below which a night was a poor one"),
     "project default"},
    {"min_session_days", &Settings::min_session_days, 3, 10, 1,
     N_("exercise days with a known morning after needed for a verdict"),
     "the article: never judge from one session"},
    {"min_mornings", &Settings::min_mornings, 5, 14, 1,
     N_("mornings in the trend window needed for a verdict"), "the article: 'across a week'"},
    {"min_recorded_days", &Settings::min_recorded_days, 5, 14, 1,
     N_("days in the trend window with anything recorded needed for a verdict"),
     "reading.md v3: a diary kept mostly on bad (or good) days cannot say what is usual"},
    {"min_comfort_sessions", &Settings::min_comfort_sessions, 3, 10, 1,
     N_("rated sessions needed for the comfort trend"), "project default"},
    {"stirring_share", &Settings::stirring_share, 0.3, 0.8, 0.05,
     N_("share of exercise days followed by a noticeably higher morning above which exercise may "
        "be stirring things up"),
     "the article: 'most sessions leave the morning baseline noticeably higher'"},
    {"helpful_share", &Settings::helpful_share, 0.1, 0.5, 0.05,
     N_("share of exercise days followed by a significantly worse morning at or below which "
        "exercise can be within a helpful range"),
     "project default: at most one exercise day in four"},
    {"exercise_effect", &Settings::exercise_effect, 0.5, 3, 0.5,
     N_("points by which mornings after exercise must stand above mornings after rest for "
        "exercise to be blamed"),
     "reading.md v2: a baseline rising for other reasons must not count against exercise"},
    {"effect_min_mornings", &Settings::effect_min_mornings, 2, 7, 1,
     N_("mornings after exercise, and after rest, needed to compare them"),
     "reading.md v2 (at least 3 of each)"},
    {"strain_share", &Settings::strain_share, 0.3, 0.8, 0.05,
     N_("share of sessions building up, sharp, or still rising an hour later and not settled by "
        "the "
        "next morning, above which exercise is not called helpful"),
     "the article: discomfort that escalates; symptoms that keep rising after the session; 'some "
     "increase in the hour after is common' (reading.md v3)"},
    {"activity_days", &Settings::activity_days, 14, 56, 1,
     N_("days each activity is read over on its own"),
     "reading.md v3: four weeks, so that a pattern can repeat"},
    {"activity_raised_days", &Settings::activity_raised_days, 2, 6, 1,
     N_("noticeably higher mornings after one activity that, with more than its share of its "
        "days and one in the trend window, say that activity is setting the back off"),
     "the article: 'particularly if that pattern repeats across multiple sessions'"},
    {"activity_share", &Settings::activity_share, 0.3, 0.8, 0.05,
     N_("share of an activity's days followed by a noticeably higher morning above which it is "
        "setting the back off"),
     "reading.md v3: per activity, so a helpful one cannot hide a harmful one"},
    {"masked_mornings", &Settings::masked_mornings, 1, 5, 1,
     N_("mornings after exercise under painkillers (taken the day or evening before) needed before "
        "they can mask how the sessions land"),
     "reading.md v3: a covered morning cannot show the load was absorbed"},
    {"masked_share", &Settings::masked_share, 0.3, 0.8, 0.05,
     N_("share of mornings after exercise under painkillers above which, with rest mornings under "
        "them less often than this, those mornings are masked"),
     "reading.md v3: bedtime ibuprofen after most sessions hid the nights without it"},
    {"keeps_rising", &Settings::keeps_rising, 1, 4, 0.5,
     N_("points the usual morning rose in four or in eight weeks that are a reason to talk to a "
        "clinician"),
     "the same 2-point significant change; pain that keeps rising needs a clinician"},
    {"repeated_worse", &Settings::repeated_worse, 2, 5, 1,
     N_("exercise days in a row followed by a significantly worse morning that raise an alert"),
     "the article: 'particularly if that pattern repeats across multiple sessions'"},
    {"association_weeks", &Settings::association_weeks, 4, 12, 1,
     N_("weeks of days that 'what tends to go with a worse morning' compares"),
     "project default: eight weeks"},
    {"association_min_days", &Settings::association_min_days, 2, 6, 1,
     N_("days needed both with and without a factor before comparing them"),
     "project default: at least 3 with and 3 without"},
    {"association_min_difference", &Settings::association_min_difference, 0.1, 0.6, 0.05,
     N_("how much more often (a share) days with a factor must be followed by a higher morning for "
        "a next step to name it"),
     "reading.md v2 (30 percentage points)"},
    {"association_alpha", &Settings::association_alpha, 0.01, 0.1, 0.01,
     N_("chance level, shared among the factors compared, below which a difference can be named"),
     "Fisher's exact test with Bonferroni's correction: 0.05 over the factors compared"},
    {"shift_reference", &Settings::shift_reference, 0.25, 1, 0.25,
     N_("early warning: points above the usual morning a rest morning must exceed to count"),
     "Page, Biometrika 1954; tuned on simulated diaries (docs/early-warning.md)"},
    {"shift_threshold", &Settings::shift_threshold, 2, 5, 0.5,
     N_("early warning: accumulated points that raise the morning shift alert"),
     "tuned on simulated diaries for at most 5% false alarms in 8 weeks (docs/early-warning.md)"},
};

bool IsMultiple(double value, double step) {
  const double q = value / step;
  return std::fabs(q - std::round(q)) < 1e-9;
}

}  // namespace

std::span<const SettingInfo> AllSettings() { return kSettings; }

Result<void> SetSetting(Settings& settings, std::string_view name, double value) {
  for (const SettingInfo& info : kSettings) {
    if (info.name != name) continue;
    if (!std::isfinite(value) || value < info.min || value > info.max) {
      // TRANSLATORS: {value} is the number given; {min} and {max} the setting's bounds.
      return Fail(Error::Invalid(
          Problem(std::string(name), T_("{value} is outside its bounds ({min} to {max})",
                                        {{"value", FormatNumber(value)},
                                         {"min", FormatNumber(info.min)},
                                         {"max", FormatNumber(info.max)}}))));
    }
    if (!IsMultiple(value, info.step)) {
      return Fail(Error::Invalid(
          Problem(std::string(name),
                  T_("{value} is not in steps of {step}",
                     {{"value", FormatNumber(value)}, {"step", FormatNumber(info.step)}}))));
    }
    settings.*info.field = value;
    return {};
  }
  std::string known;
  for (const SettingInfo& info : kSettings) {
    known += known.empty() ? "" : ", ";
    known += info.name;
  }
  // TRANSLATORS: {name} is the name given; {known} the settings' names (codes).
  return Fail(Error::Invalid(T_("unknown setting '{name}'; known: {known}",
                                {{"name", std::string(name)}, {"known", known}})));
}

Result<void> CheckSettings(const Settings& s) {
  auto below = [](const char* a, double va, const char* b, double vb, bool strict) -> Result<void> {
    if (strict ? va < vb : va <= vb) return {};
    const TextArg args[] = {{"a", a}, {"va", FormatNumber(va)}, {"b", b}, {"vb", FormatNumber(vb)}};
    // TRANSLATORS: {a} and {b} are settings' names (codes), {va} and {vb} their values.
    return Fail(Error::Invalid(
        strict
            ? T_("{a} ({va}) must be below {b} ({vb})", {args[0], args[1], args[2], args[3]})
            // TRANSLATORS: as above, "at most".
            : T_("{a} ({va}) must be at most {b} ({vb})", {args[0], args[1], args[2], args[3]})));
  };
  for (const Result<void>& r :
       {below("helpful_share", s.helpful_share, "stirring_share", s.stirring_share, true),
        below("baseline_days", s.baseline_days, "baseline_fallback_days", s.baseline_fallback_days,
              false),
        below("noticeably_higher", s.noticeably_higher, "significant_change", s.significant_change,
              false),
        below("min_recorded_days", s.min_recorded_days, "trend_days", s.trend_days, false)}) {
    if (!r) return r;
  }
  return {};
}

Result<void> ApplySettings(Settings& settings, const std::map<std::string, double>& values) {
  Settings updated = settings;
  std::vector<Text> problems;
  for (const auto& [name, value] : values) {
    if (auto ok = SetSetting(updated, name, value); !ok) problems.push_back(*ok.error().text);
  }
  if (problems.empty()) {
    if (auto ok = CheckSettings(updated); !ok) problems.push_back(*ok.error().text);
  }
  if (!problems.empty()) return Fail(Error::Invalid(T_("settings refused"), std::move(problems)));
  settings = updated;
  return {};
}

std::vector<std::string> NonDefaultSettings(const Settings& settings) {
  const Settings defaults;
  std::vector<std::string> names;
  for (const SettingInfo& info : kSettings) {
    if (settings.*info.field != defaults.*info.field) names.emplace_back(info.name);
  }
  return names;
}

}  // namespace backsignal
