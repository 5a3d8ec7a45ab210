#include "backsignal/io/fhir.h"

#include <nlohmann/json.hpp>

#include "backsignal/core/fields.h"
#include "backsignal/io/ids.h"
#include "backsignal/io/zone.h"
#include "json_util.h"

namespace backsignal {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kLoinc = "http://loinc.org";
constexpr std::string_view kSnomed = "http://snomed.info/sct";
constexpr std::string_view kUcum = "http://unitsofmeasure.org";
constexpr std::string_view kObservationCategory =
    "http://terminology.hl7.org/CodeSystem/observation-category";

Json Coding(std::string_view system, std::string_view code, std::string_view display = {}) {
  Json c = {{"system", system}, {"code", code}};
  if (!display.empty()) c["display"] = display;
  return c;
}

Json Concept(Json coding, std::string_view text = {}) {
  Json c = {{"coding", Json::array({std::move(coding)})}};
  if (!text.empty()) c["text"] = text;
  return c;
}

Json Own(std::string_view code, std::string_view display) {
  return Concept(Coding(kFhirCodeSystem, code, display));
}

// Scores are exact halves, and a decimal carries them exactly: 2.5 stays 2.5.
Json ScoreQuantity(Score s) {
  return {{"value", s.value()}, {"unit", "score"}, {"system", kUcum}, {"code", "{score}"}};
}

// The kinds of Observation, by the window (or part of the record) they come from.
std::string_view CategoryDisplay(std::string_view code) {
  if (code == "morning") return "Morning check-in";
  if (code == "during_start") return "During the session, early";
  if (code == "during_end") return "During the session, at the end";
  if (code == "during") return "During the session";
  if (code == "hour_after") return "About an hour after the session";
  if (code == "context") return "The day's other loads";
  if (code == "note") return "Note";
  if (code == "usual_morning") return "Usual morning, as stated";
  if (code == "flare") return "A flare of pain between check-ins";
  return code;
}

Json Ref(const std::string& uuid) { return {{"reference", "urn:uuid:" + uuid}}; }

// A field's value on an Observation or a component: value[x] by its kind.
void AddValue(Json& at, const FieldSpec& f, const FieldValue& v) {
  if (const double* d = std::get_if<double>(&v)) {
    if (f.kind == FieldKind::kScore) {
      at["valueQuantity"] = ScoreQuantity(Score::FromHalves(static_cast<int>(std::lround(*d * 2))));
    } else {
      at["valueQuantity"] = {
          {"value", *d}, {"unit", f.fhir_unit}, {"system", kUcum}, {"code", f.fhir_unit}};
    }
  } else if (const bool* b = std::get_if<bool>(&v)) {
    at["valueBoolean"] = *b;
  } else if (const std::string* t = std::get_if<std::string>(&v)) {
    if (f.kind == FieldKind::kChoice) {
      at["valueCodeableConcept"] = Own(*t, *t);
    } else {
      at["valueString"] = *t;
    }
  }
}

class Builder {
 public:
  Builder(const Profile& p, std::string_view zone) : key_(p.person_key), zone_(zone) {
    patient_ = Id("patient");
  }

  Json Build(const Diary& diary, int64_t now) {
    Json patient = {
        {"resourceType", "Patient"},
        {"id", patient_},
        {"identifier",
         Json::array({{{"system", std::string(kFhirIdentifierBase) + "person"}, {"value", key_}}})},
        {"active", true}};
    Add(std::move(patient));
    if (diary.usual.pain || diary.usual.stiffness) {
      Json obs = Observation("usual", "usual_morning", Own("usual_morning", "Usual morning"));
      Json comps = Json::array();
      if (diary.usual.pain) {
        comps.push_back({{"code", Own("usual_morning_pain", "Usual morning pain")},
                         {"valueQuantity", ScoreQuantity(*diary.usual.pain)}});
      }
      if (diary.usual.stiffness) {
        comps.push_back({{"code", Own("usual_morning_stiffness", "Usual morning stiffness")},
                         {"valueQuantity", ScoreQuantity(*diary.usual.stiffness)}});
      }
      obs["component"] = std::move(comps);
      Add(std::move(obs));
    }
    for (const Day& day : diary.days) AddDay(day);
    AddMeasures(diary.measures);
    Json bundle = {{"resourceType", "Bundle"},
                   {"type", "collection"},
                   {"timestamp", FormatLocalWithOffset("UTC", now)},
                   {"entry", std::move(entries_)}};
    return bundle;
  }

 private:
  std::string Id(const std::string& name) const { return StableUuid(key_, name); }

