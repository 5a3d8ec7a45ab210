// Quick check-ins as edits of one day: record the morning, a session with its during
// check-in, the hour-after check-in, the day's context or note; correct or delete any of them.
// Pure functions on a Day; the store applies them inside one transaction.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "backsignal/core/diary.h"
#include "backsignal/core/result.h"

namespace backsignal {

// Fields to set on a session; unset fields are left as they are.
struct SessionPatch {
  std::optional<TimeOfDay> time;
  std::optional<int> minutes;
  std::optional<std::string> activity;
  std::optional<LoadSet> load;
  During during;         // each field given replaces the session's
  HourAfter hour_after;  // likewise
  bool empty() const {
    return !time && !minutes && !activity && !load && during.empty() && hour_after.empty();
  }
};

// Sets each given field of `patch` on `session`.
void ApplyPatch(Session& session, const SessionPatch& patch);

// The patch that sets each field `given` holds, and its loads (even none) when `with_load`.
SessionPatch PatchFrom(const Session& given, bool with_load);

// Sets each given field of `patch` on `context`.
void MergeContext(Context& context, const Context& patch);

// Appends a session; returns its 1-based number within the day.
size_t AddSession(Day& day, const SessionPatch& patch);

// Changes session `number` (1-based) of the day. Fails with kNotFound if there is no such one.
[[nodiscard]] Result<size_t> EditSession(Day& day, size_t number, const SessionPatch& patch);

// Records the hour-after check-in on session `number`, or on the day's latest session.
// Fails with kNotFound when the day has no session to attach it to.
[[nodiscard]] Result<size_t> RecordHourAfter(Day& day, std::optional<size_t> number,
                                             const HourAfter& after);

// What can be deleted from a day.
enum class Entry { kMorning, kSession, kHourAfter, kDuring, kContext, kNote, kDay };
std::optional<Entry> ParseEntry(std::string_view name);

// Deletes one entry (for sessions and their check-ins, session `number` or the latest).
// Fails with kNotFound when there is nothing of that kind on the day.
[[nodiscard]] Result<void> DeleteEntry(Day& day, Entry entry, std::optional<size_t> number);

}  // namespace backsignal
