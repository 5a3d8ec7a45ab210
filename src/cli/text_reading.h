// A reading's words (words/words.h) laid out for a terminal: the safety questions when they are
// due, alerts, then the verdict with its evidence, the next step, each activity on its own, the
// usual morning, what tends to go with a worse morning, and each recent session's three
// windows. It composes no sentence of its own.
#pragma once

#include <string>

#include "backsignal/words/words.h"

namespace backsignal::cli {

// `safety_prompt`: words/safety.h's prompt and how to answer, or "" when nothing is due.
// The headings are in `loc`'s language, as the words should be.
std::string ReadingToText(const Reading& reading, const ReadingWords& words, const Locale& loc,
                          const std::string& safety_prompt = "");

}  // namespace backsignal::cli