  void Add(Json resource) {
    const std::string id = resource.at("id").get<std::string>();
    entries_.push_back({{"fullUrl", "urn:uuid:" + id}, {"resource", std::move(resource)}});
  }

  // An Observation about the person, with the window (or kind) as a category of our own.
  Json Observation(const std::string& id_name, std::string_view category, Json code) {
    Json obs = {{"resourceType", "Observation"}, {"id", Id("observation/" + id_name)}};
    obs["status"] = "final";
    obs["category"] = Json::array({Concept(Coding(kObservationCategory, "survey", "Survey")),
                                   Own(category, CategoryDisplay(category))});
    obs["code"] = std::move(code);
    obs["subject"] = Ref(patient_);
    return obs;
  }

  Json PainObservation(const std::string& id_name, std::string_view window, Date date, Score v) {
    Json obs = Observation(id_name, window,
                           Concept(Coding(kLoinc, "72514-3",
                                          "Pain severity - 0-10 verbal numeric rating [Score] - "
                                          "Reported")));
    obs["effectiveDateTime"] = date.ToString();
    obs["valueQuantity"] = ScoreQuantity(v);
    obs["bodySite"] =
        Concept(Coding(kSnomed, "1141986006", "Structure of thoracic vertebral column region"));
    return obs;
  }

  void AddDay(const Day& day) {
    const std::string d = day.date.ToString();
    if (day.morning) {
      Json obs = PainObservation(d + "/morning", "morning", day.date, day.morning->pain);
      if (day.morning->stiffness) {
        obs["component"] =
            Json::array({{{"code", Own("morning_stiffness", "Morning stiffness")},
                          {"valueQuantity", ScoreQuantity(*day.morning->stiffness)}}});
      }
      Add(std::move(obs));
    }
    // The day's context: each field (core/fields.h) an Observation of its own (sleep
    // duration, with its LOINC code) or a component of the day's context Observation.
    Json comps = Json::array();
    for (const Field<Context>& f : ContextFields()) {
      const FieldValue v = f.get(day.context);
      if (std::holds_alternative<std::monostate>(v)) continue;
      if (f.spec.fhir == FhirPlace::kObservation) {
        // Its id keeps the name of the first exports ("sleep" for sleep_hours).
        const std::string id = f.spec.name == "sleep_hours" ? "sleep" : std::string(f.spec.name);
        Json obs = Observation(std::string(d).append("/").append(id), "context",
                               Concept(Coding(kLoinc, f.spec.fhir_code, f.spec.fhir_display)));
        obs["effectiveDateTime"] = d;
        AddValue(obs, f.spec, v);
        Add(std::move(obs));
        continue;
      }
      if (f.spec.fhir != FhirPlace::kComponent) continue;
      const Json code = Own(f.spec.fhir_code, f.spec.fhir_display);
      if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
        for (const std::string& item : *list) {  // one component each, in the day's order
          comps.push_back({{"code", code}, {"valueString", item}});
        }
        continue;
      }
      Json comp = {{"code", code}};
      AddValue(comp, f.spec, v);
      comps.push_back(std::move(comp));
    }
    if (!comps.empty()) {
      Json obs =
          Observation(d + "/context", "context", Own("day_context", "What else loaded the back"));
      obs["effectiveDateTime"] = d;
      obs["component"] = std::move(comps);
      Add(std::move(obs));
    }
    if (day.note) {
      Json obs = Observation(d + "/note", "note", Own("day_note", "Note for the day"));
      obs["effectiveDateTime"] = d;
      obs["valueString"] = *day.note;
      if (day.note_pinned) {
        obs["component"] = Json::array(
            {{{"code", Own("note_pinned", "Pinned by the person: shown on every report")},
              {"valueBoolean", true}}});
      }
      Add(std::move(obs));
    }
    for (size_t i = 0; i < day.sessions.size(); ++i) AddSession(day, i);
  }

