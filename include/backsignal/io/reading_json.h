// A reading as JSON: exactly spec/reading.md §4, plus documented extra fields (docs/reading.md).
#pragma once

#include <string>

#include "backsignal/reading/reading.h"

namespace backsignal {

// The JSON that `read --json` prints and the API returns.
std::string ReadingToJson(const Reading& reading, bool pretty = true);

}  // namespace backsignal
