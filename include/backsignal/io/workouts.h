// Workouts from the files people already have, so that a session need not be typed: an Apple
// Health export (export.zip or export.xml, streamed: real ones are hundreds of MB), a Health
// Connect export (its zip, or the database inside), a Google Fit Takeout (its zip, or a session's
// JSON), GPX and TCX files, and a Strava bulk export's activities.csv (or its zip).
// Each workout becomes a session's date, start time, minutes and activity in the person's own
// time, with the loads its activity suggests (a suggestion the person confirms, never applied
// on its own).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/date.h"
#include "backsignal/core/diary.h"
#include "backsignal/core/result.h"

namespace backsignal {

enum class WorkoutFormat {
  kAppleHealth,    // export.xml, or export.zip holding apple_health_export/export.xml
  kHealthConnect,  // Health Connect's export zip, or its health_connect_export.db
  kGoogleFit,      // Google Takeout's Fit folder (zip), or one "All Sessions" JSON file
  kGpx,
  kTcx,
  kStravaCsv,  // activities.csv of a Strava bulk export, or the export's zip
};
std::string_view WorkoutFormatName(WorkoutFormat f);  // "Apple Health", "GPX", ...

// A workout as a file states it: its start as an instant, the offset from UTC the file gives
// for it (when it gives one), how long, and the activity as the source names it.
struct RawWorkout {
  int64_t start = 0;              // Unix seconds
  std::optional<int> utc_offset;  // seconds east of UTC, when the file says
  double seconds = 0;
  std::string activity;  // person-readable ("swimming", "traditional strength training")
};

// A workout in the person's own time, ready to be a session.
struct Workout {
  Date date;
  TimeOfDay start;
  int minutes = 0;       // 1-600 (a longer one is kept as 600 and marked `capped`)
  std::string activity;  // at most kMaxActivityChars
  LoadSet suggested;     // loads its activity suggests, for the person to confirm
  int64_t start_unix = 0;
  bool capped = false;
};

struct WorkoutFile {
  WorkoutFormat format = WorkoutFormat::kGpx;
  std::vector<RawWorkout> workouts;
  int skipped = 0;  // entries too short (under half a minute) or without a time
};

// Reads bytes into `buf` (at most `cap`); 0 at the end; an Error when reading fails.
using ByteSource = std::function<Result<size_t>(char* buf, size_t cap)>;

// Reads the workouts of a file, telling its format by its content (a zip, an XML root, a CSV
// header, a SQLite database, a JSON object). XML is streamed in chunks, so memory stays small
// whatever the size. Errors name `name` and what was expected. Temporary files (a database
// inside a zip) go in `tmp_dir`, or the system's when empty, and are removed.
[[nodiscard]] Result<WorkoutFile> ReadWorkoutFile(const std::string& path,
                                                  const std::string& tmp_dir = "");
// The same for bytes in memory (an upload), with the file's name for messages.
[[nodiscard]] Result<WorkoutFile> ReadWorkoutBytes(std::string_view bytes, std::string_view name,
                                                   const std::string& tmp_dir = "");

// The workouts in the person's time zone (`zone` resolved; the offset a Health Connect session
// was recorded with wins where it gives one, since it is the one in force at the time), in
// order of start, without the near-duplicates one file can hold (two apps
// writing the same workout: the same date, starts within 30 minutes and overlapping; the
// longer is kept).
std::vector<Workout> LocalWorkouts(const std::vector<RawWorkout>& raw, std::string_view zone);

// The loads an activity's name suggests: swimming, rowing, paddling, climbing, racket sports,
// golf, boxing and the like; nothing where it is not obvious (running, cycling, walking, yoga).
LoadSet SuggestLoads(std::string_view activity);

// Parsers of one piece each, for the tests and the fuzz target.
[[nodiscard]] Result<WorkoutFile> ReadWorkoutXml(const ByteSource& source, std::string_view name);
[[nodiscard]] Result<WorkoutFile> ReadStravaCsv(std::string_view text, std::string_view name);
[[nodiscard]] Result<WorkoutFile> ReadGoogleFitJson(std::string_view text, std::string_view name);

// "2026-11-02 18:00:05 +0100" (Apple), ISO 8601 with Z or an offset, "Nov 2, 2026, 6:00:05 PM"
// (Strava, UTC): the instant and the offset written, if any.
struct ParsedInstant {
  int64_t unix = 0;
  std::optional<int> offset;
};
std::optional<ParsedInstant> ParseWorkoutTime(std::string_view text);

}  // namespace backsignal
