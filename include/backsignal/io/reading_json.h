// A reading as JSON: exactly docs/reading.md §6, plus documented extra fields (docs/reading.md)
// and the reading's words (words/words.h), which every surface shows.
#pragma once

#include <string>

#include "backsignal/reading/reading.h"
#include "backsignal/words/words.h"

namespace backsignal {

// The JSON that `read --json` prints and the API returns.
std::string ReadingToJson(const Reading& reading, const ReadingWords& words, bool pretty = true);

}  // namespace backsignal
