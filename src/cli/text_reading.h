// A reading's words (words/words.h) laid out for a terminal: alerts first, then the verdict
// with its evidence, the next step, the usual morning, what tends to go with a worse morning,
// and each recent session's three windows. It composes no sentence of its own.
#pragma once

#include <string>

#include "backsignal/words/words.h"

namespace backsignal::cli {

std::string ReadingToText(const Reading& reading, const ReadingWords& words);

}  // namespace backsignal::cli
