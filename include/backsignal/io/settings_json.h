// A settings file: a JSON object of setting names to values, e.g. {"significant_change": 2.5}.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "backsignal/core/result.h"
#include "backsignal/reading/settings.h"

namespace backsignal {

// Applies every setting in `text` onto `settings`; any unknown name or out-of-bounds value
// refuses the whole file, naming the key.
[[nodiscard]] Result<void> ApplySettingsJson(std::string_view text, Settings& settings);

// Reads a settings object into names and values, each checked against its bounds.
[[nodiscard]] Result<std::map<std::string, double>> ParseSettingsJson(std::string_view text);

}  // namespace backsignal
