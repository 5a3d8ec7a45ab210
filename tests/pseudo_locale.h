// The pseudo-locale `qps` in tests: what of a text did not go through a catalogue.
#pragma once

#include <string>

namespace backsignal::testing {

// What is left of a pseudo-locale text once its bracketed pieces ("[Ŝéš ~~]", nested ones too)
// are taken out: what did not come from a catalogue.
inline std::string OutsideBrackets(const std::string& text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '[') ++depth;
    if (depth == 0) out += c;
    if (c == ']' && depth > 0) --depth;
  }
  return out;
}

}  // namespace backsignal::testing
