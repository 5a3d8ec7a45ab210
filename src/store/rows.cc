// Rows to diary values and back.
#include <algorithm>
#include <cstdio>
#include <random>

#include "backsignal/core/fields.h"
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

Value ScoreValue(const std::optional<Score>& s) { return s ? Value(s->value()) : Null(); }

// A list in one column: one item a line (an item holds no control character).
std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> list;
  size_t from = 0;
  while (from <= text.size()) {
    const size_t nl = std::min(text.find('\n', from), text.size());
    list.push_back(text.substr(from, nl - from));
    from = nl + 1;
  }
  return list;
}

// One field's column of `r` as a value of the field, or the database's corruption.
Result<FieldValue> ReadField(const Row& r, const FieldSpec& f) {
  const std::string_view col = f.sql_column();
  if (r.IsNull(col)) return FieldValue();
  const auto corrupt = [&](const std::string& what) {
    return Fail(Error::Storage("corrupt value in the database, " + std::string(col) + ": " + what));
  };
  switch (f.kind) {
    case FieldKind::kScore: {
      auto v = Score::FromDouble(r.Real(col));
      if (!v) return corrupt(v.error());
      return FieldValue(v->value());
    }
    case FieldKind::kNumber:
      return FieldValue(r.Real(col));
    case FieldKind::kWhole:
      return FieldValue(static_cast<double>(r.Int(col)));
    case FieldKind::kFlag:
      return FieldValue(r.Int(col) != 0);
    case FieldKind::kText:
      return FieldValue(r.Text(col));
    case FieldKind::kChoice: {
      std::string name = r.Text(col);
      if (std::find(f.choices.begin(), f.choices.end(), name) == f.choices.end()) {
        return corrupt("\"" + name + "\" is not one of " + JoinChoices(f.choices));
      }
      return FieldValue(std::move(name));
    }
    case FieldKind::kTags:
      return FieldValue(SplitLines(r.Text(col)));
    case FieldKind::kLoads: {
      const LoadSet set = LoadSet::FromBits(static_cast<uint8_t>(r.Int(col)));
      std::vector<std::string> names;
      for (Load l : kAllLoads) {
        if (set.Has(l)) names.emplace_back(LoadName(l));
      }
      return names.empty() ? FieldValue() : FieldValue(std::move(names));
    }
    case FieldKind::kTime:
      return FieldValue(TimeOfDay::FromMinutes(static_cast<int>(r.Int(col))).ToString());
  }
  return FieldValue();
}

// One field's value as its column holds it.
Value FieldColumn(const FieldSpec& f, const FieldValue& v) {
  if (f.kind == FieldKind::kLoads) {
    LoadSet set;
    if (const auto* l = std::get_if<std::vector<std::string>>(&v)) {
      for (const std::string& name : *l) {
        if (auto load = ParseLoad(name)) set.Add(*load);
      }
    }
    return int64_t{set.bits()};
  }
  if (std::holds_alternative<std::monostate>(v)) return Null();
  if (const double* d = std::get_if<double>(&v)) {
    return f.kind == FieldKind::kWhole ? Value(static_cast<int64_t>(*d)) : Value(*d);
  }
  if (const bool* b = std::get_if<bool>(&v)) return int64_t{*b ? 1 : 0};
  if (const std::string* t = std::get_if<std::string>(&v)) {
    if (f.kind == FieldKind::kTime) {
      auto tod = TimeOfDay::Parse(*t);
      return tod ? Value(int64_t{tod->minutes()}) : Null();
    }
    return *t;
  }
  const auto& list = std::get<std::vector<std::string>>(v);
  if (list.empty()) return Null();
  std::string out;
  for (const std::string& item : list) out += (out.empty() ? "" : "\n") + item;
  return out;
}

template <typename R>
std::string ColumnList(std::span<const Field<R>> fields) {
  std::string out;
  for (const Field<R>& f : fields) out += ", " + std::string(f.spec.sql_column());
  return out;
}

