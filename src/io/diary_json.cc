#include "backsignal/io/diary_json.h"

#include <initializer_list>
#include <map>

#include "backsignal/core/fields.h"
#include "backsignal/io/checkin_json.h"
#include "json_util.h"
#include "measures_json_util.h"

namespace backsignal {
namespace {

using io::DescribeJsonText;
using io::ordered_json;
using nlohmann::json;

// The path of `key` inside the object at `path` ("" is the root of a check-in body).
std::string Sub(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// Walks a parsed document, collecting every problem with its JSON path.
class DiaryReader {
 public:
  Result<Diary> Read(const json& doc);
  // The refusal of a body or file with the problems found so far, or empty when none.
  std::optional<Error> Refusal(Text what);

  std::optional<Day> ReadDay(const std::string& path, const json& v);
  std::optional<Morning> ReadMorning(const std::string& path, const json& v);
  Context ReadContext(const std::string& path, const json& v);
  // One field's JSON value as its kind takes it and CheckField accepts it; else a problem at
  // `path` and nothing.
  std::optional<FieldValue> ReadField(const FieldSpec& f, const std::string& path, const json& v);
  // A session's loads: a list of names, each known and listed once.
  std::optional<FieldValue> ReadLoads(const FieldSpec& f, const std::string& path, const json& v);
  void ReadSessionPart(const std::string& path, const json& v, std::string_view part, Session& s);
  std::optional<Session> ReadSession(const std::string& path, const json& v);
  HourAfter ReadHourAfter(const std::string& path, const json& v);
  std::optional<std::string> ReadText(const std::string& path, const json& v, size_t max_chars);
  void Problem(const std::string& path, const std::string& message) {
    problems_.Add((path.empty() ? "$" : path) + ": " + message);
  }
  void Problem(const std::string& path, Text message) {
    problems_.Add(backsignal::Problem(path.empty() ? "$" : path, std::move(message)));
  }
  // "\"x\" is not a real calendar date": a value, then what is wrong with it.
  void ValueProblem(const std::string& path, const json& v, Text message) {
    // TRANSLATORS: {value} is a value as it was sent; {problem} what is wrong with it.
    Problem(path, T_("{value} {problem}",
                     {{"value", DescribeJsonText(v)}, {"problem", std::move(message)}}));
  }
  bool CheckObject(const std::string& path, const json& obj,
                   std::span<const std::string_view> allowed, const Text& what);
  bool CheckObject(const std::string& path, const json& obj,
                   std::initializer_list<std::string_view> allowed, const Text& what) {
    return CheckObject(path, obj,
                       std::span<const std::string_view>(allowed.begin(), allowed.size()), what);
  }

 private:
  void WrongType(const std::string& path, const json& v, Text expected) {
    // TRANSLATORS: {value} is a value as it was sent; {expected} what was expected there.
    Problem(path, T_("{value} is the wrong type; expected {expected}",
                     {{"value", DescribeJsonText(v)}, {"expected", std::move(expected)}}));
  }
  std::optional<Score> ReadScore(const std::string& path, const json& v);

  ProblemList problems_{kMaxListedProblems};
};

// The keys a JSON object may hold: the fields in `part` ("" for the record itself), and for
// the record the objects its other fields sit in ("during", "hour_after").
template <typename R>
std::vector<std::string_view> KeysOf(std::span<const Field<R>> fields, std::string_view part) {
  std::vector<std::string_view> keys;
  for (const Field<R>& f : fields) {
    const std::string_view key = f.spec.json_object == part ? f.spec.json_key
                                 : part.empty()             ? f.spec.json_object
                                                            : std::string_view();
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      keys.push_back(key);
    }
  }
  return keys;
}

bool DiaryReader::CheckObject(const std::string& path, const json& obj,
                              std::span<const std::string_view> allowed, const Text& what) {
  if (!obj.is_object()) {
    WrongType(path, obj, what);
    return false;
  }
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == it.key();
    if (!known) {
      Problem(Sub(path, it.key()),
              // TRANSLATORS: of a JSON key; {keys} are the keys it may be (codes).
              T_("unknown key; expected {keys}", {{"keys", JoinChoices(allowed)}}));
    }
  }
  return true;
}

std::optional<Score> DiaryReader::ReadScore(const std::string& path, const json& v) {
  if (!v.is_number()) {
    WrongType(path, v, T_("a score (a number from 0 to 10 in steps of 0.5)"));
    return std::nullopt;
  }
  auto s = Score::FromDouble(v.get<double>());
  if (!s) {
    Problem(path, s.error());
    return std::nullopt;
  }
  return *s;
}

std::optional<std::string> DiaryReader::ReadText(const std::string& path, const json& v,
                                                 size_t max_chars) {
  if (!v.is_string()) {
    WrongType(path, v, T_("text (a string)"));
    return std::nullopt;
  }
  auto t = ValidateText(v.get<std::string>(), max_chars);
  if (!t) {
    Problem(path, T_("the text {problem}", {{"problem", t.error()}}));
    return std::nullopt;
  }
  if (t->empty()) return std::nullopt;  // canonical: an empty text carries nothing
  return *t;
}

std::optional<Morning> DiaryReader::ReadMorning(const std::string& path, const json& v) {
  // TRANSLATORS: pain and stiffness are JSON keys and stay.
  if (!CheckObject(path, v, {"pain", "stiffness"}, T_("an object with pain and stiffness"))) {
    return std::nullopt;
  }
  Morning m;
  bool ok = true;
  if (!v.contains("pain")) {
    Problem(Sub(path, "pain"), v.empty()
                                   ? T_("missing (the morning is empty); a morning needs its pain")
                                   : T_("missing; a morning needs its pain (0 to 10)"));
    ok = false;
  } else if (auto p = ReadScore(Sub(path, "pain"), v["pain"])) {
    m.pain = *p;
  } else {
    ok = false;
  }
  if (v.contains("stiffness")) m.stiffness = ReadScore(Sub(path, "stiffness"), v["stiffness"]);
  return ok ? std::optional<Morning>(m) : std::nullopt;
}

std::optional<FieldValue> DiaryReader::ReadField(const FieldSpec& f, const std::string& path,
                                                 const json& v) {
  FieldValue raw;
  switch (f.kind) {
    case FieldKind::kScore:
    case FieldKind::kNumber:
    case FieldKind::kWhole:
      if (!v.is_number()) return WrongType(path, v, Expects(f)), std::nullopt;
      raw = v.get<double>();
      break;
    case FieldKind::kFlag:
      if (!v.is_boolean()) return WrongType(path, v, Expects(f)), std::nullopt;
      raw = v.get<bool>();
      break;
    case FieldKind::kText:
    case FieldKind::kChoice:
    case FieldKind::kTime:
      if (!v.is_string()) return WrongType(path, v, Expects(f)), std::nullopt;
      raw = v.get<std::string>();
      break;
    case FieldKind::kTags: {
      if (!v.is_array()) return WrongType(path, v, Expects(f)), std::nullopt;
      std::vector<std::string> names;
      bool ok = true;
      for (size_t i = 0; i < v.size(); ++i) {
        if (v[i].is_string()) {
          names.push_back(v[i].get<std::string>());
        } else {
          WrongType(path + "[" + std::to_string(i) + "]", v[i], T_("text (a factor's name)"));
          ok = false;
        }
      }
      if (!ok) return std::nullopt;
      raw = std::move(names);
      break;
    }
    case FieldKind::kLoads:
      return ReadLoads(f, path, v);
  }
  auto checked = CheckField(f, raw);
  if (checked) return std::move(*checked);
  const Text& e = checked.error();
  if (f.kind == FieldKind::kChoice || f.kind == FieldKind::kTime) {
    ValueProblem(path, v, e);
  } else if (f.kind == FieldKind::kTags && IsProblem(e)) {
    Problem(path + e.args[0].English(), e.args[1]);  // "[1]: ..." names the factor
  } else {
    Problem(path, checked.error());
  }
  return std::nullopt;
}

std::optional<FieldValue> DiaryReader::ReadLoads(const FieldSpec& f, const std::string& path,
                                                 const json& v) {
  if (!v.is_array()) return WrongType(path, v, Expects(f)), std::nullopt;
  LoadSet set;
  bool ok = true;
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string p = path + "[" + std::to_string(i) + "]";
    if (!v[i].is_string()) {
      // TRANSLATORS: the three names are codes and stay.
      WrongType(p, v[i], T_("one of rotation, breathing_under_load, arms_away"));
      ok = false;
    } else if (auto load = ParseLoad(v[i].get<std::string>()); !load) {
      ValueProblem(p, v[i], load.error());
      ok = false;
    } else if (set.Has(*load)) {
      ValueProblem(p, v[i], T_("is listed twice; each load once"));
      ok = false;
    } else {
      set.Add(*load);
    }
  }
  if (!ok) return std::nullopt;
  std::vector<std::string> names;
  for (Load l : kAllLoads) {
    if (set.Has(l)) names.emplace_back(LoadName(l));
  }
  return names.empty() ? FieldValue() : FieldValue(std::move(names));
}