  void AddSession(const Day& day, size_t i) {
    const Session& s = day.sessions[i];
    const std::string key = day.date.ToString() + "/" + std::to_string(i + 1);
    const std::string proc_id = Id("procedure/" + key);
    Json proc = {{"resourceType", "Procedure"}, {"id", proc_id}};
    Json ext = Json::array();
    if (s.minutes) {
      ext.push_back(
          {{"url", std::string(kFhirExtensionBase) + "session-minutes"},
           {"valueDuration",
            {{"value", *s.minutes}, {"unit", "min"}, {"system", kUcum}, {"code", "min"}}}});
    }
    for (Load l : kAllLoads) {
      if (!s.load.Has(l)) continue;
      ext.push_back({{"url", std::string(kFhirExtensionBase) + "load-feature"},
                     {"valueCoding", Coding(kFhirCodeSystem, LoadName(l), LoadName(l))}});
    }
    if (!ext.empty()) proc["extension"] = std::move(ext);
    proc["identifier"] =
        Json::array({{{"system", std::string(kFhirIdentifierBase) + "session"}, {"value", key}}});
    proc["status"] = "completed";
    proc["code"] = Concept(Coding(kSnomed, "229138000", "Back exercises"),
                           s.activity ? std::string_view(*s.activity) : std::string_view());
    proc["subject"] = Ref(patient_);
    if (s.time) {
      const int64_t start = LocalToUnix(zone_, day.date, s.time->minutes());
      Json period = {{"start", FormatLocalWithOffset(zone_, start)}};
      if (s.minutes) period["end"] = FormatLocalWithOffset(zone_, start + int64_t{*s.minutes} * 60);
      proc["performedPeriod"] = std::move(period);
    } else {
      proc["performedDateTime"] = day.date.ToString();
    }
    Add(std::move(proc));

    auto part_of = [&](Json& obs) { obs["partOf"] = Json::array({Ref(proc_id)}); };
    if (s.during.start) {
      Json obs = PainObservation(key + "/during_start", "during_start", day.date, *s.during.start);
      part_of(obs);
      Add(std::move(obs));
    }
    if (s.during.end) {
      Json obs = PainObservation(key + "/during_end", "during_end", day.date, *s.during.end);
      part_of(obs);
      Add(std::move(obs));
    }
    if (s.during.pattern || s.during.sharp) {
      Json obs = Observation(key + "/during_course", "during",
                             Own("during_course", "How discomfort moved during the session"));
      part_of(obs);
      obs["effectiveDateTime"] = day.date.ToString();
      Json comps = Json::array();
      if (s.during.pattern) {
        const std::string_view p = PatternName(*s.during.pattern);
        comps.push_back({{"code", Own("pattern", "Pattern")}, {"valueCodeableConcept", Own(p, p)}});
      }
      if (s.during.sharp) {
        comps.push_back(
            {{"code", Own("sharp", "Sharp or catching pain")}, {"valueBoolean", *s.during.sharp}});
      }
      obs["component"] = std::move(comps);
      Add(std::move(obs));
    }
    if (s.effort) {
      // How hard the session was (session RPE, Foster 2001): LOINC has no code for it, so the
      // project's own; a whole number 0 to 10 (docs/fhir.md).
      Json obs = Observation(key + "/effort", "during",
                             Own("effort", "How hard the session was (session RPE, 0-10)"));
      part_of(obs);
      obs["effectiveDateTime"] = day.date.ToString();
      obs["valueInteger"] = *s.effort;
      Add(std::move(obs));
    }
    if (s.hour_after.pain) {
      Json obs = PainObservation(key + "/hour_after", "hour_after", day.date, *s.hour_after.pain);
      part_of(obs);
      Add(std::move(obs));
    }
    if (s.hour_after.tighter) {
      Json obs = Observation(key + "/hour_after_tighter", "hour_after",
                             Own("tighter", "Tighter or more restricted than before"));
      part_of(obs);
      obs["effectiveDateTime"] = day.date.ToString();
      obs["valueBoolean"] = *s.hour_after.tighter;
      Add(std::move(obs));
    }
  }

