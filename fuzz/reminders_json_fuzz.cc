// Fuzz target: the reminders API's bodies (a device's subscription, the reminder choices, a
// device by endpoint) must never crash, accept only UTF-8 text, and only times of day.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backsignal/core/diary.h"
#include "backsignal/io/reminders_json.h"

using namespace backsignal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto s = ParseSubscriptionJson(text)) {
    for (const std::string* t : {&s->endpoint, &s->p256dh, &s->auth, &s->device}) {
      if (!IsValidUtf8(*t)) std::abort();
    }
    if (s->endpoint.empty()) std::abort();
  }
  if (auto p = ParseReminderPrefsJson(text); p && p->quiet_hours && *p->quiet_hours) {
    const auto [start, end] = **p->quiet_hours;
    if (start < 0 || start >= 1440 || end < 0 || end >= 1440) std::abort();
  }
  if (auto e = ParseEndpointJson(text); e && !IsValidUtf8(*e)) std::abort();
  return 0;
}
