#include "backsignal/service/measures.h"

#include <algorithm>

#include "backsignal/service/safety.h"
#include "backsignal/service/today.h"
#include "internal.h"

namespace backsignal::service {
namespace {

// Runs `body` as one durable write of the person's diary, after the checks every entry has: not
// while the safety screen stops check-ins (unless it only removes), and a date no later than
// the person's tomorrow.
Result<void> Write(const Service& service, PersonId person, Date date, bool removes,
                   const std::function<Result<void>(DiaryTxn&)>& body) {
  const int64_t now = service.clock().Now();
  return WriterOf(service).Run(person, [&](DiaryTxn& txn) -> Result<void> {
    if (!removes) {
      auto safety = txn.GetSafety();
      if (!safety) return Unexpected(safety.error());
      if (*safety && Stops(**safety)) return Fail(SafetyStopError(**safety));
    }
    auto profile = txn.GetProfile();
    if (!profile) return Unexpected(profile.error());
    if (auto ok = CheckCheckinDate(date, DateAt(now, profile->time_zone), "date"); !ok) {
      return Unexpected(ok.error());
    }
    return body(txn);
  });
}

}  // namespace

Result<WeeklyState> WeeklyStateOf(const Service& service, PersonId person) {
  WeeklyState out;
  auto store = StoreOf(service).ForPerson(person);
  auto ok = store->View([&](DiaryTxn& txn) -> Result<void> {
    auto profile = txn.GetProfile();
    if (!profile) return Unexpected(profile.error());
    out.today = DateAt(service.clock().Now(), profile->time_zone);
    out.day = WeeklyDayOf(*profile);
    auto m = txn.GetMeasures(std::nullopt);
    if (!m) return Unexpected(m.error());
    out.due_since = WeeklyDueSince(m->weekly, out.day, out.today);
    for (auto it = m->weekly.rbegin(); it != m->weekly.rend(); ++it) {
      if (it->date > out.today) continue;
      if (!out.latest) out.latest = *it;
      if (!it->psfs.empty()) {
        for (const PsfsRating& r : it->psfs) out.activities.push_back(r.activity);
        break;
      }
    }
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return out;
}

Result<Weekly> SaveWeekly(const Service& service, PersonId person, const Weekly& weekly) {
  if (auto ok = ValidateWeekly(weekly); !ok) return Unexpected(ok.error());
  auto ok = Write(service, person, weekly.date, false,
                  [&](DiaryTxn& txn) { return txn.PutWeekly(weekly); });
  if (!ok) return Unexpected(ok.error());
  return weekly;
}

Result<void> DeleteWeekly(const Service& service, PersonId person, Date date) {
  return Write(service, person, date, true, [&](DiaryTxn& txn) -> Result<void> {
    auto m = txn.GetMeasures(date);
    if (!m) return Unexpected(m.error());
    if (!m->FindWeekly(date)) {
      return Fail(Error::NotFound(
          // TRANSLATORS: {date} is a day (YYYY-MM-DD).
          T_("there are no weekly answers on {date}", {{"date", date.ToString()}})));
    }
    return txn.PutWeekly(Weekly{.date = date});
  });
}

Result<FlareSaved> AddFlare(const Service& service, PersonId person, const Flare& flare,
                            const std::string& key, const std::string& fingerprint) {
  if (auto ok = ValidateFlare(flare); !ok) return Unexpected(ok.error());
  FlareSaved out{.flare = flare};
  const int64_t now = service.clock().Now();
  auto ok = Write(service, person, flare.date, false, [&](DiaryTxn& txn) -> Result<void> {
    if (!key.empty()) {
      auto seen = txn.GetIdempotent(key);
      if (!seen) return Unexpected(seen.error());
      if (*seen) {
        if ((*seen)->fingerprint != fingerprint) {
          return Fail(Error::Conflict(
              // TRANSLATORS: Idempotency-Key is a request header's name and stays.
              T_("this Idempotency-Key was already used for a different request; make a new key "
                 "for each entry")));
        }
        out.number = (*seen)->session.value_or(0);
        return {};
      }
    }
    auto m = txn.GetMeasures(flare.date);
    if (!m) return Unexpected(m.error());
    std::vector<Flare> of_date = FlaresBetween(*m, flare.date, flare.date);
    of_date.push_back(flare);
    out.number = of_date.size();
    if (auto put = txn.PutFlares(flare.date, of_date); !put) return put;
    if (key.empty()) return {};
    return txn.PutIdempotent(key, {fingerprint, flare.date, out.number}, now);
  });
  if (!ok) return Unexpected(ok.error());
  return out;
}

Result<void> DeleteFlare(const Service& service, PersonId person, Date date, size_t number) {
  return Write(service, person, date, true, [&](DiaryTxn& txn) -> Result<void> {
    auto m = txn.GetMeasures(date);
    if (!m) return Unexpected(m.error());
    std::vector<Flare> of_date = FlaresBetween(*m, date, date);
    if (number < 1 || number > of_date.size()) {
      return Fail(Error::NotFound(
          // TRANSLATORS: {number} is a flare's number in its day; {date} the day (YYYY-MM-DD);
          // {count} how many flares the day has.
          T_("there is no flare {number} on {date} (it has {count})",
             {{"number", number}, {"date", date.ToString()}, {"count", of_date.size()}})));
    }
    of_date.erase(of_date.begin() + static_cast<std::ptrdiff_t>(number - 1));
    return txn.PutFlares(date, of_date);
  });
}

Result<Measures> MeasuresOf(const Service& service, PersonId person, std::optional<Date> since) {
  Measures out;
  auto store = StoreOf(service).ForPerson(person);
  auto ok = store->View([&](DiaryTxn& txn) -> Result<void> {
    auto m = txn.GetMeasures(since);
    if (!m) return Unexpected(m.error());
    out = std::move(*m);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return out;
}

MeasuresView MeasuresViewAt(const Measures& measures, Date as_of, const Voice& voice,
                            const Locale& loc) {
  MeasuresView out;
  for (const Weekly& w : measures.weekly) {
    if (w.date > as_of - kMeasuresViewDays && w.date <= as_of) out.recent.weekly.push_back(w);
  }
  out.recent.flares = FlaresBetween(measures, as_of - (kMeasuresViewDays - 1), as_of);
  out.trend = TrendOf(measures, as_of);
  out.words = WordsForMeasures(out.trend, FlaresBetween(measures, as_of - 13, as_of), loc);
  for (std::string& line : out.words.psfs) line = RetoldInVoice(line, voice, loc);
  for (std::string& line : out.words.peg) line = RetoldInVoice(line, voice, loc);
  return out;
}

Result<MeasuresView> MeasuresViewOf(const Service& service, PersonId person, const Voice& voice,
                                    const Locale& loc) {
  auto state = WeeklyStateOf(service, person);
  if (!state) return Unexpected(state.error());
  // The trend reaches eight weeks and a few days back from answers up to two weeks old.
  auto m = MeasuresOf(service, person, state->today - (kMeasuresViewDays + 14));
  if (!m) return Unexpected(m.error());
  MeasuresView out = MeasuresViewAt(*m, state->today, voice, loc);
  out.weekly = std::move(*state);
  return out;
}

Result<Weekday> SetWeeklyDay(const Service& service, PersonId person, std::optional<Weekday> day) {
  auto store = StoreOf(service).ForPerson(person);
  auto p = store->EditProfile([&](Profile& profile) -> Result<void> {
    profile.weekly_day = day;
    return {};
  });
  if (!p) return Unexpected(p.error());
  return WeeklyDayOf(*p);
}

}  // namespace backsignal::service
