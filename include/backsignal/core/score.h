// The diary's 0-10 rating (spec/diary-format.md: a score), on its own so that every diary type
// can use it.
#pragma once

#include <cstdint>
#include <string>

#include "backsignal/core/expected.h"
#include "backsignal/core/text.h"

namespace backsignal {

// A 0-10 rating in steps of 0.5, held exactly as a count of half points.
class Score {
 public:
  constexpr Score() = default;
  static constexpr int kMaxHalves = 20;
  // Checks range and step; the message says what is wrong and what would be right.
  static Expected<Score, Text> FromDouble(double value);
  // REQUIRES: 0 <= halves <= 20.
  static constexpr Score FromHalves(int halves) { return Score(halves); }
  int halves() const { return halves_; }
  double value() const { return halves_ / 2.0; }
  auto operator<=>(const Score&) const = default;

 private:
  constexpr explicit Score(int halves) : halves_(static_cast<int8_t>(halves)) {}
  int8_t halves_ = 0;
};

}  // namespace backsignal
