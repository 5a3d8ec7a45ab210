#include "backsignal/reading/reading.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <span>

#include "backsignal/reading/statistics.h"

namespace backsignal {
namespace {

// Slopes are ratios of small rationals; a tolerance far below their spacing makes the
// threshold comparisons exact in effect ("at least 0.5" holds for a true 0.5).
constexpr double kSlopeTolerance = 1e-9;

// The diary cut at the as-of date, with the settings in force.
class View {
 public:
  View(std::span<const Day> days, const UsualMorning& declared, const Settings& s)
      : days_(days), declared_(declared), s_(s) {}

  std::span<const Day> days() const { return days_; }
  const Settings& settings() const { return s_; }

  // Index of the first day dated on or after `d`.
  size_t LowerIndex(Date d) const {
    return static_cast<size_t>(
        std::lower_bound(days_.begin(), days_.end(), d,
                         [](const Day& day, Date x) { return day.date < x; }) -
        days_.begin());
  }

  const Day* Find(Date d) const {
    const size_t i = LowerIndex(d);
    return (i < days_.size() && days_[i].date == d) ? &days_[i] : nullptr;
  }

  // A rest morning: the day before it has no session.
  bool IsRestMorning(size_t i) const {
    return !(i > 0 && days_[i - 1].date == days_[i].date - 1 && !days_[i - 1].sessions.empty());
  }

  UsualAt Usual(Date m) const;

