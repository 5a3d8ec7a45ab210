#include "backsignal/service/checkins.h"

#include <cstdio>
#include <future>
#include <memory>

#include "backsignal/core/fields.h"
#include "backsignal/io/ids.h"
#include "backsignal/service/readings.h"
#include "backsignal/service/reminders.h"
#include "backsignal/service/safety.h"
#include "backsignal/service/settings.h"
#include "backsignal/service/today.h"
#include "internal.h"

namespace backsignal::service {
namespace {

using Touched = Result<std::optional<size_t>>;

Touched None() { return std::optional<size_t>(); }

}  // namespace

DayEdit SetMorning(Morning morning) {
  return [morning](Day& d) -> Touched {
    d.morning = morning;
    return None();
  };
}

DayEdit CorrectMorning(Score pain, std::optional<Score> stiffness) {
  return [pain, stiffness](Day& d) -> Touched {
    const std::optional<Score> kept = d.morning ? d.morning->stiffness : std::nullopt;
    d.morning = Morning{pain, stiffness ? stiffness : kept};
    return None();
  };
}

DayEdit AddSessionEdit(SessionPatch patch) {
  return [patch = std::move(patch)](Day& d) -> Touched {
    return std::optional<size_t>(AddSession(d, patch));
  };
}

DayEdit EditSessionEdit(size_t number, SessionPatch patch) {
  return [number, patch = std::move(patch)](Day& d) -> Touched {
    auto n = EditSession(d, number, patch);
    if (!n) return Unexpected(n.error());
    return std::optional<size_t>(*n);
  };
}

DayEdit HourAfterEdit(std::optional<size_t> number, HourAfter after, bool replace) {
  return [number, after, replace](Day& d) -> Touched {
    if (replace && number) {
      if (*number < 1 || *number > d.sessions.size()) {
        // TRANSLATORS: {number} is a session's number in its day; {date} the day (YYYY-MM-DD).
        return Fail(Error::NotFound(T_("there is no session {number} on {date}",
                                       {{"number", *number}, {"date", d.date.ToString()}})));
      }
      d.sessions[*number - 1].hour_after = after;
      return std::optional<size_t>(*number);
    }
    auto n = RecordHourAfter(d, number, after);
    if (!n) return Unexpected(n.error());
    return std::optional<size_t>(*n);
  };
}

DayEdit ContextEdit(const Context& context, bool merge, std::vector<std::string> cleared) {
  return [context, merge, cleared = std::move(cleared)](Day& d) -> Touched {
    if (merge) {
      MergeContext(d.context, context);
    } else {
      d.context = context;
      if (d.context.tags && d.context.tags->empty()) d.context.tags.reset();  // none
    }
    for (const std::string& name : cleared) {
      if (const Field<Context>* f = FindContextField(name)) f->set(d.context, FieldValue());
    }
    return None();
  };
}

DayEdit NoteEdit(std::string note, std::optional<bool> pinned) {
  return [note = std::move(note), pinned](Day& d) -> Touched {
    d.note = note;
    if (pinned) d.note_pinned = *pinned;
    return None();
  };
}

DayEdit DeleteEdit(Entry entry, std::optional<size_t> number) {
  return [entry, number](Day& d) -> Touched {
    if (auto ok = DeleteEntry(d, entry, number); !ok) return Unexpected(ok.error());
    // The hour-after and during deletions still concern their session.
    if (entry == Entry::kHourAfter || entry == Entry::kDuring) {
      return std::optional<size_t>(number.value_or(d.sessions.size()));
    }
    return None();
  };
}

namespace {

// The session's signals under the thresholds in force, read in the same transaction; and
// whether the safety screen is due again (building with heavy breathing under load, at most
// once a week).
Result<void> SessionSignals(DiaryTxn& txn, const Overrides& overrides, int64_t now,
                            CheckinResult& out) {
  if (!out.session || *out.session < 1 || *out.session > out.day.sessions.size()) return {};
  auto values = txn.GetSettings();
  if (!values) return Unexpected(values.error());
  auto settings = SettingsInForce(*values, overrides);
  if (!settings) return Unexpected(settings.error());
  const Session& s = out.day.sessions[*out.session - 1];
  out.during = DuringSignalOf(s, *settings);
  out.hour_after = HourAfterSignalOf(s, *settings);
  out.modify_or_stop = out.during == DuringSignal::kSharp;
  if (out.during == DuringSignal::kBuilding && s.load.Has(Load::kBreathingUnderLoad)) {
    auto safety = txn.GetSafety();
    if (!safety) return Unexpected(safety.error());
    out.safety_again =
        out.safety_again || !*safety ||
        now - std::max((*safety)->answered_at, (*safety)->cleared_at) >= kRescreenSeconds;
  }
  return {};
}

// Whether the check-in recorded a fall or an injury (a field that `rescreens`) the day did not
// hold before, dated on or after the day the safety questions were answered (the check-in comes
// after them): they are asked again at once.
Result<bool> RecordedInjury(DiaryTxn& txn, const std::optional<Day>& before, const Day& day,
                            std::string_view zone) {
  bool added = false;
  for (const Field<Context>& f : ContextFields()) {
    if (!f.spec.rescreens) continue;
    const FieldValue now = f.get(day.context);
    added |=
        !std::holds_alternative<std::monostate>(now) && (!before || f.get(before->context) != now);
  }
  if (!added) return false;
  auto safety = txn.GetSafety();
  if (!safety) return Unexpected(safety.error());
  return !*safety || day.date >= DateAt((*safety)->answered_at, zone);
}

}  // namespace

void Checkin(const Service& service, PersonId person, Date date, DayEdit edit, CheckinDone done,
             CheckinOptions options) {
  auto out = std::make_shared<CheckinResult>();
  out->date = date;
  const Overrides& overrides = service.overrides();
  const int64_t now = service.clock().Now();
  WriterOf(service).Submit(
      person,
      [date, edit = std::move(edit), out, overrides, now,
       options = std::move(options)](DiaryTxn& txn) -> Result<void> {
        // The same check-in sent again (its reply lost): answered as the first, stored once.
        // The person's lock, taken for this transaction, orders repeats across processes.
        const bool keyed = !options.idempotency_key.empty();
        // Kept as its hash: a key's length costs nothing in the database.
        const std::string key = keyed ? HashSecret(options.idempotency_key) : std::string();
        if (keyed) {
          auto seen = txn.GetIdempotent(key);
          if (seen && !*seen) {
            // Keys stored by earlier versions were kept whole: a retry of one of those
            // still finds it (they are all gone 30 days after the upgrade).
            seen = txn.GetIdempotent(options.idempotency_key);
          }
          if (!seen) return Unexpected(seen.error());
          if (*seen) {
            if ((*seen)->fingerprint != options.fingerprint) {
              return Fail(Error::Conflict(
                  // TRANSLATORS: Idempotency-Key is a request header's name and stays.
                  T_("this Idempotency-Key was already used for a different request; make a new "
                     "key for each check-in")));
            }
            auto stored = txn.GetDay((*seen)->date);
            if (!stored) return Unexpected(stored.error());
            out->replayed = true;
            out->date = (*seen)->date;
            out->session = (*seen)->session;
            out->day = stored->value_or(Day{.date = (*seen)->date});
            return SessionSignals(txn, overrides, now, *out);
          }
        }
        // A stop made by the safety screen holds here, in the write's own transaction, for
        // every front door; taking something out of the diary is still allowed.
        if (!options.deletes) {
          auto safety = txn.GetSafety();
          if (!safety) return Unexpected(safety.error());
          if (*safety && Stops(**safety)) return Fail(SafetyStopError(**safety));
        }
        // Not more than a day ahead of the person's own today (read in the same transaction).
        auto profile = txn.GetProfile();
        if (!profile) return Unexpected(profile.error());
        if (auto ok = CheckCheckinDate(date, DateAt(now, profile->time_zone), "date"); !ok) {
          return Unexpected(ok.error());
        }
        auto stored = txn.GetDay(date);
        if (!stored) return Unexpected(stored.error());
        out->before = *stored;
        Day day = stored->value_or(Day{.date = date});
        auto session = edit(day);
        if (!session) return Unexpected(session.error());
        day.date = date;
        if (auto ok = txn.PutDay(day); !ok) return ok;
        // Push reminders of this date planned or cancelled to match, in this transaction.
        if (auto ok = ReconcileReminders(txn, date, now); !ok) return ok;
        out->session = *session;
        out->day = std::move(day);
        if (keyed) {
          auto ok = txn.PutIdempotent(key, {options.fingerprint, date, out->session}, now);
          if (!ok) return ok;
        }
        auto injury = RecordedInjury(txn, out->before, out->day, profile->time_zone);
        if (!injury) return Unexpected(injury.error());
        out->safety_again = *injury;
        return SessionSignals(txn, overrides, now, *out);
      },
      [out, done = std::move(done)](Result<void> ok) {
        if (!ok) return done(Unexpected(ok.error()));
        done(std::move(*out));
      });
}

Result<std::string> CheckIdempotencyKey(const std::string& key) {
  if (key.empty()) return std::string();
  if (key.size() > 200) {
    return Fail(Error::Invalid(Problem("Idempotency-Key", T_("longer than 200 characters"))));
  }
  for (const char ch : key) {
    if (ch < 0x21 || ch > 0x7e) {
      return Fail(Error::Invalid(
          Problem("Idempotency-Key", T_("only visible ASCII characters (a UUID, say)"))));
    }
  }
  return key;
}

std::string RequestFingerprint(std::string_view method, std::string_view path,
                               std::string_view body) {
  uint64_t h = 14695981039346656037ULL;
  const auto mix = [&h](std::string_view part) {
    for (const char ch : part) {
      h ^= static_cast<unsigned char>(ch);
      h *= 1099511628211ULL;
    }
    h ^= 0xff;  // a separator no byte of text makes
    h *= 1099511628211ULL;
  };
  mix(method);
  mix(path);
  mix(body);
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

Result<CheckinResult> CheckinNow(const Service& service, PersonId person, Date date, DayEdit edit,
                                 CheckinOptions options) {
  std::promise<Result<CheckinResult>> promise;
  auto future = promise.get_future();
  Checkin(
      service, person, date, std::move(edit),
      [&promise](Result<CheckinResult> r) { promise.set_value(std::move(r)); }, std::move(options));
  return future.get();
}

Result<std::optional<MorningAfter>> MorningAfterOf(const Service& service, PersonId person,
                                                   Date morning) {
  auto view = ReadingOf(service, person, morning);
  if (!view) return Unexpected(view.error());
  for (const SessionReading& s : (*view)->reading.sessions) {
    if (s.date == morning - 1) return std::optional(MorningAfter{s.date, s.morning});
  }
  return std::optional<MorningAfter>();
}

namespace {

// What a whole diary must be to be stored, however it comes: every date one a diary holds, and
// no stop of the safety screen in force.
Result<void> CheckWholeDiary(const Service& service, PersonId person, const Diary& diary,
                             std::string_view source) {
  for (const Day& day : diary.days) {
    auto ok = CheckDiaryDate(day.date, std::string(source) + ": days[" + day.date.ToString() + "]");
    if (!ok) return Unexpected(ok.error());
  }
  for (const Weekly& w : diary.measures.weekly) {
    auto ok = CheckDiaryDate(w.date, std::string(source) + ": weekly[" + w.date.ToString() + "]");
    if (!ok) return Unexpected(ok.error());
  }
  for (const Flare& f : diary.measures.flares) {
    auto ok = CheckDiaryDate(f.date, std::string(source) + ": flares[" + f.date.ToString() + "]");
    if (!ok) return Unexpected(ok.error());
  }
  return RequireNoSafetyStop(service, person);
}

}  // namespace

Result<ImportReport> ImportDiary(const Service& service, PersonId person, const Diary& diary,
                                 ImportMode mode, std::string_view source) {
  if (auto ok = CheckWholeDiary(service, person, diary, source); !ok) {
    return Unexpected(ok.error());
  }
  return StoreOf(service).ForPerson(person)->Import(diary, mode);
}

void ReplaceDiary(const Service& service, PersonId person, Diary diary,
                  std::function<void(Result<size_t>)> done) {
  if (auto ok = CheckWholeDiary(service, person, diary, "body"); !ok) {
    return done(Unexpected(ok.error()));
  }
  auto shared = std::make_shared<const Diary>(std::move(diary));
  WriterOf(service).Submit(
      person, [shared](DiaryTxn& txn) { return ReplaceDiaryIn(txn, *shared); },
      [shared, done = std::move(done)](Result<void> ok) {
        if (!ok) return done(Unexpected(ok.error()));
        done(shared->days.size());
      });
}

Result<Diary> DiaryOf(const Service& service, PersonId person) {
  return StoreOf(service).ForPerson(person)->LoadDiary();
}

Result<std::optional<Day>> DayOf(const Service& service, PersonId person, Date date) {
  return StoreOf(service).ForPerson(person)->GetDay(date);
}

Result<void> SetUsualMorning(const Service& service, PersonId person, const UsualMorning& usual) {
  return WriterOf(service).Run(person, [usual](DiaryTxn& txn) { return txn.SetUsual(usual); });
}

}  // namespace backsignal::service
