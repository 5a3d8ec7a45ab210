#include "backsignal/reading/reading.h"

#include <algorithm>
#include <cmath>

#include "backsignal/reading/statistics.h"
#include "view.h"

namespace backsignal {

using reading_detail::Key;
using reading_detail::kTolerance;
using reading_detail::Median;
using reading_detail::MorningEval;
using reading_detail::ResponseOf;
using reading_detail::View;

namespace {

// The progress points, in days before the as-of date (reading.md §3).
constexpr int32_t kFourWeeks = 27;
constexpr int32_t kEightWeeks = 55;

// The highest of the session's during and hour-after ratings, if any.
std::optional<Score> ComfortValue(const Session& s) {
  std::optional<Score> best;
  for (const std::optional<Score>& v : {s.during.start, s.during.end, s.hour_after.pain}) {
    if (v && (!best || *v > *best)) best = v;
  }
  return best;
}

Comfort ClassifyComfort(const std::optional<double>& slope, double threshold) {
  if (!slope) return Comfort::kUnknown;
  if (*slope >= threshold - kTolerance) return Comfort::kLessComfortable;
  if (*slope <= -threshold + kTolerance) return Comfort::kMoreComfortable;
  return Comfort::kSteady;
}

bool HasAlert(const Reading& r, AlertKind kind) {
  return std::any_of(r.alerts.begin(), r.alerts.end(),
                     [kind](const Alert& a) { return a.kind == kind; });
}

// Each session's three windows, and the mornings, over [sessions_start, A].
void ReadSessionsAndMornings(const View& v, Reading& r) {
  const Settings& s = v.settings();
  const std::span<const Day> days = v.days();
  for (size_t i = v.LowerIndex(r.sessions_start); i < days.size(); ++i) {
    const Day& day = days[i];
    if (day.morning) {
      const MorningEval e = v.EvalMorning(day.date);
      MorningPoint p;
      p.date = day.date;
      p.pain = day.morning->pain;
      p.stiffness = day.morning->stiffness;
      p.usual = e.usual;
      p.kind = v.KindOf(day.date);
      p.signal = e.signal;
      if (p.kind == MorningKind::kAfterSession) p.response = ResponseOf(e.signal);
      p.painkillers = day.context.painkillers.value_or(false);
      r.mornings.push_back(p);
    }
    if (day.sessions.empty()) continue;
    const MorningEval m = v.EvalMorning(day.date + 1);
    const Day* next = v.Find(day.date + 1);
    const std::vector<Confounder> confounders = reading_detail::ConfoundersOf(day, next, s);
    const bool painkillers = next && next->context.painkillers.value_or(false);
    for (size_t k = 0; k < day.sessions.size(); ++k) {
      const Session& session = day.sessions[k];
      SessionReading sr;
      sr.date = day.date;
      sr.number = k + 1;
      sr.session = &session;
      sr.during = DuringSignalOf(session, s);
      sr.hour_after = HourAfterSignalOf(session, s);
      sr.morning = m.signal;
      sr.response = ResponseOf(m.signal);
      sr.confounders = confounders;
      sr.morning_pain = m.pain;
      sr.morning_stiffness = m.stiffness;
      sr.usual = m.usual;
      sr.morning_painkillers = painkillers;
      sr.comfort = ComfortValue(session);
      r.sessions.push_back(std::move(sr));
    }
  }
}

// Session days, shares, missing mornings, the exercise effect, the baseline and strain (§3).
void ReadTrend(const View& v, Reading& r) {
  const Settings& s = v.settings();
  const std::span<const Day> days = v.days();
  const Date a = r.as_of;
  Trend& t = r.trend;

  for (size_t i = v.LowerIndex(r.window_start - 1); i < days.size(); ++i) {
    const Day& day = days[i];
    if (day.sessions.empty() || day.date + 1 > a) continue;
    ++t.exercise_days;
    const MorningEval m = v.EvalMorning(day.date + 1);
    if (!m.pain) {
      ++t.missing_mornings;
    } else {
      ++t.mornings_after_exercise;
      const Day* next = v.Find(day.date + 1);
      if (next && next->context.painkillers.value_or(false)) ++t.painkiller_mornings;
    }
    const Response resp = ResponseOf(m.signal);
    if (resp == Response::kUnknown) continue;
    ++t.session_days;
    if (resp == Response::kFlared) ++t.flared_days;
    if (resp == Response::kFlared || resp == Response::kRaised) ++t.raised_days;
  }
  if (t.session_days > 0) {
    t.flared_share = static_cast<double>(t.flared_days) / t.session_days;
    t.raised_share = static_cast<double>(t.raised_days) / t.session_days;
  }

  // The exercise effect: mornings after exercise against mornings after rest, both in W.
  std::vector<double> after, rest;
  for (size_t i = v.LowerIndex(r.window_start); i < days.size(); ++i) {
    if (!days[i].morning) continue;
    ++t.mornings;
    const MorningKind kind = v.KindOf(days[i].date);
    if (kind == MorningKind::kAfterSession) after.push_back(days[i].morning->pain.value());
    if (kind == MorningKind::kRest) rest.push_back(days[i].morning->pain.value());
  }
  t.effect_after_mornings = static_cast<int>(after.size());
  t.effect_rest_mornings = static_cast<int>(rest.size());
  const auto min_each = static_cast<size_t>(s.effect_min_mornings);
  if (after.size() >= min_each && rest.size() >= min_each) {
    t.exercise_effect = Median(std::move(after)) - Median(std::move(rest));
  }

  // The baseline: this fortnight's level against the fortnight before's.
  const auto span = static_cast<int32_t>(s.trend_days);
  const Date before_start = r.window_start - span, before_end = r.window_start - 1;
  for (bool rest_only : {true, false}) {
    const auto now = v.Level(r.window_start, a, Key::kPain, rest_only);
    const auto then = v.Level(before_start, before_end, Key::kPain, rest_only);
    if (now && then) {
      t.baseline_now = now;
      t.baseline_before = then;
      t.baseline_change = *now - *then;
      t.baseline_basis = rest_only ? BaselineBasis::kRestMornings : BaselineBasis::kAllMornings;
      break;
    }
  }
  if (t.baseline_change) {
    t.baseline = *t.baseline_change >= s.baseline_change    ? Baseline::kCreeping
                 : *t.baseline_change <= -s.baseline_change ? Baseline::kImproving
                                                            : Baseline::kStable;
  }

  // Strain, and the comfort trend.
  std::vector<std::pair<int32_t, double>> comfort_points;
  for (const SessionReading& sr : r.sessions) {
    if (sr.comfort) comfort_points.emplace_back(sr.date.days(), sr.comfort->value());
    if (sr.date < r.window_start) continue;
    if (sr.during == DuringSignal::kSharp) ++r.sharp_sessions;
    if (sr.during == DuringSignal::kUnknown && sr.hour_after == HourAfterSignal::kUnknown) {
      continue;
    }
    ++t.strain_sessions;
    if (sr.during == DuringSignal::kBuilding || sr.during == DuringSignal::kSharp ||
        sr.hour_after == HourAfterSignal::kRising) {
      ++t.strained_sessions;
    }
  }
  if (t.strain_sessions > 0) {
    t.strained_share = static_cast<double>(t.strained_sessions) / t.strain_sessions;
  }
  t.comfort_sessions = static_cast<int>(comfort_points.size());
  if (t.comfort_sessions >= static_cast<int>(s.min_comfort_sessions)) {
    t.comfort_slope_per_week = TheilSenPerWeek(std::move(comfort_points));  // empty: one date
  }
  t.comfort = ClassifyComfort(t.comfort_slope_per_week, s.slope_per_week);
  t.mornings_needed = std::max(0, static_cast<int>(s.min_mornings) - t.mornings);
  t.session_days_needed = std::max(0, static_cast<int>(s.min_session_days) - t.session_days);
}

void ReadAlerts(const View& v, Reading& r) {
  const Settings& s = v.settings();
  const std::span<const Day> days = v.days();
  for (const SessionReading& sr : r.sessions) {
    if (sr.date >= r.window_start && sr.during == DuringSignal::kSharp) {
      r.alerts.push_back({AlertKind::kModifyOrStop, sr.date, sr.number, {}});
    }
  }
  // The last session days up to A with a known response, newest first.
  const auto needed = static_cast<size_t>(s.repeated_worse);
  std::vector<Date> recent;
  bool all_flared = true;
  for (size_t i = days.size(); i-- > 0 && recent.size() < needed;) {
    const Day& day = days[i];
    if (day.sessions.empty() || day.date + 1 > r.as_of) continue;
    const Response resp = ResponseOf(v.EvalMorning(day.date + 1).signal);
    if (resp == Response::kUnknown) continue;
    recent.push_back(day.date);
    all_flared = all_flared && resp == Response::kFlared;
  }
  if (recent.size() == needed && all_flared) {
    std::reverse(recent.begin(), recent.end());
    r.alerts.push_back({AlertKind::kRepeatedWorseMornings, recent.back(), 0, recent});
  }
  const Progress& p = r.progress;
  if (p.now && p.four_weeks_before && *p.now - *p.four_weeks_before >= s.keeps_rising) {
    r.alerts.push_back({AlertKind::kKeepsRising, r.as_of, 0, {}});
  }
  // The early warning: rest mornings over the association weeks drifting above the usual.
  const Date start = r.as_of - (7 * static_cast<int32_t>(s.association_weeks) - 1);
  std::vector<double> deviations;
  std::vector<Date> dates;
  for (size_t i = v.LowerIndex(start); i < days.size(); ++i) {
    if (!days[i].morning || v.KindOf(days[i].date) != MorningKind::kRest) continue;
    const UsualAt u = v.Usual(days[i].date);
    if (!u.pain) continue;
    deviations.push_back(days[i].morning->pain.value() - *u.pain);
    dates.push_back(days[i].date);
  }
  r.morning_shift.rest_mornings = static_cast<int>(deviations.size());
  if (!deviations.empty()) {
    const std::vector<double> cusum = UpperCusum(deviations, s.shift_reference);
    r.morning_shift.cusum = cusum.back();
    r.morning_shift.alarm = cusum.back() >= s.shift_threshold - kTolerance;
    if (r.morning_shift.alarm) {
      // Dated by the morning at which the current run first crossed the threshold.
      size_t first = cusum.size() - 1;
      while (first > 0 && cusum[first - 1] >= s.shift_threshold - kTolerance) --first;
      r.alerts.push_back({AlertKind::kMorningShift, dates[first], 0, {}});
    }
  }
  std::stable_sort(r.alerts.begin(), r.alerts.end(),
                   [](const Alert& a, const Alert& b) { return a.date < b.date; });
}

Verdict VerdictOf(const Reading& r, const Settings& s) {
  const Trend& t = r.trend;
  if (t.session_days < static_cast<int>(s.min_session_days) ||
      t.mornings < static_cast<int>(s.min_mornings)) {
    return Verdict::kNotEnoughData;
  }
  const bool raised_most = *t.raised_share > s.stirring_share;
  const bool effect_allows = !t.exercise_effect || *t.exercise_effect >= s.exercise_effect;
  if ((raised_most && effect_allows) || t.comfort == Comfort::kLessComfortable) {
    return Verdict::kStirringUp;
  }
  if (*t.flared_share <= s.helpful_share && t.baseline != Baseline::kCreeping &&
      (!t.strained_share || *t.strained_share <= s.strain_share) &&
      !HasAlert(r, AlertKind::kKeepsRising) && !HasAlert(r, AlertKind::kRepeatedWorseMornings)) {
    return Verdict::kHelpful;
  }
  return Verdict::kMixed;
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

HourAfterSignal HourAfterSignalOf(const Session& session, const Settings& settings) {
  const During& d = session.during;
  const HourAfter& h = session.hour_after;
  const std::optional<Score> ref = d.end ? d.end : d.start;
  if (h.tighter.value_or(false) ||
      (h.pain && ref && h.pain->value() - ref->value() >= settings.rising_rise)) {
    return HourAfterSignal::kRising;
  }
  if (h.pain && ref) return HourAfterSignal::kSettling;
  return HourAfterSignal::kUnknown;
}

int ReadingHorizonDays(const Settings& s) {
  // The earliest morning any part of the reading judges: progress at A-55, the association
  // weeks, the comfort window's sessions (their mornings after), the fortnight before W. Each
  // looks back the usual's longest look-back, and a morning needs the day before it.
  const int span = std::max({kEightWeeks, 7 * static_cast<int>(s.association_weeks),
                             static_cast<int>(s.comfort_days), 2 * static_cast<int>(s.trend_days)});
  return span + static_cast<int>(std::max(s.baseline_days, s.baseline_fallback_days)) + 2;
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
  r.progress.now = v.Usual(as_of + 1, /*allow_stated=*/false).pain;
  r.progress.four_weeks_before = v.Usual(as_of - kFourWeeks, false).pain;
  r.progress.eight_weeks_before = v.Usual(as_of - kEightWeeks, false).pain;

  ReadSessionsAndMornings(v, r);
  ReadTrend(v, r);
  ReadAlerts(v, r);
  r.trend.verdict = VerdictOf(r, s);
  reading_detail::Associate(v, as_of, r);
  return r;
}

}  // namespace backsignal
