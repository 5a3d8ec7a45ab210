#include "backsignal/io/settings_json.h"

#include "json_util.h"

namespace backsignal {

Result<void> ApplySettingsJson(std::string_view text, Settings& settings) {
  auto doc = io::ParseStrictJson(text);
  if (!doc) return Fail(Error::Invalid("settings refused", {"$: " + doc.error()}));
  if (!doc->is_object()) {
    return Fail(Error::Invalid(
        "settings refused",
        {"$: " + io::DescribeJson(*doc) + " is not an object of setting names and values"}));
  }
  Settings updated = settings;
  std::vector<std::string> problems;
  for (auto it = doc->begin(); it != doc->end(); ++it) {
    if (!it.value().is_number()) {
      problems.push_back(it.key() + ": " + io::DescribeJson(it.value()) +
                         " is the wrong type; expected a number");
      continue;
    }
    auto ok = SetSetting(updated, it.key(), it.value().get<double>());
    if (!ok) problems.push_back(ok.error().message);
  }
  if (problems.empty()) {
    if (auto ok = CheckSettings(updated); !ok) problems.push_back(ok.error().message);
  }
  if (!problems.empty()) return Fail(Error::Invalid("settings refused", std::move(problems)));
  settings = updated;
  return {};
}

}  // namespace backsignal
