// The weekly questions and flares as JSON (docs/measures.md, docs/diary-format.md): their place
// in the diary file ("weekly" and "flares" beside "days"), the API's bodies, and the trend the
// report and the page show. Outside input is refused with every problem named by its JSON path.
#pragma once

#include <string>
#include <string_view>

#include "backsignal/core/measures.h"
#include "backsignal/core/result.h"

namespace backsignal {

// The body of a weekly answer: {"peg": {"pain": 5, "enjoyment": 4, "activity": 6},
// "psfs": [{"activity": "reaching overhead", "score": 4}]}, either or both, for `date`.
[[nodiscard]] Result<Weekly> ParseWeeklyJson(std::string_view text, Date date);
// The body of a flare: {"time": "14:20", "pain": 7, "sharp": true, "note": "..."}: pain
// required.
[[nodiscard]] Result<Flare> ParseFlareJson(std::string_view text, Date date);

std::string WeeklyToJson(const Weekly& weekly);
std::string FlareToJson(const Flare& flare);

}  // namespace backsignal