Context DiaryReader::ReadContext(const std::string& path, const json& v) {
  Context c;
  if (!CheckObject(path, v, KeysOf(ContextFields(), ""), T_("an object (the day's context)"))) {
    return c;
  }
  for (const Field<Context>& f : ContextFields()) {
    auto it = v.find(f.spec.json_key);
    if (it == v.end()) continue;
    if (auto value = ReadField(f.spec, Sub(path, f.spec.json_key), *it)) f.set(c, *value);
  }
  // A painkiller's name says some were taken, and cannot stand beside a no.
  if (c.painkiller_name) {
    if (c.painkillers == false) {
      Problem(Sub(path, "painkiller_name"),
              // TRANSLATORS: "painkillers: false" and "true" are JSON and stay.
              T_("a painkiller's name with painkillers: false; leave the name out or say true"));
    } else {
      c.painkillers = true;
    }
  }
  return c;
}

// What a session's check-in objects are, for a message about one that is not an object.
Text PartDescription(std::string_view part) {
  if (part == "during") return T_("an object (the during check-in)");
  if (part == "hour_after") return T_("an object (the hour-after check-in)");
  return T_("an object (one session)");
}

// The session's fields in the JSON object `part` ("" for the session itself), into `s`.
void DiaryReader::ReadSessionPart(const std::string& path, const json& v, std::string_view part,
                                  Session& s) {
  for (const Field<Session>& f : SessionFields()) {
    if (f.spec.json_object != part) continue;
    auto it = v.find(f.spec.json_key);
    if (it == v.end()) continue;
    if (auto value = ReadField(f.spec, Sub(path, f.spec.json_key), *it)) f.set(s, *value);
  }
}

