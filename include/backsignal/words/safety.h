// The safety words, the same on every surface: the red-flag questions in a person's words, what
// to do at each urgency, the emergency number for where the person is, and the modify-or-stop
// advice. The rules (core/safety.h) and sources (docs/safety.md) are beside them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/safety.h"
#include "backsignal/words/i18n.h"

namespace backsignal {

// Every text here is in the reader's language (words/i18n.h; English when not given).

// Shown the moment a session reports sharp or catching pain (the article: "a signal to modify
// or stop rather than continue").
std::string ModifyOrStopAdvice(const Locale& loc = Locale::English());

// The question with this id, as a person reads it ("" for an unknown id).
std::string SafetyQuestionText(std::string_view id, const Locale& loc = Locale::English());

// The screen's introduction.
std::string SafetyIntro(const Locale& loc = Locale::English());

// Why the screen is asked again.
// kFallOrInjury: a fall or an injury recorded since the questions were answered (at once, not
// once a week).
enum class SafetyReason {
  kFirstUse,
  kKeepsRising,
  kRepeatedSharp,
  kBuildingWithBreathing,
  kFallOrInjury
};
inline constexpr SafetyReason kAllSafetyReasons[] = {
    SafetyReason::kFirstUse, SafetyReason::kKeepsRising, SafetyReason::kRepeatedSharp,
    SafetyReason::kBuildingWithBreathing, SafetyReason::kFallOrInjury};
std::string SafetyReasonText(SafetyReason r, const Locale& loc = Locale::English());
// Why they are due, as a clinician reads it beside the person's reading or in the report: "The
// safety questions are due again: they recorded a fall or an injury."
std::string SafetyDueForClinician(SafetyReason r, const Locale& loc = Locale::English());
// Beside a reading, when the screen is unanswered or due again: what to say, the same on every
// surface; each surface adds how to answer them there (SafetyHowCli on the command line, a
// button on the page).
std::string SafetyDuePrompt(SafetyReason r, const Locale& loc = Locale::English());
std::string SafetyHowCli(const Locale& loc = Locale::English());
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
std::string EmergencyCallWords(std::string_view time_zone, const Locale& loc = Locale::English());

// What to do at an urgency, with the emergency number for the person's zone.
std::string SafetyAdvice(Urgency u, std::string_view time_zone,
                         const Locale& loc = Locale::English());

// The urgency as a clinician reads it: "no red flags", "see a clinician soon", ...
std::string UrgencyWords(Urgency u, const Locale& loc = Locale::English());

// The screen as the clinician's report shows it: when it was answered (`answered_on`, the
// person's date), the questions answered yes, the urgency, and any clearance.
std::string SafetyReportText(const std::optional<SafetyRecord>& record, Date answered_on,
                             const Locale& loc = Locale::English());

}  // namespace backsignal
