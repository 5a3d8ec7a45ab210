#include "backsignal/core/text.h"

namespace backsignal {

std::string FillText(std::string_view text,
                     const std::vector<std::pair<std::string, std::string>>& args) {
  return FillWith(text, [&](std::string_view name) {
    const std::string* found = nullptr;
    for (const auto& [n, v] : args) {
      if (n == name) found = &v;
    }
    return found;
  });
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
