// The one clock (LevelDB's Env idea): every "now" and "today" of the service and its front
// doors comes from a Clock, so that a test can set the time and move it.
#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>

#include "backsignal/core/date.h"

namespace backsignal::service {

class Clock {
 public:
  virtual ~Clock() = default;
  // Unix seconds.
  virtual int64_t Now() const = 0;
};

// The machine's clock.
const Clock& SystemClock();

// A clock that says what it is told: for tests.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t now) : now_(now) {}
  int64_t Now() const override { return now_.load(); }
  void Set(int64_t now) { now_.store(now); }
  void Advance(int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<int64_t> now_;
};

// The calendar date at `now` in `zone` (an IANA name; empty means the machine's own zone).
// An unknown zone counts as the machine's.
Date DateAt(int64_t now, std::string_view zone);

// Dates a person may use: a diary date outside these is a typing slip, not a diary.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2200;

}  // namespace backsignal::service
