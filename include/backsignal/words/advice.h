// Words shown to a person at once, the same on every surface (CLI, API, page).
#pragma once

namespace backsignal {

// Shown the moment a session reports sharp or catching pain (the article: "a signal to modify
// or stop rather than continue").
inline constexpr const char* kModifyOrStopAdvice =
    "Sharp or catching pain during a twisting or reaching movement is a signal to modify or stop "
    "rather than continue. Leave that movement out or make it smaller and lighter for now. If the "
    "pain does not settle, keeps coming back, or comes with other symptoms (chest pain, "
    "breathlessness, numbness, feeling unwell), stop and talk to a clinician.";

// The red-flag screen for thoracic pain (docs/safety.md cites the sources). Asked at first use
// and whenever a session reports pain that builds with breathing under load.
struct RedFlagQuestion {
  const char* id;
  const char* question;
};

inline constexpr RedFlagQuestion kRedFlagQuestions[] = {
    {"chest_pain", "Do you have chest pain or pressure when you exert yourself?"},
    {"breathless", "Are you breathless, more than usual for what you are doing?"},
    {"unwell", "Do you have a fever, or feel generally unwell?"},
    {"night_or_constant",
     "Does the pain wake you at night, or is it constant and not eased by any position?"},
    {"weight_loss", "Have you lost weight without trying?"},
    {"cancer", "Have you ever had cancer?"},
    {"legs_bladder",
     "Do you have numbness or weakness in your legs, or changes in bladder or bowel control?"},
    {"trauma", "Have you had a fall, accident or other injury to your back or chest recently?"},
    {"band_rash", "Is there a band of burning pain around your chest or back, or a rash there?"},
};

inline constexpr const char* kRedFlagAdvice =
    "Please stop here and contact a clinician (your GP, physiotherapist or doctor) before you "
    "carry on exercising or checking in. What you describe can have causes other than a sensitive "
    "mid back, and they need a clinician to look at them. backsignal cannot tell them apart.";

inline constexpr const char* kUrgentAdvice =
    "Chest pain or pressure together with breathlessness needs urgent help: call your emergency "
    "number now (999 in the UK, 112 in Europe, 911 in North America), or have someone take you "
    "to an emergency department. Do not exercise.";

inline constexpr const char* kSafetyScreenReason =
    "Pain that builds with breathing under load is usually the mid back answering the load, but "
    "it can have other causes. Please answer these questions.";

}  // namespace backsignal
