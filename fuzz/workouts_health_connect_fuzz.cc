// Fuzz target: Health Connect's database (a SQLite file), read as that format only
// (fuzz/workouts_fuzz.h says what is checked).
#include "workouts_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return backsignal::fuzzing::Run(backsignal::WorkoutFormat::kHealthConnect, data, size);
}
