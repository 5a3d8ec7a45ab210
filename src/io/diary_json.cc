#include "backsignal/io/diary_json.h"

#include <initializer_list>
#include <map>

#include "backsignal/io/checkin_json.h"
#include "json_util.h"
#include "measures_json_util.h"

namespace backsignal {
namespace {

using io::DescribeJson;
using io::ordered_json;
using nlohmann::json;

// The path of `key` inside the object at `path` ("" is the root of a check-in body).
std::string Sub(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

constexpr std::string_view kScoreExpected = "a score (a number from 0 to 10 in steps of 0.5)";

// Walks a parsed document, collecting every problem with its JSON path.
class DiaryReader {
 public:
  Result<Diary> Read(const json& doc);
  // The refusal of a body or file with the problems found so far, or empty when none.
  std::optional<Error> Refusal(std::string_view what);

  std::optional<Day> ReadDay(const std::string& path, const json& v);
  std::optional<Morning> ReadMorning(const std::string& path, const json& v);
  Context ReadContext(const std::string& path, const json& v);
  std::optional<Session> ReadSession(const std::string& path, const json& v);
  HourAfter ReadHourAfter(const std::string& path, const json& v);
  std::optional<std::string> ReadText(const std::string& path, const json& v, size_t max_chars);
  void Problem(const std::string& path, const std::string& message) {
    problems_.Add((path.empty() ? "$" : path) + ": " + message);
  }
  bool CheckObject(const std::string& path, const json& obj,
                   std::initializer_list<std::string_view> allowed, std::string_view what);

 private:
  void WrongType(const std::string& path, const json& v, std::string_view expected) {
    Problem(path, DescribeJson(v) + " is the wrong type; expected " + std::string(expected));
  }
  std::optional<Score> ReadScore(const std::string& path, const json& v);
  std::optional<bool> ReadBool(const std::string& path, const json& v);

  ProblemList problems_{kMaxListedProblems};
};

std::string Join(std::initializer_list<std::string_view> names) {
  std::string out;
  size_t i = 0;
  for (std::string_view n : names) {
    if (i > 0) out += (i + 1 == names.size()) ? " or " : ", ";
    out += n;
    ++i;
  }
  return out;
}

bool DiaryReader::CheckObject(const std::string& path, const json& obj,
                              std::initializer_list<std::string_view> allowed,
                              std::string_view what) {
  if (!obj.is_object()) {
    WrongType(path, obj, what);
    return false;
  }
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == it.key();
    if (!known) {
      Problem(Sub(path, it.key()), "unknown key; expected " + Join(allowed));
    }
  }
  return true;
}

std::optional<Score> DiaryReader::ReadScore(const std::string& path, const json& v) {
  if (!v.is_number()) {
    WrongType(path, v, kScoreExpected);
    return std::nullopt;
  }
  auto s = Score::FromDouble(v.get<double>());
  if (!s) {
    Problem(path, s.error());
    return std::nullopt;
  }
  return *s;
}

std::optional<bool> DiaryReader::ReadBool(const std::string& path, const json& v) {
  if (!v.is_boolean()) {
    WrongType(path, v, "true or false");
    return std::nullopt;
  }
  return v.get<bool>();
}

std::optional<std::string> DiaryReader::ReadText(const std::string& path, const json& v,
                                                 size_t max_chars) {
  if (!v.is_string()) {
    WrongType(path, v, "text (a string)");
    return std::nullopt;
  }
  auto t = ValidateText(v.get<std::string>(), max_chars);
  if (!t) {
    Problem(path, "the text " + t.error());
    return std::nullopt;
  }
  if (t->empty()) return std::nullopt;  // canonical: an empty text carries nothing
  return *t;
}

std::optional<Morning> DiaryReader::ReadMorning(const std::string& path, const json& v) {
  if (!CheckObject(path, v, {"pain", "stiffness"}, "an object with pain and stiffness")) {
    return std::nullopt;
  }
  Morning m;
  bool ok = true;
  if (!v.contains("pain")) {
    Problem(Sub(path, "pain"), v.empty()
                                   ? "missing (the morning is empty); a morning needs its pain"
                                   : "missing; a morning needs its pain (0 to 10)");
    ok = false;
  } else if (auto p = ReadScore(Sub(path, "pain"), v["pain"])) {
    m.pain = *p;
  } else {
    ok = false;
  }
  if (v.contains("stiffness")) m.stiffness = ReadScore(Sub(path, "stiffness"), v["stiffness"]);
  return ok ? std::optional<Morning>(m) : std::nullopt;
}

Context DiaryReader::ReadContext(const std::string& path, const json& v) {
  Context c;
  if (!CheckObject(path, v,
                   {"sitting_hours", "prolonged_position", "upper_body_tension", "sleep_hours",
                    "sleep_quality", "painkillers", "painkiller_name", "stress", "tags"},
                   "an object (the day's context)")) {
    return c;
  }
  auto hours = [&](const char* key, auto validate, std::optional<double>& out) {
    if (!v.contains(key)) return;
    const json& h = v[key];
    if (!h.is_number()) {
      WrongType(Sub(path, key), h, "a number of hours from 0 to 24");
    } else if (auto ok = validate(h.template get<double>())) {
      out = *ok;
    } else {
      Problem(Sub(path, key), ok.error());
    }
  };
  hours("sitting_hours", ValidateSittingHours, c.sitting_hours);
  hours("sleep_hours", ValidateSleepHours, c.sleep_hours);
  if (v.contains("prolonged_position")) {
    c.prolonged_position = ReadBool(Sub(path, "prolonged_position"), v["prolonged_position"]);
  }
  auto score = [&](const char* key, std::optional<Score>& out) {
    if (v.contains(key)) out = ReadScore(Sub(path, key), v[key]);
  };
  score("upper_body_tension", c.upper_body_tension);
  score("sleep_quality", c.sleep_quality);
  score("stress", c.stress);
  if (v.contains("painkillers")) {
    c.painkillers = ReadBool(Sub(path, "painkillers"), v["painkillers"]);
  }
  if (v.contains("painkiller_name")) {
    c.painkiller_name =
        ReadText(Sub(path, "painkiller_name"), v["painkiller_name"], kMaxPainkillerChars);
    if (c.painkiller_name) {
      if (c.painkillers == false) {
        Problem(Sub(path, "painkiller_name"),
                "a painkiller's name with painkillers: false; leave the name out or say true");
      } else {
        c.painkillers = true;  // a name says some were taken
      }
    }
  }
  if (v.contains("tags")) {
    const json& t = v["tags"];
    const std::string at = Sub(path, "tags");
    if (!t.is_array()) {
      WrongType(at, t, "a list of your own factors, like [\"long drive\"]");
    } else {
      std::vector<std::string> tags;
      bool ok = true;
      for (size_t i = 0; i < t.size(); ++i) {
        if (!t[i].is_string()) {
          WrongType(at + "[" + std::to_string(i) + "]", t[i], "text (a factor's name)");
          ok = false;
        } else {
          tags.push_back(t[i].get<std::string>());
        }
      }
      if (ok) {
        if (auto valid = ValidateTags(tags)) {
          c.tags = std::move(*valid);  // may be empty: a patch that clears them
        } else {
          const std::string& e = valid.error();
          const size_t colon = e.find("]: ");
          if (e.starts_with("[") && colon != std::string::npos) {
            Problem(at + e.substr(0, colon + 1), e.substr(colon + 3));
          } else {
            Problem(at, e.substr(2));
          }
        }
      }
    }
  }
  return c;
}

std::optional<Session> DiaryReader::ReadSession(const std::string& path, const json& v) {
  if (!CheckObject(path, v, {"time", "minutes", "activity", "load", "during", "hour_after"},
                   "an object (one session)")) {
    return std::nullopt;
  }
  Session s;
  if (v.contains("time")) {
    const json& t = v["time"];
    if (!t.is_string()) {
      WrongType(Sub(path, "time"), t, "a time as \"HH:MM\"");
    } else if (auto tod = TimeOfDay::Parse(t.get<std::string>())) {
      s.time = *tod;
    } else {
      Problem(Sub(path, "time"), DescribeJson(t) + " " + tod.error());
    }
  }
  if (v.contains("minutes")) {
    const json& m = v["minutes"];
    if (!m.is_number()) {
      WrongType(Sub(path, "minutes"), m, "a whole number of minutes from 1 to 600");
    } else if (auto ok = ValidateMinutes(m.get<double>())) {
      s.minutes = *ok;
    } else {
      Problem(Sub(path, "minutes"), ok.error());
    }
  }
  if (v.contains("activity")) {
    s.activity = ReadText(Sub(path, "activity"), v["activity"], kMaxActivityChars);
  }
  if (v.contains("load")) {
    const json& l = v["load"];
    if (!l.is_array()) {
      WrongType(Sub(path, "load"), l, "a list of rotation, breathing_under_load, arms_away");
    } else {
      for (size_t i = 0; i < l.size(); ++i) {
        const std::string p = Sub(path, "load") + "[" + std::to_string(i) + "]";
        if (!l[i].is_string()) {
          WrongType(p, l[i], "one of rotation, breathing_under_load, arms_away");
          continue;
        }
        auto load = ParseLoad(l[i].get<std::string>());
        if (!load) {
          Problem(p, DescribeJson(l[i]) + " " + load.error());
        } else if (s.load.Has(*load)) {
          Problem(p, DescribeJson(l[i]) + " is listed twice; each load once");
        } else {
          s.load.Add(*load);
        }
      }
    }
  }
  if (v.contains("during")) {
    const json& d = v["during"];
    const std::string p = Sub(path, "during");
    if (CheckObject(p, d, {"start", "end", "pattern", "sharp"},
                    "an object (the during check-in)")) {
      if (d.contains("start")) s.during.start = ReadScore(Sub(p, "start"), d["start"]);
      if (d.contains("end")) s.during.end = ReadScore(Sub(p, "end"), d["end"]);
      if (d.contains("pattern")) {
        const json& pat = d["pattern"];
        if (!pat.is_string()) {
          WrongType(Sub(p, "pattern"), pat, "stable, building or eased");
        } else if (auto pp = ParsePattern(pat.get<std::string>())) {
          s.during.pattern = *pp;
        } else {
          Problem(Sub(p, "pattern"), DescribeJson(pat) + " " + pp.error());
        }
      }
      if (d.contains("sharp")) s.during.sharp = ReadBool(Sub(p, "sharp"), d["sharp"]);
    }
  }
  if (v.contains("hour_after"))
    s.hour_after = ReadHourAfter(Sub(path, "hour_after"), v["hour_after"]);
  return s;
}

HourAfter DiaryReader::ReadHourAfter(const std::string& path, const json& h) {
  HourAfter out;
  if (CheckObject(path, h, {"pain", "tighter"}, "an object (the hour-after check-in)")) {
    if (h.contains("pain")) out.pain = ReadScore(Sub(path, "pain"), h["pain"]);
    if (h.contains("tighter")) out.tighter = ReadBool(Sub(path, "tighter"), h["tighter"]);
  }
  return out;
}

std::optional<Day> DiaryReader::ReadDay(const std::string& path, const json& v) {
  if (!CheckObject(path, v, {"date", "morning", "context", "sessions", "note"},
                   "an object (one day)")) {
    return std::nullopt;
  }
  Day day;
  bool ok = true;
  if (!v.contains("date")) {
    Problem(Sub(path, "date"), "missing; every day needs its date (YYYY-MM-DD)");
    ok = false;
  } else if (!v["date"].is_string()) {
    WrongType(Sub(path, "date"), v["date"], "a date as \"YYYY-MM-DD\"");
    ok = false;
  } else if (auto d = Date::Parse(v["date"].get<std::string>())) {
    day.date = *d;
  } else {
    Problem(Sub(path, "date"), DescribeJson(v["date"]) + " " + d.error());
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
      WrongType(Sub(path, "sessions"), ss, "a list of sessions");
    } else {
      for (size_t i = 0; i < ss.size(); ++i) {
        if (auto s = ReadSession(Sub(path, "sessions") + "[" + std::to_string(i) + "]", ss[i])) {
          day.sessions.push_back(std::move(*s));
        }
      }
    }
  }
  if (v.contains("note")) day.note = ReadText(Sub(path, "note"), v["note"], kMaxNoteChars);
  return ok ? std::optional<Day>(std::move(day)) : std::nullopt;
}

Result<Diary> DiaryReader::Read(const json& doc) {
  if (!doc.is_object()) {
    return Fail(Error::Invalid("diary refused",
                               {"$: " + DescribeJson(doc) +
                                " is not a diary; expected a JSON object with format, version "
                                "and days"}));
  }
  CheckObject("", doc,
              {"format", "version", "usual_morning_pain", "usual_morning_stiffness", "days",
               "weekly", "flares"},
              "an object");
  bool is_diary = true;
  if (!doc.contains("format")) {
    Problem("format", "missing; expected \"backsignal-diary\"");
    is_diary = false;
  } else if (doc["format"] != "backsignal-diary") {
    Problem("format", DescribeJson(doc["format"]) +
                          " is not a backsignal diary; expected \"backsignal-diary\"");
    is_diary = false;
  }
  if (!doc.contains("version")) {
    Problem("version", "missing; expected 1");
  } else if (!doc["version"].is_number() || doc["version"].get<double>() != 1) {
    Problem("version",
            DescribeJson(doc["version"]) + " is not a version this backsignal reads; expected 1");
  }
  Diary diary;
  if (doc.contains("usual_morning_pain")) {
    diary.usual.pain = ReadScore("usual_morning_pain", doc["usual_morning_pain"]);
  }
  if (doc.contains("usual_morning_stiffness")) {
    diary.usual.stiffness = ReadScore("usual_morning_stiffness", doc["usual_morning_stiffness"]);
  }
  if (!doc.contains("days")) {
    if (is_diary) Problem("days", "missing; expected a list of days (it may be empty)");
  } else if (!doc["days"].is_array()) {
    WrongType("days", doc["days"], "a list of days");
  } else {
    const json& days = doc["days"];
    std::map<Date, size_t> seen;
    for (size_t i = 0; i < days.size(); ++i) {
      const std::string path = "days[" + std::to_string(i) + "]";
      auto day = ReadDay(path, days[i]);
      if (!day) continue;
      auto [it, inserted] = seen.emplace(day->date, i);
      if (!inserted) {
        Problem(Sub(path, "date"), "\"" + day->date.ToString() + "\" appears twice (also at days[" +
                                       std::to_string(it->second) + "]); one entry per date");
        continue;
      }
      diary.days.push_back(std::move(*day));
    }
  }
  io::ReadMeasuresJson(doc, diary.measures, problems_);
  if (auto refused = Refusal("diary")) return Fail(std::move(*refused));
  SortDays(diary.days);
  return diary;
}

std::optional<Error> DiaryReader::Refusal(std::string_view what) {
  return problems_.Refusal(std::string(what));
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
  if (!day.context.empty()) {
    ordered_json c;
    const Context& ctx = day.context;
    if (ctx.sitting_hours) c["sitting_hours"] = io::NumberJson(*ctx.sitting_hours);
    if (ctx.prolonged_position) c["prolonged_position"] = *ctx.prolonged_position;
    if (ctx.upper_body_tension) c["upper_body_tension"] = io::ScoreJson(*ctx.upper_body_tension);
    if (ctx.sleep_hours) c["sleep_hours"] = io::NumberJson(*ctx.sleep_hours);
    if (ctx.sleep_quality) c["sleep_quality"] = io::ScoreJson(*ctx.sleep_quality);
    if (ctx.painkillers) c["painkillers"] = *ctx.painkillers;
    if (ctx.painkiller_name) c["painkiller_name"] = *ctx.painkiller_name;
    if (ctx.stress) c["stress"] = io::ScoreJson(*ctx.stress);
    if (ctx.tags) c["tags"] = *ctx.tags;
    d["context"] = std::move(c);
  }
  if (!day.sessions.empty()) {
    ordered_json list = ordered_json::array();
    for (const Session& s : day.sessions) {
      ordered_json j = ordered_json::object();
      if (s.time) j["time"] = s.time->ToString();
      if (s.minutes) j["minutes"] = *s.minutes;
      if (s.activity) j["activity"] = *s.activity;
      if (!s.load.empty()) {
        ordered_json loads = ordered_json::array();
        for (Load l : kAllLoads) {
          if (s.load.Has(l)) loads.push_back(std::string(LoadName(l)));
        }
        j["load"] = std::move(loads);
      }
      if (!s.during.empty()) {
        ordered_json du;
        if (s.during.start) du["start"] = io::ScoreJson(*s.during.start);
        if (s.during.end) du["end"] = io::ScoreJson(*s.during.end);
        if (s.during.pattern) du["pattern"] = std::string(PatternName(*s.during.pattern));
        if (s.during.sharp) du["sharp"] = *s.during.sharp;
        j["during"] = std::move(du);
      }
      if (!s.hour_after.empty()) {
        ordered_json h;
        if (s.hour_after.pain) h["pain"] = io::ScoreJson(*s.hour_after.pain);
        if (s.hour_after.tighter) h["tighter"] = *s.hour_after.tighter;
        j["hour_after"] = std::move(h);
      }
      list.push_back(std::move(j));
    }
    d["sessions"] = std::move(list);
  }
  if (day.note) d["note"] = *day.note;
  return d;
}

}  // namespace

