#include "backsignal/core/text.h"

namespace backsignal {

std::string FillText(std::string_view text,
                     const std::vector<std::pair<std::string, std::string>>& args) {
  std::string out;
  out.reserve(text.size() + 32);
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      i += 2;
      continue;
    }
    if (c == '{') {
      const size_t end = text.find('}', i + 1);
      if (end != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, end - i - 1);
        const std::string* found = nullptr;
        for (const auto& [n, v] : args) {
          if (n == name) found = &v;
        }
        if (found != nullptr) {
          out += *found;
          i = end + 1;
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  return out;
}

std::string Text::English() const {
  if (literal) return id;
  if (marked) return id;  // as it was made, braces and all (as TrMarked keeps it)
  std::vector<std::pair<std::string, std::string>> values;
  values.reserve(args.size() + 1);
  for (const Text& a : args) values.emplace_back(a.name, a.English());
  if (plural) values.emplace_back("n", std::to_string(n));
  return FillText(plural && n != 1 ? id_plural : id, values);
}

}  // namespace backsignal
