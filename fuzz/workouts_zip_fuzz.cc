// Fuzz target: any file, its format told by content: zips (the exports' containers, with their
// directory checked for overlapping entries and their entries for inflation) and what they hold.
#include "workouts_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  backsignal::ParseWorkoutTime(bytes.substr(0, 64));
  return backsignal::fuzzing::Run(std::nullopt, data, size);
}
