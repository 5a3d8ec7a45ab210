#include "backsignal/io/settings_json.h"

#include "json_util.h"

namespace backsignal {

Result<std::map<std::string, double>> ParseSettingsJson(std::string_view text) {
  auto doc = io::ParseStrictJson(text);
  if (!doc) {
    return Fail(Error::Invalid(T_("settings refused"), {Problem("$", doc.error())}));
  }
  if (!doc->is_object()) {
    return Fail(
        // TRANSLATORS: {value} is what was sent ("an array").
        Error::Invalid(T_("settings refused"),
                       {Problem("$", T_("{value} is not an object of setting names and values",
                                        {{"value", io::DescribeJsonText(*doc)}}))}));
  }
  std::map<std::string, double> values;
  std::vector<Text> problems;
  for (auto it = doc->begin(); it != doc->end(); ++it) {
    if (!it.value().is_number()) {
      problems.push_back(
          Problem(it.key(), T_("{value} is the wrong type; expected {expected}",
                               {{"value", io::DescribeJsonText(it.value())},
                                // TRANSLATORS: in "is the wrong type; expected a number".
                                {"expected", T_("a number")}})));
      continue;
    }
    values[it.key()] = it.value().get<double>();
  }
  if (!problems.empty()) return Fail(Error::Invalid(T_("settings refused"), std::move(problems)));
  Settings scratch;
  if (auto ok = ApplySettings(scratch, values); !ok) return Unexpected(ok.error());
  return values;
}

Result<void> ApplySettingsJson(std::string_view text, Settings& settings) {
  auto values = ParseSettingsJson(text);
  if (!values) return Unexpected(values.error());
  return ApplySettings(settings, *values);
}

}  // namespace backsignal