std::optional<Session> DiaryReader::ReadSession(const std::string& path, const json& v) {
  if (!CheckObject(path, v, KeysOf(SessionFields(), ""), PartDescription(""))) {
    return std::nullopt;
  }
  Session s;
  ReadSessionPart(path, v, "", s);
  for (std::string_view part : {"during", "hour_after"}) {
    auto it = v.find(part);
    if (it == v.end()) continue;
    const std::string p = Sub(path, part);
    if (CheckObject(p, *it, KeysOf(SessionFields(), part), PartDescription(part))) {
      ReadSessionPart(p, *it, part, s);
    }
  }
  return s;
}

HourAfter DiaryReader::ReadHourAfter(const std::string& path, const json& h) {
  Session s;
  if (CheckObject(path, h, KeysOf(SessionFields(), "hour_after"), PartDescription("hour_after"))) {
    ReadSessionPart(path, h, "hour_after", s);
  }
  return s.hour_after;
}

std::optional<Day> DiaryReader::ReadDay(const std::string& path, const json& v) {
  if (!CheckObject(path, v, {"date", "morning", "context", "sessions", "note", "note_pinned"},
                   T_("an object (one day)"))) {
    return std::nullopt;
  }
  Day day;
  bool ok = true;
  if (!v.contains("date")) {
    Problem(Sub(path, "date"), T_("missing; every day needs its date (YYYY-MM-DD)"));
    ok = false;
  } else if (!v["date"].is_string()) {
    WrongType(Sub(path, "date"), v["date"], T_("a date as \"YYYY-MM-DD\""));
    ok = false;
  } else if (auto d = Date::Parse(v["date"].get<std::string>())) {
    day.date = *d;
  } else {
    ValueProblem(Sub(path, "date"), v["date"], d.error());
    ok = false;
  }
  if (v.contains("morning")) day.morning = ReadMorning(Sub(path, "morning"), v["morning"]);
  if (v.contains("context")) {
    day.context = ReadContext(Sub(path, "context"), v["context"]);
    if (day.context.tags && day.context.tags->empty()) day.context.tags.reset();  // canonical
  }
  if (v.contains("sessions")) {
    const json& ss = v["sessions"];
    if (!ss.is_array()) {
      WrongType(Sub(path, "sessions"), ss, T_("a list of sessions"));
    } else {
      for (size_t i = 0; i < ss.size(); ++i) {
        if (auto s = ReadSession(Sub(path, "sessions") + "[" + std::to_string(i) + "]", ss[i])) {
          day.sessions.push_back(std::move(*s));
        }
      }
    }
  }
  if (v.contains("note")) day.note = ReadText(Sub(path, "note"), v["note"], kMaxNoteChars);
  if (v.contains("note_pinned")) {
    if (!v["note_pinned"].is_boolean()) {
      WrongType(Sub(path, "note_pinned"), v["note_pinned"], T_("true or false"));
    } else {
      day.note_pinned = v["note_pinned"].get<bool>();
      if (day.note_pinned && !v.contains("note")) {
        Problem(Sub(path, "note_pinned"), T_("a pin needs a note"));
      }
    }
  }
  return ok ? std::optional<Day>(std::move(day)) : std::nullopt;
}