 private:
  std::span<const Day> days_;
  const UsualMorning& declared_;
  const Settings& s_;
};

double MedianOfHalves(std::vector<int>& halves) {
  std::sort(halves.begin(), halves.end());
  const size_t n = halves.size();
  if (n % 2 == 1) return halves[n / 2] / 2.0;
  return (halves[n / 2 - 1] + halves[n / 2]) / 4.0;
}

std::optional<double> UsualFrom(std::vector<int>& rest, std::vector<int>& all, size_t min_count,
                                const std::optional<Score>& declared) {
  if (rest.size() >= min_count) return MedianOfHalves(rest);
  if (all.size() >= min_count) return MedianOfHalves(all);
  if (declared) return declared->value();
  return std::nullopt;
}

UsualAt View::Usual(Date m) const {
  const auto lookback = static_cast<int32_t>(s_.baseline_days);
  const auto min_count = static_cast<size_t>(s_.baseline_min_mornings);
  std::vector<int> rest_pain, all_pain, rest_stiff, all_stiff;
  const size_t end = LowerIndex(m);
  for (size_t i = LowerIndex(m - lookback); i < end; ++i) {
    const std::optional<Morning>& morning = days_[i].morning;
    if (!morning) continue;
    const bool rest = IsRestMorning(i);
    all_pain.push_back(morning->pain.halves());
    if (rest) rest_pain.push_back(morning->pain.halves());
    if (morning->stiffness) {
      all_stiff.push_back(morning->stiffness->halves());
      if (rest) rest_stiff.push_back(morning->stiffness->halves());
    }
  }
  return {UsualFrom(rest_pain, all_pain, min_count, declared_.pain),
          UsualFrom(rest_stiff, all_stiff, min_count, declared_.stiffness)};
}

struct MorningEval {
  MorningSignal signal = MorningSignal::kUnknown;
  std::optional<Score> pain;
  std::optional<Score> stiffness;
  UsualAt usual;
};

// The morning signal for the morning of date `m` (reading.md §2, "Morning after").
MorningEval EvalMorning(const View& v, Date m) {
  MorningEval e;
  const Day* day = v.Find(m);
  if (day == nullptr || !day->morning) return e;
  const Settings& s = v.settings();
  e.pain = day->morning->pain;
  e.stiffness = day->morning->stiffness;
  e.usual = v.Usual(m);
  bool compared = false, worse = false, better = false;
  if (e.usual.pain) {
    compared = true;
    const double diff = e.pain->value() - *e.usual.pain;
    worse = diff >= s.significant_change;
    better = diff <= -s.marginal_better;
  }
  if (e.usual.stiffness && e.stiffness) {
    compared = true;
    worse = worse || (e.stiffness->value() - *e.usual.stiffness >= s.significant_change);
  }
  e.signal = worse      ? MorningSignal::kWorse
             : better   ? MorningSignal::kBetter
             : compared ? MorningSignal::kUsual
                        : MorningSignal::kUnknown;
  return e;
}

Response ResponseOf(MorningSignal m) {
  switch (m) {
    case MorningSignal::kWorse:
      return Response::kFlared;
    case MorningSignal::kUsual:
    case MorningSignal::kBetter:
      return Response::kSettled;
    case MorningSignal::kUnknown:
      return Response::kUnknown;
  }
  return Response::kUnknown;
}

std::vector<Confounder> ConfoundersOf(const Context& c, const Settings& s) {
  std::vector<Confounder> out;
  if (c.sitting_hours && *c.sitting_hours >= s.sitting_hours) out.push_back(Confounder::kSitting);
  if (c.prolonged_position.value_or(false)) out.push_back(Confounder::kProlongedPosition);
  if (c.upper_body_tension && c.upper_body_tension->value() >= s.upper_body_tension) {
    out.push_back(Confounder::kUpperBodyTension);
  }
  return out;
}

// The highest of the session's during and hour-after ratings, if any.
std::optional<Score> ComfortValue(const Session& s) {
  std::optional<Score> best;
  for (const std::optional<Score>& v : {s.during.start, s.during.end, s.hour_after.pain}) {
    if (v && (!best || *v > *best)) best = v;
  }
  return best;
}

template <typename Signal>
Signal ClassifySlope(const std::optional<double>& slope, double threshold, Signal up, Signal down,
                     Signal flat, Signal unknown) {
  if (!slope) return unknown;
  if (*slope >= threshold - kSlopeTolerance) return up;
  if (*slope <= -threshold + kSlopeTolerance) return down;
  return flat;
}

Verdict VerdictOf(const Trend& t, const Settings& s) {
  if (t.session_days < static_cast<int>(s.min_session_days) ||
      t.mornings < static_cast<int>(s.min_mornings)) {
    return Verdict::kNotEnoughData;
  }
  const double share = *t.flared_share;
  const bool creeping = t.baseline == Baseline::kCreeping;
  const bool less_comfortable = t.comfort == Comfort::kLessComfortable;
  if (share > s.stirring_share || (creeping && (share >= s.helpful_share || less_comfortable))) {
    return Verdict::kStirringUp;
  }
  if (share <= s.helpful_share && !creeping && !less_comfortable) return Verdict::kHelpful;
  return Verdict::kMixed;
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(v * 100) / 100);
  return buf;
}

// How a factor reads in a sentence: "exercise days with sustained rotation".
std::string FactorWords(const std::string& factor, const Settings& s,
                        const std::optional<double>& median_minutes) {
  if (factor == "rotation") return "sustained rotation";
  if (factor == "breathing_under_load") return "heavy breathing under load";
  if (factor == "arms_away") return "the arms working away from the body";
  if (factor == "sitting") return Fmt(s.sitting_hours) + "+ hours of sitting";
  if (factor == "prolonged_position") return "long spells in one position";
  if (factor == "upper_body_tension")
    return "upper-body tension of " + Fmt(s.upper_body_tension) + "+";
  if (factor == "long_session") {
    return "sessions longer than your usual (over " +
           (median_minutes ? Fmt(*median_minutes) : std::string("?")) + " minutes a day)";
  }
  return factor;
}

std::string Times(int k, int n) {
  return std::to_string(k) + " of " + std::to_string(n) + (n == 1 ? " time" : " times");
}

// One exercise day's factors, for associations.
struct SessionDayFactors {
  bool flared = false;
  LoadSet load;
  std::vector<Confounder> confounders;
  std::optional<int> minutes;  // total over the day's sessions that give one
};

void Associate(Reading& r, const std::vector<SessionDayFactors>& days, const Settings& s) {
  std::vector<int> totals;
  for (const SessionDayFactors& d : days) {
    if (d.minutes) totals.push_back(*d.minutes);
  }
  if (!totals.empty()) {
    std::sort(totals.begin(), totals.end());
    const size_t n = totals.size();
    r.median_session_minutes = n % 2 ? totals[n / 2] : (totals[n / 2 - 1] + totals[n / 2]) / 2.0;
  }
  const auto min_days = static_cast<int>(s.association_min_days);
  auto add = [&](const std::string& factor,
                 const std::function<std::optional<bool>(const SessionDayFactors&)>& has) {
    Association a;
    a.factor = factor;
    for (const SessionDayFactors& d : days) {
      const std::optional<bool> with = has(d);
      if (!with) continue;
      (*with ? a.with_days : a.without_days) += 1;
      if (d.flared) (*with ? a.with_flared : a.without_flared) += 1;
    }
    const std::string what = FactorWords(factor, s, r.median_session_minutes);
    a.enough = a.with_days >= min_days && a.without_days >= min_days;
    if (!a.enough) {
      a.words = "Not enough yet to compare " + what + ": " + std::to_string(a.with_days) +
                (a.with_days == 1 ? " exercise day" : " exercise days") + " with it and " +
                std::to_string(a.without_days) + " without; " + std::to_string(min_days) +
                " of each are needed.";
    } else {
      a.p_value = FisherExactTwoSided(a.with_flared, a.with_days - a.with_flared, a.without_flared,
                                      a.without_days - a.without_flared);
      a.difference = static_cast<double>(a.with_flared) / a.with_days -
                     static_cast<double>(a.without_flared) / a.without_days;
      a.words =
          "Exercise days with " + what + " were followed by a worse morning " +
          Times(a.with_flared, a.with_days) + ", against " +
          Times(a.without_flared, a.without_days) + " without. " +
          (*a.difference == 0 ? "No difference so far."
           : *a.p_value < 0.05
               ? "A difference this large would be unusual by chance alone (p = " +
                     Fmt(*a.p_value) + "), though it does not show that one causes the other."
               : "With this few days the difference could still be chance (p = " + Fmt(*a.p_value) +
                     ").");
    }
    r.associations.push_back(std::move(a));
  };
  for (Load l : kAllLoads) {
    add(std::string(LoadName(l)),
        [l](const SessionDayFactors& d) { return std::optional<bool>(d.load.Has(l)); });
  }
  for (Confounder c :
       {Confounder::kSitting, Confounder::kProlongedPosition, Confounder::kUpperBodyTension}) {
    add(std::string(Name(c)), [c](const SessionDayFactors& d) {
      return std::optional<bool>(std::find(d.confounders.begin(), d.confounders.end(), c) !=
                                 d.confounders.end());
    });
  }
  add("long_session", [&r](const SessionDayFactors& d) -> std::optional<bool> {
    if (!d.minutes || !r.median_session_minutes) return std::nullopt;
    return *d.minutes > *r.median_session_minutes;
  });
}

std::string NextStep(const Reading& r, const Settings& s) {
  switch (r.trend.verdict) {
    case Verdict::kHelpful:
      return "Keep going. Progress gradually, a little more time or load at a time, and keep "
             "checking in on the three windows so that a change shows early.";
    case Verdict::kStirringUp: {
      const Association* top = nullptr;
      for (const Association& a : r.associations) {
        if (!a.enough || *a.difference <= 0) continue;
        if (top == nullptr || *a.p_value < *top->p_value ||
            (*a.p_value == *top->p_value && *a.difference > *top->difference)) {
          top = &a;
        }
      }
      std::string out = "Ease the load for a while";
      if (top != nullptr) {
        out += ", above all " + FactorWords(top->factor, s, r.median_session_minutes) +
               " (the days with it flared more often)";
      }
      return out +
             ", and keep tracking: the next week or two will show whether that settles your "
             "mornings. If it does not, or if pain keeps rising, talk to a clinician.";
    }
    case Verdict::kMixed:
      return "Keep recording all three windows, and the day's sitting, long spells in one position "
             "and upper-body tension: over the next week or two that tells whether the exercise or "
             "something else sets your mid back off.";
    case Verdict::kNotEnoughData: {
      std::string need;
      if (r.trend.mornings_needed > 0) {
        need = std::to_string(r.trend.mornings_needed) +
               (r.trend.mornings_needed == 1 ? " more morning" : " more mornings");
      }
      if (r.trend.session_days_needed > 0) {
        if (!need.empty()) need += " and ";
        need += std::to_string(r.trend.session_days_needed) +
                (r.trend.session_days_needed == 1 ? " more exercise day" : " more exercise days") +
                " followed by a recorded morning";
      }
      return "Record " + need +
             " to get a first reading of the trend. Check in on waking, during "
             "and about an hour after each session.";
    }
  }
  return "";
}

}  // namespace

