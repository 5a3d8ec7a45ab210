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

}  // namespace backsignal
