// The alerts of reading.md §4 (modify or stop, repeated worse mornings, pain that keeps rising
// over four or eight weeks) and the early warning (docs/early-warning.md).
#include <algorithm>

#include "backsignal/reading/statistics.h"
#include "view.h"

namespace backsignal::reading_detail {
namespace {

// The last `needed` session days up to A with a known response, if they all flared.
std::optional<std::vector<Date>> RepeatedFlares(const View& v, Date as_of, size_t needed) {
  const std::span<const Day> days = v.days();
  std::vector<Date> recent;
  for (size_t i = days.size(); i-- > 0 && recent.size() < needed;) {
    const Day& day = days[i];
    if (day.sessions.empty() || day.date + 1 > as_of) continue;
    const Response resp = ResponseOf(v.EvalMorning(day.date + 1).signal);
    if (resp == Response::kUnknown) continue;
    if (resp != Response::kFlared) return std::nullopt;
    recent.push_back(day.date);
  }
  if (recent.size() != needed) return std::nullopt;
  std::reverse(recent.begin(), recent.end());
  return recent;
}

// keeps_rising (§4): the usual morning of A+1 against that of `weeks` weeks before, from rest
// mornings; where rest mornings do not give both, all mornings of the same look-backs.
std::optional<Rise> RiseOver(const View& v, const Reading& r, int weeks) {
  const std::optional<double> before =
      weeks == 4 ? r.progress.four_weeks_before : r.progress.eight_weeks_before;
  Rise rise;
  rise.weeks = weeks;
  if (r.progress.now && before) {
    rise.from = *before;
    rise.to = *r.progress.now;
  } else {
    const auto span = static_cast<int32_t>(v.settings().baseline_days);
    const Date end_before = r.as_of - 7 * weeks;
    const auto now = v.Level(r.as_of - (span - 1), r.as_of, Key::kPain, false);
    const auto then = v.Level(end_before - (span - 1), end_before, Key::kPain, false);
    if (!now || !then) return std::nullopt;
    rise.all_mornings = true;
    rise.from = *then;
    rise.to = *now;
  }
  if (rise.to - rise.from < v.settings().keeps_rising) return std::nullopt;
  return rise;
}

}  // namespace

void ReadAlerts(const View& v, Reading& r) {
  const Settings& s = v.settings();
  const std::span<const Day> days = v.days();
  for (const SessionReading& sr : r.sessions) {
    if (sr.date >= r.window_start && sr.during == DuringSignal::kSharp) {
      r.alerts.push_back({AlertKind::kModifyOrStop, sr.date, sr.number, {}, {}});
    }
  }
  if (auto flares = RepeatedFlares(v, r.as_of, static_cast<size_t>(s.repeated_worse))) {
    const Date last = flares->back();
    r.alerts.push_back({AlertKind::kRepeatedWorseMornings, last, 0, std::move(*flares), {}});
  }
  const std::optional<Rise> four = RiseOver(v, r, 4), eight = RiseOver(v, r, 8);
  if (four || eight) {
    const bool eight_larger = eight && (!four || eight->to - eight->from > four->to - four->from);
    r.alerts.push_back({AlertKind::kKeepsRising, r.as_of, 0, {}, eight_larger ? eight : four});
  }
  // The early warning: rest mornings over the association weeks drifting above the usual. A
  // diary kept on a few days only (often the bad ones) cannot raise it.
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
    r.morning_shift.alarm = cusum.back() >= s.shift_threshold - kTolerance &&
                            r.trend.recorded_days >= static_cast<int>(s.min_recorded_days);
    if (r.morning_shift.alarm) {
      // Dated by the morning at which the current run first crossed the threshold.
      size_t first = cusum.size() - 1;
      while (first > 0 && cusum[first - 1] >= s.shift_threshold - kTolerance) --first;
      r.alerts.push_back({AlertKind::kMorningShift, dates[first], 0, {}, {}});
    }
  }
  std::stable_sort(r.alerts.begin(), r.alerts.end(),
                   [](const Alert& a, const Alert& b) { return a.date < b.date; });
}

}  // namespace backsignal::reading_detail
