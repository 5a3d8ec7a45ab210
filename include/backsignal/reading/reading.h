// docs/reading.md (version 3) as a pure function: a diary, an as-of date and settings in; the
// usual morning, each session's three windows, the 1-2 week trend verdict, alerts and what tends
// to go with a worse morning out. Numbers only: the words are the words module's. No I/O, no
// clock: every surface shows what this computes and never recomputes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/diary.h"
#include "backsignal/reading/settings.h"

namespace backsignal {

// The version of the rules this engine implements (`read --json` says "rules": 3).
inline constexpr int kReadingRules = 3;

enum class DuringSignal { kSharp, kBuilding, kStable, kUnknown };
enum class HourAfterSignal { kRising, kSettling, kUnknown };
enum class MorningSignal { kWorse, kHigher, kBetter, kUsual, kUnknown };
enum class Response { kFlared, kRaised, kSettled, kUnknown };
// In reading.md's order, then the additive ones (short_sleep: the night before the morning
// after; stress: that day).
enum class Confounder { kSitting, kProlongedPosition, kUpperBodyTension, kShortSleep, kStress };
inline constexpr Confounder kAllConfounders[] = {
    Confounder::kSitting, Confounder::kProlongedPosition, Confounder::kUpperBodyTension,
    Confounder::kShortSleep, Confounder::kStress};
enum class Baseline { kCreeping, kImproving, kStable, kUnknown };
enum class BaselineBasis { kRestMornings, kAllMornings, kNone };
enum class UsualSource { kRestMornings, kStated, kNone };
enum class Comfort { kLessComfortable, kMoreComfortable, kSteady, kUnknown };
enum class Verdict { kNotEnoughData, kStirringUp, kHelpful, kMixed };
enum class AlertKind { kModifyOrStop, kRepeatedWorseMornings, kKeepsRising, kMorningShift };
// What one session did that counts against exercise (§2 strain), the first that applies.
enum class Strain { kSharp, kBuilt, kStillRising };
// What holds back a `helpful` verdict (§3), in the spec's order.
enum class HeldBack {
  kFlares,
  kCreeping,
  kStrain,
  kSharp,
  kActivity,
  kPainkillers,
  kKeepsRising,
  kRepeatedWorseMornings,
};

std::string_view Name(DuringSignal s);
std::string_view Name(HourAfterSignal s);
std::string_view Name(MorningSignal s);
std::string_view Name(Response s);
std::string_view Name(Confounder s);
std::string_view Name(Baseline s);
std::string_view Name(BaselineBasis s);  // "rest_mornings", "all_mornings"; "" for none
std::string_view Name(UsualSource s);    // "rest_mornings", "stated"; "" for none
std::string_view Name(Comfort s);
std::string_view Name(Verdict s);
std::string_view Name(AlertKind s);
std::string_view Name(Strain s);
std::string_view Name(HeldBack s);

// A session's activity as the reading tells activities apart (§0): runs of space, tab, line
// feed, vertical tab, form feed and carriage return made one space, trimmed, ASCII letters in
// lower case. Empty when there is no activity, or only those characters.
std::optional<std::string> ActivityName(const std::optional<std::string>& text);

// The usual morning at one date (reading.md §1); unknown sides are empty.
struct UsualAt {
  std::optional<double> pain;
  std::optional<double> stiffness;
  UsualSource pain_source = UsualSource::kNone;
};

// One session read through its three windows (reading.md §2).
struct SessionReading {
  Date date;
  size_t number = 1;                 // 1-based position within its day
  const Session* session = nullptr;  // borrowed from the diary that was read
  const Day* day = nullptr;          // its day, borrowed too
  const Day* next_day = nullptr;     // the day after, when recorded up to the as-of date
  DuringSignal during = DuringSignal::kUnknown;
  HourAfterSignal hour_after = HourAfterSignal::kUnknown;
  MorningSignal morning = MorningSignal::kUnknown;
  Response response = Response::kUnknown;
  std::optional<Strain> strain;         // none, or not known
  std::optional<std::string> activity;  // ActivityName of the session's activity
  std::vector<Confounder> confounders;
  // Those of `confounders` that are unusual for this person (§2): present on fewer than
  // unusual_share of the recorded dates in [A-27, A].
  std::vector<Confounder> unusual_confounders;
  // The session's own rise (§3 comfort): the highest of during.end and hour_after.pain given,
  // minus during.start; empty without a start or without either of the others.
  std::optional<double> rise;
  std::optional<Score> comfort;  // highest of during start/end and hour-after pain (the chart's)
  // Evidence for the morning signal: the morning after and the usual it was compared with.
  std::optional<Score> morning_pain;
  std::optional<Score> morning_stiffness;
  UsualAt usual;
  // The morning after is covered (§0): painkillers taken on the session's date may hide how the
  // back is on waking.
  bool morning_covered = false;
};

// What the morning of a date follows.
enum class MorningKind {
  kRest,          // the day before is recorded and has no session
  kAfterSession,  // the day before has a session
  kUnknown,       // nothing is recorded for the day before
};

// One recorded morning with its usual morning, for charts and words.
struct MorningPoint {
  Date date;
  Score pain;
  std::optional<Score> stiffness;
  UsualAt usual;
  MorningKind kind = MorningKind::kUnknown;
  MorningSignal signal = MorningSignal::kUnknown;  // against the usual
  Response response = Response::kUnknown;          // of the session day before, when one
  bool covered = false;  // painkillers the day before (§0): they may hide how the back is
};

struct Trend {
  Verdict verdict = Verdict::kNotEnoughData;
  Baseline baseline = Baseline::kUnknown;
  Comfort comfort = Comfort::kUnknown;
  int session_days = 0;
  int flared_days = 0;
  int raised_days = 0;  // flared or raised: noticeably higher, significant ones included
  std::optional<double> flared_share;
  std::optional<double> raised_share;
  // Strain: sessions in W with a known during or hour-after signal, those with a strain, and
  // the counts by kind.
  int strain_sessions = 0;
  int strained_sessions = 0;
  std::optional<double> strained_share;
  int sharp_sessions = 0;
  int built_sessions = 0;
  int still_rising_sessions = 0;
  int missing_mornings = 0;  // exercise days in W whose morning after was not recorded
  int exercise_days = 0;     // dates with a session whose morning after is dated in W
  int recorded_days = 0;     // dates in W the diary holds anything for (§0)
  // Painkillers (§3): session days whose morning after is covered; rest mornings in W, those
  // covered and their share; and whether the mornings after exercise are masked.
  int covered_mornings = 0;
  int rest_mornings = 0;
  int rest_covered = 0;
  std::optional<double> rest_covered_share;
  bool masked = false;
  // Why a verdict that is not stirring up is not helpful: empty unless the verdict is mixed.
  std::vector<HeldBack> held_back_by;
  // Exercise effect: median morning pain after exercise minus after rest, in W.
  std::optional<double> exercise_effect;
  int effect_after_mornings = 0;
  int effect_rest_mornings = 0;
  // The fortnight's baseline against the fortnight before (§3).
  std::optional<double> baseline_change;
  BaselineBasis baseline_basis = BaselineBasis::kNone;
  std::optional<double> baseline_now;     // the level of W it was made from
  std::optional<double> baseline_before;  // and of W'
  std::optional<double> comfort_slope_per_week;
  int mornings = 0;          // mornings recorded in W
  int comfort_sessions = 0;  // sessions with a comfort value in the comfort window
  // When the verdict is not_enough_data: how many more of each would allow one.
  int mornings_needed = 0;
  int session_days_needed = 0;
  int recorded_days_needed = 0;
};

// One activity on its own (§3): its days in with a known response.
struct ActivityReading {
  std::string name;  // ActivityName
  int days = 0;
  int raised_days = 0;  // flared or raised
  int flared_days = 0;
  bool setting_off = false;
};

// The usual morning over the weeks, from rest mornings only (§3 progress).
struct Progress {
  std::optional<double> now;                 // the usual pain of A+1
  std::optional<double> four_weeks_before;   // of A-27
  std::optional<double> eight_weeks_before;  // of A-55
};

// keeps_rising: which comparison raised it (the larger rise when both did; four weeks on a tie).
struct Rise {
  int weeks = 4;              // 4 or 8
  bool all_mornings = false;  // compared on all mornings: rest mornings did not give both
  double from = 0, to = 0;
};

struct Alert {
  AlertKind kind;
  Date date;
  size_t session_number = 0;  // modify_or_stop: which session of that date
  std::vector<Date> dates;    // repeated_worse_mornings: the session days that flared
  std::optional<Rise> rise;   // keeps_rising
};

// How often days with a factor were followed by a noticeably higher morning, against days
// without it. Never a claim of cause.
struct Association {
  // "rotation", "sitting", "long_session", "two_sessions", "hard_session" (effort 7 or more),
  // "short_sleep", "poor_sleep",
  // "stress", "painkillers", "activity:" and an activity (over exercise days), or "tag:" and
  // the person's own factor.
  std::string factor;
  bool exercise_days_only = false;  // loads and session length: compared over exercise days
  int with_days = 0, with_higher = 0;
  int without_days = 0, without_higher = 0;
  // Mean of (next morning's pain - its usual), in points, with and without.
  std::optional<double> with_points, without_points;
  bool enough = false;               // at least association_min_days with and without
  std::optional<double> p_value;     // two-sided Fisher's exact test, when enough
  std::optional<double> difference;  // share with minus share without, when enough
  // The evidence clears the bar for naming it in a next step: enough days, a difference of at
  // least association_min_difference, and p below association_alpha / factors compared.
  bool clears_bar = false;
  // Other factors that were present on exactly the same days (named together).
  std::vector<std::string> same_days_as;
};

// The early warning: an upper CUSUM of (rest morning - usual morning).
struct MorningShift {
  int rest_mornings = 0;        // rest mornings with a usual, in the association window
  std::optional<double> cusum;  // its value at the last of them
  bool alarm = false;
};

struct Reading {
  int rules = kReadingRules;
  Date as_of;
  Date window_start;    // W = [window_start, as_of]
  Date sessions_start;  // sessions listed from here to as_of
  UsualAt usual;        // usual morning for A+1
  Progress progress;
  Trend trend;
  std::vector<ActivityReading> activities;  // days >= 2: most days first, then by name
  std::vector<SessionReading> sessions;     // dated in [sessions_start, as_of], oldest first
  std::vector<MorningPoint> mornings;       // recorded in [sessions_start, as_of]
  std::vector<Alert> alerts;                // in date order
  std::vector<std::string> non_default_settings;
  std::vector<Association> associations;
  int factors_compared = 0;  // associations with enough days (the Bonferroni divisor)
  std::optional<double> median_session_minutes;  // what "long_session" is measured against
  MorningShift morning_shift;
};

// Reads `diary` as of `as_of`: everything dated after it is ignored.
// REQUIRES: CheckSettings(settings) succeeded. The reading borrows sessions from `diary`,
// which must outlive it.
Reading Read(const Diary& diary, Date as_of, const Settings& settings);

// How many days before the as-of date the reading looks at, at most, under `settings`: a diary
// cut to start at `as_of - ReadingHorizonDays(settings)` reads the same as the whole diary.
int ReadingHorizonDays(const Settings& settings);
// The same for any settings within their bounds.
int MaxReadingHorizonDays();

// The usual morning at date `m` (reading.md §1); callers pass the diary already cut at their
// as-of date.
UsualAt UsualMorningAt(const Diary& diary, Date m, const Settings& settings);

// The Theil-Sen slope, in points per week, of (date, value) points; pairs on the same date
// are left out. Empty when no pair has distinct dates.
std::optional<double> TheilSenPerWeek(std::vector<std::pair<int32_t, double>> points);

// The during and hour-after signals of one session.
DuringSignal DuringSignalOf(const Session& session, const Settings& settings);
HourAfterSignal HourAfterSignalOf(const Session& session, const Settings& settings);
// A session's strain (§2) from its signals and its response.
std::optional<Strain> StrainOf(DuringSignal during, HourAfterSignal hour_after, Response response);
// The session's own rise (§3 comfort), when it has one.
std::optional<double> RiseOf(const Session& session);

}  // namespace backsignal
