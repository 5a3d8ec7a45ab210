#include "backsignal/io/profile_json.h"

#include "backsignal/core/diary.h"
#include "backsignal/io/zone.h"
#include "backsignal/words/i18n.h"
#include "json_util.h"

namespace backsignal {

Result<ProfilePatch> ParseProfilePatchJson(std::string_view text) {
  auto doc = io::ParseStrictJson(text);
  if (!doc) return Fail(Error::Invalid(T_("profile refused"), {Problem("$", doc.error())}));
  if (!doc->is_object()) {
    return Fail(Error::Invalid(
        T_("profile refused"),
        // TRANSLATORS: {value} is what was sent ("an array").
        {Problem("$", T_("{value} is not an object", {{"value", io::DescribeJsonText(*doc)}}))}));
  }
  ProfilePatch patch;
  std::vector<Text> problems;
  // "time_zone: 3 is the wrong type; expected ..."
  const auto wrong_type = [&problems](const std::string& key, const nlohmann::json& v,
                                      Text expected) {
    problems.push_back(Problem(key, io::WrongTypeText(v, std::move(expected))));
  };
  for (auto it = doc->begin(); it != doc->end(); ++it) {
    const std::string& key = it.key();
    const nlohmann::json& v = it.value();
    if (key == "time_zone") {
      if (v.is_null()) {
        patch.time_zone = "";
      } else if (!v.is_string()) {
        // TRANSLATORS: "Europe/London" and null are JSON and stay.
        wrong_type(key, v, T_("an IANA name such as \"Europe/London\" or null"));
      } else {
        auto z = ResolveTimeZone(v.get<std::string>());
        if (!z) {
          problems.push_back(Problem(key, z.error().MessageText()));
        } else {
          patch.time_zone = *z;
        }
      }
    } else if (key == "wake_time") {
      if (v.is_null()) {
        patch.wake_time = std::optional<TimeOfDay>();
      } else if (!v.is_string()) {
        // TRANSLATORS: "HH:MM" and null are JSON and stay.
        wrong_type(key, v, T_("\"HH:MM\" or null"));
      } else {
        auto t = TimeOfDay::Parse(v.get<std::string>());
        if (!t) {
          problems.push_back(
              // TRANSLATORS: {value} is a value as it was sent; {problem} what is wrong with it.
              Problem(key, T_("{value} {problem}",
                              {{"value", io::DescribeJsonText(v)}, {"problem", t.error()}})));
        } else {
          patch.wake_time = std::optional<TimeOfDay>(*t);
        }
      }
    } else if (key == "display_name") {
      if (v.is_null()) {
        patch.display_name = "";
      } else if (!v.is_string()) {
        // TRANSLATORS: null is JSON and stays.
        wrong_type(key, v, T_("a name or null"));
      } else {
        auto name = ValidateText(v.get<std::string>(), kMaxDisplayNameChars);
        if (!name) {
          // TRANSLATORS: {problem} is what is wrong with the name ("is 120 characters long; ...").
          problems.push_back(Problem(key, T_("the name {problem}", {{"problem", name.error()}})));
        } else {
          patch.display_name = *name;
        }
      }
    } else if (key == "keeps_diary") {
      if (v.is_null()) {
        patch.keeps_diary = std::optional<bool>();
      } else if (!v.is_boolean()) {
        // TRANSLATORS: true, false and null are JSON and stay.
        wrong_type(key, v, T_("true, false or null"));
      } else {
        patch.keeps_diary = std::optional<bool>(v.get<bool>());
      }
    } else if (key == "language") {
      const Locale* l = v.is_string() ? Locale::Find(v.get<std::string>()) : nullptr;
      if (v.is_null()) {
        patch.language = "";
      } else if (l == nullptr) {
        std::string known;
        for (const Locale* k : Locale::All()) known += (known.empty() ? "" : ", ") + k->tag();
        problems.push_back(Problem(
            // TRANSLATORS: {value} is the language asked for; {languages} the tags of those
            // backsignal speaks ("en, es, de"); null is JSON and stays.
            key, T_("{value} is not a language backsignal speaks; expected one of {languages}, or "
                    "null for the browser's",
                    {{"value", io::DescribeJsonText(v)}, {"languages", known}})));
      } else {
        patch.language = l->tag();
      }
    } else if (key == "weekly_day") {
      if (v.is_null()) {
        patch.weekly_day = std::optional<Weekday>();
      } else if (!v.is_string()) {
        // TRANSLATORS: "sunday" and null are JSON and stay.
        wrong_type(key, v, T_("a day such as \"sunday\" or null"));
      } else if (auto day = ParseWeekday(v.get<std::string>()); !day) {
        problems.push_back(Problem(key, day.error()));
      } else {
        patch.weekly_day = std::optional<Weekday>(*day);
      }
    } else {
      problems.push_back(Problem(key, T_("unknown key; expected {keys}",
                                         {{"keys",
                                           "time_zone, wake_time, display_name, keeps_diary, "
                                           "language or weekly_day"}})));
    }
  }
  if (!problems.empty()) return Fail(Error::Invalid(T_("profile refused"), std::move(problems)));
  return patch;
}

void ApplyProfilePatch(const ProfilePatch& patch, Profile& profile) {
  if (patch.time_zone) profile.time_zone = *patch.time_zone;
  if (patch.wake_time) profile.wake_time = *patch.wake_time;
  if (patch.display_name) profile.display_name = *patch.display_name;
  if (patch.keeps_diary) profile.keeps_diary = *patch.keeps_diary;
  if (patch.language) profile.language = *patch.language;
  if (patch.weekly_day) profile.weekly_day = *patch.weekly_day;
}

std::string ProfileToJson(const Profile& p) {
  io::ordered_json j;
  j["time_zone"] = p.time_zone.empty() ? io::ordered_json(nullptr) : io::ordered_json(p.time_zone);
  j["time_zone_in_force"] = ResolveTimeZone(p.time_zone).value_or("UTC");
  j["wake_time"] =
      p.wake_time ? io::ordered_json(p.wake_time->ToString()) : io::ordered_json(nullptr);
  j["wake_time_in_force"] = WakeTimeOf(p).ToString();
  j["calendar_feed_published"] = !p.feed_token_hash.empty();
  j["display_name"] =
      p.display_name.empty() ? io::ordered_json(nullptr) : io::ordered_json(p.display_name);
  j["keeps_diary"] = p.keeps_diary ? io::ordered_json(*p.keeps_diary) : io::ordered_json(nullptr);
  j["language"] = p.language.empty() ? io::ordered_json(nullptr) : io::ordered_json(p.language);
  // The languages to choose from, each by its own name ("Deutsch").
  io::ordered_json languages = io::ordered_json::array();
  for (const Locale* l : Locale::All()) {
    languages.push_back({{"tag", l->tag()}, {"name", l->name()}});
  }
  j["languages"] = std::move(languages);
  j["weekly_day"] = p.weekly_day ? io::ordered_json(std::string(WeekdayName(*p.weekly_day)))
                                 : io::ordered_json(nullptr);
  j["weekly_day_in_force"] = std::string(WeekdayName(WeeklyDayOf(p)));
  return io::Dump(j);
}

}  // namespace backsignal
