// Fuzz target: the check-in bodies of the API (morning, context, hour-after, session, note)
// must never crash, and whatever they accept must be a value the diary can hold.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backsignal/core/checkin.h"
#include "backsignal/core/safety.h"
#include "backsignal/io/checkin_json.h"
#include "backsignal/io/safety_json.h"

using namespace backsignal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Day day{.date = Date::FromCivil(2026, 11, 2)};
  if (auto m = ParseMorningJson(text)) day.morning = *m;
  if (auto c = ParseContextJson(text)) day.context = *c;
  if (auto n = ParseNoteJson(text)) {
    day.note = n->text;
    day.note_pinned = n->pinned.value_or(false);
  }
  if (auto p = ParseSessionPatchJson(text)) AddSession(day, *p);
  if (auto h = ParseHourAfterJson(text)) {
    if (day.sessions.empty()) day.sessions.emplace_back();
    day.sessions.back().hour_after = *h;
  }
  // The safety screen's bodies: whatever they accept is judged or refused, never thrown.
  if (auto answers = ParseSafetyAnswersJson(text)) (void)UrgencyOf(*answers);
  (void)ParseClearanceJson(text);
  // Everything accepted is storable: the store's own check passes.
  if (!ValidateDay(day)) std::abort();
  return 0;
}
