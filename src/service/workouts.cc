#include "backsignal/service/workouts.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "backsignal/io/zone.h"
#include "backsignal/service/clock.h"
#include "backsignal/service/safety.h"
#include "backsignal/service/today.h"

namespace backsignal::service {
namespace {

constexpr int kMatchMinutes = 30;

// The session of `day` this workout is: on its date, started within 30 minutes; a session
// without a time matches when it is the only one of the day without a time and has no minutes
// or the same activity. Sessions already matched in this import are passed over.
std::optional<size_t> Match(const Day& day, const Workout& w, const std::vector<bool>& taken) {
  std::optional<size_t> best;
  int best_gap = kMatchMinutes + 1;
  for (size_t i = 0; i < day.sessions.size(); ++i) {
    if (taken[i] || !day.sessions[i].time) continue;
    const int gap = std::abs(day.sessions[i].time->minutes() - w.start.minutes());
    if (gap <= kMatchMinutes && gap < best_gap) {
      best = i;
      best_gap = gap;
    }
  }
  if (best) return best;
  // A session logged without a time: the one of its day, if it is the only one so, with no
  // minutes of its own or an activity that is the workout's.
  std::optional<size_t> untimed;
  for (size_t i = 0; i < day.sessions.size(); ++i) {
    if (day.sessions[i].time) continue;
    if (untimed) return std::nullopt;  // two: which is which cannot be told
    untimed = i;
  }
  if (!untimed || taken[*untimed]) return std::nullopt;
  const Session& s = day.sessions[*untimed];
  if (!s.minutes || !s.activity || FoldAscii(*s.activity) == FoldAscii(w.activity)) return untimed;
  return std::nullopt;
}

// Fills what the session lacks; returns whether anything changed.
bool Fill(Session& s, const Workout& w, bool loads) {
  bool changed = false;
  if (!s.time) {
    s.time = w.start;
    changed = true;
  }
  if (!s.minutes) {
    s.minutes = w.minutes;
    changed = true;
  }
  if (!s.activity) {
    s.activity = w.activity;
    changed = true;
  }
  if (loads && s.load.empty() && !w.suggested.empty()) {
    s.load = w.suggested;
    changed = true;
  }
  return changed;
}

}  // namespace

std::string_view Name(WorkoutOutcome o) {
  switch (o) {
    case WorkoutOutcome::kAdded:
      return "added";
    case WorkoutOutcome::kMerged:
      return "merged";
    case WorkoutOutcome::kUnchanged:
      return "unchanged";
    case WorkoutOutcome::kFuture:
      return "future";
  }
  return "?";
}

Result<WorkoutImport> ImportWorkouts(const Service& service, PersonId person,
                                     const WorkoutFile& file, const WorkoutOptions& options) {
  auto store = service.db().ForPerson(person);
  WorkoutImport out;
  const int64_t now = service.clock().Now();
  auto body = [&](DiaryTxn& txn) -> Result<void> {
    out = WorkoutImport{};
    out.format = file.format;
    out.skipped = file.skipped;
    out.dry_run = options.dry_run;
    if (!options.dry_run) {
      auto safety = txn.GetSafety();
      if (!safety) return Unexpected(safety.error());
      if (*safety && Stops(**safety)) return Fail(SafetyStopError(**safety));
    }
    auto profile = txn.GetProfile();
    if (!profile) return Unexpected(profile.error());
    auto zone = ResolveTimeZone(profile->time_zone);
    if (!zone) return Unexpected(zone.error());
    const Date today = DateAt(now, *zone);
    const std::vector<Workout> workouts = LocalWorkouts(file.workouts, *zone);
    // By date, so that each day is read and written once.
    std::map<Date, std::vector<size_t>> by_date;
    for (size_t i = 0; i < workouts.size(); ++i) by_date[workouts[i].date].push_back(i);
    out.workouts.resize(workouts.size());
    for (const auto& [date, indexes] : by_date) {
      if (auto ok = CheckDiaryDate(date, "a workout's date"); !ok) return Unexpected(ok.error());
      auto stored = txn.GetDay(date);
      if (!stored) return Unexpected(stored.error());
      Day day = stored->value_or(Day{.date = date});
      const Day before = day;
      std::vector<bool> taken(day.sessions.size(), false);
      for (size_t i : indexes) {
        const Workout& w = workouts[i];
        WorkoutResult& r = out.workouts[i];
        r.workout = w;
        if (w.capped) ++out.capped;
        if (date > today) {
          r.outcome = WorkoutOutcome::kFuture;
          ++out.future;
          continue;
        }
        if (auto m = Match(day, w, taken)) {
          taken[*m] = true;
          Session& s = day.sessions[*m];
          // Loads the person already gave are theirs: nothing to suggest.
          if (!s.load.empty()) r.workout.suggested = LoadSet{};
          const bool had_loads = !s.load.empty();
          const bool changed = Fill(s, w, options.accept_loads);
          r.outcome = changed ? WorkoutOutcome::kMerged : WorkoutOutcome::kUnchanged;
          r.session = *m + 1;
          r.loads_applied = options.accept_loads && !had_loads && !s.load.empty();
          ++(changed ? out.merged : out.unchanged);
          continue;
        }
        Session s;
        s.time = w.start;
        s.minutes = w.minutes;
        s.activity = w.activity;
        if (options.accept_loads) s.load = w.suggested;
        r.loads_applied = options.accept_loads && !w.suggested.empty();
        // In the order they happened: before the first later session with a time.
        size_t at = day.sessions.size();
        for (size_t k = 0; k < day.sessions.size(); ++k) {
          if (day.sessions[k].time && day.sessions[k].time->minutes() > w.start.minutes()) {
            at = k;
            break;
          }
        }
        day.sessions.insert(day.sessions.begin() + static_cast<std::ptrdiff_t>(at), std::move(s));
        taken.insert(taken.begin() + static_cast<std::ptrdiff_t>(at), true);
        // Numbers of this day's results after `at` move up by one.
        for (size_t j : indexes) {
          if (j != i && out.workouts[j].session > at) ++out.workouts[j].session;
        }
        r.outcome = WorkoutOutcome::kAdded;
        r.session = at + 1;
        ++out.added;
      }
      if (!options.dry_run && !(day == before)) {
        if (auto ok = txn.PutDay(day); !ok) return ok;
      }
    }
    return {};
  };
  if (options.dry_run) {
    if (auto ok = store->View(body); !ok) return Unexpected(ok.error());
  } else if (auto ok = store->Transact(body); !ok) {
    return Unexpected(ok.error());
  }
  return out;
}

}  // namespace backsignal::service
