// Check-in bodies of the HTTP API as JSON, read with the diary format's rules and messages:
// {"pain": 3, "stiffness": 4} for a morning, a session object, {"pain": 3, "tighter": false}.
// Paths in errors are relative to the body ("pain: 11 is above the top of the scale (0 to 10)").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "backsignal/core/checkin.h"
#include "backsignal/core/diary.h"
#include "backsignal/core/result.h"

namespace backsignal {

[[nodiscard]] Result<Morning> ParseMorningJson(std::string_view text);
[[nodiscard]] Result<Context> ParseContextJson(std::string_view text);
[[nodiscard]] Result<HourAfter> ParseHourAfterJson(std::string_view text);
// A session's fields to set: every key given is set, keys left out are kept.
[[nodiscard]] Result<SessionPatch> ParseSessionPatchJson(std::string_view text);
// {"note": "...", "pinned": true}: the note, and whether to pin it (kept as it was when not
// given).
struct NoteBody {
  std::string text;
  std::optional<bool> pinned;
};
[[nodiscard]] Result<NoteBody> ParseNoteJson(std::string_view text);

// One day in the diary format's shape (compact).
std::string DayToJson(const Day& day);

}  // namespace backsignal
