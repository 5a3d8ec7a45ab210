// What tends to go with a noticeably higher morning (reading.md v2 and the issue that asked
// for it): the day's other loads over every recorded day whose next morning is known; the
// session's loads, length, number and activity over exercise days. Counts, points and Fisher's
// exact test; a factor is named in a next step only past a bar corrected for the factors compared.
#include <algorithm>
#include <functional>

#include "backsignal/reading/statistics.h"
#include "view.h"

namespace backsignal::reading_detail {
namespace {

// One recorded day with a known next morning.
struct FactorDay {
  Date date;
  bool higher = false;                 // the next morning noticeably higher (or worse)
  std::optional<double> points_above;  // the next morning's pain above its usual
  bool exercise = false;
  LoadSet load;
  std::vector<Confounder> confounders;
  std::optional<int> minutes;  // the day's sessions' total, over those that give one
  std::optional<int> effort;   // the hardest of the day's sessions that give one
  size_t sessions = 0;
  // The night before the next morning (recorded on the next day), when recorded.
  std::optional<double> sleep_hours;
  std::optional<Score> sleep_quality;
  std::optional<Score> stress;
  bool painkillers = false;
  const std::vector<std::string>* tags = nullptr;  // borrowed from the diary
  std::vector<std::string> activities;             // ActivityName of the day's sessions
};

struct Candidate {
  std::string factor;
  bool exercise_only;
  std::function<std::optional<bool>(const FactorDay&)> has;  // empty: not comparable that day
};

std::optional<double> Mean(const std::vector<double>& v) {
  if (v.empty()) return std::nullopt;
  double sum = 0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

}  // namespace

void Associate(const View& v, Date as_of, Reading& r) {
  const Settings& s = v.settings();
  const std::span<const Day> days = v.days();
  const Date start = as_of - (7 * static_cast<int32_t>(s.association_weeks) - 1);

  std::vector<FactorDay> factor_days;
  std::vector<int> totals;
  for (size_t i = v.LowerIndex(start - 1); i < days.size(); ++i) {
    const Day& day = days[i];
    if (day.empty() || day.date + 1 > as_of) continue;
    const MorningEval m = v.EvalMorning(day.date + 1);
    if (m.signal == MorningSignal::kUnknown) continue;
    FactorDay f;
    f.date = day.date;
    f.higher = m.signal == MorningSignal::kWorse || m.signal == MorningSignal::kHigher;
    f.points_above = m.pain_above;
    f.exercise = !day.sessions.empty();
    f.confounders = ConfoundersOf(day, nullptr, s);
    f.sessions = day.sessions.size();
    if (const Day* next = v.Find(day.date + 1)) {
      f.sleep_hours = next->context.sleep_hours;
      f.sleep_quality = next->context.sleep_quality;
    }
    f.stress = day.context.stress;
    f.painkillers = TookPainkillers(day);  // it covers the next morning (§0)
    if (day.context.tags) f.tags = &*day.context.tags;
    for (const Session& x : day.sessions) {
      f.load = LoadSet::FromBits(f.load.bits() | x.load.bits());
      if (x.minutes) f.minutes = f.minutes.value_or(0) + *x.minutes;
      if (x.effort) f.effort = std::max(f.effort.value_or(0), *x.effort);
      if (auto name = ActivityName(x.activity)) f.activities.push_back(std::move(*name));
    }
    if (f.minutes) totals.push_back(*f.minutes);
    factor_days.push_back(std::move(f));
  }
  if (!totals.empty()) {
    std::vector<double> t(totals.begin(), totals.end());
    r.median_session_minutes = Median(std::move(t));
  }

  std::vector<Candidate> candidates;
  for (Load l : kAllLoads) {
    candidates.push_back({std::string(LoadName(l)), true,
                          [l](const FactorDay& d) { return std::optional(d.load.Has(l)); }});
  }
  for (Confounder c :
       {Confounder::kSitting, Confounder::kProlongedPosition, Confounder::kUpperBodyTension}) {
    candidates.push_back({std::string(Name(c)), false, [c](const FactorDay& d) {
                            return std::optional(std::find(d.confounders.begin(),
                                                           d.confounders.end(),
                                                           c) != d.confounders.end());
                          }});
  }
  const std::optional<double> median = r.median_session_minutes;
  candidates.push_back({"long_session", true, [median](const FactorDay& d) {
                          if (!d.minutes || !median) return std::optional<bool>();
                          return std::optional(*d.minutes > *median);
                        }});
  candidates.push_back(
      {"two_sessions", true, [](const FactorDay& d) { return std::optional(d.sessions >= 2); }});
  // Harder sessions (an effort of kHardEffort or more, docs/measures.md), over the exercise days
  // that rated one.
  candidates.push_back({"hard_session", true, [](const FactorDay& d) {
                          if (!d.effort) return std::optional<bool>();
                          return std::optional(*d.effort >= kHardEffort);
                        }});
  // Each activity, over exercise days (reading.md v3): so that "longer sessions" is not offered
  // when the long sessions were one activity's days. In code point order of their names.
  std::vector<std::string> activities;
  for (const FactorDay& d : factor_days) {
    activities.insert(activities.end(), d.activities.begin(), d.activities.end());
  }
  std::sort(activities.begin(), activities.end());
  activities.erase(std::unique(activities.begin(), activities.end()), activities.end());
  for (const std::string& name : activities) {
    candidates.push_back({"activity:" + name, true, [name](const FactorDay& d) {
                            return std::optional(std::find(d.activities.begin(), d.activities.end(),
                                                           name) != d.activities.end());
                          }});
  }
  // The additive context: compared over every day where it was recorded.
  const double short_sleep = s.short_sleep_hours, poor = s.poor_sleep_quality, stress = s.stress;
  candidates.push_back({"short_sleep", false, [short_sleep](const FactorDay& d) {
                          if (!d.sleep_hours) return std::optional<bool>();
                          return std::optional(*d.sleep_hours < short_sleep);
                        }});
  candidates.push_back({"poor_sleep", false, [poor](const FactorDay& d) {
                          if (!d.sleep_quality) return std::optional<bool>();
                          return std::optional(d.sleep_quality->value() <= poor + kTolerance);
                        }});
  candidates.push_back({"stress", false, [stress](const FactorDay& d) {
                          if (!d.stress) return std::optional<bool>();
                          return std::optional(d.stress->value() >= stress - kTolerance);
                        }});
  candidates.push_back(
      {"painkillers", false, [](const FactorDay& d) { return std::optional(d.painkillers); }});
  // The person's own factors, each one used in the window, in the order of their names; a day
  // without it is a day without it.
  std::vector<std::string> tags;  // folded, sorted, distinct
  std::vector<std::string> spelled;
  for (const FactorDay& d : factor_days) {
    if (!d.tags) continue;
    for (const std::string& t : *d.tags) {
      const std::string f = FoldAscii(t);
      if (std::find(tags.begin(), tags.end(), f) == tags.end()) {
        tags.push_back(f);
        spelled.push_back(t);
      }
    }
  }
  std::vector<size_t> order(tags.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return tags[a] < tags[b]; });
  for (size_t i : order) {
    candidates.push_back({"tag:" + spelled[i], false, [f = tags[i]](const FactorDay& d) {
                            if (!d.tags) return std::optional(false);
                            return std::optional(std::any_of(
                                d.tags->begin(), d.tags->end(),
                                [&](const std::string& t) { return FoldAscii(t) == f; }));
                          }});
  }

