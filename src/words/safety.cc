#include "backsignal/words/safety.h"

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

std::string EmergencyNumber(std::string_view zone) {
  if (zone == "Europe/London" || zone == "Europe/Dublin" || zone == "Europe/Belfast" ||
      zone == "Europe/Guernsey" || zone == "Europe/Jersey" || zone == "Europe/Isle_of_Man") {
    return "999";
  }
  if (zone.starts_with("Europe/")) return "112";
  if (zone.starts_with("US/") || zone.starts_with("Canada/") || zone == "Pacific/Honolulu") {
    return "911";
  }
  // America/ holds South America too, where the numbers differ: only the United States, Canada
  // and Mexico (all 911) are named.
  static constexpr std::string_view kNineOneOne[] = {
      "America/New_York",     "America/Chicago",       "America/Denver",
      "America/Los_Angeles",  "America/Phoenix",       "America/Anchorage",
      "America/Juneau",       "America/Sitka",         "America/Nome",
      "America/Adak",         "America/Boise",         "America/Detroit",
      "America/Menominee",    "America/Metlakatla",    "America/Yakutat",
      "America/Toronto",      "America/Vancouver",     "America/Edmonton",
      "America/Winnipeg",     "America/Halifax",       "America/St_Johns",
      "America/Regina",       "America/Montreal",      "America/Moncton",
      "America/Glace_Bay",    "America/Goose_Bay",     "America/Whitehorse",
      "America/Dawson",       "America/Yellowknife",   "America/Iqaluit",
      "America/Rankin_Inlet", "America/Cambridge_Bay", "America/Swift_Current",
      "America/Mexico_City",  "America/Monterrey",     "America/Merida",
      "America/Cancun",       "America/Chihuahua",     "America/Hermosillo",
      "America/Mazatlan",     "America/Tijuana",       "America/Matamoros",
      "America/Ojinaga",      "America/Bahia_Banderas"};
  for (std::string_view z : kNineOneOne) {
    if (zone == z) return "911";
  }
  if (zone.starts_with("America/Indiana/") || zone.starts_with("America/Kentucky/") ||
      zone.starts_with("America/North_Dakota/")) {
    return "911";
  }
  if (zone.starts_with("Australia/")) return "000";
  if (zone == "Pacific/Auckland" || zone == "NZ") return "111";
  return "";
}

std::string SafetyAdvice(Urgency u, std::string_view zone) {
  const std::string number = EmergencyNumber(zone);
  const std::string call =
      number.empty() ? "call your local emergency number now (999 in the UK, 112 in Europe, 911 "
                       "in North America)"
                     : "call " + number + " now";
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
  std::string out = "Red-flag screen answered on " + answered_on.ToString() + ": " +
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
    out += " A clinician's clearance was recorded (seen on " + r.cleared_on->ToString() +
           "); check-ins carry on.";
  } else if (r.outcome != Urgency::kClear) {
    out +=
        " Check-ins are paused until a clinician's clearance is recorded or the screen is "
        "answered again.";
  }
  return out;
}

}  // namespace backsignal
