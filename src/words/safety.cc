#include "backsignal/words/safety.h"

#include "backsignal/words/i18n.h"
#include "backsignal/words/words.h"

namespace backsignal {
namespace {

struct QuestionText {
  std::string_view id;
  std::string_view text;
};

constexpr QuestionText kTexts[] = {
    {"chest_breathless", N_("Do you have chest pain or pressure together with breathlessness?")},
    {"chest_heart",
     N_("Do you have chest pain that spreads to your arm or jaw, comes with sweating or feeling "
        "sick, or comes on at rest?")},
    {"tearing", N_("Have you had sudden, severe or tearing pain between your shoulder blades?")},
    {"legs_bladder",
     N_("Do you have new weakness in your legs, or a change in bladder or bowel control?")},
    {"chest_exertion", N_("Do you get chest pain or pressure when you exert yourself?")},
    {"cough_blood", N_("Have you coughed up blood?")},
    {"breathing_calf",
     N_("Does it hurt to breathe in while you are resting, or is one calf swollen and painful?")},
    {"unsteady_numb_band",
     N_("Are you unsteady when you walk, or is there a numb band around your chest or tummy?")},
    {"age_at_onset",
     N_("Did this mid back pain first start before you were 20 or after you were 50?")},
    {"bones_steroids_strain",
     N_("Do you have osteoporosis, or have you taken steroid tablets for a long time, or did this "
        "pain start after a minor strain such as a cough, a sneeze or a lift?")},
    {"immune_infection_surgery",
     N_("Is your immune system weakened (by an illness or a medicine), or have you recently had an "
        "infection or an operation?")},
    {"fever_unwell", N_("Do you have a fever or night sweats, or feel generally unwell?")},
    {"weight_loss", N_("Have you lost weight without trying?")},
    {"night_pain",
     N_("Is the pain constant, or worse at night, and not eased by changing position?")},
    {"cancer_history", N_("Have you ever had cancer?")},
    {"cancer_new_pain",
     N_("Is this mid back pain new, or different from the back pain you usually have?")},
    {"eating_jaundice_urine",
     N_("Is the pain linked to eating, or do you have yellowing of your skin or eyes, or pain or "
        "blood when passing urine?")},
    {"band_rash",
     N_("Is there a band of burning pain around your chest or back, or a rash there?")},
    {"injury",
     N_("Have you had a fall, an accident or another injury to your back or chest recently?")},
};

}  // namespace

std::string SafetyQuestionText(std::string_view id, const Locale& loc) {
  for (const QuestionText& t : kTexts) {
    if (t.id == id) return loc.Tr(t.text);
  }
  return "";
}

std::string SafetyIntro(const Locale& loc) {
  return loc.Tr(
      "Mid back pain is usually not a sign of anything serious, but some symptoms need a "
      "clinician rather than a diary. Please answer each question about how you are now.");
}

std::string ModifyOrStopAdvice(const Locale& loc) {
  return loc.Tr(
      "Sharp or catching pain during a twisting or reaching movement is a signal to modify or "
      "stop rather than continue. Leave that movement out or make it smaller and lighter for now. "
      "If the pain does not settle, keeps coming back, or comes with other symptoms (chest pain, "
      "breathlessness, numbness, feeling unwell), stop and talk to a clinician.");
}

std::string SafetyHowCli(const Locale& loc) {
  // TRANSLATORS: "backsignal safety" is the command to type: keep it as it is.
  return loc.Tr("Answer them with: backsignal safety");
}

std::string_view Name(SafetyReason r) {
  switch (r) {
    case SafetyReason::kFirstUse:
      return "first_use";
    case SafetyReason::kKeepsRising:
      return "keeps_rising";
    case SafetyReason::kRepeatedSharp:
      return "repeated_sharp";
    case SafetyReason::kBuildingWithBreathing:
      return "building_with_breathing";
    case SafetyReason::kFallOrInjury:
      return "fall_or_injury";
  }
  return "first_use";
}

std::string SafetyReasonText(SafetyReason r, const Locale& loc) {
  switch (r) {
    case SafetyReason::kFirstUse:
      // TRANSLATORS: {intro} is the screen's introduction ("Mid back pain is usually ...").
      return loc.Tr("Before you start: {intro}", {Arg("intro", SafetyIntro(loc))});
    case SafetyReason::kKeepsRising:
      return loc.Tr(
          "Your usual morning has been rising over the weeks. Pain that keeps rising can have "
          "other causes than exercise: please answer these questions again.");
    case SafetyReason::kRepeatedSharp:
      return loc.Tr(
          "You have had sharp or catching pain in more than one session lately. Please answer "
          "these questions again.");
    case SafetyReason::kBuildingWithBreathing:
      return loc.Tr(
          "Pain that builds with heavy breathing under load is usually the mid back answering "
          "the load, but it can have other causes. Please answer these questions again.");
    case SafetyReason::kFallOrInjury:
      return loc.Tr(
          "You recorded a fall or an injury. A fall or a knock can hurt the spine or the ribs "
          "even when the pain feels like the usual: please answer these questions again.");
  }
  return "";
}

std::string SafetyDueForClinician(SafetyReason r, const Locale& loc) {
  switch (r) {
    case SafetyReason::kFirstUse:
      return loc.Tr("They have not answered the safety questions yet.");
    case SafetyReason::kKeepsRising:
      return loc.Tr("The safety questions are due again: their usual morning keeps rising.");
    case SafetyReason::kRepeatedSharp:
      return loc.Tr(
          "The safety questions are due again: sharp or catching pain in more than one "
          "session.");
    case SafetyReason::kBuildingWithBreathing:
      return loc.Tr(
          "The safety questions are due again: pain building with heavy breathing under load.");
    case SafetyReason::kFallOrInjury:
      return loc.Tr(
          "The safety questions are due again: they recorded a fall or an injury since "
          "answering them.");
  }
  return "";
}

std::string SafetyDuePrompt(SafetyReason r, const Locale& loc) {
  if (r == SafetyReason::kFirstUse) {
    return loc.Tr(
        "You have not answered the safety questions yet. They take a minute, and they tell "
        "when mid back pain needs a clinician rather than a diary.");
  }
  // TRANSLATORS: {reason} is why they are due again, a sentence or two.
  return loc.Tr("The safety questions are due again. {reason}",
                {Arg("reason", SafetyReasonText(r, loc))});
}

std::string SafetyAdvice(Urgency u, std::string_view zone, const Locale& loc) {
  const Args call = {Arg("call", EmergencyCallWords(zone, loc))};
  switch (u) {
    case Urgency::kEmergency:
      // TRANSLATORS: {call} says to call the emergency number now ("call 112 now").
      return loc.Tr(
          "This needs urgent help: {call}, or have someone take you to an emergency department. "
          "Do not exercise, and do not drive yourself.",
          call);
    case Urgency::kSameDay:
      // TRANSLATORS: {call} says to call the emergency number now ("call 112 now").
      return loc.Tr(
          "Please be seen today: contact your GP or an urgent care service today (if you cannot, "
          "{call}). Do not exercise until a clinician has seen you.",
          call);
    case Urgency::kSoon:
      return loc.Tr(
          "Please contact a clinician (your GP, physiotherapist or doctor) soon, before you carry "
          "on exercising. What you describe can have causes other than a sensitive mid back, and "
          "a clinician needs to look at them; backsignal cannot tell them apart. Once they have "
          "seen you and cleared you to exercise, record that here.");
    case Urgency::kClear:
      return loc.Tr(
          "No red flags. If any of these symptoms appear later, stop and answer the questions "
          "again.");
  }
  return "";
}

std::string UrgencyWords(Urgency u, const Locale& loc) {
  switch (u) {
    case Urgency::kClear:
      return loc.TrC("urgency", "no red flags");
    case Urgency::kSoon:
      return loc.TrC("urgency", "see a clinician soon");
    case Urgency::kSameDay:
      return loc.TrC("urgency", "be seen the same day");
    case Urgency::kEmergency:
      return loc.TrC("urgency", "emergency");
  }
  return "";
}

std::string SafetyReportText(const std::optional<SafetyRecord>& record, Date answered_on,
                             const Locale& loc) {
  if (!record) return loc.Tr("The red-flag screen has not been answered.");
  const SafetyRecord& r = *record;
  // TRANSLATORS: {date} is a date with its year; {urgency} one of "no red flags", "see a
  // clinician soon", "be seen the same day", "emergency".
  std::string out = loc.Tr(
      "Red-flag screen answered on {date}: {urgency}.",
      {Arg("date", loc.Day(answered_on, true)), Arg("urgency", UrgencyWords(r.outcome, loc))});
  std::vector<std::string> yes;
  for (const SafetyQuestion& q : SafetyQuestions()) {
    auto it = r.answers.find(std::string(q.id));
    if (it == r.answers.end() || !it->second) continue;
    // TRANSLATORS: a question quoted, with this language's quotation marks.
    yes.push_back(loc.Tr("\"{question}\"", {Arg("question", SafetyQuestionText(q.id, loc))}));
  }
  if (!yes.empty()) {
    std::string quoted = yes.front();
    for (size_t i = 1; i < yes.size(); ++i) quoted += "; " + yes[i];
    // TRANSLATORS: {questions} are the questions answered yes, each quoted, joined by "; ".
    out += " " + loc.Tr("Answered yes to: {questions}.", {Arg("questions", quoted)});
  }
  if (r.cleared_on && r.cleared_at >= r.answered_at) {
    // TRANSLATORS: {date} is a date with its year.
    out +=
        " " + loc.Tr("A clinician's clearance was recorded (seen on {date}); check-ins carry on.",
                     {Arg("date", loc.Day(*r.cleared_on, true))});
  } else if (r.outcome != Urgency::kClear) {
    out += " " + loc.Tr(
                     "Check-ins are paused until a clinician's clearance is recorded or the "
                     "screen is answered again.");
  }
  return out;
}

}  // namespace backsignal