Result<Diary> ParseDiaryJson(std::string_view text) {
  auto doc = io::ParseStrictJson(text);
  if (!doc) return Fail(Error::Invalid("diary refused: 1 problem", {"$: " + doc.error()}));
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
Result<T> ParseBody(std::string_view text, std::string_view what, ReadFn read) {
  auto doc = io::ParseStrictJson(text);
  if (!doc)
    return Fail(Error::Invalid(std::string(what) + " refused: 1 problem", {"$: " + doc.error()}));
  DiaryReader reader;
  std::optional<T> value = read(reader, *doc);
  if (auto refused = reader.Refusal(what)) return Fail(std::move(*refused));
  if (!value) return Fail(Error::Invalid(std::string(what) + " refused: it holds nothing"));
  return std::move(*value);
}

}  // namespace

Result<Morning> ParseMorningJson(std::string_view text) {
  return ParseBody<Morning>(text, "morning",
                            [](DiaryReader& r, const json& doc) { return r.ReadMorning("", doc); });
}

Result<Context> ParseContextJson(std::string_view text) {
  return ParseBody<Context>(text, "context", [](DiaryReader& r, const json& doc) {
    Context c = r.ReadContext("", doc);
    if (c.empty() && doc.is_object() && doc.empty()) {
      r.Problem("",
                "empty; give sitting_hours, prolonged_position, upper_body_tension, sleep_hours, "
                "sleep_quality, painkillers, painkiller_name, stress or tags");
    }
    return std::optional<Context>(c);
  });
}

