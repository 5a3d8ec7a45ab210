// What a clinician measures beside the three windows (docs/measures.md): the weekly questions
// (the PEG, Krebs et al. 2009, and the Patient-Specific Functional Scale, Stratford et al.
// 1995) and a flare at any time, for pain between check-ins. They sit beside the diary's days:
// the reading never sees them, so its verdict rules are unchanged.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/date.h"
#include "backsignal/core/result.h"
#include "backsignal/core/score.h"

namespace backsignal {

// The PEG's three items over the past week, each a whole number 0-10: average pain (0 = no
// pain, 10 = as bad as you can imagine), how much pain interfered with enjoyment of life and
// with general activity (0 = not at all, 10 = completely). Its score is their mean.
struct Peg {
  int pain = 0;
  int enjoyment = 0;
  int activity = 0;
  int Sum() const { return pain + enjoyment + activity; }
  double Score() const { return Sum() / 3.0; }
  bool operator==(const Peg&) const = default;
};

// One PSFS activity and how well it can be done now: 0 = unable, 10 = as before the problem.
struct PsfsRating {
  std::string activity;
  int score = 0;
  bool operator==(const PsfsRating&) const = default;
};

// The weekly questions answered for one date (usually the person's chosen day; filled in late,
// the date they are for).
struct Weekly {
  Date date;
  std::optional<Peg> peg;
  std::vector<PsfsRating> psfs;  // up to five activities, in the person's order
  bool empty() const { return !peg && psfs.empty(); }
  bool operator==(const Weekly&) const = default;
};

// Pain between check-ins, at any time: never a morning, never a session.
struct Flare {
  Date date;
  std::optional<TimeOfDay> time;
  Score pain;
  std::optional<bool> sharp;  // sharp or catching
  std::optional<std::string> note;
  bool operator==(const Flare&) const = default;
};

// Everything beside the days. Invariants: weekly in date order with unique dates; flares in
// date order, those of one date in the order they were recorded.
struct Measures {
  std::vector<Weekly> weekly;
  std::vector<Flare> flares;
  bool empty() const { return weekly.empty() && flares.empty(); }
  bool operator==(const Measures&) const = default;
  const Weekly* FindWeekly(Date date) const;
};

inline constexpr int kMaxItem = 10;  // PEG and PSFS items: whole numbers 0-10
inline constexpr size_t kMaxPsfsActivities = 5;
inline constexpr size_t kMaxPsfsActivityChars = 80;
inline constexpr size_t kMaxFlareNoteChars = 500;
inline constexpr size_t kMaxFlaresPerDay = 24;

// Activities that fit the mid back, offered before free text (issue 25).
inline constexpr std::string_view kPsfsSuggestions[] = {
    "turning to look behind", "reaching overhead", "taking a deep breath",
    "sitting for an hour",    "carrying a bag",    "sleeping on my side",
};

// A PEG or PSFS item: a whole number 0-10; the message says what is wrong and what is right.
Expected<int, Text> ValidateItem(double value);
// One PSFS activity's name: trimmed, 1-80 characters, no control characters.
Expected<std::string, Text> ValidatePsfsActivity(std::string_view name);
// Every value of an entry; messages name the place ("2026-11-08 psfs[1].score: ...").
[[nodiscard]] Result<void> ValidateWeekly(const Weekly& weekly);
[[nodiscard]] Result<void> ValidateFlare(const Flare& flare);
// Sorts and checks: a repeated weekly date is an error naming it; flares are sorted by date,
// keeping the order of one date's.
[[nodiscard]] Result<void> NormaliseMeasures(Measures& measures);

// Days of the week, Monday first (ISO 8601).
enum class Weekday { kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };
Weekday WeekdayOf(Date date);
std::string_view WeekdayName(Weekday day);  // "monday"
Expected<Weekday, Text> ParseWeekday(std::string_view name);
inline constexpr Weekday kDefaultWeeklyDay = Weekday::kSunday;

// An entry dated up to this many days before the chosen day counts for that week (answered a
// day or two early, the questions are not asked again on the day).
inline constexpr int kWeeklyEarlyDays = 3;

// When the weekly questions are due on `today`: the date they became due (the latest `day` on
// or before today), or nothing when answered for this week. With no answers at all they are
// due at once (the first answers are what later ones are compared with).
std::optional<Date> WeeklyDueSince(const std::vector<Weekly>& weekly, Weekday day, Date today);

// Whether a change passes the threshold that matters.
enum class Change { kBetter, kSame, kWorse };
std::string_view ChangeName(Change change);  // "better", "about_the_same", "worse"

// The change that matters (docs/measures.md): PSFS 2 points on the average, 3 on one activity
// (higher is better); PEG 30% of the earlier score and at least 1 point (lower is better).
inline constexpr int kPsfsAverageChange = 2;
inline constexpr int kPsfsActivityChange = 3;
inline constexpr int kPegChangePercent = 30;

// Exact comparisons, on whole-number sums: `delta_sum` over `n` activities.
Change PsfsAverageChange(int delta_sum, int n);
Change PsfsActivityChange(int delta);
// `then_sum` and `now_sum`: the PEG's three items added up.
Change PegChange(int then_sum, int now_sum);

// An answer then, set against now.
struct Compared {
  Date then_date;
  double then = 0;
  double delta = 0;  // now - then, over what both have
  Change change = Change::kSame;
  bool operator==(const Compared&) const = default;
};

struct PegTrend {
  Date date;
  Peg now;
  std::optional<Compared> four_weeks, eight_weeks;
};
struct ActivityTrend {
  std::string activity;
  int now = 0;
  std::optional<Compared> four_weeks, eight_weeks;
};
struct PsfsTrend {
  Date date;
  double average = 0;
  std::optional<Compared> four_weeks, eight_weeks;  // over the activities both name
  std::vector<ActivityTrend> activities;
};

// The weekly measures as of `as_of`: the latest answers of the last 14 days against those
// nearest four and eight weeks before them (within 3 days either side; the earlier on a tie).
// PSFS activities are matched by name ignoring ASCII case.
struct MeasuresTrend {
  std::optional<PegTrend> peg;
  std::optional<PsfsTrend> psfs;
  // Whether function is getting worse: the PSFS four or eight weeks change is "worse".
  bool function_worse() const;
};
inline constexpr int kTrendFreshDays = 14;
inline constexpr int kTrendSlackDays = 3;
MeasuresTrend TrendOf(const Measures& measures, Date as_of);

// The flares of [from, to], in order.
std::vector<Flare> FlaresBetween(const Measures& measures, Date from, Date to);

}  // namespace backsignal
