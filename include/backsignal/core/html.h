// HTML escaping: one escaper for every page and report the program writes.
#pragma once

#include <string>
#include <string_view>

namespace backsignal {

// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in an element's text and in a quoted
// attribute.
std::string EscapeHtml(std::string_view text);

}  // namespace backsignal
