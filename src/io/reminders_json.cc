#include "backsignal/io/reminders_json.h"

#include "backsignal/core/date.h"
#include "backsignal/core/diary.h"
#include "json_util.h"

namespace backsignal {
namespace {

using nlohmann::json;

constexpr size_t kMaxText = 2048;

Result<json> Object(std::string_view text, ProblemList& problems) {
  auto doc = io::ParseStrictJson(text);
  if (!doc) {
    problems.Add(Problem("$", doc.error()));
    return json();
  }
  if (!doc->is_object()) {
    problems.Add(Problem("$", io::WrongTypeText(*doc, T_("an object"))));
    return json();
  }
  return std::move(*doc);
}

std::string TextField(const json& obj, const std::string& path, const char* key, bool required,
                      ProblemList& problems) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    // TRANSLATORS: after a key of a request's JSON body that was not given.
    if (required) problems.Add(Problem(path + key, T_("required")));
    return "";
  }
  if (!it->is_string()) {
    problems.Add(Problem(path + key, io::WrongTypeText(*it, T_("text (a string)"))));
    return "";
  }
  std::string s = it->get<std::string>();
  if (s.size() > kMaxText || !IsValidUtf8(s)) {
    problems.Add(
        // TRANSLATORS: {max} is the longest text allowed, in bytes.
        Problem(path + key, T_("longer than {max} bytes, or not UTF-8", {{"max", kMaxText}})));
    return "";
  }
  return s;
}

void Unknown(const json& obj, const std::string& path, std::initializer_list<std::string_view> keys,
             ProblemList& problems) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = false;
    for (std::string_view k : keys) known = known || k == it.key();
    // TRANSLATORS: after a key of a request's JSON body that is not one of its keys.
    if (!known) problems.Add(Problem(path + it.key(), T_("unknown key")));
  }
}

std::optional<bool> Bool(const json& obj, const char* key, ProblemList& problems) {
  auto it = obj.find(key);
  if (it == obj.end()) return std::nullopt;
  if (!it->is_boolean()) {
    problems.Add(Problem(key, io::WrongTypeText(*it, T_("true or false"))));
    return std::nullopt;
  }
  return it->get<bool>();
}

}  // namespace

Result<SubscriptionBody> ParseSubscriptionJson(std::string_view text) {
  ProblemList problems(10);
  SubscriptionBody out;
  auto doc = Object(text, problems);
  if (problems.count() == 0) {
    const json& j = *doc;
    Unknown(j, "", {"endpoint", "keys", "device", "expirationTime"}, problems);
    out.endpoint = TextField(j, "", "endpoint", true, problems);
    out.device = TextField(j, "", "device", false, problems);
    auto keys = j.find("keys");
    if (keys == j.end() || !keys->is_object()) {
      // TRANSLATORS: p256dh and auth are keys of the JSON and stay.
      problems.Add(Problem("keys", T_("required, an object with p256dh and auth")));
    } else {
      Unknown(*keys, "keys.", {"p256dh", "auth"}, problems);
      out.p256dh = TextField(*keys, "keys.", "p256dh", true, problems);
      out.auth = TextField(*keys, "keys.", "auth", true, problems);
    }
  }
  // TRANSLATORS: in "{what} refused: 2 problems": a device's push subscription.
  if (auto refusal = problems.Refusal(T_("subscription"))) return Fail(std::move(*refusal));
  return out;
}

Result<ReminderPrefsPatch> ParseReminderPrefsJson(std::string_view text) {
  ProblemList problems(10);
  ReminderPrefsPatch out;
  auto doc = Object(text, problems);
  if (problems.count() == 0) {
    const json& j = *doc;
    Unknown(j, "", {"hour_after", "morning", "quiet_hours"}, problems);
    out.hour_after = Bool(j, "hour_after", problems);
    out.morning = Bool(j, "morning", problems);
    if (auto q = j.find("quiet_hours"); q != j.end()) {
      if (q->is_null()) {
        out.quiet_hours = std::optional<std::pair<int, int>>();
      } else if (!q->is_object()) {
        problems.Add(Problem("quiet_hours",
                             // TRANSLATORS: the JSON and null stay as they are.
                             io::WrongTypeText(*q, T_("{{\"start\": \"22:00\", \"end\": "
                                                      "\"07:00\"}} or null"))));
      } else {
        Unknown(*q, "quiet_hours.", {"start", "end"}, problems);
        std::pair<int, int> span{0, 0};
        bool ok = true;
        for (const char* key : {"start", "end"}) {
          const std::string t = TextField(*q, "quiet_hours.", key, true, problems);
          if (t.empty()) {
            ok = false;
            continue;
          }
          auto time = TimeOfDay::Parse(t);
          if (!time) {
            problems.Add(Problem(std::string("quiet_hours.") + key, time.error()));
            ok = false;
            continue;
          }
          (std::string_view(key) == "start" ? span.first : span.second) = time->minutes();
        }
        if (ok) out.quiet_hours = std::optional(span);
      }
    }
  }
  // TRANSLATORS: in "{what} refused: 2 problems".
  if (auto refusal = problems.Refusal(T_("reminder settings"))) return Fail(std::move(*refusal));
  return out;
}

Result<std::string> ParseEndpointJson(std::string_view text) {
  ProblemList problems(5);
  std::string out;
  auto doc = Object(text, problems);
  if (problems.count() == 0) {
    Unknown(*doc, "", {"endpoint"}, problems);
    out = TextField(*doc, "", "endpoint", true, problems);
  }
  // TRANSLATORS: in "{what} refused: 1 problem": a device whose reminders are turned off.
  if (auto refusal = problems.Refusal(T_("device"))) return Fail(std::move(*refusal));
  return out;
}

}  // namespace backsignal