Result<HourAfter> ParseHourAfterJson(std::string_view text) {
  return ParseBody<HourAfter>(text, "hour-after check-in", [](DiaryReader& r, const json& doc) {
    HourAfter h = r.ReadHourAfter("", doc);
    if (h.empty() && doc.is_object() && doc.empty())
      r.Problem("", "empty; give pain and/or tighter");
    return std::optional<HourAfter>(h);
  });
}

Result<SessionPatch> ParseSessionPatchJson(std::string_view text) {
  return ParseBody<SessionPatch>(text, "session", [](DiaryReader& r, const json& doc) {
    std::optional<Session> s = r.ReadSession("", doc);
    if (!s) return std::optional<SessionPatch>();
    SessionPatch p;
    p.time = s->time;
    p.minutes = s->minutes;
    p.activity = s->activity;
    if (doc.contains("load")) p.load = s->load;
    p.during = s->during;
    p.hour_after = s->hour_after;
    return std::optional<SessionPatch>(p);
  });
}

Result<std::string> ParseNoteJson(std::string_view text) {
  return ParseBody<std::string>(text, "note", [](DiaryReader& r, const json& doc) {
    if (!r.CheckObject("", doc, {"note"}, "an object {\"note\": \"...\"}")) {
      return std::optional<std::string>();
    }
    if (!doc.contains("note")) {
      r.Problem("note", "missing; expected the note's text");
      return std::optional<std::string>();
    }
    auto t = r.ReadText("note", doc["note"], kMaxNoteChars);
    if (!t && doc["note"].is_string()) r.Problem("note", "empty; to remove a note, DELETE it");
    return t;
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
