#include "backsignal/reading/settings.h"

#include <cmath>

#include "backsignal/core/diary.h"

namespace backsignal {
namespace {

constexpr std::string_view kFarrar =
    "Farrar et al., Pain 2001;94:149 (about 2 points or 30%); Salaffi et al., Eur J Pain 2004";

const SettingInfo kSettings[] = {
    {"significant_change", &Settings::significant_change, 1.5, 3, 0.5,
     "points above the usual morning (pain or stiffness) that make a morning 'worse'", kFarrar},
    {"marginal_better", &Settings::marginal_better, 0.5, 2, 0.5,
     "points below the usual morning pain that make a morning 'better'",
     "Salaffi et al., Eur J Pain 2004 (1 point is about the minimal change)"},
    {"baseline_days", &Settings::baseline_days, 7, 28, 1,
     "days before a morning that its usual morning is drawn from",
     "the article's 'usual baseline'; Jensen & McFarland, Pain 1993"},
    {"baseline_min_mornings", &Settings::baseline_min_mornings, 2, 7, 1,
     "mornings needed for a usual morning (rest mornings first, else all)",
     "Jensen & McFarland, Pain 1993 (several ratings for a stable baseline)"},
    {"trend_days", &Settings::trend_days, 7, 28, 1, "length of the trend window W, in days",
     "the article: 'the pattern across a week or two'"},
    {"comfort_days", &Settings::comfort_days, 14, 56, 1,
     "days of sessions the comfort slope is taken over, and the sessions listed",
     "the article: 'more comfortable over weeks'"},
    {"slope_per_week", &Settings::slope_per_week, 0.25, 1.5, 0.25,
     "Theil-Sen slope, points per week, that counts as creeping/improving or less/more comfortable",
     "robust to single outlying mornings: the article's 'do not over-interpret one session'"},
    {"building_rise", &Settings::building_rise, 1, 4, 0.5,
     "rise from start to end of a session that makes its discomfort 'building'",
     "the same 2-point significant change"},
    {"sitting_hours", &Settings::sitting_hours, 2, 12, 0.5,
     "hours of sitting that count as a confounder", "project default"},
    {"upper_body_tension", &Settings::upper_body_tension, 3, 9, 0.5,
     "upper-body tension (0-10) that counts as a confounder", "project default"},
    {"min_session_days", &Settings::min_session_days, 3, 10, 1,
     "session days with a known response needed for a verdict",
     "the article: never judge from one session"},
    {"min_mornings", &Settings::min_mornings, 5, 14, 1,
     "mornings in the trend window needed for a verdict and a baseline trend",
     "the article: 'across a week'"},
    {"min_comfort_sessions", &Settings::min_comfort_sessions, 3, 10, 1,
     "sessions with a comfort rating needed for the comfort trend", "project default"},
    {"stirring_share", &Settings::stirring_share, 0.3, 0.8, 0.05,
     "share of session days followed by a worse morning above which exercise is stirring it up",
     "the article: 'most sessions leave the morning baseline noticeably higher'"},
    {"helpful_share", &Settings::helpful_share, 0.1, 0.5, 0.05,
     "share of flared session days at or below which exercise can be helpful",
     "project default: at most one session day in four"},
    {"repeated_worse", &Settings::repeated_worse, 2, 5, 1,
     "consecutive flared session days that raise the repeated-worse-mornings alert",
     "the article: 'particularly if that pattern repeats across multiple sessions'"},
    {"association_weeks", &Settings::association_weeks, 4, 12, 1,
     "weeks of session days that associations compare", "issue 6: eight weeks"},
    {"association_min_days", &Settings::association_min_days, 2, 6, 1,
     "session days needed both with and without a factor before comparing them",
     "issue 6: at least 3 with and 3 without"},
    {"shift_reference", &Settings::shift_reference, 0.25, 1, 0.25,
     "early warning (CUSUM): points above the usual morning a rest morning must exceed to count",
     "Page, Biometrika 1954; tuned on simulated diaries (docs/early-warning.md)"},
    {"shift_threshold", &Settings::shift_threshold, 2, 5, 0.5,
     "early warning (CUSUM): accumulated points that raise the morning_shift alert",
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
      return Fail(Error::Invalid(std::string(name) + ": " + FormatNumber(value) +
                                 " is outside its bounds (" + FormatNumber(info.min) + " to " +
                                 FormatNumber(info.max) + ")"));
    }
    if (!IsMultiple(value, info.step)) {
      return Fail(Error::Invalid(std::string(name) + ": " + FormatNumber(value) +
                                 " is not in steps of " + FormatNumber(info.step)));
    }
    settings.*info.field = value;
    return {};
  }
  std::string known;
  for (const SettingInfo& info : kSettings) {
    known += known.empty() ? "" : ", ";
    known += info.name;
  }
  return Fail(Error::Invalid("unknown setting '" + std::string(name) + "'; known: " + known));
}

Result<void> CheckSettings(const Settings& settings) {
  if (settings.helpful_share >= settings.stirring_share) {
    return Fail(Error::Invalid("helpful_share (" + FormatNumber(settings.helpful_share) +
                               ") must be below stirring_share (" +
                               FormatNumber(settings.stirring_share) + ")"));
  }
  return {};
}

Result<void> ApplySettings(Settings& settings, const std::map<std::string, double>& values) {
  Settings updated = settings;
  std::vector<std::string> problems;
  for (const auto& [name, value] : values) {
    if (auto ok = SetSetting(updated, name, value); !ok) problems.push_back(ok.error().message);
  }
  if (problems.empty()) {
    if (auto ok = CheckSettings(updated); !ok) problems.push_back(ok.error().message);
  }
  if (!problems.empty()) return Fail(Error::Invalid("settings refused", std::move(problems)));
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