  // The weekly questions as QuestionnaireResponses of their Questionnaires (the PEG's score item
  // coded LOINC 91147-9; the PSFS with the project's own codes), and flares as Observations
  // (docs/measures.md, docs/fhir.md).
  static std::string QuestionnaireUrl(std::string_view name) {
    return "https://backsignal.invalid/fhir/Questionnaire/" + std::string(name);
  }
  static Json Item(std::string_view link, std::string_view text, std::string_view type) {
    return {{"linkId", link}, {"text", text}, {"type", type}, {"required", true}};
  }
  void AddQuestionnaires(bool peg, bool psfs) {
    if (peg) {
      Json score = Item("score", "PEG score: the mean of the three items", "decimal");
      score["required"] = false;
      score["readOnly"] = true;
      score["code"] = Json::array({Coding(kLoinc, "91147-9", "Mean score [PEG]")});
      Add({{"resourceType", "Questionnaire"},
           {"id", Id("questionnaire/peg")},
           {"url", QuestionnaireUrl("peg")},
           {"name", "PEG"},
           {"title", "PEG: pain, enjoyment of life and general activity over the past week"},
           {"status", "active"},
           {"subjectType", Json::array({"Patient"})},
           {"item",
            Json::array(
                {Item("pain", "Pain on average (0 = no pain, 10 = as bad as you can imagine)",
                      "integer"),
                 Item("enjoyment", "Interference with enjoyment of life (0-10)", "integer"),
                 Item("activity", "Interference with general activity (0-10)", "integer"),
                 std::move(score)})}});
    }
    if (psfs) {
      Json group = {
          {"linkId", "activity"},
          {"text", "An activity hard to do because of the mid back"},
          {"type", "group"},
          {"repeats", true},
          {"code", Json::array({Coding(kFhirCodeSystem, "psfs_activity", "PSFS activity")})},
          {"item",
           Json::array(
               {Item("name", "Activity", "string"),
                Item("score", "How well it can be done (0 = unable, 10 = as before the problem)",
                     "integer")})}};
      Json average = Item("average", "PSFS score: the average of the activities", "decimal");
      average["required"] = false;
      average["readOnly"] = true;
      average["code"] = Json::array({Coding(kFhirCodeSystem, "psfs_average", "PSFS average")});
      Add({{"resourceType", "Questionnaire"},
           {"id", Id("questionnaire/psfs")},
           {"url", QuestionnaireUrl("psfs")},
           {"name", "PSFS"},
           {"title", "Patient-Specific Functional Scale"},
           {"status", "active"},
           {"subjectType", Json::array({"Patient"})},
           {"item", Json::array({std::move(group), std::move(average)})}});
    }
  }
  Json Response(const std::string& id_name, std::string_view questionnaire, Date date) {
    return {{"resourceType", "QuestionnaireResponse"},
            {"id", Id("questionnaire-response/" + id_name)},
            {"questionnaire", QuestionnaireUrl(questionnaire)},
            {"status", "completed"},
            {"subject", Ref(patient_)},
            {"authored", date.ToString()}};
  }
  static Json Answer(std::string_view link, Json value_key_and_value) {
    return {{"linkId", link}, {"answer", Json::array({std::move(value_key_and_value)})}};
  }
  void AddMeasures(const Measures& m) {
    bool peg = false, psfs = false;
    for (const Weekly& w : m.weekly) {
      peg = peg || w.peg.has_value();
      psfs = psfs || !w.psfs.empty();
    }
    AddQuestionnaires(peg, psfs);
    for (const Weekly& w : m.weekly) {
      const std::string d = w.date.ToString();
      if (w.peg) {
        Json r = Response(d + "/peg", "peg", w.date);
        r["item"] = Json::array({Answer("pain", {{"valueInteger", w.peg->pain}}),
                                 Answer("enjoyment", {{"valueInteger", w.peg->enjoyment}}),
                                 Answer("activity", {{"valueInteger", w.peg->activity}}),
                                 Answer("score", {{"valueDecimal", w.peg->Score()}})});
        Add(std::move(r));
      }
      if (!w.psfs.empty()) {
        Json r = Response(d + "/psfs", "psfs", w.date);
        Json items = Json::array();
        int sum = 0;
        for (const PsfsRating& a : w.psfs) {
          sum += a.score;
          items.push_back({{"linkId", "activity"},
                           {"item", Json::array({Answer("name", {{"valueString", a.activity}}),
                                                 Answer("score", {{"valueInteger", a.score}})})}});
        }
        items.push_back(Answer(
            "average",
            {{"valueDecimal", static_cast<double>(sum) / static_cast<double>(w.psfs.size())}}));
        r["item"] = std::move(items);
        Add(std::move(r));
      }
    }
    for (size_t i = 0; i < m.flares.size(); ++i) {
      const Flare& f = m.flares[i];
      size_t n = 1;
      for (size_t j = 0; j < i; ++j) n += m.flares[j].date == f.date ? 1 : 0;
      Json obs = PainObservation(f.date.ToString() + "/flare/" + std::to_string(n), "flare", f.date,
                                 f.pain);
      if (f.time) {
        obs["effectiveDateTime"] =
            FormatLocalWithOffset(zone_, LocalToUnix(zone_, f.date, f.time->minutes()));
      }
      if (f.sharp) {
        obs["component"] = Json::array(
            {{{"code", Own("sharp", "Sharp or catching pain")}, {"valueBoolean", *f.sharp}}});
      }
      if (f.note) obs["note"] = Json::array({{{"text", *f.note}}});
      Add(std::move(obs));
    }
  }

  std::string key_;
  std::string zone_;
  std::string patient_;
  Json entries_ = Json::array();
};

}  // namespace

std::string DiaryToFhirJson(const Diary& diary, const Profile& profile, std::string_view zone,
                            int64_t now, bool pretty) {
  Builder b(profile, zone);
  return io::Dump(b.Build(diary, now), pretty ? 2 : -1) + (pretty ? "\n" : "");
}

}  // namespace backsignal