// "a, b" as "a = ?, b = ?".
std::string Assignments(const std::string& columns) {
  std::string out;
  size_t from = 0;
  while (from < columns.size()) {
    const size_t comma = std::min(columns.find(", ", from), columns.size());
    out += (out.empty() ? "" : ", ") + columns.substr(from, comma - from) + " = ?";
    from = comma + 2;
  }
  return out;
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace

const DiaryStatements& Statements() {
  static const DiaryStatements s = [] {
    DiaryStatements out;
    const std::string day_columns =
        "date, morning_pain, morning_stiffness, note, note_pinned" + ColumnList(ContextFields());
    std::string session_columns = ColumnList(SessionFields()).substr(2);
    out.select_day = "SELECT " + day_columns + " FROM days WHERE person_id = ? AND date = ?";
    out.select_days =
        "SELECT " + day_columns + " FROM days WHERE person_id = ? AND date >= ? ORDER BY date";
    out.select_sessions_of_day = "SELECT " + session_columns +
                                 " FROM sessions WHERE person_id = ? AND date = ? ORDER BY seq";
    out.select_sessions = "SELECT date, " + session_columns +
                          " FROM sessions WHERE person_id = ? AND date >= ? ORDER BY date, seq";
    out.insert_day = "INSERT INTO days (person_id, " + day_columns + ") VALUES (" +
                     Placeholders(6 + ContextFields().size()) + ")";
    out.insert_session = "INSERT INTO sessions (person_id, date, seq, " + session_columns +
                         ") VALUES (" + Placeholders(3 + SessionFields().size()) + ")";
    out.update_day = "UPDATE days SET " +
                     Assignments("morning_pain, morning_stiffness, note, note_pinned" +
                                 ColumnList(ContextFields())) +
                     " WHERE person_id = ? AND date = ?";
    out.update_session = "UPDATE sessions SET " + Assignments(session_columns) +
                         " WHERE person_id = ? AND date = ? AND seq = ?";
    return out;
  }();
  return s;
}

std::string RandomKey() {
  std::random_device rd;
  char key[33];
  std::snprintf(key, sizeof key, "%08x%08x%08x%08x", rd(), rd(), rd(), rd());
  return key;
}

Result<void> ReadDayRow(const Row& r, Day& day) {
  const std::string date_text = r.Text("date");
  auto date = Date::Parse(date_text);
  if (!date) return Fail(Error::Storage("corrupt date in the database: " + date_text));
  day.date = *date;
  auto pain = ColScore(r, *r.Find("morning_pain"), "morning_pain");
  auto stiff = ColScore(r, *r.Find("morning_stiffness"), "morning_stiffness");
  if (!pain) return Unexpected(pain.error());
  if (!stiff) return Unexpected(stiff.error());
  if (*pain) day.morning = Morning{**pain, *stiff};
  day.note = r.OptText("note");
  day.note_pinned = !r.IsNull("note_pinned") && r.Int("note_pinned") != 0;
  for (const Field<Context>& f : ContextFields()) {
    auto v = ReadField(r, f.spec);
    if (!v) return Unexpected(v.error());
    f.set(day.context, *v);
  }
  return {};
}

std::vector<std::string> SplitTags(const std::string& column) { return SplitLines(column); }

Result<void> CheckTagsOfPerson(Conn& c, PersonId person) {
  auto rows = c.Query("SELECT tags FROM days WHERE person_id = ? AND tags IS NOT NULL", {person});
  if (!rows) return Unexpected(rows.error());
  std::vector<std::string> all;
  for (const Row& r : *rows) {
    for (std::string& t : SplitTags(r.Text(0))) all.push_back(std::move(t));
  }
  const size_t n = CountDistinctTags(all);
  if (n > kMaxTagsPerPerson) {
    return Fail(Error::Invalid(Problem(
        "context.tags",
        // TRANSLATORS: {count} factors the diary would hold; {max} the most kept per person.
        T_("the diary would hold {count} different factors; at most {max} are kept per person: "
           "use one already in the diary, or remove one no longer used",
           {{"count", n}, {"max", kMaxTagsPerPerson}}))));
  }
  return {};
}

Result<void> ReadSessionRow(const Row& r, Session& out) {
  for (const Field<Session>& f : SessionFields()) {
    auto v = ReadField(r, f.spec);
    if (!v) return Unexpected(v.error());
    f.set(out, *v);
  }
  return {};
}

namespace {

// The values of a day's row after person_id and date, in the order of the statements'
// day columns (Statements()).
std::vector<Value> DayRowValues(const Day& day) {
  std::vector<Value> row = {day.morning ? Value(day.morning->pain.value()) : Null(),
                            ScoreValue(day.morning ? day.morning->stiffness : std::nullopt),
                            Opt(day.note), day.note_pinned ? Value(int64_t{1}) : Null()};
  for (const Field<Context>& f : ContextFields()) {
    row.push_back(FieldColumn(f.spec, f.get(day.context)));
  }
  return row;
}

// The values of a session's row after person_id, date and seq.
std::vector<Value> SessionRowValues(const Session& x) {
  std::vector<Value> row;
  for (const Field<Session>& f : SessionFields()) row.push_back(FieldColumn(f.spec, f.get(x)));
  return row;
}

std::vector<Value> Keyed(std::vector<Value> key, std::vector<Value> rest) {
  key.insert(key.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
  return key;
}

// Everything the days row holds (the sessions are rows of their own).
bool SameDayRow(const Day& a, const Day& b) {
  return a.morning == b.morning && a.context == b.context && a.note == b.note &&
         a.note_pinned == b.note_pinned;
}

Result<void> InsertSession(Conn& c, PersonId person, const std::string& date, size_t seq,
                           const Session& x) {
  auto s = c.Run(Statements().insert_session.c_str(),
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
    auto ok = c.Run(Statements().insert_day.c_str(), Keyed({person, date}, DayRowValues(day)));
    if (!ok) return Unexpected(ok.error());
    for (size_t k = 0; k < day.sessions.size(); ++k) {
      if (auto s = InsertSession(c, person, date, k + 1, day.sessions[k]); !s) return s;
    }
    return {};
  }
  // Only the rows that differ from what is stored: a session added to a crowded day is one
  // insert, not the day written again.
  if (!SameDayRow(day, *before)) {
    auto ok = c.Run(Statements().update_day.c_str(), Keyed(DayRowValues(day), {person, date}));
    if (!ok) return Unexpected(ok.error());
  }
  const size_t common = std::min(day.sessions.size(), before->sessions.size());
  for (size_t k = 0; k < common; ++k) {
    if (day.sessions[k] == before->sessions[k]) continue;
    auto ok = c.Run(
        Statements().update_session.c_str(),
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
  auto days = c.Query(Statements().select_days.c_str(), {person, from});
  if (!days) return Unexpected(days.error());
  diary.days.reserve(days->size());
  for (const Row& r : *days) {
    Day day;
    if (auto ok = ReadDayRow(r, day); !ok) return Unexpected(ok.error());
    diary.days.push_back(std::move(day));
  }
  auto sessions = c.Query(Statements().select_sessions.c_str(), {person, from});
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
    if (auto ok = ReadSessionRow(r, s); !ok) return Unexpected(ok.error());
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
