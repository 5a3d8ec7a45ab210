#include "backsignal/words/safety.h"

#include "backsignal/words/words.h"

namespace backsignal {
namespace {

struct Text {
  std::string_view id;
  std::string_view text;
};

constexpr Text kTexts[] = {
    {"chest_breathless", "Do you have chest pain or pressure together with breathlessness?"},
    {"chest_heart",
     "Do you have chest pain that spreads to your arm or jaw, comes with sweating or feeling "
     "sick, or comes on at rest?"},
    {"tearing", "Have you had sudden, severe or tearing pain between your shoulder blades?"},
    {"legs_bladder",
     "Do you have new weakness in your legs, or a change in bladder or bowel control?"},
    {"chest_exertion", "Do you get chest pain or pressure when you exert yourself?"},
    {"cough_blood", "Have you coughed up blood?"},
    {"breathing_calf",
     "Does it hurt to breathe in while you are resting, or is one calf swollen and painful?"},
    {"unsteady_numb_band",
     "Are you unsteady when you walk, or is there a numb band around your chest or tummy?"},
    {"age_at_onset", "Did this mid back pain first start before you were 20 or after you were 50?"},
    {"bones_steroids_strain",
     "Do you have osteoporosis, or have you taken steroid tablets for a long time, or did this "
     "pain start after a minor strain such as a cough, a sneeze or a lift?"},
    {"immune_infection_surgery",
     "Is your immune system weakened (by an illness or a medicine), or have you recently had an "
     "infection or an operation?"},
    {"fever_unwell", "Do you have a fever or night sweats, or feel generally unwell?"},
    {"weight_loss", "Have you lost weight without trying?"},
    {"night_pain", "Is the pain constant, or worse at night, and not eased by changing position?"},
    {"cancer_history", "Have you ever had cancer?"},
    {"cancer_new_pain",
     "Is this mid back pain new, or different from the back pain you usually have?"},
    {"eating_jaundice_urine",
     "Is the pain linked to eating, or do you have yellowing of your skin or eyes, or pain or "
     "blood when passing urine?"},
    {"band_rash", "Is there a band of burning pain around your chest or back, or a rash there?"},
    {"injury",
     "Have you had a fall, an accident or another injury to your back or chest recently?"},
};

}  // namespace

std::string_view SafetyQuestionText(std::string_view id) {
  for (const Text& t : kTexts) {
    if (t.id == id) return t.text;
  }
  return "";
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
  }
  return "first_use";
}

std::string SafetyReasonText(SafetyReason r) {
  switch (r) {
    case SafetyReason::kFirstUse:
      return "Before you start: " + std::string(kSafetyIntro);
    case SafetyReason::kKeepsRising:
      return "Your usual morning has been rising over the weeks. Pain that keeps rising can have "
             "other causes than exercise: please answer these questions again.";
    case SafetyReason::kRepeatedSharp:
      return "You have had sharp or catching pain in more than one session lately. Please answer "
             "these questions again.";
    case SafetyReason::kBuildingWithBreathing:
      return "Pain that builds with heavy breathing under load is usually the mid back answering "
             "the load, but it can have other causes. Please answer these questions again.";
  }
  return "";
}

std::string SafetyDuePrompt(SafetyReason r) {
  if (r == SafetyReason::kFirstUse) {
    return "You have not answered the safety questions yet. They take a minute, and they tell "
           "when mid back pain needs a clinician rather than a diary.";
  }
  return "The safety questions are due again. " + SafetyReasonText(r);
}

std::string SafetyAdvice(Urgency u, std::string_view zone) {
  const std::string call = EmergencyCallWords(zone);
  switch (u) {
    case Urgency::kEmergency:
      return "This needs urgent help: " + call +
             ", or have someone take you to an emergency department. Do not exercise, and do "
             "not drive yourself.";
    case Urgency::kSameDay:
      return "Please be seen today: contact your GP or an urgent care service today (if you "
             "cannot, " +
             call + "). Do not exercise until a clinician has seen you.";
    case Urgency::kSoon:
      return "Please contact a clinician (your GP, physiotherapist or doctor) soon, before you "
             "carry on exercising. What you describe can have causes other than a sensitive mid "
             "back, and a clinician needs to look at them; backsignal cannot tell them apart. "
             "Once they have seen you and cleared you to exercise, record that here.";
    case Urgency::kClear:
      return "No red flags. If any of these symptoms appear later, stop and answer the questions "
             "again.";
  }
  return "";
}

std::string_view UrgencyWords(Urgency u) {
  switch (u) {
    case Urgency::kClear:
      return "no red flags";
    case Urgency::kSoon:
      return "see a clinician soon";
    case Urgency::kSameDay:
      return "be seen the same day";
    case Urgency::kEmergency:
      return "emergency";
  }
  return "";
}

std::string SafetyReportText(const std::optional<SafetyRecord>& record, Date answered_on) {
  if (!record) return "The red-flag screen has not been answered.";
  const SafetyRecord& r = *record;
  std::string out = "Red-flag screen answered on " + PersonDate(answered_on, true) + ": " +
                    std::string(UrgencyWords(r.outcome)) + ".";
  std::string yes;
  for (const SafetyQuestion& q : SafetyQuestions()) {
    auto it = r.answers.find(std::string(q.id));
    if (it == r.answers.end() || !it->second) continue;
    yes += (yes.empty() ? " Answered yes to: \"" : "; \"") + std::string(SafetyQuestionText(q.id)) +
           "\"";
  }
  if (!yes.empty()) out += yes + ".";
  if (r.cleared_on && r.cleared_at >= r.answered_at) {
    out += " A clinician's clearance was recorded (seen on " + PersonDate(*r.cleared_on, true) +
           "); check-ins carry on.";
  } else if (r.outcome != Urgency::kClear) {
    out +=
        " Check-ins are paused until a clinician's clearance is recorded or the screen is "
        "answered again.";
  }
  return out;
}

}  // namespace backsignal
