// The safety screen's answers for tests: every first question answered "no".
#pragma once

#include <map>
#include <string>

#include "backsignal/core/safety.h"

namespace backsignal::testing {

// "No" to each question that follows no other (the follow-ups are asked only after a "yes").
inline std::map<std::string, bool> AllNo() {
  std::map<std::string, bool> a;
  for (const SafetyQuestion& q : SafetyQuestions()) {
    if (q.follows.empty()) a[std::string(q.id)] = false;
  }
  return a;
}

}  // namespace backsignal::testing
