#include "backsignal/reading/reading.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "view.h"

namespace backsignal {

using reading_detail::kEightWeeks;
using reading_detail::Key;
using reading_detail::kFourWeeks;
using reading_detail::kTolerance;
using reading_detail::Median;
using reading_detail::MorningEval;
using reading_detail::ResponseOf;
using reading_detail::View;

namespace {

// Whether a confounder is unusual is judged over the recorded dates of [A-27, A] (§2).
constexpr int32_t kUnusualDays = 28;

// The highest of the session's during and hour-after ratings, if any (what the chart draws).
std::optional<Score> HighestRating(const Session& s) {
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

// How many of the recorded dates in [from, to] have each confounder, and how many dates.
struct ConfounderCounts {
  int recorded = 0;
  std::map<Confounder, int> with;
};

ConfounderCounts CountConfounders(const View& v, Date from, Date to) {
  ConfounderCounts out;
  const std::span<const Day> days = v.days();
  for (size_t i = v.LowerIndex(from); i < days.size() && days[i].date <= to; ++i) {
    if (days[i].empty()) continue;
    ++out.recorded;
    for (Confounder c :
         reading_detail::ConfoundersOf(days[i], v.Find(days[i].date + 1), v.settings())) {
      ++out.with[c];
    }
  }
  return out;
}

// Each session's three windows, and the mornings, over [sessions_start, A].
void ReadSessionsAndMornings(const View& v, Reading& r) {
  const Settings& s = v.settings();
  const std::span<const Day> days = v.days();
  const ConfounderCounts counts = CountConfounders(v, r.as_of - (kUnusualDays - 1), r.as_of);
  auto unusual = [&](Confounder c) {
    const auto it = counts.with.find(c);
    const int with = it == counts.with.end() ? 0 : it->second;
    return with < s.unusual_share * counts.recorded - kTolerance;
  };
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
      p.covered = v.Covered(day.date);
      r.mornings.push_back(p);
    }
    if (day.sessions.empty()) continue;
    const MorningEval m = v.EvalMorning(day.date + 1);
    const Day* next = v.Find(day.date + 1);
    const std::vector<Confounder> confounders = reading_detail::ConfoundersOf(day, next, s);
    std::vector<Confounder> unusual_ones;
    for (Confounder c : confounders) {
      if (unusual(c)) unusual_ones.push_back(c);
    }
    for (size_t k = 0; k < day.sessions.size(); ++k) {
      const Session& session = day.sessions[k];
      SessionReading sr;
      sr.date = day.date;
      sr.number = k + 1;
      sr.session = &session;
      sr.day = &day;
      sr.next_day = next;
      sr.during = DuringSignalOf(session, s);
      sr.hour_after = HourAfterSignalOf(session, s);
      sr.morning = m.signal;
      sr.response = ResponseOf(m.signal);
      sr.strain = StrainOf(sr.during, sr.hour_after, sr.response);
      sr.activity = ActivityName(session.activity);
      sr.confounders = confounders;
      sr.unusual_confounders = unusual_ones;
      sr.morning_pain = m.pain;
      sr.morning_stiffness = m.stiffness;
      sr.usual = m.usual;
      sr.morning_covered = v.Covered(day.date + 1);
      sr.rise = RiseOf(session);
      sr.comfort = HighestRating(session);
      r.sessions.push_back(std::move(sr));
    }
  }
}

// Session days, shares, missing mornings and painkillers (§3).
void ReadSessionDays(const View& v, Reading& r) {
  const std::span<const Day> days = v.days();
  Trend& t = r.trend;
  for (size_t i = v.LowerIndex(r.window_start - 1); i < days.size(); ++i) {
    const Day& day = days[i];
    if (day.sessions.empty() || day.date + 1 > r.as_of) continue;
    ++t.exercise_days;
    const MorningEval m = v.EvalMorning(day.date + 1);
    if (!m.pain) ++t.missing_mornings;
    const Response resp = ResponseOf(m.signal);
    if (resp == Response::kUnknown) continue;
    ++t.session_days;
    if (resp == Response::kFlared) ++t.flared_days;
    if (resp == Response::kFlared || resp == Response::kRaised) ++t.raised_days;
    if (v.Covered(day.date + 1)) ++t.covered_mornings;
  }
  if (t.session_days > 0) {
    t.flared_share = static_cast<double>(t.flared_days) / t.session_days;
    t.raised_share = static_cast<double>(t.raised_days) / t.session_days;
  }
}

// The exercise effect, recorded days and rest mornings under painkillers, all in W.
void ReadWindowDays(const View& v, Reading& r) {
  const Settings& s = v.settings();
  const std::span<const Day> days = v.days();
  Trend& t = r.trend;
  std::vector<double> after, rest;
  for (size_t i = v.LowerIndex(r.window_start); i < days.size(); ++i) {
    if (!days[i].empty()) ++t.recorded_days;
    if (!days[i].morning) continue;
    ++t.mornings;
    const MorningKind kind = v.KindOf(days[i].date);
    if (kind == MorningKind::kAfterSession) after.push_back(days[i].morning->pain.value());
    if (kind == MorningKind::kRest) {
      rest.push_back(days[i].morning->pain.value());
      if (v.Covered(days[i].date)) ++t.rest_covered;
    }
  }
  t.effect_after_mornings = static_cast<int>(after.size());
  t.effect_rest_mornings = static_cast<int>(rest.size());
  t.rest_mornings = t.effect_rest_mornings;
  const auto min_each = static_cast<size_t>(s.effect_min_mornings);
  if (after.size() >= min_each && rest.size() >= min_each) {
    t.exercise_effect = Median(std::move(after)) - Median(std::move(rest));
  }
  if (t.rest_mornings > 0) {
    t.rest_covered_share = static_cast<double>(t.rest_covered) / t.rest_mornings;
  }
  t.masked = t.covered_mornings >= static_cast<int>(s.masked_mornings) &&
             t.covered_mornings > s.masked_share * t.session_days + kTolerance &&
             (!t.rest_covered_share || *t.rest_covered_share < s.masked_share - kTolerance);
}

// The baseline: this fortnight's level against the fortnight before's.
void ReadBaseline(const View& v, Reading& r) {
  const Settings& s = v.settings();
  Trend& t = r.trend;
  const auto span = static_cast<int32_t>(s.trend_days);
  const Date before_start = r.window_start - span, before_end = r.window_start - 1;
  for (bool rest_only : {true, false}) {
    const auto now = v.Level(r.window_start, r.as_of, Key::kPain, rest_only);
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
}

// Strain by kind over W, and comfort from each session's own rise over the comfort window.
void ReadStrainAndComfort(const View& v, Reading& r) {
  const Settings& s = v.settings();
  Trend& t = r.trend;
  std::vector<std::pair<int32_t, double>> rises;
  for (const SessionReading& sr : r.sessions) {
    if (sr.rise) rises.emplace_back(sr.date.days(), *sr.rise);
    if (sr.date < r.window_start) continue;
    if (sr.during == DuringSignal::kUnknown && sr.hour_after == HourAfterSignal::kUnknown) {
      continue;
    }
    ++t.strain_sessions;
    if (!sr.strain) continue;
    ++t.strained_sessions;
    switch (*sr.strain) {
      case Strain::kSharp:
        ++t.sharp_sessions;
        break;
      case Strain::kBuilt:
        ++t.built_sessions;
        break;
      case Strain::kStillRising:
        ++t.still_rising_sessions;
        break;
    }
  }
  if (t.strain_sessions > 0) {
    t.strained_share = static_cast<double>(t.strained_sessions) / t.strain_sessions;
  }
  t.comfort_sessions = static_cast<int>(rises.size());
  if (t.comfort_sessions >= static_cast<int>(s.min_comfort_sessions)) {
    t.comfort_slope_per_week = TheilSenPerWeek(std::move(rises));  // empty: one date
  }
  t.comfort = ClassifyComfort(t.comfort_slope_per_week, s.slope_per_week);
}

// Each activity on its own over [A - activity_days, A-1] (§3).
void ReadActivities(const View& v, Reading& r) {
  const Settings& s = v.settings();
  const std::span<const Day> days = v.days();
  std::map<std::string, ActivityReading> by_name;
  std::map<std::string, bool> raised_in_window;
  const Date first = r.as_of - static_cast<int32_t>(s.activity_days);
  for (size_t i = v.LowerIndex(first); i < days.size(); ++i) {
    const Day& day = days[i];
    if (day.sessions.empty() || day.date + 1 > r.as_of) continue;
    const Response resp = ResponseOf(v.EvalMorning(day.date + 1).signal);
    if (resp == Response::kUnknown) continue;
    const bool raised = resp == Response::kFlared || resp == Response::kRaised;
    std::vector<std::string> seen;  // a date counts once for each of its activities
    for (const Session& x : day.sessions) {
      std::optional<std::string> name = ActivityName(x.activity);
      if (!name || std::find(seen.begin(), seen.end(), *name) != seen.end()) continue;
      seen.push_back(*name);
      ActivityReading& a = by_name[*name];
      a.name = *name;
      ++a.days;
      if (raised) ++a.raised_days;
      if (resp == Response::kFlared) ++a.flared_days;
      if (raised && day.date + 1 >= r.window_start) raised_in_window[*name] = true;
    }
  }
  for (auto& [name, a] : by_name) {
    a.setting_off = a.raised_days >= static_cast<int>(s.activity_raised_days) &&
                    a.raised_days > s.activity_share * a.days + kTolerance &&
                    raised_in_window[name];
    if (a.days >= 2) r.activities.push_back(std::move(a));
  }
  // Most days first, then by name: std::map gave code point order, which a stable sort keeps.
  std::stable_sort(
      r.activities.begin(), r.activities.end(),
      [](const ActivityReading& a, const ActivityReading& b) { return a.days > b.days; });
}

void ReadTrend(const View& v, Reading& r) {
  const Settings& s = v.settings();
  Trend& t = r.trend;
  ReadSessionDays(v, r);
  ReadWindowDays(v, r);
  ReadBaseline(v, r);
  ReadStrainAndComfort(v, r);
  ReadActivities(v, r);
  t.mornings_needed = std::max(0, static_cast<int>(s.min_mornings) - t.mornings);
  t.session_days_needed = std::max(0, static_cast<int>(s.min_session_days) - t.session_days);
  t.recorded_days_needed = std::max(0, static_cast<int>(s.min_recorded_days) - t.recorded_days);
}

Verdict VerdictOf(Reading& r, const Settings& s) {
  Trend& t = r.trend;
  if (t.session_days < static_cast<int>(s.min_session_days) ||
      t.mornings < static_cast<int>(s.min_mornings) ||
      t.recorded_days < static_cast<int>(s.min_recorded_days)) {
    return Verdict::kNotEnoughData;
  }
  const bool raised_most = *t.raised_share > s.stirring_share;
  const bool effect_allows = !t.exercise_effect || *t.exercise_effect >= s.exercise_effect;
  if ((raised_most && effect_allows) || t.comfort == Comfort::kLessComfortable) {
    return Verdict::kStirringUp;
  }
  const bool setting_off = std::any_of(r.activities.begin(), r.activities.end(),
                                       [](const ActivityReading& a) { return a.setting_off; });
  const std::pair<bool, HeldBack> holds[] = {
      {*t.flared_share > s.helpful_share, HeldBack::kFlares},
      {t.baseline == Baseline::kCreeping, HeldBack::kCreeping},
      {t.strained_share && *t.strained_share > s.strain_share, HeldBack::kStrain},
      {HasAlert(r, AlertKind::kModifyOrStop), HeldBack::kSharp},
      {setting_off, HeldBack::kActivity},
      {t.masked, HeldBack::kPainkillers},
      {HasAlert(r, AlertKind::kKeepsRising), HeldBack::kKeepsRising},
      {HasAlert(r, AlertKind::kRepeatedWorseMornings), HeldBack::kRepeatedWorseMornings},
  };
  for (const auto& [holds_back, why] : holds) {
    if (holds_back) t.held_back_by.push_back(why);
  }
  return t.held_back_by.empty() ? Verdict::kHelpful : Verdict::kMixed;
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

std::optional<Strain> StrainOf(DuringSignal during, HourAfterSignal hour_after, Response response) {
  if (during == DuringSignal::kSharp) return Strain::kSharp;
  if (during == DuringSignal::kBuilding) return Strain::kBuilt;
  if (hour_after == HourAfterSignal::kRising && response != Response::kSettled) {
    return Strain::kStillRising;
  }
  return std::nullopt;
}

std::optional<double> RiseOf(const Session& session) {
  const std::optional<Score>& start = session.during.start;
  const std::optional<Score>& end = session.during.end;
  const std::optional<Score>& after = session.hour_after.pain;
  if (!start || (!end && !after)) return std::nullopt;
  const Score top = end && after ? std::max(*end, *after) : end ? *end : *after;
  return top.value() - start->value();
}

int ReadingHorizonDays(const Settings& s) {
  // The earliest morning any part of the reading judges: progress at A-55 (and the eight-week
  // comparison on all mornings before it), the association weeks, the comfort window's sessions
  // (their mornings after), the activities' days, the fortnight before W. Each looks back the
  // usual's longest look-back, and a morning needs the day before it.
  const int span = std::max({kEightWeeks, 7 * static_cast<int>(s.association_weeks),
                             static_cast<int>(s.comfort_days), 2 * static_cast<int>(s.trend_days),
                             static_cast<int>(s.activity_days), kUnusualDays});
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
  reading_detail::ReadAlerts(v, r);
  r.trend.verdict = VerdictOf(r, s);
  reading_detail::Associate(v, as_of, r);
  return r;
}

}  // namespace backsignal
