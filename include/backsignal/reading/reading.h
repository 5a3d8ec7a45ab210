// spec/reading.md as a pure function: a diary, an as-of date and settings in; the usual
// morning, each session's three windows, the 1-2 week trend verdict and alerts out.
// No I/O, no clock: every surface shows what this computes and never recomputes it.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "backsignal/core/diary.h"
#include "backsignal/reading/settings.h"

namespace backsignal {

enum class DuringSignal { kSharp, kBuilding, kStable, kUnknown };
enum class HourAfterSignal { kRising, kSettling, kUnknown };
enum class MorningSignal { kWorse, kBetter, kUsual, kUnknown };
enum class Response { kFlared, kSettled, kUnknown };
enum class Confounder { kSitting, kProlongedPosition, kUpperBodyTension };
enum class Baseline { kCreeping, kImproving, kStable, kUnknown };
enum class Comfort { kLessComfortable, kMoreComfortable, kSteady, kUnknown };
enum class Verdict { kNotEnoughData, kStirringUp, kHelpful, kMixed };
enum class AlertKind { kModifyOrStop, kRepeatedWorseMornings, kMorningShift };

std::string_view Name(DuringSignal s);
std::string_view Name(HourAfterSignal s);
std::string_view Name(MorningSignal s);
std::string_view Name(Response s);
std::string_view Name(Confounder s);
std::string_view Name(Baseline s);
std::string_view Name(Comfort s);
std::string_view Name(Verdict s);
std::string_view Name(AlertKind s);

// The usual morning at one date (reading.md §1); unknown sides are empty.
struct UsualAt {
  std::optional<double> pain;
  std::optional<double> stiffness;
};

// One session read through its three windows (reading.md §2).
struct SessionReading {
  Date date;
  size_t number = 1;                 // 1-based position within its day
  const Session* session = nullptr;  // borrowed from the diary that was read
  DuringSignal during = DuringSignal::kUnknown;
  HourAfterSignal hour_after = HourAfterSignal::kUnknown;
  MorningSignal morning = MorningSignal::kUnknown;
  Response response = Response::kUnknown;
  std::vector<Confounder> confounders;
  std::optional<Score> comfort;  // highest of during start/end and hour-after pain (§3 comfort)
  // Evidence for the morning signal: the morning after and the usual it was compared with.
  std::optional<Score> morning_pain;
  std::optional<Score> morning_stiffness;
  UsualAt usual;
};

// One recorded morning with its usual morning, for charts and words.
struct MorningPoint {
  Date date;
  Score pain;
  std::optional<Score> stiffness;
  UsualAt usual;
  bool after_session = false;              // the day before had a session
  Response response = Response::kUnknown;  // of that session day, when there was one
};

struct Trend {
  Verdict verdict = Verdict::kNotEnoughData;
  Baseline baseline = Baseline::kUnknown;
  Comfort comfort = Comfort::kUnknown;
  int session_days = 0;
  int flared_days = 0;
  std::optional<double> flared_share;
  std::optional<double> baseline_slope_per_week;
  std::optional<double> comfort_slope_per_week;
  int mornings = 0;          // mornings recorded in W
  int comfort_sessions = 0;  // sessions with a comfort value in the comfort window
  // When the verdict is not_enough_data: how many more of each would allow one.
  int mornings_needed = 0;
  int session_days_needed = 0;
};

struct Alert {
  AlertKind kind;
  Date date;
  size_t session_number = 0;  // modify_or_stop: which session of that date
  std::vector<Date> dates;    // repeated_worse_mornings: the session days that flared
};

// How often exercise days with a factor were followed by a worse morning, against days without
// it, over the last weeks (issue 6). Never a claim of cause.
struct Association {
  std::string factor;  // a load, a confounder, or "long_session"
  int with_days = 0, with_flared = 0;
  int without_days = 0, without_flared = 0;
  bool enough = false;               // at least association_min_days with and without
  std::optional<double> p_value;     // two-sided Fisher's exact test, when enough
  std::optional<double> difference;  // flared share with minus without, when enough
  std::string words;                 // the comparison in plain words
};

// The early warning: an upper CUSUM of (rest morning - usual morning).
struct MorningShift {
  int rest_mornings = 0;        // rest mornings with a usual, in the association window
  std::optional<double> cusum;  // its value at the last of them
  bool alarm = false;
};

struct Reading {
  Date as_of;
  Date window_start;    // W = [window_start, as_of]
  Date sessions_start;  // sessions listed from here to as_of
  UsualAt usual;        // usual morning for A+1
  Trend trend;
  std::vector<SessionReading> sessions;  // dated in [sessions_start, as_of], oldest first
  std::vector<MorningPoint> mornings;    // recorded in [sessions_start, as_of]
  std::vector<Alert> alerts;             // in date order
  std::vector<std::string> non_default_settings;
  std::vector<Association> associations;
  std::optional<double> median_session_minutes;  // what "long_session" is measured against
  MorningShift morning_shift;
  std::string next_step;  // what to do next, for the verdict
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

// The usual morning at date `m` (reading.md §1), ignoring nothing: callers pass the diary
// already cut at their as-of date.
UsualAt UsualMorningAt(const Diary& diary, Date m, const Settings& settings);

// The Theil-Sen slope, in points per week, of (date, value) points; pairs on the same date
// are left out. Empty when no pair has distinct dates.
std::optional<double> TheilSenPerWeek(std::vector<std::pair<int32_t, double>> points);

// The during and hour-after signals of one session.
DuringSignal DuringSignalOf(const Session& session, const Settings& settings);
HourAfterSignal HourAfterSignalOf(const Session& session);

}  // namespace backsignal