std::optional<double> TheilSenPerWeek(std::vector<std::pair<int32_t, double>> points) {
  std::vector<double> slopes;
  slopes.reserve(points.size() * (points.size() - (points.empty() ? 0 : 1)) / 2);
  for (size_t i = 0; i < points.size(); ++i) {
    for (size_t j = i + 1; j < points.size(); ++j) {
      const int32_t dx = points[j].first - points[i].first;
      if (dx == 0) continue;
      slopes.push_back(7.0 * (points[j].second - points[i].second) / dx);
    }
  }
  if (slopes.empty()) return std::nullopt;
  const size_t n = slopes.size();
  const auto mid = slopes.begin() + static_cast<std::ptrdiff_t>(n / 2);
  std::nth_element(slopes.begin(), mid, slopes.end());
  if (n % 2 == 1) return *mid;
  const double upper = *mid;
  const double lower = *std::max_element(slopes.begin(), mid);
  return (lower + upper) / 2;
}

DuringSignal DuringSignalOf(const Session& session, const Settings& settings) {
  const During& d = session.during;
  if (d.sharp.value_or(false)) return DuringSignal::kSharp;
  if (d.pattern == Pattern::kBuilding ||
      (d.start && d.end && d.end->value() - d.start->value() >= settings.building_rise)) {
    return DuringSignal::kBuilding;
  }
  if (!d.empty()) return DuringSignal::kStable;
  return DuringSignal::kUnknown;
}

