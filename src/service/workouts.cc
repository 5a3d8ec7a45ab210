#include "backsignal/service/workouts.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "backsignal/io/zone.h"
#include "backsignal/service/clock.h"
#include "backsignal/service/safety.h"
#include "backsignal/service/today.h"
#include "internal.h"

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

ImportCancel ImportDeadline(const Clock& clock, int64_t seconds, std::stop_token stop) {
  const int64_t until = seconds > 0 ? clock.Now() + seconds : 0;
  return [&clock, until, seconds, stop = std::move(stop)]() -> std::optional<Error> {
    if (stop.stop_requested()) {
      return Error::Storage(
          T_("the import was stopped: the server is shutting down; nothing was stored"));
    }
    if (until && clock.Now() > until) {
      return Error::Invalid(
          // TRANSLATORS: {seconds} is the most seconds one import may take.
          T_("the file took longer than {seconds} s to read, the most one "
             "import may take; nothing was stored",
             {{"seconds", seconds}}));
    }
    return std::nullopt;
  };
}

Result<WorkoutImport> ImportWorkouts(const Service& service, PersonId person,
                                     const WorkoutFile& file, const WorkoutOptions& options) {
  auto store = StoreOf(service).ForPerson(person);
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
    // The days the workouts fall on (and, for a Health Connect workout recorded away from the
    // person's zone, the day the zone puts it on too), each read once and written once.
    struct DayState {
      Day day;
      Day before;
      std::vector<bool> taken;      // sessions already matched in this import
      std::vector<size_t> results;  // results whose session number is on this day
    };
    std::map<Date, DayState> days;
    auto load = [&](Date date) -> Result<DayState*> {
      auto it = days.find(date);
      if (it != days.end()) return &it->second;
      if (auto ok = CheckDiaryDate(date, "a workout's date"); !ok) return Unexpected(ok.error());
      auto stored = txn.GetDay(date);
      if (!stored) return Unexpected(stored.error());
      DayState st;
      st.day = stored->value_or(Day{.date = date});
      st.before = st.day;
      st.taken.assign(st.day.sessions.size(), false);
      return &days.emplace(date, std::move(st)).first->second;
    };
    out.workouts.resize(workouts.size());
    for (size_t i = 0; i < workouts.size(); ++i) {
      const Workout& w = workouts[i];
      WorkoutResult& r = out.workouts[i];
      r.workout = w;
      if (w.capped) ++out.capped;
      if (w.date > today) {
        r.outcome = WorkoutOutcome::kFuture;
        ++out.future;
        continue;
      }
      auto primary = load(w.date);
      if (!primary) return Unexpected(primary.error());
      DayState* st = *primary;
      std::optional<size_t> m = Match(st->day, w, st->taken);
      // The same workout from a source with only its instant was put where the zone puts it.
      if (!m && w.zone_date && *w.zone_date <= today) {
        Workout there = w;
        there.date = *w.zone_date;
        there.start = *w.zone_start;
        if (auto other = load(there.date); other) {
          if (auto found = Match((*other)->day, there, (*other)->taken)) {
            st = *other;
            m = found;
            r.workout.date = there.date;
            r.workout.start = there.start;
          }
        } else if (other.error().kind != ErrorKind::kInvalid) {
          return Unexpected(other.error());
        }
      }
      const Workout& as = r.workout;
      if (m) {
        st->taken[*m] = true;
        Session& s = st->day.sessions[*m];
        // Loads the person already gave are theirs: nothing to suggest.
        if (!s.load.empty()) r.workout.suggested = LoadSet{};
        const bool had_loads = !s.load.empty();
        const bool changed = Fill(s, as, options.accept_loads);
        r.outcome = changed ? WorkoutOutcome::kMerged : WorkoutOutcome::kUnchanged;
        r.session = *m + 1;
        st->results.push_back(i);
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
      std::vector<Session>& sessions = st->day.sessions;
      size_t at = sessions.size();
      for (size_t k = 0; k < sessions.size(); ++k) {
        if (sessions[k].time && sessions[k].time->minutes() > w.start.minutes()) {
          at = k;
          break;
        }
      }
      sessions.insert(sessions.begin() + static_cast<std::ptrdiff_t>(at), std::move(s));
      st->taken.insert(st->taken.begin() + static_cast<std::ptrdiff_t>(at), true);
      // Numbers of this day's results after `at` move up by one.
      for (size_t j : st->results) {
        if (out.workouts[j].session > at) ++out.workouts[j].session;
      }
      st->results.push_back(i);
      r.outcome = WorkoutOutcome::kAdded;
      r.session = at + 1;
      ++out.added;
    }
    for (auto& [date, st] : days) {
      if (options.dry_run || st.day == st.before) continue;
      if (options.cancel) {
        if (std::optional<Error> stop = options.cancel()) return Fail(std::move(*stop));
      }
      if (auto ok = txn.PutDay(st.day); !ok) return ok;
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
