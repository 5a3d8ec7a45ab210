// The red-flag screen for thoracic (mid back) pain: which questions are asked, how urgent a yes
// to each is, and what a set of answers means. The questions' words are the words module's
// (words/safety.h); the sources are in docs/safety.md. Pure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "backsignal/core/date.h"
#include "backsignal/core/result.h"

namespace backsignal {

// How soon a clinician should see someone who answers yes, most urgent last.
enum class Urgency {
  kClear,      // no red flag: check-ins carry on
  kSoon,       // see your clinician soon, before exercising on
  kSameDay,    // be seen today
  kEmergency,  // call the emergency number now
};
std::string_view Name(Urgency u);  // "clear", "soon", "same_day", "emergency"
std::optional<Urgency> ParseUrgency(std::string_view name);

struct SafetyQuestion {
  std::string_view id;
  Urgency if_yes;
  // Asked only when the question named here was answered yes (a cancer history: is this pain
  // new and unlike the usual?); a yes to a follow-up counts, the lead question alone does not.
  std::string_view follows;
};

// Every question, in the order asked.
std::span<const SafetyQuestion> SafetyQuestions();

// The urgency of a set of answers (question id -> yes). kInvalid, naming them, when a question
// that must be answered is missing or an id is unknown. A yes at kEmergency is enough alone:
// the screen stops asking there (no one in an emergency should answer ten more questions).
[[nodiscard]] Result<Urgency> UrgencyOf(const std::map<std::string, bool>& answers);

// What is stored of a person's screen.
struct SafetyRecord {
  std::map<std::string, bool> answers;
  Urgency outcome = Urgency::kClear;
  int64_t answered_at = 0;         // Unix seconds
  std::optional<Date> cleared_on;  // a clinician saw them and cleared them to carry on
  int64_t cleared_at = 0;          // when that was recorded
  bool operator==(const SafetyRecord&) const = default;
};

// Answers as stored: "chest_breathless=0,tearing=0,...", and back.
std::string FormatSafetyAnswers(const std::map<std::string, bool>& answers);
std::optional<std::map<std::string, bool>> ParseSafetyAnswers(std::string_view text);

}  // namespace backsignal
