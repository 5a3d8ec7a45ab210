// The profile over HTTP: {"time_zone": "Europe/London", "wake_time": "06:45"}.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "backsignal/core/profile.h"
#include "backsignal/core/result.h"

namespace backsignal {

// A change to the profile: each field absent (left), null (cleared, back to the default) or a
// value. Time zones are checked against the zoneinfo database.
struct ProfilePatch {
  std::optional<std::string> time_zone;  // "" clears
  std::optional<std::optional<TimeOfDay>> wake_time;
  std::optional<std::string> display_name;           // "" clears
  std::optional<std::optional<bool>> keeps_diary;    // null: back to the role's default
  std::optional<std::string> language;               // a language backsignal speaks; "" clears
  std::optional<std::optional<Weekday>> weekly_day;  // null: back to the default (Sunday)
};

[[nodiscard]] Result<ProfilePatch> ParseProfilePatchJson(std::string_view text);
void ApplyProfilePatch(const ProfilePatch& patch, Profile& profile);

// The profile as the person sees it: the stored values, and what is in force.
std::string ProfileToJson(const Profile& profile);

}  // namespace backsignal
