#include "view.h"

#include <algorithm>

namespace backsignal::reading_detail {

size_t View::LowerIndex(Date d) const {
  return static_cast<size_t>(std::lower_bound(days_.begin(), days_.end(), d,
                                              [](const Day& day, Date x) { return day.date < x; }) -
                             days_.begin());
}

const Day* View::Find(Date d) const {
  const size_t i = LowerIndex(d);
  return (i < days_.size() && days_[i].date == d) ? &days_[i] : nullptr;
}

bool View::Recorded(Date d) const {
  const Day* day = Find(d);
  return day != nullptr && !day->empty();
}

bool View::HasSession(Date d) const {
  const Day* day = Find(d);
  return day != nullptr && !day->sessions.empty();
}

MorningKind View::KindOf(Date m) const {
  const Day* before = Find(m - 1);
  if (before == nullptr || before->empty()) return MorningKind::kUnknown;
  return before->sessions.empty() ? MorningKind::kRest : MorningKind::kAfterSession;
}

bool TookPainkillers(const Day& day) {
  return day.context.painkillers.value_or(false) || day.context.painkiller_name.has_value();
}

bool View::Covered(Date m) const {
  const Day* before = Find(m - 1);
  return before != nullptr && TookPainkillers(*before);
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::optional<double> View::Level(Date from, Date to, Key key, bool rest_only) const {
  std::vector<double> values;
  for (size_t i = LowerIndex(from); i < days_.size() && days_[i].date <= to; ++i) {
    const std::optional<Morning>& m = days_[i].morning;
    if (!m) continue;
    const std::optional<Score> v = key == Key::kPain ? std::optional<Score>(m->pain) : m->stiffness;
    if (!v) continue;
    if (rest_only && KindOf(days_[i].date) != MorningKind::kRest) continue;
    values.push_back(v->value());
  }
  if (values.size() < static_cast<size_t>(s_.baseline_min_mornings)) return std::nullopt;
  return Median(std::move(values));
}

std::optional<double> View::UsualOf(Date m, Key key, bool allow_stated, UsualSource* source) const {
  *source = UsualSource::kNone;
  for (double look_back : {s_.baseline_days, s_.baseline_fallback_days}) {
    const auto first = m - static_cast<int32_t>(look_back);
    if (auto level = Level(first, m - 1, key, /*rest_only=*/true)) {
      *source = UsualSource::kRestMornings;
      return level;
    }
  }
  if (!allow_stated) return std::nullopt;
  const std::optional<Score>& stated = key == Key::kPain ? stated_.pain : stated_.stiffness;
  if (!stated) return std::nullopt;
  *source = UsualSource::kStated;
  return stated->value();
}

UsualAt View::Usual(Date m, bool allow_stated) const {
  UsualAt u;
  UsualSource ignored = UsualSource::kNone;
  u.pain = UsualOf(m, Key::kPain, allow_stated, &u.pain_source);
  u.stiffness = UsualOf(m, Key::kStiffness, allow_stated, &ignored);
  return u;
}

MorningEval View::EvalMorning(Date m) const {
  MorningEval e;
  const Day* day = Find(m);
  if (day == nullptr || !day->morning) return e;
  e.pain = day->morning->pain;
  e.stiffness = day->morning->stiffness;
  e.usual = Usual(m);
  std::optional<double> ds;
  if (e.usual.pain) e.pain_above = e.pain->value() - *e.usual.pain;
  if (e.usual.stiffness && e.stiffness) ds = e.stiffness->value() - *e.usual.stiffness;
  const std::optional<double>& dp = e.pain_above;
  // A rise counts only where the morning's own score is above the low-pain floor (§2).
  const bool pain_above_floor = e.pain->value() > s_.low_pain_floor;
  const bool stiffness_above_floor = e.stiffness && e.stiffness->value() > s_.low_pain_floor;
  auto at_least = [&](double threshold) {
    return (dp && *dp >= threshold && pain_above_floor) ||
           (ds && *ds >= threshold && stiffness_above_floor);
  };
  if (at_least(s_.significant_change)) {
    e.signal = MorningSignal::kWorse;
  } else if (at_least(s_.noticeably_higher)) {
    e.signal = MorningSignal::kHigher;
  } else if (dp && *dp <= -s_.marginal_better) {
    e.signal = MorningSignal::kBetter;
  } else if (dp || ds) {
    e.signal = MorningSignal::kUsual;
  }
  return e;
}

Response ResponseOf(MorningSignal m) {
  switch (m) {
    case MorningSignal::kWorse:
      return Response::kFlared;
    case MorningSignal::kHigher:
      return Response::kRaised;
    case MorningSignal::kUsual:
    case MorningSignal::kBetter:
      return Response::kSettled;
    case MorningSignal::kUnknown:
      return Response::kUnknown;
  }
  return Response::kUnknown;
}

std::vector<Confounder> ConfoundersOf(const Day& day, const Day* next, const Settings& s) {
  const Context& c = day.context;
  std::vector<Confounder> out;
  if (c.sitting_hours && *c.sitting_hours >= s.sitting_hours) out.push_back(Confounder::kSitting);
  if (c.prolonged_position.value_or(false)) out.push_back(Confounder::kProlongedPosition);
  if (c.upper_body_tension && c.upper_body_tension->value() >= s.upper_body_tension) {
    out.push_back(Confounder::kUpperBodyTension);
  }
  if (next && next->context.sleep_hours && *next->context.sleep_hours < s.short_sleep_hours) {
    out.push_back(Confounder::kShortSleep);
  }
  if (c.stress && c.stress->value() >= s.stress) out.push_back(Confounder::kStress);
  return out;
}

}  // namespace backsignal::reading_detail
