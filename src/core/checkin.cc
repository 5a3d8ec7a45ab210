#include "backsignal/core/checkin.h"

#include "backsignal/core/fields.h"

namespace backsignal {
namespace {

template <typename T>
void SetIf(std::optional<T>& target, const std::optional<T>& value) {
  if (value) target = value;
}

Result<size_t> ResolveSession(const Day& day, std::optional<size_t> number) {
  if (day.sessions.empty()) {
    return Fail(
        // TRANSLATORS: {date} is a day (YYYY-MM-DD).
        Error::NotFound(T_("there is no session on {date}", {{"date", day.date.ToString()}})));
  }
  if (!number) return day.sessions.size();
  if (*number < 1 || *number > day.sessions.size()) {
    return Fail(Error::NotFound(
        // TRANSLATORS: {number} is a session's number; {date} the day; {count} its sessions.
        T_("there is no session {number} on {date} (it has {count})",
           {{"number", *number}, {"date", day.date.ToString()}, {"count", day.sessions.size()}})));
  }
  return *number;
}

}  // namespace

void ApplyPatch(Session& session, const SessionPatch& patch) {
  const Session given{.time = patch.time,
                      .minutes = patch.minutes,
                      .activity = patch.activity,
                      .effort = patch.effort,
                      .during = patch.during,
                      .hour_after = patch.hour_after};
  for (const Field<Session>& f : SessionFields()) {
    if (f.spec.kind == FieldKind::kLoads) continue;  // given whole below, even when empty
    FieldValue v = f.get(given);
    if (!std::holds_alternative<std::monostate>(v)) f.set(session, v);
  }
  if (patch.load) session.load = *patch.load;
}

SessionPatch PatchFrom(const Session& given, bool with_load) {
  SessionPatch p;
  p.time = given.time;
  p.minutes = given.minutes;
  p.activity = given.activity;
  if (with_load) p.load = given.load;
  p.effort = given.effort;
  p.during = given.during;
  p.hour_after = given.hour_after;
  return p;
}

void MergeContext(Context& context, const Context& patch) {
  for (const Field<Context>& f : ContextFields()) {
    FieldValue v = f.get(patch);
    if (std::holds_alternative<std::monostate>(v)) continue;
    // A list is given whole; an empty one clears it.
    const auto* list = std::get_if<std::vector<std::string>>(&v);
    f.set(context, list && list->empty() ? FieldValue() : v);
  }
  // No painkillers: no name of one. A name alone says some were taken.
  if (patch.painkillers == false) context.painkiller_name.reset();
  if (patch.painkiller_name) context.painkillers = true;
}

size_t AddSession(Day& day, const SessionPatch& patch) {
  Session s;
  ApplyPatch(s, patch);
  day.sessions.push_back(std::move(s));
  return day.sessions.size();
}

Result<size_t> EditSession(Day& day, size_t number, const SessionPatch& patch) {
  auto n = ResolveSession(day, number);
  if (!n) return n;
  ApplyPatch(day.sessions[*n - 1], patch);
  return *n;
}

Result<size_t> RecordHourAfter(Day& day, std::optional<size_t> number, const HourAfter& after) {
  auto n = ResolveSession(day, number);
  if (!n) return n;
  HourAfter& h = day.sessions[*n - 1].hour_after;
  SetIf(h.pain, after.pain);
  SetIf(h.tighter, after.tighter);
  return *n;
}

std::optional<Entry> ParseEntry(std::string_view name) {
  if (name == "morning") return Entry::kMorning;
  if (name == "session") return Entry::kSession;
  if (name == "after" || name == "hour-after") return Entry::kHourAfter;
  if (name == "during") return Entry::kDuring;
  if (name == "context") return Entry::kContext;
  if (name == "note") return Entry::kNote;
  if (name == "day") return Entry::kDay;
  return std::nullopt;
}

Result<void> DeleteEntry(Day& day, Entry entry, std::optional<size_t> number) {
  const std::string date = day.date.ToString();
  switch (entry) {
    case Entry::kMorning:
      if (!day.morning) {
        return Fail(
            // TRANSLATORS: {date} is a day (YYYY-MM-DD).
            Error::NotFound(T_("there is no morning check-in on {date}", {{"date", date}})));
      }
      day.morning.reset();
      return {};
    case Entry::kContext:
      if (day.context.empty()) {
        // TRANSLATORS: {date} is a day (YYYY-MM-DD); the context is the day's own check-in.
        return Fail(Error::NotFound(T_("there is no context on {date}", {{"date", date}})));
      }
      day.context = Context{};
      return {};
    case Entry::kNote:
      if (!day.note) {
        // TRANSLATORS: {date} is a day (YYYY-MM-DD).
        return Fail(Error::NotFound(T_("there is no note on {date}", {{"date", date}})));
      }
      day.note.reset();
      day.note_pinned = false;  // a pin goes with its note
      return {};
    case Entry::kDay:
      if (day.empty()) {
        // TRANSLATORS: {date} is a day (YYYY-MM-DD).
        return Fail(Error::NotFound(T_("there is nothing recorded on {date}", {{"date", date}})));
      }
      day = Day{.date = day.date};
      return {};
    case Entry::kSession:
    case Entry::kHourAfter:
    case Entry::kDuring: {
      auto n = ResolveSession(day, number);
      if (!n) return Unexpected(n.error());
      Session& s = day.sessions[*n - 1];
      if (entry == Entry::kSession) {
        day.sessions.erase(day.sessions.begin() + static_cast<std::ptrdiff_t>(*n - 1));
      } else if (entry == Entry::kHourAfter) {
        if (s.hour_after.empty()) {
          // TRANSLATORS: {number} is a session's number; {date} its day (YYYY-MM-DD).
          return Fail(Error::NotFound(T_("session {number} on {date} has no hour-after check-in",
                                         {{"number", *n}, {"date", date}})));
        }
        s.hour_after = HourAfter{};
      } else {
        if (s.during.empty()) {
          // TRANSLATORS: {number} is a session's number; {date} its day (YYYY-MM-DD).
          return Fail(Error::NotFound(T_("session {number} on {date} has no during check-in",
                                         {{"number", *n}, {"date", date}})));
        }
        s.during = During{};
      }
      return {};
    }
  }
  return {};
}

}  // namespace backsignal
