// What every workout fuzz target checks: the reader finishes on any bytes within the upload's
// budget (libFuzzer's -rss_limit_mb and -timeout hold it to that), never crashes, and whatever it
// reads makes valid sessions in any zone, on both sides of the date line.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "backsignal/io/workouts.h"

namespace backsignal::fuzzing {

inline void CheckSessions(const WorkoutFile& file) {
  for (const char* zone : {"UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"}) {
    for (const Workout& w : LocalWorkouts(file.workouts, zone)) {
      if (w.minutes < kMinMinutes || w.minutes > kMaxMinutes) std::abort();
      if (!ValidateText(w.activity, kMaxActivityChars)) std::abort();
      if (w.start.minutes() < 0 || w.start.minutes() >= 24 * 60) std::abort();
      if (w.zone_start && (w.zone_start->minutes() < 0 || w.zone_start->minutes() >= 24 * 60)) {
        std::abort();
      }
    }
  }
  if (file.workouts.size() > ImportLimits::Upload().workouts) std::abort();
}

// `format`: that format only; none: told by content, a zip included.
inline int Run(std::optional<WorkoutFormat> format, const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ImportBudget budget(ImportLimits::Upload());
  auto file = format ? ReadWorkoutBytesAs(*format, bytes, "fuzz", budget)
                     : ReadWorkoutBytes(bytes, "fuzz", budget);
  if (budget.bytes() > ImportLimits::Upload().inflated_bytes + (uint64_t{1} << 16)) std::abort();
  if (file) CheckSessions(*file);
  return 0;
}

}  // namespace backsignal::fuzzing
