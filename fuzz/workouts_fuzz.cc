// Fuzz target: every workout parser (XML through expat, Strava's CSV, Google Fit's JSON, zips)
// must finish and never crash on any bytes, and whatever it reads must make valid sessions.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "backsignal/io/workouts.h"

using namespace backsignal;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto file = ReadWorkoutBytes(bytes, "fuzz");
  if (!file) return 0;
  for (const Workout& w : LocalWorkouts(file->workouts, "UTC")) {
    if (w.minutes < kMinMinutes || w.minutes > kMaxMinutes) std::abort();
    if (!ValidateText(w.activity, kMaxActivityChars)) std::abort();
    if (w.start.minutes() < 0 || w.start.minutes() >= 24 * 60) std::abort();
  }
  ParseWorkoutTime(bytes.substr(0, 64));
  return 0;
}
