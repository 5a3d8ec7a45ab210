// What a workout import did, as the API's JSON (POST /api/v1/workouts, docs/workouts.md).
#pragma once

#include <string>

#include "backsignal/io/workouts.h"

namespace backsignal {

// {"format", "dry_run", "added", "merged", "unchanged", "future", "skipped", "capped",
//  "workouts": [{"date", "time", "minutes", "activity", "outcome", "session",
//                "suggested_loads", "loads_applied", "capped"}]}
std::string WorkoutImportToJson(const WorkoutImport& r);

}  // namespace backsignal
