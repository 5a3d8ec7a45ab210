// The thresholds of docs/reading.md, each a named setting with its documented default,
// bounds and source. One table drives validation, `backsignal settings`, and docs/reading.md.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/result.h"

namespace backsignal {

struct Settings {
  double significant_change = 2;       // a morning this far above usual is significantly worse
  double noticeably_higher = 1;        // ... this far above is noticeably higher
  double marginal_better = 1;          // ... this far below is marginally better
  double low_pain_floor = 2;           // a morning at or below this is never higher or worse (§2)
  double baseline_days = 14;           // the usual morning looks back this many days first,
  double baseline_fallback_days = 28;  // then this many
  double baseline_min_mornings = 3;    // rest mornings needed for a level (and a usual)
  double trend_days = 14;              // the trend window W = [A - (days-1), A]
  double baseline_change = 1;   // the fortnight's baseline this far up: creeping (down: improving)
  double comfort_days = 28;     // comfort slope and the sessions listed: [A - (days-1), A]
  double slope_per_week = 0.5;  // a comfort slope at least this steep: less / more comfortable
  double building_rise = 2;     // during end - start at least this is "building"
  double rising_rise = 1;       // hour-after pain this far above the session's end: rising
  double sitting_hours = 6;     // sitting this long is a confounder
  double upper_body_tension = 6;    // tension at least this is a confounder
  double short_sleep_hours = 6;     // a night shorter than this is a confounder
  double stress = 6;                // stress at least this is a confounder
  double unusual_share = 0.5;       // a confounder on fewer than this share of days is unusual
  double poor_sleep_quality = 4;    // sleep quality at most this is a poor night
  double min_session_days = 4;      // fewer session days than this: not enough data
  double min_mornings = 7;          // fewer mornings in W than this: not enough data
  double min_recorded_days = 8;     // fewer recorded dates in W than this: not enough data
  double min_comfort_sessions = 4;  // fewer sessions than this: comfort unknown
  double stirring_share = 0.5;      // raised share above this: stirring up
  double helpful_share = 0.25;      // flared share at most this: can be helpful
  double exercise_effect = 1;       // mornings after exercise this far above rest mornings
  double effect_min_mornings = 3;   // ...judged from at least this many of each
  double strain_share = 0.5;        // strained sessions above this share block "helpful"
  double activity_days = 28;        // each activity on its own: its days in [A-days, A-1]
  double activity_raised_days = 3;  // an activity with this many raised mornings after it,
  double activity_share = 0.5;      // ...on more than this share of its days: setting it off
  double masked_mornings = 2;       // this many covered mornings after exercise,
  double masked_share = 0.5;        // ...more than this share, rest mornings fewer: masked
  double keeps_rising = 2;          // the usual morning up this much in 4 or 8 weeks: keeps_rising
  double repeated_worse = 3;        // this many flared session days in a row: alert
  double association_weeks = 8;     // associations look back this many weeks
  double association_min_days = 3;  // days needed both with and without a factor
  double association_min_difference = 0.3;  // to name a factor: this much more often,
  double association_alpha = 0.05;          // and p below this over the factors compared
  double shift_reference = 0.5;  // CUSUM reference k, points above usual per rest morning
  double shift_threshold = 3;    // CUSUM decision threshold h, points

  bool operator==(const Settings&) const = default;
};

// One setting's name, bounds and meaning.
struct SettingInfo {
  std::string_view name;
  double Settings::*field;
  double min;
  double max;
  double step;  // values must be multiples of this (1 for whole numbers)
  std::string_view meaning;
  std::string_view source;
};

// Every setting, in the order of reading.md.
std::span<const SettingInfo> AllSettings();

// Sets one setting by name after checking it is known and within its bounds.
[[nodiscard]] Result<void> SetSetting(Settings& settings, std::string_view name, double value);

// Checks the relations between settings (helpful_share below stirring_share; the first
// look-back of the usual morning no longer than the second; marginal and noticeable changes
// no larger than the significant one; no more recorded days needed than the window holds).
[[nodiscard]] Result<void> CheckSettings(const Settings& settings);

// Applies named values onto `settings` (each checked as SetSetting does, then CheckSettings);
// on any problem `settings` is left as it was and every problem is listed.
[[nodiscard]] Result<void> ApplySettings(Settings& settings,
                                         const std::map<std::string, double>& values);

// Names of the settings that differ from their defaults, in table order.
std::vector<std::string> NonDefaultSettings(const Settings& settings);

}  // namespace backsignal
