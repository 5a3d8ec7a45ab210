// The weekly questions and flares of one person (core/measures.h), in the transaction of a write
// to their diary: the PEG's items on the weekly row, the PSFS's activities one row each, flares
// one row each in the order of their date.
#include "sql_database.h"

namespace backsignal::sql {
namespace {

Result<Date> DateOf(const Row& r, size_t i, const char* what) {
  const std::string text = r.Text(i);
  auto d = Date::Parse(text);
  if (!d)
    return Fail(Error::Storage(std::string("corrupt ") + what + " date in the database: " + text));
  return *d;
}

Result<void> WriteWeekly(Conn& c, PersonId person, const Weekly& w) {
  const std::string date = w.date.ToString();
  if (auto d = c.Run("DELETE FROM weekly WHERE person_id = ? AND date = ?", {person, date}); !d) {
    return Unexpected(d.error());
  }
  if (w.empty()) return {};
  const auto item = [&](int Peg::*field) -> Value {
    return w.peg ? Value(int64_t{(*w.peg).*field}) : Null();
  };
  auto ins = c.Run(
      "INSERT INTO weekly (person_id, date, peg_pain, peg_enjoyment, peg_activity) "
      "VALUES (?, ?, ?, ?, ?)",
      {person, date, item(&Peg::pain), item(&Peg::enjoyment), item(&Peg::activity)});
  if (!ins) return Unexpected(ins.error());
  for (size_t i = 0; i < w.psfs.size(); ++i) {
    auto r = c.Run(
        "INSERT INTO psfs_ratings (person_id, date, seq, activity, score) VALUES (?, ?, ?, ?, ?)",
        {person, date, static_cast<int64_t>(i + 1), w.psfs[i].activity, int64_t{w.psfs[i].score}});
    if (!r) return Unexpected(r.error());
  }
  return {};
}

Result<void> WriteFlares(Conn& c, PersonId person, Date date, const std::vector<Flare>& flares) {
  const std::string day = date.ToString();
  if (auto d = c.Run("DELETE FROM flares WHERE person_id = ? AND date = ?", {person, day}); !d) {
    return Unexpected(d.error());
  }
  for (size_t i = 0; i < flares.size(); ++i) {
    const Flare& f = flares[i];
    auto r = c.Run(
        "INSERT INTO flares (person_id, date, seq, time_minutes, pain, sharp, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {person, day, static_cast<int64_t>(i + 1),
         f.time ? Value(int64_t{f.time->minutes()}) : Null(), f.pain.value(),
         f.sharp ? Value(int64_t{*f.sharp ? 1 : 0}) : Null(), Opt(f.note)});
    if (!r) return Unexpected(r.error());
  }
  return {};
}

}  // namespace

Result<Measures> LoadMeasuresOn(Conn& c, PersonId person, std::optional<Date> since) {
  Measures m;
  const std::string from = since ? since->ToString() : std::string("0000-00-00");
  auto weekly = c.Query(
      "SELECT date, peg_pain, peg_enjoyment, peg_activity FROM weekly WHERE person_id = ? AND "
      "date >= ? ORDER BY date",
      {person, from});
  if (!weekly) return Unexpected(weekly.error());
  for (const Row& r : *weekly) {
    auto date = DateOf(r, 0, "weekly");
    if (!date) return Unexpected(date.error());
    Weekly w{.date = *date};
    if (!r.IsNull(1) && !r.IsNull(2) && !r.IsNull(3)) {
      w.peg =
          Peg{static_cast<int>(r.Int(1)), static_cast<int>(r.Int(2)), static_cast<int>(r.Int(3))};
    }
    m.weekly.push_back(std::move(w));
  }
  auto psfs = c.Query(
      "SELECT date, activity, score FROM psfs_ratings WHERE person_id = ? AND date >= ? "
      "ORDER BY date, seq",
      {person, from});
  if (!psfs) return Unexpected(psfs.error());
  size_t wi = 0;
  for (const Row& r : *psfs) {
    auto date = DateOf(r, 0, "PSFS");
    if (!date) return Unexpected(date.error());
    while (wi < m.weekly.size() && m.weekly[wi].date < *date) ++wi;
    if (wi == m.weekly.size() || m.weekly[wi].date != *date) {
      return Fail(Error::Storage("database holds a PSFS rating without its week: " + r.Text(0)));
    }
    m.weekly[wi].psfs.push_back({r.Text(1), static_cast<int>(r.Int(2))});
  }
  auto flares = c.Query(
      "SELECT date, time_minutes, pain, sharp, note FROM flares WHERE person_id = ? AND "
      "date >= ? ORDER BY date, seq",
      {person, from});
  if (!flares) return Unexpected(flares.error());
  for (const Row& r : *flares) {
    auto date = DateOf(r, 0, "flare");
    if (!date) return Unexpected(date.error());
    auto pain = Score::FromDouble(r.Real(2));
    if (!pain) return Fail(Error::Storage("corrupt flare pain in the database: " + pain.error()));
    Flare f{.date = *date, .pain = *pain};
    if (!r.IsNull(1)) f.time = TimeOfDay::FromMinutes(static_cast<int>(r.Int(1)));
    if (!r.IsNull(3)) f.sharp = r.Int(3) != 0;
    f.note = r.OptText(4);
    m.flares.push_back(std::move(f));
  }
  return m;
}

Result<Measures> SqlTxn::GetMeasures(std::optional<Date> since) {
  return LoadMeasuresOn(c_, person_, since);
}

Result<void> SqlTxn::PutWeekly(const Weekly& weekly) {
  if (!weekly.empty()) {
    if (auto ok = ValidateWeekly(weekly); !ok) return ok;
  }
  changed_ = true;
  return WriteWeekly(c_, person_, weekly);
}

Result<void> SqlTxn::PutFlares(Date date, const std::vector<Flare>& flares) {
  if (flares.size() > kMaxFlaresPerDay) {
    return Fail(
        Error::Invalid(Problem(date.ToString() + " flares",
                               // TRANSLATORS: {max} is the most flares one day holds.
                               T_("at most {max} on one day", {{"max", kMaxFlaresPerDay}}))));
  }
  for (const Flare& f : flares) {
    if (f.date != date) {
      return Fail(Error::Invalid(
          Problem(date.ToString() + " flares",
                  // TRANSLATORS: {date} is the flare's own day (YYYY-MM-DD).
                  T_("a flare of {date} given for another date", {{"date", f.date.ToString()}}))));
    }
    if (auto ok = ValidateFlare(f); !ok) return ok;
  }
  changed_ = true;
  return WriteFlares(c_, person_, date, flares);
}

}  // namespace backsignal::sql