Result<Diary> DiaryReader::Read(const json& doc) {
  if (!doc.is_object()) {
    return Fail(Error::Invalid(
        // TRANSLATORS: {value} is what was sent ("an array"); format, version and days are keys.
        T_("diary refused"),
        {backsignal::Problem("$", T_("{value} is not a diary; expected a JSON object "
                                     "with format, version and days",
                                     {{"value", DescribeJsonText(doc)}}))}));
  }
  CheckObject("", doc,
              {"format", "version", "usual_morning_pain", "usual_morning_stiffness", "days",
               "weekly", "flares"},
              T_("an object"));
  bool is_diary = true;
  if (!doc.contains("format")) {
    Problem("format", T_("missing; expected \"backsignal-diary\""));
    is_diary = false;
  } else if (doc["format"] != "backsignal-diary") {
    ValueProblem("format", doc["format"],
                 T_("is not a backsignal diary; expected \"backsignal-diary\""));
    is_diary = false;
  }
  if (!doc.contains("version")) {
    Problem("version", T_("missing; expected 1"));
  } else if (!doc["version"].is_number() || doc["version"].get<double>() != 1) {
    ValueProblem("version", doc["version"],
                 T_("is not a version this backsignal reads; expected 1"));
  }
  Diary diary;
  if (doc.contains("usual_morning_pain")) {
    diary.usual.pain = ReadScore("usual_morning_pain", doc["usual_morning_pain"]);
  }
  if (doc.contains("usual_morning_stiffness")) {
    diary.usual.stiffness = ReadScore("usual_morning_stiffness", doc["usual_morning_stiffness"]);
  }
  if (!doc.contains("days")) {
    if (is_diary) Problem("days", T_("missing; expected a list of days (it may be empty)"));
  } else if (!doc["days"].is_array()) {
    WrongType("days", doc["days"], T_("a list of days"));
  } else {
    const json& days = doc["days"];
    std::map<Date, size_t> seen;
    for (size_t i = 0; i < days.size(); ++i) {
      const std::string path = "days[" + std::to_string(i) + "]";
      auto day = ReadDay(path, days[i]);
      if (!day) continue;
      auto [it, inserted] = seen.emplace(day->date, i);
      if (!inserted) {
        Problem(
            Sub(path, "date"),
            // TRANSLATORS: {date} is YYYY-MM-DD; {index} the place of its first entry (a number).
            T_("\"{date}\" appears twice (also at days[{index}]); one entry per date",
               {{"date", day->date.ToString()}, {"index", it->second}}));
        continue;
      }
      diary.days.push_back(std::move(*day));
    }
  }
  io::ReadMeasuresJson(doc, diary.measures, problems_);
  if (auto refused = Refusal(T_("diary"))) return Fail(std::move(*refused));
  SortDays(diary.days);
  return diary;
}