HourAfterSignal HourAfterSignalOf(const Session& session) {
  const During& d = session.during;
  const HourAfter& h = session.hour_after;
  const std::optional<Score> ref = d.end ? d.end : d.start;
  if (h.tighter.value_or(false) || (h.pain && ref && *h.pain > *ref)) {
    return HourAfterSignal::kRising;
  }
  if (h.pain && ref) return HourAfterSignal::kSettling;
  return HourAfterSignal::kUnknown;
}

int ReadingHorizonDays(const Settings& s) {
  // Sessions are listed over comfort_days, the trend looks at trend_days, associations and the
  // early warning at association_weeks; each morning they judge looks back baseline_days for
  // its usual, and a session day is the day before its morning.
  const int span = std::max({static_cast<int>(s.comfort_days), static_cast<int>(s.trend_days),
                             7 * static_cast<int>(s.association_weeks)});
  return span + static_cast<int>(s.baseline_days) + 2;
}

int MaxReadingHorizonDays() {
  Settings widest;
  for (const SettingInfo& info : AllSettings()) widest.*info.field = info.max;
  return ReadingHorizonDays(widest);
}

UsualAt UsualMorningAt(const Diary& diary, Date m, const Settings& settings) {
  return View(diary.days, diary.usual, settings).Usual(m);
}

