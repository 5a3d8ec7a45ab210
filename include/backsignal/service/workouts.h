// Workouts imported as sessions, for the CLI and the API alike: read from a file
// (io/workouts.h) in the person's time zone, each matched to a session already logged on its
// date that started within 30 minutes (merged: what the person typed is kept, what is missing is
// filled in) or added as a new session. Importing the same file again changes nothing. Loads an
// activity suggests are only applied when the person confirms them.
#pragma once

#include <string>
#include <vector>

#include "backsignal/io/workouts.h"
#include "backsignal/service/service.h"

namespace backsignal::service {

enum class WorkoutOutcome {
  kAdded,      // a new session
  kMerged,     // filled in a session already logged (its time, minutes or activity)
  kUnchanged,  // a session already logged holds it all (imported before, or typed)
  kFuture,     // dated after the person's today: left out
};
std::string_view Name(WorkoutOutcome o);  // "added", "merged", "unchanged", "future"

struct WorkoutResult {
  Workout workout;
  WorkoutOutcome outcome = WorkoutOutcome::kAdded;
  size_t session = 0;  // the session's number on its date (1-based), when stored
  bool loads_applied = false;
};

struct WorkoutImport {
  WorkoutFormat format = WorkoutFormat::kGpx;
  std::vector<WorkoutResult> workouts;
  int added = 0, merged = 0, unchanged = 0, future = 0;
  int skipped = 0;  // in the file but too short or without a time
  int capped = 0;   // longer than 600 minutes, kept as 600
  bool dry_run = false;
};

struct WorkoutOptions {
  bool dry_run = false;       // say what would happen, store nothing
  bool accept_loads = false;  // apply the suggested loads to sessions that have none
};

// Stores the file's workouts in `person`'s diary, in one transaction: all or nothing. Refused
// while the safety screen stops check-ins.
[[nodiscard]] Result<WorkoutImport> ImportWorkouts(const Service& service, PersonId person,
                                                   const WorkoutFile& file,
                                                   const WorkoutOptions& options);

}  // namespace backsignal::service
