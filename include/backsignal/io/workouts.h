// Workouts from the files people already have, so that a session need not be typed: an Apple
// Health export (export.zip or export.xml, streamed: real ones are hundreds of MB), a Health
// Connect export (its zip, or the database inside), a Google Fit Takeout (its zip, or a session's
// JSON), GPX and TCX files, and a Strava bulk export's activities.csv (or its zip).
// Each workout becomes a session's date, start time, minutes and activity in the person's own
// time, with the loads its activity suggests (a suggestion the person confirms, never applied
// on its own).
//
// Every file is read under an ImportBudget: what one import may cost (bytes inflated, zip
// entries, workouts, XML nesting, a database's memory) and a hook that stops it (a deadline, a
// server shutting down), checked as the file streams. The first limit passed ends the import
// with an error naming it and its number; nothing is stored (docs/security.md, "The import
// budget").
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

// What one import may read. Two sets: a file uploaded to the server, and a file the person
// imports on their own machine with the command line (which streams exports of many GB).
struct ImportLimits {
  uint64_t inflated_bytes = 0;   // bytes read, after decompression, every part of the file together
  uint64_t zip_entries = 0;      // entries in a zip's directory
  uint64_t zip_ratio = 0;        // an entry's inflated bytes per byte of it in the zip (past 1 MiB)
  uint64_t workouts = 0;         // workouts met, kept or left out, every part together
  uint64_t xml_depth = 0;        // elements open at once (and a JSON file's nesting)
  uint64_t database_memory = 0;  // a Health Connect database's cache, schema and statements
  const char* scope = "";        // the limits' name in messages: "an upload", "one import"

  static ImportLimits Upload();     // the page's upload (POST /api/v1/workouts)
  static ImportLimits LocalFile();  // `backsignal import-workouts FILE`
};

// Asked as the import streams (each 64 KB read, each few thousand XML elements, CSV rows or
// database steps): an Error to stop the import now (a deadline passed, the server is shutting
// down: the caller says which, and its kind), or nothing to go on. Empty: never stops.
using ImportCancel = std::function<std::optional<Error>()>;

// The running account of one import against its limits: one per import, passed down to every
// reader of every part. Not thread-safe (one import runs on one thread).
class ImportBudget {
 public:
  explicit ImportBudget(ImportLimits limits, ImportCancel cancel = {});

  const ImportLimits& limits() const { return limits_; }

  // `n` more bytes read in `where`; asks the cancel hook. A refusal past the limit.
  [[nodiscard]] Result<void> AddBytes(uint64_t n, std::string_view where);
  // One more workout (or a row, an element that would be one) in `where`.
  [[nodiscard]] Result<void> AddWorkout(std::string_view where);
  // Asks the cancel hook (call it often where no bytes are counted: a database's steps).
  [[nodiscard]] Result<void> Check();
  // Refusals of the other limits, named the same way, for the readers that check them.
  Error TooDeep(std::string_view where) const;
  Error TooManyEntries(std::string_view where, uint64_t entries) const;
  Error TooInflated(std::string_view where) const;  // an entry past zip_ratio
  Error TooMuchMemory(std::string_view where) const;

  uint64_t bytes() const { return bytes_; }
  uint64_t workouts() const { return workouts_; }

 private:
  ImportLimits limits_;
  ImportCancel cancel_;
  uint64_t bytes_ = 0;
  uint64_t workouts_ = 0;
};

// A workout as a file states it: its start as an instant, the offset from UTC in force when it
// was recorded (only where the format records one for the workout itself: Health Connect), how
// long, and the activity as the source names it.
struct RawWorkout {
  int64_t start = 0;              // Unix seconds
  std::optional<int> utc_offset;  // seconds east of UTC, as recorded with the workout
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
  // Where the recorded offset (Health Connect) puts it elsewhere than the person's zone does:
  // the person's zone's date and start, so that the same workout from another source (which
  // has only the instant) is still found as one.
  std::optional<Date> zone_date;
  std::optional<TimeOfDay> zone_start;
};

struct WorkoutFile {
  WorkoutFormat format = WorkoutFormat::kGpx;
  std::vector<RawWorkout> workouts;
  int skipped = 0;  // entries too short (under half a minute) or without a time
};

// Reads bytes into `buf` (at most `cap`); 0 at the end; an Error when reading fails.
using ByteSource = std::function<Result<size_t>(char* buf, size_t cap)>;

// Reads the workouts of a file, telling its format by its content (a zip, an XML root, a CSV
// header, a SQLite database, a JSON object). Every format is streamed, so memory stays small
// whatever the size, and `budget` is checked as it goes. Errors name `name` and what was
// expected. Temporary files (a database inside a zip or an upload) go in `tmp_dir`, or the
// system's when empty, and are removed.
[[nodiscard]] Result<WorkoutFile> ReadWorkoutFile(const std::string& path, ImportBudget& budget,
                                                  const std::string& tmp_dir = "");
// The same for bytes in memory (an upload), with the file's name for messages.
[[nodiscard]] Result<WorkoutFile> ReadWorkoutBytes(std::string_view bytes, std::string_view name,
                                                   ImportBudget& budget,
                                                   const std::string& tmp_dir = "");
// Bytes read as one format only (the fuzz targets, one a format; the tests): a refusal naming
// what was expected when they are not that format. kGoogleFit is a session's JSON.
[[nodiscard]] Result<WorkoutFile> ReadWorkoutBytesAs(WorkoutFormat format, std::string_view bytes,
                                                     std::string_view name, ImportBudget& budget,
                                                     const std::string& tmp_dir = "");

// The workouts in the person's time zone (`zone` resolved), in order of start, without the
// near-duplicates one file can hold (two apps writing the same workout: starts within 30
// minutes and overlapping; the longer is kept). A Health Connect workout's recorded offset wins
// over the zone (it is the one in force where the person was), and the zone's rendering is kept
// beside it. Activity names are cut to kMaxActivityChars in one pass.
std::vector<Workout> LocalWorkouts(const std::vector<RawWorkout>& raw, std::string_view zone);

// `text` cut to at most `max_chars` code points in one pass, without a broken UTF-8 sequence at
// the end; "" when `text` is not valid UTF-8 (before the cut) or holds U+0000.
std::string CutActivityName(std::string_view text, size_t max_chars);

// The loads an activity's name suggests: swimming, rowing, paddling, climbing, racket sports,
// golf, boxing and the like; nothing where it is not obvious (running, cycling, walking, yoga).
LoadSet SuggestLoads(std::string_view activity);

// "2026-11-02 18:00:05 +0100" (Apple), ISO 8601 with Z or an offset, "Nov 2, 2026, 6:00:05 PM"
// (Strava, UTC): the instant and the offset written, if any.
struct ParsedInstant {
  int64_t unix = 0;
  std::optional<int> offset;
};
std::optional<ParsedInstant> ParseWorkoutTime(std::string_view text);

// What an import did with each workout (service/workouts.h makes it; io/workouts_json.h and the
// command line render it).
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

}  // namespace backsignal