Reading Read(const Diary& diary, Date as_of, const Settings& settings) {
  const Settings& s = settings;
  // Everything dated after the as-of date is ignored.
  const auto cut = std::upper_bound(diary.days.begin(), diary.days.end(), as_of,
                                    [](Date x, const Day& d) { return x < d.date; });
  const View v(std::span<const Day>(diary.days.begin(), cut), diary.usual, s);

  Reading r;
  r.as_of = as_of;
  r.window_start = as_of - (static_cast<int32_t>(s.trend_days) - 1);
  r.sessions_start = as_of - (static_cast<int32_t>(s.comfort_days) - 1);
  r.usual = v.Usual(as_of + 1);
  r.non_default_settings = NonDefaultSettings(s);

  const std::span<const Day> days = v.days();

  // Each session's three windows, and the comfort points, over [sessions_start, A].
  std::vector<std::pair<int32_t, double>> comfort_points;
  for (size_t i = v.LowerIndex(r.sessions_start); i < days.size(); ++i) {
    const Day& day = days[i];
    if (day.sessions.empty()) continue;
    const MorningEval m = EvalMorning(v, day.date + 1);
    const std::vector<Confounder> confounders = ConfoundersOf(day.context, s);
    for (size_t k = 0; k < day.sessions.size(); ++k) {
      const Session& session = day.sessions[k];
      SessionReading sr;
      sr.date = day.date;
      sr.number = k + 1;
      sr.session = &session;
      sr.during = DuringSignalOf(session, s);
      sr.hour_after = HourAfterSignalOf(session);
      sr.morning = m.signal;
      sr.response = ResponseOf(m.signal);
      sr.confounders = confounders;
      sr.morning_pain = m.pain;
      sr.morning_stiffness = m.stiffness;
      sr.usual = m.usual;
      sr.comfort = ComfortValue(session);
      if (sr.comfort) comfort_points.emplace_back(day.date.days(), sr.comfort->value());
      r.sessions.push_back(std::move(sr));
    }
  }

  // Mornings over the same span, for charts and words.
  for (size_t i = v.LowerIndex(r.sessions_start); i < days.size(); ++i) {
    const Day& day = days[i];
    if (!day.morning) continue;
    MorningPoint p;
    p.date = day.date;
    p.pain = day.morning->pain;
    p.stiffness = day.morning->stiffness;
    p.usual = v.Usual(day.date);
    p.after_session = !v.IsRestMorning(i);
    if (p.after_session) p.response = ResponseOf(EvalMorning(v, day.date).signal);
    r.mornings.push_back(p);
  }

  // The trend over W.
  Trend& t = r.trend;
  for (size_t i = v.LowerIndex(r.window_start - 1); i < days.size(); ++i) {
    const Day& day = days[i];
    if (day.sessions.empty() || day.date + 1 > as_of) continue;
    const Response resp = ResponseOf(EvalMorning(v, day.date + 1).signal);
    if (resp == Response::kUnknown) continue;
    ++t.session_days;
    if (resp == Response::kFlared) ++t.flared_days;
  }
  if (t.session_days > 0) t.flared_share = static_cast<double>(t.flared_days) / t.session_days;

  std::vector<std::pair<int32_t, double>> morning_points;
  for (size_t i = v.LowerIndex(r.window_start); i < days.size(); ++i) {
    if (days[i].morning)
      morning_points.emplace_back(days[i].date.days(), days[i].morning->pain.value());
  }
  t.mornings = static_cast<int>(morning_points.size());
  if (t.mornings >= static_cast<int>(s.min_mornings)) {
    t.baseline_slope_per_week = TheilSenPerWeek(std::move(morning_points));
  }
  t.baseline = ClassifySlope(t.baseline_slope_per_week, s.slope_per_week, Baseline::kCreeping,
                             Baseline::kImproving, Baseline::kStable, Baseline::kUnknown);

  t.comfort_sessions = static_cast<int>(comfort_points.size());
  if (t.comfort_sessions >= static_cast<int>(s.min_comfort_sessions)) {
    t.comfort_slope_per_week = TheilSenPerWeek(std::move(comfort_points));  // empty: one date
  }
  t.comfort = ClassifySlope(t.comfort_slope_per_week, s.slope_per_week, Comfort::kLessComfortable,
                            Comfort::kMoreComfortable, Comfort::kSteady, Comfort::kUnknown);

  t.verdict = VerdictOf(t, s);
  t.mornings_needed = std::max(0, static_cast<int>(s.min_mornings) - t.mornings);
  t.session_days_needed = std::max(0, static_cast<int>(s.min_session_days) - t.session_days);

  // Alerts: sharp or catching pain in W, and repeated worse mornings.
  for (const SessionReading& sr : r.sessions) {
    if (sr.date >= r.window_start && sr.during == DuringSignal::kSharp) {
      r.alerts.push_back({AlertKind::kModifyOrStop, sr.date, sr.number, {}});
    }
  }
  const auto needed = static_cast<size_t>(s.repeated_worse);
  std::vector<Date> recent;  // the last session days with a known response, newest first
  bool all_flared = true;
  for (size_t i = days.size(); i-- > 0 && recent.size() < needed;) {
    const Day& day = days[i];
    if (day.sessions.empty() || day.date + 1 > as_of) continue;
    const Response resp = ResponseOf(EvalMorning(v, day.date + 1).signal);
    if (resp == Response::kUnknown) continue;
    recent.push_back(day.date);
    all_flared = all_flared && resp == Response::kFlared;
  }
  if (recent.size() == needed && all_flared) {
    std::reverse(recent.begin(), recent.end());
    r.alerts.push_back({AlertKind::kRepeatedWorseMornings, recent.back(), 0, recent});
  }
  // Associations and the early warning, over the last association_weeks.
  const Date assoc_start = as_of - (7 * static_cast<int32_t>(s.association_weeks) - 1);
  std::vector<SessionDayFactors> factor_days;
  for (size_t i = v.LowerIndex(assoc_start - 1); i < days.size(); ++i) {
    const Day& day = days[i];
    if (day.sessions.empty() || day.date + 1 > as_of) continue;
    const Response resp = ResponseOf(EvalMorning(v, day.date + 1).signal);
    if (resp == Response::kUnknown) continue;
    SessionDayFactors f;
    f.flared = resp == Response::kFlared;
    f.confounders = ConfoundersOf(day.context, s);
    for (const Session& x : day.sessions) {
      f.load = LoadSet::FromBits(f.load.bits() | x.load.bits());
      if (x.minutes) f.minutes = f.minutes.value_or(0) + *x.minutes;
    }
    factor_days.push_back(std::move(f));
  }
  Associate(r, factor_days, s);

  std::vector<double> deviations;
  std::vector<Date> deviation_dates;
  for (size_t i = v.LowerIndex(assoc_start); i < days.size(); ++i) {
    if (!days[i].morning || !v.IsRestMorning(i)) continue;
    const UsualAt u = v.Usual(days[i].date);
    if (!u.pain) continue;
    deviations.push_back(days[i].morning->pain.value() - *u.pain);
    deviation_dates.push_back(days[i].date);
  }
  r.morning_shift.rest_mornings = static_cast<int>(deviations.size());
  if (!deviations.empty()) {
    const std::vector<double> cusum = UpperCusum(deviations, s.shift_reference);
    r.morning_shift.cusum = cusum.back();
    r.morning_shift.alarm = cusum.back() >= s.shift_threshold - kSlopeTolerance;
    if (r.morning_shift.alarm) {
      // Dated by the morning at which the current run first crossed the threshold.
      size_t first = cusum.size() - 1;
      while (first > 0 && cusum[first - 1] >= s.shift_threshold - kSlopeTolerance) --first;
      r.alerts.push_back({AlertKind::kMorningShift, deviation_dates[first], 0, {}});
    }
  }
  r.next_step = NextStep(r, s);

  std::stable_sort(r.alerts.begin(), r.alerts.end(),
                   [](const Alert& a, const Alert& b) { return a.date < b.date; });
  return r;
}

}  // namespace backsignal
