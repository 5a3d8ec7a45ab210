// Helpers the reading's tests share: building the fortnights and sessions that the rules of
// docs/reading.md are tested on, and finding what a reading says about them.
#pragma once

#include <algorithm>
#include <optional>
#include <string>

#include "backsignal/reading/reading.h"
#include "test_diaries.h"

namespace backsignal::testing {

inline const SessionReading* SessionOn(const Reading& r, const char* date, size_t number = 1) {
  for (const SessionReading& s : r.sessions) {
    if (s.date == D(date) && s.number == number) return &s;
  }
  return nullptr;
}

inline Session MakeSession(std::optional<double> start, std::optional<double> end,
                           std::optional<double> after = {}) {
  Session s;
  if (start) s.during.start = S(*start);
  if (end) s.during.end = S(*end);
  if (after) s.hour_after.pain = S(*after);
  return s;
}

inline Session Activity(const char* name, std::optional<double> start = 3,
                        std::optional<double> end = 3) {
  Session s = MakeSession(start, end);
  s.activity = name;
  return s;
}

inline bool HasAlert(const Reading& r, AlertKind k) {
  return std::any_of(r.alerts.begin(), r.alerts.end(), [k](const Alert& a) { return a.kind == k; });
}

inline bool HeldBy(const Reading& r, HeldBack h) {
  const auto& v = r.trend.held_back_by;
  return std::find(v.begin(), v.end(), h) != v.end();
}

// A recorded fortnight before W and W itself (09-17..10-14, as of 10-14), mornings at `level`.
inline DiaryBuilder Fortnight(double level = 3) {
  DiaryBuilder b;
  b.Mornings("2026-09-17", 28, level);
  return b;
}

inline std::string DayPlus(const char* date, int plus) { return (D(date) + plus).ToString(); }

// A session on `date` (during start and end), followed by a morning of `after` when given.
inline void SessionWithMorning(DiaryBuilder& b, const char* date, std::optional<double> after,
                               double start = 3, double end = 3) {
  b.Session(date, start, end);
  if (after) b.Morning(DayPlus(date, 1).c_str(), *after);
}

// The same with a session of one activity.
inline void ActivityWithMorning(DiaryBuilder& b, const char* date, const char* activity,
                                std::optional<double> after) {
  b.With(date, Activity(activity));
  if (after) b.Morning(DayPlus(date, 1).c_str(), *after);
}

}  // namespace backsignal::testing
