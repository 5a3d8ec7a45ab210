// A reading in words a person understands, in the article's spirit: alerts first, then the
// verdict with its evidence, the usual morning, and each recent session's three windows.
#pragma once

#include <string>

#include "backsignal/reading/reading.h"

namespace backsignal::cli {

std::string ReadingToText(const Reading& reading, const Settings& settings);

}  // namespace backsignal::cli
