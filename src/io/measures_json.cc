#include "backsignal/io/measures_json.h"

#include <map>

#include "backsignal/io/diary_json.h"
#include "json_util.h"
#include "measures_json_util.h"

namespace backsignal {
namespace io {
namespace {

using nlohmann::json;

std::string Sub(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

class Reader {
 public:
  explicit Reader(ProblemList& problems) : problems_(problems) {}

  void Problem(const std::string& path, Text message) {
    problems_.Add(backsignal::Problem(path.empty() ? "$" : path, std::move(message)));
  }
  void WrongType(const std::string& path, const json& v, Text expected) {
    Problem(path, WrongTypeText(v, std::move(expected)));
  }
  bool Object(const std::string& path, const json& v,
              std::initializer_list<std::string_view> allowed, const Text& what) {
    if (!v.is_object()) {
      WrongType(path, v, what);
      return false;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      bool known = false;
      std::string list;
      for (std::string_view a : allowed) {
        known = known || a == it.key();
        list += (list.empty() ? "" : ", ") + std::string(a);
      }
      if (!known) {
        Problem(Sub(path, it.key()), T_("unknown key; expected {keys}", {{"keys", list}}));
      }
    }
    return true;
  }
  std::optional<int> Item(const std::string& path, const json& v) {
    if (!v.is_number()) {
      WrongType(path, v, T_("a whole number from 0 to 10"));
      return std::nullopt;
    }
    auto i = ValidateItem(v.get<double>());
    if (!i) Problem(path, i.error());
    return i ? std::optional<int>(*i) : std::nullopt;
  }
  std::optional<Peg> ReadPeg(const std::string& path, const json& v) {
    if (!Object(path, v, {"pain", "enjoyment", "activity"},
                // TRANSLATORS: pain, enjoyment and activity are the JSON's keys and stay.
                T_("an object with pain, enjoyment and activity"))) {
      return std::nullopt;
    }
    Peg p;
    bool ok = true;
    for (auto [key, field] : {std::pair{"pain", &p.pain}, std::pair{"enjoyment", &p.enjoyment},
                              std::pair{"activity", &p.activity}}) {
      if (!v.contains(key)) {
        Problem(Sub(path, key),
                T_("missing; the PEG has three items, each a whole number 0 to 10"));
        ok = false;
        continue;
      }
      auto i = Item(Sub(path, key), v[key]);
      if (!i) ok = false;
      *field = i.value_or(0);
    }
    return ok ? std::optional<Peg>(p) : std::nullopt;
  }
  std::vector<PsfsRating> ReadPsfs(const std::string& path, const json& v) {
    std::vector<PsfsRating> out;
    if (!v.is_array()) {
      // TRANSLATORS: the JSON stays as it is.
      WrongType(path, v, T_("a list of up to 5 activities, each {{\"activity\", \"score\"}}"));
      return out;
    }
    if (v.size() > kMaxPsfsActivities) {
      // TRANSLATORS: {count} activities were given; {max} is the most the scale has.
      Problem(path, T_("{count} activities; the scale has at most {max}",
                       {{"count", v.size()}, {"max", kMaxPsfsActivities}}));
      return out;
    }
    for (size_t i = 0; i < v.size(); ++i) {
      const std::string at = path + "[" + std::to_string(i) + "]";
      // TRANSLATORS: activity and score are the JSON's keys and stay.
      if (!Object(at, v[i], {"activity", "score"}, T_("an object with activity and score"))) {
        continue;
      }
      PsfsRating r;
      bool ok = true;
      if (!v[i].contains("activity") || !v[i]["activity"].is_string()) {
        if (v[i].contains("activity")) {
          WrongType(Sub(at, "activity"), v[i]["activity"], T_("text (a string)"));
        } else {
          Problem(Sub(at, "activity"), T_("missing; name the activity"));
        }
        ok = false;
      } else {
        auto name = ValidatePsfsActivity(v[i]["activity"].get<std::string>());
        if (!name) {
          Problem(Sub(at, "activity"), name.error());
          ok = false;
        } else {
          r.activity = *name;
        }
      }
      if (!v[i].contains("score")) {
        Problem(Sub(at, "score"), T_("missing; 0 = unable, 10 = as before the problem"));
        ok = false;
      } else if (auto s = Item(Sub(at, "score"), v[i]["score"])) {
        r.score = *s;
      } else {
        ok = false;
      }
      if (!ok) continue;
      for (const PsfsRating& seen : out) {
        if (FoldAscii(seen.activity) == FoldAscii(r.activity)) {
          Problem(Sub(at, "activity"), T_("\"{name}\" is given twice", {{"name", r.activity}}));
          ok = false;
        }
      }
      if (ok) out.push_back(std::move(r));
    }
    return out;
  }
  // The answers of one weekly entry (the date read by the caller).
  std::optional<Weekly> ReadWeeklyBody(const std::string& path, const json& v, Date date,
                                       bool with_date) {
    if (with_date) {
      // TRANSLATORS: date, peg and psfs are the JSON's keys and stay.
      if (!Object(path, v, {"date", "peg", "psfs"}, T_("an object with date, peg and psfs"))) {
        return std::nullopt;
      }
      // TRANSLATORS: peg and psfs are the JSON's keys and stay.
    } else if (!Object(path, v, {"peg", "psfs"}, T_("an object with peg and psfs"))) {
      return std::nullopt;
    }
    const size_t before = problems_.count();
    Weekly w{.date = date};
    if (v.contains("peg")) w.peg = ReadPeg(Sub(path, "peg"), v["peg"]);
    if (v.contains("psfs")) w.psfs = ReadPsfs(Sub(path, "psfs"), v["psfs"]);
    if (problems_.count() != before) return std::nullopt;
    if (w.empty()) {
      // TRANSLATORS: "peg" and "psfs" are the JSON's keys and stay.
      Problem(path, T_("holds no answer; give \"peg\", \"psfs\", or both"));
      return std::nullopt;
    }
    return w;
  }
  std::optional<Flare> ReadFlareBody(const std::string& path, const json& v, Date date,
                                     bool with_date) {
    if (with_date) {
      if (!Object(path, v, {"date", "time", "pain", "sharp", "note"}, T_("a flare object"))) {
        return std::nullopt;
      }
    } else if (!Object(path, v, {"time", "pain", "sharp", "note"}, T_("a flare object"))) {
      return std::nullopt;
    }
    const size_t before = problems_.count();
    Flare f{.date = date};
    if (!v.contains("pain")) {
      Problem(Sub(path, "pain"), T_("missing; a flare needs its pain, a score from 0 to 10"));
    } else if (!v["pain"].is_number()) {
      WrongType(Sub(path, "pain"), v["pain"],
                T_("a score (a number from 0 to 10 in steps of 0.5)"));
    } else if (auto s = Score::FromDouble(v["pain"].get<double>()); !s) {
      Problem(Sub(path, "pain"), s.error());
    } else {
      f.pain = *s;
    }
    if (v.contains("time")) {
      if (!v["time"].is_string()) {
        WrongType(Sub(path, "time"), v["time"], T_("a time \"HH:MM\""));
      } else if (auto t = TimeOfDay::Parse(v["time"].get<std::string>()); !t) {
        Problem(Sub(path, "time"), t.error());
      } else {
        f.time = *t;
      }
    }
    if (v.contains("sharp")) {
      if (!v["sharp"].is_boolean()) {
        WrongType(Sub(path, "sharp"), v["sharp"], T_("true or false"));
      } else {
        f.sharp = v["sharp"].get<bool>();
      }
    }
    if (v.contains("note")) {
      if (!v["note"].is_string()) {
        WrongType(Sub(path, "note"), v["note"], T_("text (a string)"));
      } else if (auto t = ValidateText(v["note"].get<std::string>(), kMaxFlareNoteChars); !t) {
        Problem(Sub(path, "note"), T_("the text {problem}", {{"problem", t.error()}}));
      } else if (!t->empty()) {
        f.note = *t;
      }
    }
    if (problems_.count() != before) return std::nullopt;
    return f;
  }
  std::optional<Date> ReadDate(const std::string& path, const json& v) {
    if (!v.is_object()) return std::nullopt;  // reported by the body's reader
    if (!v.contains("date")) {
      Problem(Sub(path, "date"), T_("missing; expected a date \"YYYY-MM-DD\""));
      return std::nullopt;
    }
    if (!v["date"].is_string()) {
      WrongType(Sub(path, "date"), v["date"], T_("a date \"YYYY-MM-DD\""));
      return std::nullopt;
    }
    auto d = Date::Parse(v["date"].get<std::string>());
    if (!d) Problem(Sub(path, "date"), d.error());
    return d ? std::optional<Date>(*d) : std::nullopt;
  }

 private:
  ProblemList& problems_;
};

}  // namespace

void ReadMeasuresJson(const json& doc, Measures& out, ProblemList& problems) {
  Reader r(problems);
  if (doc.contains("weekly")) {
    const json& list = doc["weekly"];
    if (!list.is_array()) {
      r.WrongType("weekly", list, T_("a list of weekly answers"));
    } else {
      std::map<Date, size_t> seen;
      for (size_t i = 0; i < list.size(); ++i) {
        const std::string path = "weekly[" + std::to_string(i) + "]";
        auto date = r.ReadDate(path, list[i]);
        auto w = r.ReadWeeklyBody(path, list[i], date.value_or(Date()), true);
        if (!date || !w) continue;
        auto [it, inserted] = seen.emplace(*date, i);
        if (!inserted) {
          r.Problem(path + ".date",
                    // TRANSLATORS: {date} is a day (YYYY-MM-DD); {index} where it was given first.
                    T_("\"{date}\" appears twice (also at weekly[{index}]); one entry per date",
                       {{"date", date->ToString()}, {"index", it->second}}));
          continue;
        }
        out.weekly.push_back(std::move(*w));
      }
    }
  }
  if (doc.contains("flares")) {
    const json& list = doc["flares"];
    if (!list.is_array()) {
      r.WrongType("flares", list, T_("a list of flares"));
    } else {
      for (size_t i = 0; i < list.size(); ++i) {
        const std::string path = "flares[" + std::to_string(i) + "]";
        auto date = r.ReadDate(path, list[i]);
        auto f = r.ReadFlareBody(path, list[i], date.value_or(Date()), true);
        if (date && f) out.flares.push_back(std::move(*f));
      }
    }
  }
  if (auto ok = NormaliseMeasures(out); !ok) problems.Add(ok.error().MessageText());
}

nlohmann::ordered_json WeeklyJson(const Weekly& w) {
  ordered_json j;
  j["date"] = w.date.ToString();
  if (w.peg) {
    j["peg"] = {
        {"pain", w.peg->pain}, {"enjoyment", w.peg->enjoyment}, {"activity", w.peg->activity}};
  }
  if (!w.psfs.empty()) {
    ordered_json list = ordered_json::array();
    for (const PsfsRating& r : w.psfs)
      list.push_back({{"activity", r.activity}, {"score", r.score}});
    j["psfs"] = std::move(list);
  }
  return j;
}

nlohmann::ordered_json FlareJson(const Flare& f) {
  ordered_json j;
  j["date"] = f.date.ToString();
  if (f.time) j["time"] = f.time->ToString();
  j["pain"] = ScoreJson(f.pain);
  if (f.sharp) j["sharp"] = *f.sharp;
  if (f.note) j["note"] = *f.note;
  return j;
}

void WriteMeasuresJson(const Measures& m, nlohmann::ordered_json& doc) {
  if (!m.weekly.empty()) {
    ordered_json list = ordered_json::array();
    for (const Weekly& w : m.weekly) list.push_back(WeeklyJson(w));
    doc["weekly"] = std::move(list);
  }
  if (!m.flares.empty()) {
    ordered_json list = ordered_json::array();
    for (const Flare& f : m.flares) list.push_back(FlareJson(f));
    doc["flares"] = std::move(list);
  }
}

}  // namespace io

Result<Weekly> ParseWeeklyJson(std::string_view text, Date date) {
  ProblemList problems(kMaxListedProblems);
  auto doc = io::ParseStrictJson(text);
  if (!doc) {
    return Fail(Error::Invalid(NT_("{what} refused: {n} problem", "{what} refused: {n} problems", 1,
                                   {{"what", T_("weekly answers")}}),
                               {Problem("$", doc.error())}));
  }
  io::Reader r(problems);
  auto w = r.ReadWeeklyBody("", *doc, date, false);
  // TRANSLATORS: in "{what} refused: 2 problems".
  if (auto refused = problems.Refusal(T_("weekly answers"))) return Fail(std::move(*refused));
  return std::move(*w);
}

Result<Flare> ParseFlareJson(std::string_view text, Date date) {
  ProblemList problems(kMaxListedProblems);
  auto doc = io::ParseStrictJson(text);
  if (!doc) {
    return Fail(Error::Invalid(NT_("{what} refused: {n} problem", "{what} refused: {n} problems", 1,
                                   {{"what", T_("flare")}}),
                               {Problem("$", doc.error())}));
  }
  io::Reader r(problems);
  auto f = r.ReadFlareBody("", *doc, date, false);
  // TRANSLATORS: in "{what} refused: 2 problems".
  if (auto refused = problems.Refusal(T_("flare"))) return Fail(std::move(*refused));
  return std::move(*f);
}

std::string WeeklyToJson(const Weekly& w) { return io::Dump(io::WeeklyJson(w)); }
std::string FlareToJson(const Flare& f) { return io::Dump(io::FlareJson(f)); }

}  // namespace backsignal
