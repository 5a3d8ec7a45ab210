#include "backsignal/io/safety_json.h"

#include "json_util.h"

namespace backsignal {

Result<std::map<std::string, bool>> ParseSafetyAnswersJson(std::string_view text) {
  ProblemList problems(40);
  std::map<std::string, bool> out;
  auto doc = io::ParseStrictJson(text);
  if (!doc) {
    problems.Add("$: " + doc.error());
  } else if (!doc->is_object()) {
    problems.Add("$: " + io::DescribeJson(*doc) + " is the wrong type; expected an object");
  } else {
    for (auto it = doc->begin(); it != doc->end(); ++it) {
      if (it.key() != "answers") problems.Add(it.key() + ": unknown key; expected answers");
    }
    auto answers = doc->find("answers");
    if (answers == doc->end()) {
      problems.Add("answers: required");
    } else if (!answers->is_object()) {
      problems.Add("answers: " + io::DescribeJson(*answers) +
                   " is the wrong type; expected an object of question ids to true or false");
    } else {
      for (auto it = answers->begin(); it != answers->end(); ++it) {
        if (!it->is_boolean()) {
          problems.Add("answers." + it.key() + ": " + io::DescribeJson(*it) +
                       " is the wrong type; expected true or false");
        } else {
          out[it.key()] = it->get<bool>();
        }
      }
    }
  }
  if (auto refusal = problems.Refusal("safety answers")) return Fail(*refusal);
  return out;
}

Result<Date> ParseClearanceJson(std::string_view text) {
  auto doc = io::ParseStrictJson(text);
  if (!doc) return Fail(Error::Invalid("clearance refused", {"$: " + doc.error()}));
  if (!doc->is_object() || !doc->contains("date") || doc->size() != 1 ||
      !(*doc)["date"].is_string()) {
    return Fail(Error::Invalid("clearance refused",
                               {"$: expected {\"date\": \"YYYY-MM-DD\"}, the day a clinician saw "
                                "you and cleared you to carry on"}));
  }
  const std::string s = (*doc)["date"].get<std::string>();
  auto d = Date::Parse(s);
  if (!d) return Fail(Error::Invalid("clearance refused", {"date: \"" + s + "\" " + d.error()}));
  return *d;
}

}  // namespace backsignal
