// The safety words, the same on every surface: the red-flag questions in a person's words, what
// to do at each urgency, the emergency number for where the person is, and the modify-or-stop
// advice. The rules (core/safety.h) and sources (docs/safety.md) are beside them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/safety.h"

namespace backsignal {

// Shown the moment a session reports sharp or catching pain (the article: "a signal to modify
// or stop rather than continue").
inline constexpr const char* kModifyOrStopAdvice =
    "Sharp or catching pain during a twisting or reaching movement is a signal to modify or stop "
    "rather than continue. Leave that movement out or make it smaller and lighter for now. If the "
    "pain does not settle, keeps coming back, or comes with other symptoms (chest pain, "
    "breathlessness, numbness, feeling unwell), stop and talk to a clinician.";

// The question with this id, as a person reads it.
std::string_view SafetyQuestionText(std::string_view id);

// The screen's introduction.
inline constexpr const char* kSafetyIntro =
    "Mid back pain is usually not a sign of anything serious, but some symptoms need a clinician "
    "rather than a diary. Please answer each question about how you are now.";

// Why the screen is asked again.
enum class SafetyReason { kFirstUse, kKeepsRising, kRepeatedSharp, kBuildingWithBreathing };
std::string SafetyReasonText(SafetyReason r);
// Beside a reading, when the screen is unanswered or due again: what to say, the same on every
// surface; each surface adds how to answer them there (kSafetyHowCli on the command line, a
// button on the page).
std::string SafetyDuePrompt(SafetyReason r);
inline constexpr const char* kSafetyHowCli = "Answer them with: backsignal safety";
std::string_view Name(SafetyReason r);  // "first_use", "keeps_rising", ...

// Where the person is, from their IANA time zone, and the numbers that reach an ambulance
// there (src/words/emergency.cc: every zone of tzdata's zone.tab, with the numbers of the
// Android Open Source Project's emergency number database; docs/safety.md).
struct EmergencyContact {
  std::string country_code;          // ISO 3166, "JP"; "" when the zone names no country
  std::string country;               // "Japan"; ""
  std::vector<std::string> numbers;  // "119"; one or two, the general one first; none if unknown
};
EmergencyContact EmergencyFor(std::string_view time_zone);

// The first of those numbers, or "" when none is known.
std::string EmergencyNumber(std::string_view time_zone);

// "call 119 now"; "call 112 or 15 now"; where no number is known, says so and names the numbers
// a mobile phone connects to the local emergency services with in most countries.
std::string EmergencyCallWords(std::string_view time_zone);

// What to do at an urgency, with the emergency number for the person's zone.
std::string SafetyAdvice(Urgency u, std::string_view time_zone);

// The urgency as a clinician reads it: "no red flags", "see a clinician soon", ...
std::string_view UrgencyWords(Urgency u);

// The screen as the clinician's report shows it: when it was answered (`answered_on`, the
// person's date), the questions answered yes, the urgency, and any clearance.
std::string SafetyReportText(const std::optional<SafetyRecord>& record, Date answered_on);

}  // namespace backsignal
