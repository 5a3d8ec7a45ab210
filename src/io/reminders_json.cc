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
    problems.Add("$: " + doc.error());
    return json();
  }
  if (!doc->is_object()) {
    problems.Add("$: " + io::DescribeJson(*doc) + " is the wrong type; expected an object");
    return json();
  }
  return std::move(*doc);
}

std::string TextField(const json& obj, const std::string& path, const char* key, bool required,
                      ProblemList& problems) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) problems.Add(path + key + ": required");
    return "";
  }
  if (!it->is_string()) {
    problems.Add(path + key + ": " + io::DescribeJson(*it) +
                 " is the wrong type; expected text (a string)");
    return "";
  }
  std::string s = it->get<std::string>();
  if (s.size() > kMaxText || !IsValidUtf8(s)) {
    problems.Add(path + key + ": longer than " + std::to_string(kMaxText) + " bytes, or not UTF-8");
    return "";
  }
  return s;
}

void Unknown(const json& obj, const std::string& path, std::initializer_list<std::string_view> keys,
             ProblemList& problems) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = false;
    for (std::string_view k : keys) known = known || k == it.key();
    if (!known) problems.Add(path + it.key() + ": unknown key");
  }
}

std::optional<bool> Bool(const json& obj, const char* key, ProblemList& problems) {
  auto it = obj.find(key);
  if (it == obj.end()) return std::nullopt;
  if (!it->is_boolean()) {
    problems.Add(std::string(key) + ": " + io::DescribeJson(*it) +
                 " is the wrong type; expected true or false");
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
      problems.Add("keys: required, an object with p256dh and auth");
    } else {
      Unknown(*keys, "keys.", {"p256dh", "auth"}, problems);
      out.p256dh = TextField(*keys, "keys.", "p256dh", true, problems);
      out.auth = TextField(*keys, "keys.", "auth", true, problems);
    }
  }
  if (auto refusal = problems.Refusal("subscription")) return Fail(std::move(*refusal));
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
        problems.Add("quiet_hours: " + io::DescribeJson(*q) +
                     " is the wrong type; expected {\"start\": \"22:00\", \"end\": \"07:00\"} "
                     "or null");
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
            problems.Add(std::string("quiet_hours.") + key + ": " + time.error());
            ok = false;
            continue;
          }
          (std::string_view(key) == "start" ? span.first : span.second) = time->minutes();
        }
        if (ok) out.quiet_hours = std::optional(span);
      }
    }
  }
  if (auto refusal = problems.Refusal("reminder settings")) return Fail(std::move(*refusal));
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
  if (auto refusal = problems.Refusal("device")) return Fail(std::move(*refusal));
  return out;
}

}  // namespace backsignal
