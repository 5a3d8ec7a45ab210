// The diary cut at the as-of date, seen through reading.md's terms: recorded days, rest
// mornings, levels, the usual morning and the morning signal. Private to the reading module.
#pragma once

#include <optional>
#include <span>

#include "backsignal/reading/reading.h"

namespace backsignal::reading_detail {

// Slopes are ratios of small rationals; a tolerance far below their spacing makes the
// threshold comparisons exact in effect ("at least 0.5" holds for a true 0.5).
inline constexpr double kTolerance = 1e-9;

enum class Key { kPain, kStiffness };

// The progress points, in days before the as-of date (reading.md §3).
inline constexpr int32_t kFourWeeks = 27;
inline constexpr int32_t kEightWeeks = 55;

// A morning judged against its usual (reading.md §2, "Morning after").
struct MorningEval {
  MorningSignal signal = MorningSignal::kUnknown;
  std::optional<Score> pain;
  std::optional<Score> stiffness;
  UsualAt usual;
  std::optional<double> pain_above;  // pain - usual pain, when both are known
};

class View {
 public:
  View(std::span<const Day> days, const UsualMorning& stated, const Settings& s)
      : days_(days), stated_(stated), s_(s) {}

  std::span<const Day> days() const { return days_; }
  const Settings& settings() const { return s_; }

  // Index of the first day dated on or after `d`.
  size_t LowerIndex(Date d) const;
  const Day* Find(Date d) const;
  // The diary holds anything for the date (§0).
  bool Recorded(Date d) const;
  bool HasSession(Date d) const;
  // What the morning of `m` follows: a recorded day without a session (a rest morning), a
  // session, or nothing known.
  MorningKind KindOf(Date m) const;
  // The morning of `m` is covered (§0): the context of m-1 has painkillers.
  bool Covered(Date m) const;

  // level(P, key): the median of `key` over the rest mornings (or all mornings) dated in
  // [from, to] that have it, when there are at least baseline_min_mornings; else unknown.
  std::optional<double> Level(Date from, Date to, Key key, bool rest_only) const;

  // The usual morning at `m` (§1): rest mornings of the first look-back, then of the second,
  // then (when `stated` is allowed) what the person stated.
  UsualAt Usual(Date m, bool allow_stated = true) const;

  MorningEval EvalMorning(Date m) const;

 private:
  std::optional<double> UsualOf(Date m, Key key, bool allow_stated, UsualSource* source) const;

  std::span<const Day> days_;
  const UsualMorning& stated_;
  const Settings& s_;
};

Response ResponseOf(MorningSignal m);
// The confounders of a session on `day`; `next` is the day after (its night's sleep), or null.
std::vector<Confounder> ConfoundersOf(const Day& day, const Day* next, const Settings& s);
// Painkillers taken on the day (a painkiller's name alone says some were).
bool TookPainkillers(const Day& day);
double Median(std::vector<double> values);

// Associations and the factor days they are made from (associations.cc).
void Associate(const View& v, Date as_of, Reading& r);

// The alerts of §4 and the early warning (alerts.cc). REQUIRES: the sessions, progress and
// trend of `r` are read.
void ReadAlerts(const View& v, Reading& r);

}  // namespace backsignal::reading_detail