std::optional<Error> DiaryReader::Refusal(Text what) { return problems_.Refusal(std::move(what)); }

// One field's value in JSON.
ordered_json FieldJson(const FieldValue& v) {
  if (const double* d = std::get_if<double>(&v)) return io::NumberJson(*d);
  if (const bool* b = std::get_if<bool>(&v)) return *b;
  if (const std::string* t = std::get_if<std::string>(&v)) return *t;
  if (const auto* l = std::get_if<std::vector<std::string>>(&v)) return *l;
  return nullptr;
}

// A record's fields, in the table's order, each in its object ("during": {...}).
template <typename R>
ordered_json FieldsJson(std::span<const Field<R>> fields, const R& record) {
  ordered_json out = ordered_json::object();
  for (const Field<R>& f : fields) {
    const FieldValue v = f.get(record);
    if (std::holds_alternative<std::monostate>(v)) continue;
    ordered_json& at = f.spec.json_object.empty() ? out : out[std::string(f.spec.json_object)];
    at[std::string(f.spec.json_key)] = FieldJson(v);
  }
  return out;
}

ordered_json DayJson(const Day& day) {
  ordered_json d;
  d["date"] = day.date.ToString();
  if (day.morning) {
    ordered_json m;
    m["pain"] = io::ScoreJson(day.morning->pain);
    if (day.morning->stiffness) m["stiffness"] = io::ScoreJson(*day.morning->stiffness);
    d["morning"] = std::move(m);
  }
  if (!day.context.empty()) d["context"] = FieldsJson(ContextFields(), day.context);
  if (!day.sessions.empty()) {
    ordered_json list = ordered_json::array();
    for (const Session& s : day.sessions) list.push_back(FieldsJson(SessionFields(), s));
    d["sessions"] = std::move(list);
  }
  if (day.note) d["note"] = *day.note;
  if (day.note_pinned) d["note_pinned"] = true;
  return d;
}

}  // namespace

Result<Diary> ParseDiaryJson(std::string_view text) {
  auto doc = io::ParseStrictJson(text);
  if (!doc) {
    return Fail(Error::Invalid(NT_("{what} refused: {n} problem", "{what} refused: {n} problems", 1,
                                   {{"what", T_("diary")}}),
                               {Problem("$", doc.error())}));
  }
  DiaryReader reader;
  return reader.Read(*doc);
}

std::string DiaryToJson(const Diary& diary, bool pretty) {
  ordered_json j;
  j["format"] = "backsignal-diary";
  j["version"] = 1;
  if (diary.usual.pain) j["usual_morning_pain"] = io::ScoreJson(*diary.usual.pain);
  if (diary.usual.stiffness) j["usual_morning_stiffness"] = io::ScoreJson(*diary.usual.stiffness);
  ordered_json days = ordered_json::array();
  for (const Day& day : diary.days) days.push_back(DayJson(day));
  j["days"] = std::move(days);
  io::WriteMeasuresJson(diary.measures, j);
  return pretty ? io::Dump(j, 2) + "\n" : io::Dump(j);
}

