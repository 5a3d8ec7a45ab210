// The early warning (morning_shift) on simulated diaries, for `make bench`:
// how often it fires on stable diaries over 8 weeks (goal <= 5%), and how often it fires within
// 7 days of a sustained +2 shift (goal >= 80%). The model is in docs/early-warning.md.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

#include "backsignal/reading/reading.h"

namespace backsignal {
namespace {

constexpr int kDiaries = 1000;
constexpr int kWarmUp = 14;  // days before the 8 weeks, so that a usual morning exists
constexpr int kWeeks = 8;
constexpr int kShiftDay = kWarmUp + 28;

// Mornings every day: a person's level (2 to 5) plus day-to-day noise N(0, sd) rounded to half
// points; sessions on random days, 3 a week, that do not change the mornings (stable diaries).
Diary Simulate(std::mt19937_64& rng, double sd, double shift) {
  std::uniform_int_distribution<int> level(4, 10);  // half points: 2 to 5
  std::normal_distribution<double> noise(0, sd);
  std::bernoulli_distribution session(3.0 / 7);
  const int base = level(rng);
  Diary d;
  const Date start = Date::FromCivil(2026, 1, 1);
  for (int i = 0; i < kWarmUp + 7 * kWeeks; ++i) {
    int halves = base + static_cast<int>(std::lround(noise(rng) * 2));
    if (shift != 0 && i >= kShiftDay) halves += static_cast<int>(shift * 2);
    Day day{.date = start + i,
            .morning = Morning{Score::FromHalves(std::clamp(halves, 0, 20)), {}}};
    if (session(rng)) day.sessions.push_back(Session{});
    d.days.push_back(std::move(day));
  }
  return d;
}

bool AlertOn(const Diary& d, int day) {
  const Reading r = Read(d, d.days.front().date + day, {});
  return r.morning_shift.alarm;
}

void Run(double sd) {
  std::mt19937_64 rng(20261125);
  int false_alarms = 0, detected = 0;
  for (int i = 0; i < kDiaries; ++i) {
    const Diary stable = Simulate(rng, sd, 0);
    for (int day = kWarmUp; day < kWarmUp + 7 * kWeeks; ++day) {
      if (AlertOn(stable, day)) {
        ++false_alarms;
        break;
      }
    }
    const Diary shifted = Simulate(rng, sd, 2);
    for (int day = kShiftDay; day < kShiftDay + 7; ++day) {
      if (AlertOn(shifted, day)) {
        ++detected;
        break;
      }
    }
  }
  std::printf(
      "  day-to-day noise sd %.2f: false alarms over 8 weeks %.1f%% (goal <= 5%%); "
      "+2 shift caught within 7 days %.1f%% (goal >= 80%%)\n",
      sd, 100.0 * false_alarms / kDiaries, 100.0 * detected / kDiaries);
}

}  // namespace
}  // namespace backsignal

int main() {
  const backsignal::Settings s;
  std::printf(
      "== early warning (CUSUM k=%.2g h=%.2g on rest mornings), %d simulated diaries each\n",
      s.shift_reference, s.shift_threshold, backsignal::kDiaries);
  for (double sd : {0.5, 0.6, 0.75}) backsignal::Run(sd);
  return 0;
}
