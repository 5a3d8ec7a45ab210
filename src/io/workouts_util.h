// Small text helpers shared by the workout readers.
#pragma once

#include <string>
#include <string_view>

#include "backsignal/core/diary.h"

namespace backsignal::workouts_detail {

inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

inline std::string Lower(std::string_view s) { return FoldAscii(s); }

inline bool EndsWithI(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && Lower(s.substr(s.size() - suffix.size())) == suffix;
}

}  // namespace backsignal::workouts_detail