namespace {

// Parses one check-in body with the diary's rules; `read` fills the value from the document.
template <typename T, typename ReadFn>
Result<T> ParseBody(std::string_view text, const Text& what, ReadFn read) {
  auto doc = io::ParseStrictJson(text);
  if (!doc) {
    return Fail(Error::Invalid(
        NT_("{what} refused: {n} problem", "{what} refused: {n} problems", 1, {{"what", what}}),
        {Problem("$", doc.error())}));
  }
  DiaryReader reader;
  std::optional<T> value = read(reader, *doc);
  if (auto refused = reader.Refusal(what)) return Fail(std::move(*refused));
  if (!value) {
    // TRANSLATORS: {what} is what was sent ("morning", "note").
    return Fail(Error::Invalid(T_("{what} refused: it holds nothing", {{"what", what}})));
  }
  return std::move(*value);
}

}  // namespace

Result<Morning> ParseMorningJson(std::string_view text) {
  // TRANSLATORS: a check-in, in "morning refused: 2 problems".
  return ParseBody<Morning>(text, T_("morning"),
                            [](DiaryReader& r, const json& doc) { return r.ReadMorning("", doc); });
}

Result<Context> ParseContextJson(std::string_view text) {
  // TRANSLATORS: the day's context (sleep, sitting, stress), in "context refused: 2 problems".
  return ParseBody<Context>(text, T_("context"), [](DiaryReader& r, const json& doc) {
    Context c = r.ReadContext("", doc);
    if (c.empty() && doc.is_object() && doc.empty()) {
      // TRANSLATORS: {keys} are the keys it may hold (codes).
      r.Problem("", T_("empty; give {keys}", {{"keys", JoinChoices(KeysOf(ContextFields(), ""))}}));
    }
    return std::optional<Context>(c);
  });
}

Result<HourAfter> ParseHourAfterJson(std::string_view text) {
  return ParseBody<HourAfter>(text, T_("hour-after check-in"), [](DiaryReader& r, const json& doc) {
    HourAfter h = r.ReadHourAfter("", doc);
    if (h.empty() && doc.is_object() && doc.empty())
      // TRANSLATORS: pain and tighter are JSON keys and stay.
      r.Problem("", T_("empty; give pain and/or tighter"));
    return std::optional<HourAfter>(h);
  });
}

Result<SessionPatch> ParseSessionPatchJson(std::string_view text) {
  // TRANSLATORS: an exercise session, in "session refused: 2 problems".
  return ParseBody<SessionPatch>(text, T_("session"), [](DiaryReader& r, const json& doc) {
    std::optional<Session> s = r.ReadSession("", doc);
    if (!s) return std::optional<SessionPatch>();
    return std::optional<SessionPatch>(PatchFrom(*s, doc.contains("load")));
  });
}

Result<NoteBody> ParseNoteJson(std::string_view text) {
  // TRANSLATORS: the day's note, in "note refused: 1 problem".
  return ParseBody<NoteBody>(text, T_("note"), [](DiaryReader& r, const json& doc) {
    if (!r.CheckObject("", doc, {"note", "pinned"},
                       T_("an object {{\"note\": \"...\", \"pinned\": true}}"))) {
      return std::optional<NoteBody>();
    }
    if (!doc.contains("note")) {
      r.Problem("note", T_("missing; expected the note's text"));
      return std::optional<NoteBody>();
    }
    auto t = r.ReadText("note", doc["note"], kMaxNoteChars);
    // TRANSLATORS: DELETE is the HTTP method and stays.
    if (!t && doc["note"].is_string()) r.Problem("note", T_("empty; to remove a note, DELETE it"));
    std::optional<bool> pinned;
    if (doc.contains("pinned")) {
      if (!doc["pinned"].is_boolean()) {
        r.Problem("pinned", T_("expected true or false"));
        return std::optional<NoteBody>();
      }
      pinned = doc["pinned"].get<bool>();
    }
    if (!t) return std::optional<NoteBody>();
    return std::optional<NoteBody>(NoteBody{*t, pinned});
  });
}

std::string DayToJson(const Day& day) { return io::Dump(DayJson(day)); }

bool LooksLikeJson(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[';
  }
  return false;
}

}  // namespace backsignal
