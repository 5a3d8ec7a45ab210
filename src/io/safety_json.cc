#include "backsignal/io/safety_json.h"

#include "json_util.h"

namespace backsignal {

Result<std::map<std::string, bool>> ParseSafetyAnswersJson(std::string_view text) {
  ProblemList problems(40);
  std::map<std::string, bool> out;
  auto doc = io::ParseStrictJson(text);
  if (!doc) {
    problems.Add(Problem("$", doc.error()));
  } else if (!doc->is_object()) {
    problems.Add(Problem("$", io::WrongTypeText(*doc, T_("an object"))));
  } else {
    for (auto it = doc->begin(); it != doc->end(); ++it) {
      if (it.key() != "answers") {
        problems.Add(Problem(it.key(), T_("unknown key; expected {keys}", {{"keys", "answers"}})));
      }
    }
    auto answers = doc->find("answers");
    if (answers == doc->end()) {
      problems.Add(Problem("answers", T_("required")));
    } else if (!answers->is_object()) {
      // TRANSLATORS: true and false are JSON and stay.
      problems.Add(Problem("answers", io::WrongTypeText(*answers, T_("an object of question ids to "
                                                                     "true or false"))));
    } else {
      for (auto it = answers->begin(); it != answers->end(); ++it) {
        if (!it->is_boolean()) {
          problems.Add(Problem("answers." + it.key(), io::WrongTypeText(*it, T_("true or false"))));
        } else {
          out[it.key()] = it->get<bool>();
        }
      }
    }
  }
  // TRANSLATORS: in "{what} refused: 2 problems".
  if (auto refusal = problems.Refusal(T_("safety answers"))) return Fail(*refusal);
  return out;
}

Result<Date> ParseClearanceJson(std::string_view text) {
  auto doc = io::ParseStrictJson(text);
  // TRANSLATORS: a clinician's clearance to carry on, sent with its date.
  if (!doc) return Fail(Error::Invalid(T_("clearance refused"), {Problem("$", doc.error())}));
  if (!doc->is_object() || !doc->contains("date") || doc->size() != 1 ||
      !(*doc)["date"].is_string()) {
    return Fail(Error::Invalid(
        // TRANSLATORS: the JSON stays as it is.
        T_("clearance refused"),
        {Problem("$", T_("expected {{\"date\": \"YYYY-MM-DD\"}}, the day a clinician saw you "
                         "and cleared you to carry on"))}));
  }
  const std::string s = (*doc)["date"].get<std::string>();
  auto d = Date::Parse(s);
  if (!d) {
    return Fail(Error::Invalid(
        // TRANSLATORS: {date} is the date as it was sent; {problem} what is wrong with it.
        T_("clearance refused"),
        {Problem("date", T_("\"{date}\" {problem}", {{"date", s}, {"problem", d.error()}}))}));
  }
  return *d;
}

}  // namespace backsignal
