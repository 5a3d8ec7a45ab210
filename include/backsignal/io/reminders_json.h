// The bodies of the reminders API (docs/api.md): a device's Push API subscription
// (PushSubscription.toJSON(), with the device's name) and the person's reminder choices. Both
// are outside input, refused with every problem named by its JSON path.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "backsignal/core/result.h"

namespace backsignal {

struct SubscriptionBody {
  std::string endpoint;
  std::string p256dh;
  std::string auth;
  std::string device;
};
// {"endpoint": "https://...", "keys": {"p256dh": "...", "auth": "..."}, "device": "...",
//  "expirationTime": null}.
[[nodiscard]] Result<SubscriptionBody> ParseSubscriptionJson(std::string_view text);

// What a PUT of the choices changes: a key left out keeps what is stored; "quiet_hours": null
// turns quiet hours off, {"start": "22:00", "end": "07:00"} sets them (minutes after midnight).
struct ReminderPrefsPatch {
  std::optional<bool> hour_after;
  std::optional<bool> morning;
  std::optional<std::optional<std::pair<int, int>>> quiet_hours;
};
[[nodiscard]] Result<ReminderPrefsPatch> ParseReminderPrefsJson(std::string_view text);

// {"endpoint": "..."}: which device, by its subscription's endpoint.
[[nodiscard]] Result<std::string> ParseEndpointJson(std::string_view text);

}  // namespace backsignal
