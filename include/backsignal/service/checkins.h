// Check-ins, the same for the CLI and the API: an edit of one day, run as one durable write,
// answered with the day as stored, the session's signals under the thresholds in force, and
// any advice due at once (modify or stop; the safety questions again).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "backsignal/core/checkin.h"
#include "backsignal/core/diary.h"
#include "backsignal/reading/reading.h"
#include "backsignal/service/service.h"

namespace backsignal::service {

// What a check-in changes on its day. Returns the session it concerns, if any (1-based).
using DayEdit = std::function<Result<std::optional<size_t>>(Day&)>;

// The edits a front door can make.
DayEdit SetMorning(Morning morning);
// Pain given, stiffness kept from what was there when not given (the command line's way).
DayEdit CorrectMorning(Score pain, std::optional<Score> stiffness);
DayEdit AddSessionEdit(SessionPatch patch);
DayEdit EditSessionEdit(size_t number, SessionPatch patch);
// The hour-after check-in of session `number` (the latest when not given): merged into what was
// there, or replacing it whole.
DayEdit HourAfterEdit(std::optional<size_t> number, HourAfter after, bool replace);
// The day's context: merged into what is there (MergeContext), or replacing it whole; and the
// fields named in `cleared` taken out (the command line's --no-injury).
DayEdit ContextEdit(const Context& context, bool merge, std::vector<std::string> cleared = {});
// The note, pinned (on every report) or not when `pinned` says, else as it was.
DayEdit NoteEdit(std::string note, std::optional<bool> pinned = std::nullopt);
DayEdit DeleteEdit(Entry entry, std::optional<size_t> number);

struct CheckinResult {
  Date date;
  std::optional<Day> before;  // the day as it was, when it held anything
  Day day;                    // the day as stored
  std::optional<size_t> session;
  // The session's signals under the thresholds in force (when `session` is set).
  DuringSignal during = DuringSignal::kUnknown;
  HourAfterSignal hour_after = HourAfterSignal::kUnknown;
  bool modify_or_stop = false;  // sharp or catching pain: show the advice now
  // Ask the screen again: building with heavy breathing under load (at most once a week), or a
  // fall or an injury newly recorded since it was answered (at once).
  bool safety_again = false;
  bool replayed = false;  // a repeat of a keyed check-in: nothing new was stored
};

struct CheckinOptions {
  // It only removes what was recorded: allowed while the safety screen stops check-ins.
  bool deletes = false;
  // The client's Idempotency-Key, when it sent one, and the fingerprint of its request: a
  // repeat with the same key and fingerprint is answered with the first result (`replayed`)
  // and stores nothing; the same key with another request is kConflict.
  std::string idempotency_key;
  std::string fingerprint;
};

// An Idempotency-Key as a client sent it: 1 to 200 visible ASCII characters (a UUID is 36), or
// none (empty); kInvalid otherwise.
[[nodiscard]] Result<std::string> CheckIdempotencyKey(const std::string& key);

// What a check-in sent with an Idempotency-Key stands for: a hash (FNV-1a, 64 bits, as 16 hex
// digits) of its method, path and body, so that the same key sent with another request is told
// apart from a repeat.
std::string RequestFingerprint(std::string_view method, std::string_view path,
                               std::string_view body);

using CheckinDone = std::function<void(Result<CheckinResult>)>;

// Runs the edit on `date` of `person`'s diary through the service's writer; `done` is called
// once the write is durable (or has failed), on any thread.
// While the safety screen has stopped check-ins (service/safety.h) it is refused (kForbidden),
// unless `options.deletes` says it only removes what was recorded.
void Checkin(const Service& service, PersonId person, Date date, DayEdit edit, CheckinDone done,
             CheckinOptions options = {});

// The same, waiting for it.
[[nodiscard]] Result<CheckinResult> CheckinNow(const Service& service, PersonId person, Date date,
                                               DayEdit edit, CheckinOptions options = {});

// A whole diary brought in beside what is there (or replacing the days it holds, by `mode`):
// every date checked (errors name `source`), refused while the safety screen stops check-ins,
// and stored at once or not at all.
[[nodiscard]] Result<ImportReport> ImportDiary(const Service& service, PersonId person,
                                               const Diary& diary, ImportMode mode,
                                               std::string_view source);

// A whole diary put in place of what is there (PUT /api/v1/diary): checked as ImportDiary
// checks it, then replaced in one durable write; `done` gets the number of days stored, once.
void ReplaceDiary(const Service& service, PersonId person, Diary diary,
                  std::function<void(Result<size_t>)> done);

// The whole diary, days in date order; and one day, if anything is recorded on it.
[[nodiscard]] Result<Diary> DiaryOf(const Service& service, PersonId person);
[[nodiscard]] Result<std::optional<Day>> DayOf(const Service& service, PersonId person, Date date);

// The person's own statement of their usual morning (used until the diary can tell); an empty
// one clears it.
[[nodiscard]] Result<void> SetUsualMorning(const Service& service, PersonId person,
                                           const UsualMorning& usual);

// What this morning says about the session of the day before, if there was one: for the words
// right after a morning check-in.
struct MorningAfter {
  Date session_date;
  MorningSignal signal = MorningSignal::kUnknown;
};
[[nodiscard]] Result<std::optional<MorningAfter>> MorningAfterOf(const Service& service,
                                                                 PersonId person, Date morning);

}  // namespace backsignal::service