  const auto min_days = static_cast<int>(s.association_min_days);
  std::vector<std::vector<Date>> with_dates;  // per association, for "same days as"
  for (const Candidate& c : candidates) {
    Association a;
    a.factor = c.factor;
    a.exercise_days_only = c.exercise_only;
    std::vector<double> with_points, without_points;
    std::vector<Date> dates;
    for (const FactorDay& d : factor_days) {
      if (c.exercise_only && !d.exercise) continue;
      const std::optional<bool> with = c.has(d);
      if (!with) continue;
      (*with ? a.with_days : a.without_days) += 1;
      if (d.higher) (*with ? a.with_higher : a.without_higher) += 1;
      if (d.points_above) (*with ? with_points : without_points).push_back(*d.points_above);
      if (*with) dates.push_back(d.date);
    }
    a.with_points = Mean(with_points);
    a.without_points = Mean(without_points);
    a.enough = a.with_days >= min_days && a.without_days >= min_days;
    if (a.enough) {
      a.p_value = FisherExactTwoSided(a.with_higher, a.with_days - a.with_higher, a.without_higher,
                                      a.without_days - a.without_higher);
      a.difference = static_cast<double>(a.with_higher) / a.with_days -
                     static_cast<double>(a.without_higher) / a.without_days;
      ++r.factors_compared;
    }
    r.associations.push_back(std::move(a));
    with_dates.push_back(std::move(dates));
  }
  // The bar for naming a factor, Bonferroni-corrected for the factors compared.
  for (size_t i = 0; i < r.associations.size(); ++i) {
    Association& a = r.associations[i];
    a.clears_bar = a.enough && *a.difference >= s.association_min_difference - kTolerance &&
                   *a.p_value < s.association_alpha / r.factors_compared;
    for (size_t j = 0; j < r.associations.size(); ++j) {
      const Association& b = r.associations[j];
      if (i != j && a.enough && b.enough && with_dates[i] == with_dates[j]) {
        a.same_days_as.push_back(b.factor);
      }
    }
  }
}

}  // namespace backsignal::reading_detail
