// Workouts imported as sessions, for the CLI and the API alike: read from a file
// (io/workouts.h) in the person's time zone, each matched to a session already logged on its
// date that started within 30 minutes (merged: what the person typed is kept, what is missing is
// filled in) or added as a new session. Importing the same file again changes nothing. Loads an
// activity suggests are only applied when the person confirms them.
#pragma once

#include <stop_token>
#include <string>
#include <vector>

#include "backsignal/io/workouts.h"
#include "backsignal/service/clock.h"
#include "backsignal/service/service.h"

namespace backsignal::service {

// What an import did (io/workouts.h).
using backsignal::WorkoutImport;
using backsignal::WorkoutOutcome;
using backsignal::WorkoutResult;

struct WorkoutOptions {
  bool dry_run = false;       // say what would happen, store nothing
  bool accept_loads = false;  // apply the suggested loads to sessions that have none
  ImportCancel cancel;        // asked before each day is written: an Error ends it, none stored
};

// The cancel hook of an import that may take `seconds` by `clock` from now (0: no deadline), and
// stops at once when `stop` is requested: the server passes Service::stop_token(), set at
// SIGTERM, so an import in flight ends when the server is told to. The deadline is kInvalid
// ("took longer than 30 s": the file costs too much); a stop is kStorage (nothing stored; try
// again).
ImportCancel ImportDeadline(const Clock& clock, int64_t seconds, std::stop_token stop = {});

// The deadline of an upload's import (POST /api/v1/workouts): its limits are
// ImportLimits::Upload(); a file within them reads in a few seconds.
inline constexpr int64_t kUploadImportSeconds = 30;

// Stores the file's workouts in `person`'s diary, in one transaction: all or nothing. Refused
// while the safety screen stops check-ins.
[[nodiscard]] Result<WorkoutImport> ImportWorkouts(const Service& service, PersonId person,
                                                   const WorkoutFile& file,
                                                   const WorkoutOptions& options);

}  // namespace backsignal::service
