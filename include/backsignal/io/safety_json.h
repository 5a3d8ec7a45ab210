// The safety screen's bodies: {"answers": {"chest_breathless": false, ...}} and a clinician's
// clearance {"date": "2026-11-20"}.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "backsignal/core/date.h"
#include "backsignal/core/result.h"

namespace backsignal {

[[nodiscard]] Result<std::map<std::string, bool>> ParseSafetyAnswersJson(std::string_view text);
[[nodiscard]] Result<Date> ParseClearanceJson(std::string_view text);

}  // namespace backsignal
