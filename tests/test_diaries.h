// Diaries for tests and benchmarks: a compact builder and a seeded random generator.
#pragma once

#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>

#include "backsignal/core/diary.h"

namespace backsignal::testing {

// A score or date a test states: a slip in a test (3.25, "2026-02-30") stops it loudly.
inline Score S(double v) {
  auto s = Score::FromDouble(v);
  if (!s) throw std::invalid_argument("test score " + s.error());
  return *s;
}
inline Date D(const char* text) {
  auto d = Date::Parse(text);
  if (!d) throw std::invalid_argument(std::string("test date ") + text + ": " + d.error());
  return *d;
}

// Builds a diary day by day: Morning(date, pain), Session(date, ...), in any order.
class DiaryBuilder {
 public:
  DiaryBuilder& Morning(const char* date, double pain, std::optional<double> stiffness = {});
  DiaryBuilder& Session(const char* date, std::optional<double> start = {},
                        std::optional<double> end = {}, std::optional<double> after = {});
  DiaryBuilder& With(const char* date, const backsignal::Session& s);
  DiaryBuilder& Context(const char* date, const backsignal::Context& c);
  DiaryBuilder& Usual(std::optional<double> pain, std::optional<double> stiffness = {});
  // Mornings of `pain` on each of `n` days from `first`.
  DiaryBuilder& Mornings(const char* first, int n, double pain);
  Diary Build() const;

 private:
  backsignal::Day& DayAt(Date d);
  Diary diary_;
};

// A random valid diary of `days` consecutive dates from `first`: mornings, sessions (some days
// two), every optional field sometimes present, sometimes gaps. Deterministic for a seed.
Diary RandomDiary(uint64_t seed, int days, Date first = Date::FromCivil(2026, 1, 1));

// A day with every field of the field tables (core/fields.h) given a value its kind allows, and
// one session with every session field: a field added to a table is in it at once.
Day EveryFieldDay(Date date);

// A realistic diary: mornings most days, a session about every other day.
Diary RealisticDiary(int days, uint64_t seed = 7);

}  // namespace backsignal::testing
