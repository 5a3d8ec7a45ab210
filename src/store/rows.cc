// Rows to diary values and back.
#include <algorithm>
#include <cstdio>
#include <random>

#include "sql_database.h"

namespace backsignal::sql {
namespace {

Result<std::optional<Score>> ColScore(const Row& r, size_t i, const char* what) {
  if (r.IsNull(i)) return std::optional<Score>();
  auto v = Score::FromDouble(r.Real(i));
  if (!v) {
    return Fail(
        Error::Storage(std::string("corrupt value in the database, ") + what + ": " + v.error()));
  }
  return std::optional<Score>(*v);
}

std::optional<bool> ColBool(const Row& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Int(i) != 0;
}

Value ScoreValue(const std::optional<Score>& s) { return s ? Value(s->value()) : Null(); }

// Tags, one per line (a tag holds no control character).
Value TagsValue(const Context& c) {
  if (!c.tags || c.tags->empty()) return Null();
  std::string out;
  for (const std::string& t : *c.tags) out += (out.empty() ? "" : "\n") + t;
  return Value(out);
}

}  // namespace

std::string RandomKey() {
  std::random_device rd;
  char key[33];
  std::snprintf(key, sizeof key, "%08x%08x%08x%08x", rd(), rd(), rd(), rd());
  return key;
}

Result<void> ReadDayRow(const Row& r, Day& day, size_t c) {
  const std::string date_text = r.Text(c);
  auto date = Date::Parse(date_text);
  if (!date) return Fail(Error::Storage("corrupt date in the database: " + date_text));
  day.date = *date;
  auto pain = ColScore(r, c + 1, "morning_pain");
  auto stiff = ColScore(r, c + 2, "morning_stiffness");
  auto tension = ColScore(r, c + 5, "upper_body_tension");
  if (!pain) return Unexpected(pain.error());
  if (!stiff) return Unexpected(stiff.error());
  if (!tension) return Unexpected(tension.error());
  if (*pain) day.morning = Morning{**pain, *stiff};
  day.context.sitting_hours = r.OptReal(c + 3);
  day.context.prolonged_position = ColBool(r, c + 4);
  day.context.upper_body_tension = *tension;
  day.note = r.OptText(c + 6);
  auto quality = ColScore(r, c + 8, "sleep_quality");
  auto stress = ColScore(r, c + 11, "stress");
  if (!quality) return Unexpected(quality.error());
  if (!stress) return Unexpected(stress.error());
  day.context.sleep_hours = r.OptReal(c + 7);
  day.context.sleep_quality = *quality;
  day.context.painkillers = ColBool(r, c + 9);
  day.context.painkiller_name = r.OptText(c + 10);
  day.context.stress = *stress;
  if (auto tags = r.OptText(c + 12)) day.context.tags = SplitTags(*tags);
  return {};
}

std::vector<std::string> SplitTags(const std::string& column) {
  std::vector<std::string> list;
  size_t from = 0;
  while (from <= column.size()) {
    const size_t nl = std::min(column.find('\n', from), column.size());
    list.push_back(column.substr(from, nl - from));
    from = nl + 1;
  }
  return list;
}

Result<void> CheckTagsOfPerson(Conn& c, PersonId person) {
  auto rows = c.Query("SELECT tags FROM days WHERE person_id = ? AND tags IS NOT NULL", {person});
  if (!rows) return Unexpected(rows.error());
  std::vector<std::string> all;
  for (const Row& r : *rows) {
    for (std::string& t : SplitTags(r.Text(0))) all.push_back(std::move(t));
  }
  const size_t n = CountDistinctTags(all);
  if (n > kMaxTagsPerPerson) {
    return Fail(Error::Invalid(
        "context.tags: the diary would hold " + std::to_string(n) + " different factors; at most " +
        std::to_string(kMaxTagsPerPerson) +
        " are kept per person: use one already in the diary, or remove one no longer used"));
  }
  return {};
}

Result<void> ReadSessionRow(const Row& r, Session& out, size_t c) {
  if (!r.IsNull(c)) out.time = TimeOfDay::FromMinutes(static_cast<int>(r.Int(c)));
  if (!r.IsNull(c + 1)) out.minutes = static_cast<int>(r.Int(c + 1));
  out.activity = r.OptText(c + 2);
  out.load = LoadSet::FromBits(static_cast<uint8_t>(r.Int(c + 3)));
  auto start = ColScore(r, c + 4, "during_start");
  auto end = ColScore(r, c + 5, "during_end");
  auto after = ColScore(r, c + 8, "hour_after_pain");
  if (!start) return Unexpected(start.error());
  if (!end) return Unexpected(end.error());
  if (!after) return Unexpected(after.error());
  out.during.start = *start;
  out.during.end = *end;
  if (auto p = r.OptText(c + 6)) {
    auto pat = ParsePattern(*p);
    if (!pat) return Fail(Error::Storage("corrupt during_pattern in the database: " + *p));
    out.during.pattern = *pat;
  }
  out.during.sharp = ColBool(r, c + 7);
  out.hour_after.pain = *after;
  out.hour_after.tighter = ColBool(r, c + 9);
  return {};
}

namespace {

// The values of a day's row, after person_id and date (BACKSIGNAL_DAY_COLUMNS but the date).
std::vector<Value> DayRowValues(const Day& day) {
  return {day.morning ? Value(day.morning->pain.value()) : Null(),
          ScoreValue(day.morning ? day.morning->stiffness : std::nullopt),
          Opt(day.context.sitting_hours),
          Opt(day.context.prolonged_position),
          ScoreValue(day.context.upper_body_tension),
          Opt(day.note),
          Opt(day.context.sleep_hours),
          ScoreValue(day.context.sleep_quality),
          Opt(day.context.painkillers),
          Opt(day.context.painkiller_name),
          ScoreValue(day.context.stress),
          TagsValue(day.context)};
}

// The values of a session's row, after person_id, date and seq.
std::vector<Value> SessionRowValues(const Session& x) {
  return {x.time ? Value(int64_t{x.time->minutes()}) : Null(),
          Opt(x.minutes),
          Opt(x.activity),
          int64_t{x.load.bits()},
          ScoreValue(x.during.start),
          ScoreValue(x.during.end),
          x.during.pattern ? Value(std::string(PatternName(*x.during.pattern))) : Null(),
          Opt(x.during.sharp),
          ScoreValue(x.hour_after.pain),
          Opt(x.hour_after.tighter)};
}

std::vector<Value> Keyed(std::vector<Value> key, std::vector<Value> rest) {
  key.insert(key.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
  return key;
}

bool SameDayRow(const Day& a, const Day& b) {
  return a.morning == b.morning && a.context == b.context && a.note == b.note;
}

Result<void> InsertSession(Conn& c, PersonId person, const std::string& date, size_t seq,
                           const Session& x) {
  auto s = c.Run(
      "INSERT INTO sessions (person_id, date, seq, time_minutes, minutes, activity, load_bits, "
      "during_start, during_end, during_pattern, during_sharp, hour_after_pain, "
      "hour_after_tighter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      Keyed({person, date, static_cast<int64_t>(seq)}, SessionRowValues(x)));
  if (!s) return Unexpected(s.error());
  return {};
}

}  // namespace

Result<void> WriteDay(Conn& c, PersonId person, const Day& day, const Day* before) {
  const std::string date = day.date.ToString();
  if (before == nullptr || day.empty()) {
    // New, or gone: the day's row (and by cascade its sessions) whole.
    if (auto ok = c.Run("DELETE FROM days WHERE person_id = ? AND date = ?", {person, date}); !ok) {
      return Unexpected(ok.error());
    }
    if (day.empty()) return {};
    auto ok = c.Run(
        "INSERT INTO days (person_id, date, morning_pain, morning_stiffness, sitting_hours, "
        "prolonged_position, upper_body_tension, note, sleep_hours, sleep_quality, painkillers, "
        "painkiller_name, stress, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        Keyed({person, date}, DayRowValues(day)));
    if (!ok) return Unexpected(ok.error());
    for (size_t k = 0; k < day.sessions.size(); ++k) {
      if (auto s = InsertSession(c, person, date, k + 1, day.sessions[k]); !s) return s;
    }
    return {};
  }
  // Only the rows that differ from what is stored: a session added to a crowded day is one
  // insert, not the day written again.
  if (!SameDayRow(day, *before)) {
    auto ok = c.Run(
        "UPDATE days SET morning_pain = ?, morning_stiffness = ?, sitting_hours = ?, "
        "prolonged_position = ?, upper_body_tension = ?, note = ?, sleep_hours = ?, "
        "sleep_quality = ?, painkillers = ?, painkiller_name = ?, stress = ?, tags = ? WHERE "
        "person_id = ? AND date = ?",
        Keyed(DayRowValues(day), {person, date}));
    if (!ok) return Unexpected(ok.error());
  }
  const size_t common = std::min(day.sessions.size(), before->sessions.size());
  for (size_t k = 0; k < common; ++k) {
    if (day.sessions[k] == before->sessions[k]) continue;
    auto ok = c.Run(
        "UPDATE sessions SET time_minutes = ?, minutes = ?, activity = ?, load_bits = ?, "
        "during_start = ?, during_end = ?, during_pattern = ?, during_sharp = ?, "
        "hour_after_pain = ?, hour_after_tighter = ? WHERE person_id = ? AND date = ? AND seq = ?",
        Keyed(SessionRowValues(day.sessions[k]), {person, date, static_cast<int64_t>(k + 1)}));
    if (!ok) return Unexpected(ok.error());
  }
  for (size_t k = common; k < day.sessions.size(); ++k) {
    if (auto s = InsertSession(c, person, date, k + 1, day.sessions[k]); !s) return s;
  }
  if (before->sessions.size() > day.sessions.size()) {
    auto ok = c.Run("DELETE FROM sessions WHERE person_id = ? AND date = ? AND seq > ?",
                    {person, date, static_cast<int64_t>(day.sessions.size())});
    if (!ok) return Unexpected(ok.error());
  }
  return {};
}

Result<UsualMorning> LoadUsualOn(Conn& c, PersonId person) {
  auto rows = c.Query("SELECT usual_morning_pain, usual_morning_stiffness FROM people WHERE id = ?",
                      {person});
  if (!rows) return Unexpected(rows.error());
  UsualMorning u;
  if (!rows->empty()) {
    auto p = ColScore((*rows)[0], 0, "usual_morning_pain");
    auto st = ColScore((*rows)[0], 1, "usual_morning_stiffness");
    if (!p) return Unexpected(p.error());
    if (!st) return Unexpected(st.error());
    u = {*p, *st};
  }
  return u;
}

Result<void> SaveUsualOn(Conn& c, PersonId person, const UsualMorning& usual) {
  auto ok =
      c.Run("UPDATE people SET usual_morning_pain = ?, usual_morning_stiffness = ? WHERE id = ?",
            {ScoreValue(usual.pain), ScoreValue(usual.stiffness), person});
  if (!ok) return Unexpected(ok.error());
  return {};
}

Result<Diary> LoadDiaryOn(Conn& c, PersonId person, std::optional<Date> since) {
  Diary diary;
  auto usual = LoadUsualOn(c, person);
  if (!usual) return Unexpected(usual.error());
  diary.usual = *usual;
  const std::string from = since ? since->ToString() : std::string("0000-00-00");
  auto days = c.Query("SELECT " BACKSIGNAL_DAY_COLUMNS
                      " FROM days WHERE person_id = ? AND date >= ? ORDER BY date",
                      {person, from});
  if (!days) return Unexpected(days.error());
  diary.days.reserve(days->size());
  for (const Row& r : *days) {
    Day day;
    if (auto ok = ReadDayRow(r, day, 0); !ok) return Unexpected(ok.error());
    diary.days.push_back(std::move(day));
  }
  auto sessions = c.Query("SELECT date, " BACKSIGNAL_SESSION_COLUMNS
                          " FROM sessions WHERE person_id = ? AND date >= ? ORDER BY date, seq",
                          {person, from});
  if (!sessions) return Unexpected(sessions.error());
  size_t di = 0;
  for (const Row& r : *sessions) {
    const std::string date_text = r.Text(0);
    auto date = Date::Parse(date_text);
    if (!date) return Fail(Error::Storage("corrupt session date in the database: " + date_text));
    while (di < diary.days.size() && diary.days[di].date < *date) ++di;
    if (di == diary.days.size() || diary.days[di].date != *date) {
      return Fail(Error::Storage("database holds a session without its day: " + date_text));
    }
    Session s;
    if (auto ok = ReadSessionRow(r, s, 1); !ok) return Unexpected(ok.error());
    diary.days[di].sessions.push_back(std::move(s));
  }
  auto measures = LoadMeasuresOn(c, person, since);
  if (!measures) return Unexpected(measures.error());
  diary.measures = std::move(*measures);
  return diary;
}

Result<std::map<std::string, double>> LoadSettingsOn(Conn& c, PersonId person) {
  auto rows =
      c.Query("SELECT name, value FROM settings WHERE person_id = ? ORDER BY name", {person});
  if (!rows) return Unexpected(rows.error());
  std::map<std::string, double> out;
  for (const Row& r : *rows) out[r.Text(0)] = r.Real(1);
  return out;
}

}  // namespace backsignal::sql
