#include "backsignal/core/checkin.h"

namespace backsignal {
namespace {

template <typename T>
void SetIf(std::optional<T>& target, const std::optional<T>& value) {
  if (value) target = value;
}

Result<size_t> ResolveSession(const Day& day, std::optional<size_t> number) {
  if (day.sessions.empty()) {
    return Fail(Error::NotFound("there is no session on " + day.date.ToString()));
  }
  if (!number) return day.sessions.size();
  if (*number < 1 || *number > day.sessions.size()) {
    return Fail(Error::NotFound("there is no session " + std::to_string(*number) + " on " +
                                day.date.ToString() + " (it has " +
                                std::to_string(day.sessions.size()) + ")"));
  }
  return *number;
}

}  // namespace

void ApplyPatch(Session& session, const SessionPatch& patch) {
  SetIf(session.time, patch.time);
  SetIf(session.minutes, patch.minutes);
  SetIf(session.activity, patch.activity);
  if (patch.load) session.load = *patch.load;
  SetIf(session.during.start, patch.during.start);
  SetIf(session.during.end, patch.during.end);
  SetIf(session.during.pattern, patch.during.pattern);
  SetIf(session.during.sharp, patch.during.sharp);
  SetIf(session.hour_after.pain, patch.hour_after.pain);
  SetIf(session.hour_after.tighter, patch.hour_after.tighter);
}

void MergeContext(Context& context, const Context& patch) {
  SetIf(context.sitting_hours, patch.sitting_hours);
  SetIf(context.prolonged_position, patch.prolonged_position);
  SetIf(context.upper_body_tension, patch.upper_body_tension);
  SetIf(context.sleep_hours, patch.sleep_hours);
  SetIf(context.sleep_quality, patch.sleep_quality);
  SetIf(context.stress, patch.stress);
  SetIf(context.painkillers, patch.painkillers);
  SetIf(context.painkiller_name, patch.painkiller_name);
  // No painkillers: no name of one. A name alone says some were taken.
  if (patch.painkillers == false) context.painkiller_name.reset();
  if (patch.painkiller_name) context.painkillers = true;
  // Tags are given whole; an empty list clears them.
  if (patch.tags) {
    context.tags = patch.tags->empty() ? std::nullopt : patch.tags;
  }
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
  const std::string on = " on " + day.date.ToString();
  switch (entry) {
    case Entry::kMorning:
      if (!day.morning) return Fail(Error::NotFound("there is no morning check-in" + on));
      day.morning.reset();
      return {};
    case Entry::kContext:
      if (day.context.empty()) return Fail(Error::NotFound("there is no context" + on));
      day.context = Context{};
      return {};
    case Entry::kNote:
      if (!day.note) return Fail(Error::NotFound("there is no note" + on));
      day.note.reset();
      return {};
    case Entry::kDay:
      if (day.empty()) return Fail(Error::NotFound("there is nothing recorded" + on));
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
          return Fail(Error::NotFound("session " + std::to_string(*n) + on +
                                      " has no hour-after check-in"));
        }
        s.hour_after = HourAfter{};
      } else {
        if (s.during.empty()) {
          return Fail(
              Error::NotFound("session " + std::to_string(*n) + on + " has no during check-in"));
        }
        s.during = During{};
      }
      return {};
    }
  }
  return {};
}

}  // namespace backsignal
