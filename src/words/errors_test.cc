// The validators' messages in Spanish and German (docs/languages.md, "Errors"): bad inputs fed
// through the real parsers, their refusals translated by Locale::Message and Details with the
// values (line numbers, paths, field names, numbers) kept.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "backsignal/core/measures.h"
#include "backsignal/io/auth_json.h"
#include "backsignal/io/diary_csv.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/io/measures_json.h"
#include "backsignal/io/profile_json.h"
#include "backsignal/io/safety_json.h"
#include "backsignal/io/workouts.h"
#include "backsignal/reading/settings.h"
#include "backsignal/service/accounts.h"
#include "backsignal/words/i18n.h"
#include "pseudo_locale.h"

namespace backsignal {
namespace {

// Every line of a refusal, in `loc`'s language.
std::string Say(const Error& e, const Locale& loc) {
  std::string out = loc.Message(e) + "\n";
  for (const std::string& d : loc.Details(e)) out += "  " + d + "\n";
  return out;
}

// English words of the validators' messages that a translation must not leave behind.
const std::regex kEnglish(
    "refused|\\bproblems?\\b|above|below|outside|wrong type|expected|calendar date|missing|not "
    "a|steps of|"
    "bounds|a string|is not|hours of|the text|line [0-9]");

// The services' and the other parsers' words: codes and JSON keys (password, activity, null)
// stay, so these are words of the messages only.
const std::regex kEnglishToo(
    "refused|\\brequired\\b|unknown key|must be|\\bcharacters?\\b|whole number|given twice|"
    "not valid|parse error|at line|\\bcolumn\\b|the new password|\\bwait\\b|minutes?\\b|is "
    "taken|no such|there is no|entries|\\bstored\\b|nothing was|the scale|wrong type|is not a "
    "(language|day)|time zone|expected|\\bor null|activities|separates");

// The refusal, a copy (the result may be a temporary).
template <typename T>
Error Refusal(const Result<T>& r) {
  EXPECT_FALSE(r.has_value());
  return r.has_value() ? Error{} : r.error();
}

// No English word left in `text` (either list), and the refusal's first line translated.
void ExpectTranslated(const std::string& text) {
  EXPECT_FALSE(std::regex_search(text, kEnglish)) << text;
  EXPECT_FALSE(std::regex_search(text, kEnglishToo)) << text;
}

TEST(ErrorsInLanguages, ADiaryJsonWithSeveralProblems) {
  const auto r = ParseDiaryJson(
      R"({"format":"backsignal-diary","version":2,"days":[{"date":"1850-02-30"},)"
      R"({"date":"2026-01-01","morning":{"pain":12},"context":{"sleep_hours":30,"stress":"x"}}]})");
  const Error e = Refusal(r);
  ASSERT_EQ(e.details.size(), 5u);
  ASSERT_EQ(e.detail_texts.size(), 5u);
  EXPECT_EQ(Say(e, Locale::English()),
            "diary refused: 5 problems\n"
            "  version: 2 is not a version this backsignal reads; expected 1\n"
            "  days[0].date: \"1850-02-30\" (a string) is not a real calendar date\n"
            "  days[1].morning.pain: 12 is above the top of the scale (0 to 10)\n"
            "  days[1].context.sleep_hours: 30 hours of sleep is outside 0 to 24\n"
            "  days[1].context.stress: \"x\" (a string) is the wrong type; expected a score (a "
            "number from 0 to 10 in steps of 0.5)\n");
  const std::string de = Say(e, *Locale::Find("de"));
  EXPECT_EQ(de,
            "Tagebuch abgelehnt: 5 Probleme\n"
            "  version: 2 ist keine Version, die dieses backsignal liest; erwartet wurde 1\n"
            "  days[0].date: \"1850-02-30\" (eine Zeichenkette) ist kein echtes Kalenderdatum\n"
            "  days[1].morning.pain: 12 liegt über dem oberen Ende der Skala (0 bis 10)\n"
            "  days[1].context.sleep_hours: 30 Stunden Schlaf liegt außerhalb von 0 bis 24\n"
            "  days[1].context.stress: \"x\" (eine Zeichenkette) hat den falschen Typ; erwartet "
            "wurde ein Wert (eine Zahl von 0 bis 10 in Schritten von 0,5)\n");
  const std::string es = Say(e, *Locale::Find("es"));
  EXPECT_NE(es.find("No se aceptó el diario: 5 problemas"), std::string::npos) << es;
  EXPECT_NE(es.find("days[1].morning.pain: 12 está por encima del máximo de la escala (0 a 10)"),
            std::string::npos)
      << es;
  EXPECT_NE(es.find("\"1850-02-30\" (una cadena) no es una fecha real del calendario"),
            std::string::npos)
      << es;
  for (const std::string& text : {de, es}) {
    EXPECT_FALSE(std::regex_search(text, kEnglish)) << text;
  }
}

TEST(ErrorsInLanguages, ABadCsvCellKeepsItsLineAndColumn) {
  const auto r = ParseDiaryCsv("date,morning_pain,sleep_hours\n2026-01-01,12,abc\n1850-13-01,3,\n");
  const Error e = Refusal(r);
  const std::string en = Say(e, Locale::English());
  EXPECT_NE(en.find("  line 2, morning_pain: 12 is above the top of the scale (0 to 10)\n"),
            std::string::npos)
      << en;
  const std::string de = Say(e, *Locale::Find("de"));
  EXPECT_NE(de.find("Zeile 2, morning_pain: 12 liegt über dem oberen Ende der Skala (0 bis 10)"),
            std::string::npos)
      << de;
  EXPECT_NE(de.find("Zeile 2, sleep_hours: \"abc\" ist keine Zahl"), std::string::npos) << de;
  EXPECT_NE(de.find("Zeile 3, date: \"1850-13-01\" ist kein echtes Kalenderdatum"),
            std::string::npos)
      << de;
  const std::string es = Say(e, *Locale::Find("es"));
  EXPECT_NE(es.find("línea 2, sleep_hours: \"abc\" no es un número"), std::string::npos) << es;
  EXPECT_NE(es.find("No se aceptó el diario: 3 problemas"), std::string::npos) << es;
  for (const std::string& text : {de, es}) {
    EXPECT_FALSE(std::regex_search(text, kEnglish)) << text;
  }
}

TEST(ErrorsInLanguages, ASettingOutOfItsBounds) {
  Settings s;
  auto r = ApplySettings(s, {{"trend_days", 999}, {"noticeably_higher", 1.25}});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(Say(r.error(), Locale::English()),
            "settings refused\n"
            "  noticeably_higher: 1.25 is not in steps of 0.5\n"
            "  trend_days: 999 is outside its bounds (7 to 28)\n");
  EXPECT_EQ(Say(r.error(), *Locale::Find("de")),
            "Einstellungen abgelehnt\n"
            "  noticeably_higher: 1.25 ist nicht in Schritten von 0.5\n"
            "  trend_days: 999 liegt außerhalb der Grenzen (7 bis 28)\n");
  EXPECT_EQ(Say(r.error(), *Locale::Find("es")),
            "No se aceptaron los ajustes\n"
            "  noticeably_higher: 1.25 no va en pasos de 0.5\n"
            "  trend_days: 999 está fuera de sus límites (7 a 28)\n");
}

TEST(ErrorsInLanguages, AMessageChangedAfterItWasMadeFallsBackToItsEnglish) {
  Error e = Error::Invalid(T_("diary refused"));
  e.message += " (file.json)";
  EXPECT_EQ(Locale::Find("de")->Message(e), "diary refused (file.json)");
  EXPECT_EQ(Locale::Find("de")->Message(Error::Invalid("diary refused")), "Tagebuch abgelehnt");
}

TEST(ErrorsInLanguages, AShortPasswordWithItsLengthAndThePluralOfOne) {
  auto r = service::CheckPassword("short", Text::Literal("password"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(Say(r.error(), Locale::English()),
            "password must be 10 to 200 characters\n  password: 5 characters\n");
  EXPECT_EQ(Say(r.error(), *Locale::Find("de")),
            "password muss 10 bis 200 Zeichen lang sein\n  password: 5 Zeichen\n");
  EXPECT_EQ(Say(r.error(), *Locale::Find("es")),
            "password debe tener de 10 a 200 caracteres\n  password: 5 caracteres\n");
  auto one = service::CheckPassword("x", T_("the new password"));
  ASSERT_FALSE(one.has_value());
  EXPECT_EQ(Say(one.error(), Locale::English()),
            "the new password must be 10 to 200 characters\n  the new password: 1 characters\n");
  const std::string es = Say(one.error(), *Locale::Find("es"));
  EXPECT_EQ(es,
            "la contraseña nueva debe tener de 10 a 200 caracteres\n"
            "  la contraseña nueva: 1 carácter\n");
  const std::string de = Say(one.error(), *Locale::Find("de"));
  EXPECT_EQ(
      de, "das neue Passwort muss 10 bis 200 Zeichen lang sein\n  das neue Passwort: 1 Zeichen\n");
  for (const std::string& text : {de, es}) ExpectTranslated(text);
}

TEST(ErrorsInLanguages, ASignUpBodyWithItsKeysKept) {
  const Error e = Refusal(ParseSignUpJson(R"({"username":3,"extra":true})"));
  EXPECT_EQ(Say(e, Locale::English()),
            "sign-up refused: 3 problems\n"
            "  extra: unknown key\n"
            "  username: 3 is the wrong type; expected text (a string)\n"
            "  password: required\n");
  const std::string de = Say(e, *Locale::Find("de"));
  EXPECT_EQ(de,
            "Registrierung abgelehnt: 3 Probleme\n"
            "  extra: unbekannter Schlüssel\n"
            "  username: 3 hat den falschen Typ; erwartet wurde Text (eine Zeichenkette)\n"
            "  password: erforderlich\n");
  const std::string es = Say(e, *Locale::Find("es"));
  EXPECT_NE(es.find("No se aceptó el registro de la cuenta: 3 problemas"), std::string::npos) << es;
  EXPECT_NE(es.find("  password: obligatorio\n"), std::string::npos) << es;
  for (const std::string& text : {de, es}) ExpectTranslated(text);
}

TEST(ErrorsInLanguages, TheJsonParsersReasonIsTranslatedInItsFrame) {
  const Error e = Refusal(ParseSignInJson("{\"username\": x}"));
  const std::string en = Say(e, Locale::English());
  EXPECT_NE(
      en.find("sign-in refused: 3 problems\n  $: not valid JSON: parse error at line 1, "
              "column 14: not a JSON value; text needs double quotes (last read: '\"username\": "
              "x')\n"),
      std::string::npos)
      << en;
  const std::string de = Say(e, *Locale::Find("de"));
  EXPECT_NE(de.find("Anmeldung abgelehnt: 3 Probleme\n  $: kein gültiges JSON: Syntaxfehler in "
                    "Zeile 1, Spalte 14: kein JSON-Wert; Text braucht doppelte "
                    "Anführungszeichen (zuletzt gelesen: '\"username\": x')\n"),
            std::string::npos)
      << de;
  const std::string es = Say(e, *Locale::Find("es"));
  EXPECT_NE(es.find("  $: no es JSON válido: error de sintaxis en la línea 1, columna 14: no es "
                    "un valor JSON; el texto necesita comillas dobles (última lectura: "
                    "'\"username\": x')\n"),
            std::string::npos)
      << es;
  for (const std::string& text : {de, es}) ExpectTranslated(text);
  // A key given twice: the path and the key as they are.
  const Error twice = Refusal(ParseSignInJson(R"({"username":"a","username":"b"})"));
  EXPECT_EQ(Locale::Find("de")->Details(twice).at(0),
            "$: username: dieser Schlüssel kommt in einem Objekt doppelt vor");
}

// The JSON parser's reason of each common kind, in English as a short sentence with what it
// last read, and in German and Spanish with no English word left.
TEST(ErrorsInLanguages, EachCommonKindOfBadJsonHasATranslatedReason) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"username": "a")", "line 1, column 17: the text ends before the JSON does"},
      {"", "line 1, column 1: the text ends before the JSON does"},
      {R"({"username" "a"})", "a colon (:) is missing after a key; found a string"},
      {R"({"username": "a" "password": "b"})",
       "a comma (,) or a closing brace (}) is missing; found a string"},
      {R"({"username": [1 2]})", "a comma (,) or a closing bracket (]) is missing; found a number"},
      {R"({"username": "a",})", "a key in double quotes is missing; found }"},
      {R"({"username": })", "a value is missing; found }"},
      {R"({} 1)", "more follows the end of the JSON; found a number"},
      {R"({"username": "x)", "a string has no closing double quote (last read: '\"x')"},
      {R"({"username": "a\qb"})",
       "a string holds an invalid escape after a backslash (last read: '\"a\\q')"},
      {"{\"username\": \"a\tb\"}",
       "a string holds a line break, tab or other control character; write it as an escape "
       "such as \\n (last read: '\"a<U+0009>')"},
      {R"({"username": 1.})", "a number is not complete (last read: '1.}')"},
      {R"({"username": tru})",
       "not a JSON value; text needs double quotes (last read: '\"username\": tru}')"},
      {R"({"username": 1e999})", "not valid JSON: the number 1e999 is too large"},
  };
  for (const auto& [body, reason] : cases) {
    const Error e = Refusal(ParseSignInJson(body));
    ASSERT_FALSE(e.details.empty()) << body;
    EXPECT_NE(e.details[0].find(reason), std::string::npos) << body << "\n" << e.details[0];
    for (const char* tag : {"de", "es"}) {
      const std::string said = Locale::Find(tag)->Details(e).at(0);
      EXPECT_NE(said, e.details[0]) << tag;
      // What was read, and a bracket or a number found, are values: taken out before the check.
      const std::string words = std::regex_replace(said, std::regex("'[^']*'|\\([^)]*\\)"), "");
      EXPECT_FALSE(std::regex_search(words, std::regex("\\b(the|text|ends|missing|found|a "
                                                       "string|a number|closing|key|value|more|"
                                                       "number|not|expected|syntax|last read)\\b")))
          << tag << ": " << said;
      ExpectTranslated(said);
    }
  }
}

TEST(ErrorsInLanguages, AProfileWithEveryKindOfProblem) {
  const Error e = Refusal(ParseProfilePatchJson(
      R"({"time_zone":"Mars/Base","wake_time":"25:00","keeps_diary":"yes","colour":1,)"
      R"("weekly_day":"someday"})"));
  EXPECT_EQ(Say(e, Locale::English()),
            "profile refused\n"
            "  colour: unknown key; expected time_zone, wake_time, display_name, keeps_diary, "
            "language or weekly_day\n"
            "  keeps_diary: \"yes\" (a string) is the wrong type; expected true, false or null\n"
            "  time_zone: unknown time zone \"Mars/Base\": expected an IANA name such as "
            "Europe/London\n"
            "  wake_time: \"25:00\" (a string) is not a time of day (00:00 to 23:59)\n"
            "  weekly_day: \"someday\" is not a day of the week (monday, tuesday, ... sunday)\n");
  const std::string de = Say(e, *Locale::Find("de"));
  EXPECT_NE(de.find("Profil abgelehnt\n"), std::string::npos) << de;
  EXPECT_NE(de.find("keeps_diary: \"yes\" (eine Zeichenkette) hat den falschen Typ; erwartet "
                    "wurde true, false oder null"),
            std::string::npos)
      << de;
  EXPECT_NE(de.find("time_zone: unbekannte Zeitzone „Mars/Base“"), std::string::npos) << de;
  const std::string es = Say(e, *Locale::Find("es"));
  EXPECT_NE(es.find("weekly_day: «someday» no es un día de la semana"), std::string::npos) << es;
  for (const std::string& text : {de, es}) ExpectTranslated(text);
}

TEST(ErrorsInLanguages, WeeklyAnswersAndTheirChecks) {
  const Error e = Refusal(ParseWeeklyJson(
      R"({"peg":{"pain":11,"enjoyment":4.5},"psfs":[{"activity":"lift;carry","score":3}]})",
      *Date::Parse("2026-01-05")));
  EXPECT_EQ(Say(e, Locale::English()),
            "weekly answers refused: 4 problems\n"
            "  peg.pain: 11 is above the top of the scale (0 to 10)\n"
            "  peg.enjoyment: 4.5 is not a whole number (this scale counts 0, 1, ... 10)\n"
            "  peg.activity: missing; the PEG has three items, each a whole number 0 to 10\n"
            "  psfs[0].activity: holds a ';', which separates activities in CSV and on the "
            "command line\n");
  const std::string de = Say(e, *Locale::Find("de"));
  EXPECT_EQ(de,
            "Wochenantworten abgelehnt: 4 Probleme\n"
            "  peg.pain: 11 liegt über dem oberen Ende der Skala (0 bis 10)\n"
            "  peg.enjoyment: 4.5 ist keine ganze Zahl (diese Skala zählt 0, 1, ... 10)\n"
            "  peg.activity: fehlt; der PEG hat drei Fragen, jede eine ganze Zahl von 0 bis 10\n"
            "  psfs[0].activity: enthält ein ';', das in CSV und auf der Kommandozeile "
            "Aktivitäten trennt\n");
  const std::string es = Say(e, *Locale::Find("es"));
  EXPECT_NE(es.find("No se aceptó el cuestionario semanal: 4 problemas"), std::string::npos) << es;
  for (const std::string& text : {de, es}) ExpectTranslated(text);
  // The core's own check, as the CSV and the command line meet it.
  Weekly w{.date = *Date::Parse("2026-01-05")};
  EXPECT_EQ(Locale::Find("de")->Message(ValidateWeekly(w).error()),
            "2026-01-05 weekly: enthält keine Antwort; geben Sie den PEG, den PSFS oder beide an");
}

TEST(ErrorsInLanguages, ACsvWeeklyRowAndAFactorGivenTwice) {
  const Error e =
      Refusal(ParseDiaryCsv("date,morning_pain,peg_pain,peg_enjoyment,peg_activity,psfs\n2026-01-"
                            "05,,3,,,lift=12;walk\n"));
  const std::string en = Say(e, Locale::English());
  EXPECT_NE(en.find("  line 2, psfs: \"lift=12\": the score 12 is above the top of the scale (0 "
                    "to 10)\n"),
            std::string::npos)
      << en;
  const std::string de = Say(e, *Locale::Find("de"));
  EXPECT_NE(de.find("Zeile 2, peg_enjoyment: ist leer; der PEG braucht alle drei: peg_pain, "
                    "peg_enjoyment und peg_activity"),
            std::string::npos)
      << de;
  EXPECT_NE(de.find("Zeile 2, psfs: „walk“ ist keine Aktivität mit ihrem Wert (activity=score), "
                    "getrennt durch ;"),
            std::string::npos)
      << de;
  const std::string es = Say(e, *Locale::Find("es"));
  EXPECT_NE(es.find("línea 2, psfs: «lift=12»: la puntuación 12 está por encima del máximo"),
            std::string::npos)
      << es;
  for (const std::string& text : {de, es}) ExpectTranslated(text);

  const Error tags = Refusal(
      ParseDiaryJson(R"({"format":"backsignal-diary","version":1,"days":[{"date":"2026-01-01",)"
                     R"("context":{"tags":["lift","Lift"]}}]})"));
  EXPECT_EQ(Say(tags, Locale::English()),
            "diary refused: 1 problem\n  days[0].context.tags[1]: \"Lift\" is given twice\n");
  EXPECT_EQ(Say(tags, *Locale::Find("de")),
            "Tagebuch abgelehnt: 1 Problem\n  days[0].context.tags[1]: „Lift“ ist doppelt "
            "angegeben\n");
}

TEST(ErrorsInLanguages, TheSafetyAnswersAndAClearance) {
  const Error e = Refusal(ParseSafetyAnswersJson(R"({"answers":{"x":"yes"},"more":1})"));
  const std::string de = Say(e, *Locale::Find("de"));
  EXPECT_NE(de.find("Sicherheitsantworten abgelehnt: 2 Probleme"), std::string::npos) << de;
  EXPECT_NE(de.find("answers.x: \"yes\" (eine Zeichenkette) hat den falschen Typ; erwartet "
                    "wurde true oder false"),
            std::string::npos)
      << de;
  const Error c = Refusal(ParseClearanceJson(R"({"date":"2026-02-30"})"));
  EXPECT_EQ(Say(c, Locale::English()),
            "clearance refused\n  date: \"2026-02-30\" is not a real calendar date\n");
  EXPECT_EQ(Say(c, *Locale::Find("es")),
            "No se aceptó el visto bueno\n  date: «2026-02-30» no es una fecha real del "
            "calendario\n");
  for (const std::string& text : {de, Say(c, *Locale::Find("de"))}) ExpectTranslated(text);
}

// --- The workout importers' refusals (src/io/workouts*.cc, workout_texts.cc) ---

// English words of the importers' messages (expat's own reason, a value, is taken out first).
const std::regex kWorkoutEnglish(
    "damaged|\\bzip bomb|well-formed|\\bline\\b|\\bcolumn\\b|more than|\\bworkouts?\\b|"
    "entries|expected|\\bnot a\\b|an upload|one import|inflated|nested|\\bfile\\b|cannot|"
    "directory|\\bthe\\b|\\band\\b|\\bof\\b|\\bwith\\b|\\bknows\\b|\\bor\\b");

// `text` without what stays as it is in every language: expat's own reason, a command.
std::string WithoutCodes(const std::string& text) {
  return std::regex_replace(text, std::regex("mismatched tag|backsignal import-workouts FILE"), "");
}

// A workout file's refusal, read as an upload is.
Error WorkoutRefusal(std::string_view bytes, std::string_view name) {
  ImportBudget budget(ImportLimits::Upload());
  return Refusal(ReadWorkoutBytes(bytes, name, budget));
}

// The refusals a person meets most, with only digits and one letter for the file's name (for
// the pseudo-locale): an unknown file, a damaged zip, XML not well-formed, the budget's limits.
std::vector<Error> WorkoutRefusals(const std::string& name) {
  std::vector<Error> out;
  out.push_back(WorkoutRefusal("12,34\n", name));
  out.push_back(WorkoutRefusal(std::string("PK\x03\x04", 4) + std::string(60, '0'), name));
  out.push_back(WorkoutRefusal("<gpx>\n<trk>\n</gpx>\n", name));
  ImportBudget budget(ImportLimits::Upload());
  out.push_back(budget.TooManyEntries(name, 250'000));
  out.push_back(budget.TooDeep(name));
  out.push_back(budget.TooInflated(name));
  out.push_back(budget.TooMuchMemory(name));
  auto bytes = budget.AddBytes(uint64_t{600} << 20, name);
  out.push_back(bytes ? Error{} : bytes.error());
  for (int i = 0; i < 20'000; ++i) EXPECT_TRUE(budget.AddWorkout(name).has_value());
  auto one_more = budget.AddWorkout(name);
  out.push_back(one_more ? Error{} : one_more.error());
  return out;
}

TEST(WorkoutErrorsInLanguages, AnUnknownFileADamagedZipAndXmlNotWellFormed) {
  const Error unknown = WorkoutRefusal("hello, world\n", "notes.txt");
  EXPECT_EQ(Say(unknown, Locale::English()),
            "notes.txt: not a workout file backsignal knows; expected an Apple Health export "
            "(export.zip or export.xml), a Health Connect export (zip), a Google Takeout of Fit "
            "(zip or a session's JSON), a GPX or TCX file, or a Strava export's activities.csv "
            "(or its zip)\n");
  EXPECT_EQ(unknown.kind, ErrorKind::kInvalid);
  const std::string de = Say(unknown, *Locale::Find("de"));
  EXPECT_EQ(de.rfind("notes.txt: keine Trainingsdatei, die backsignal kennt; erwartet wurde ", 0),
            0u)
      << de;
  const std::string es = Say(unknown, *Locale::Find("es"));
  EXPECT_EQ(es.rfind("notes.txt: no es un archivo de entrenamientos que backsignal conozca; ", 0),
            0u)
      << es;

  const Error zip = WorkoutRefusal(std::string("PK\x03\x04", 4) + std::string(60, 'x'), "e.zip");
  EXPECT_EQ(Say(zip, Locale::English()), "e.zip: a damaged zip (no end of its directory)\n");
  EXPECT_EQ(Say(zip, *Locale::Find("de")),
            "e.zip: eine beschädigte ZIP-Datei (das Ende ihres Verzeichnisses fehlt)\n");
  EXPECT_EQ(Say(zip, *Locale::Find("es")),
            "e.zip: un zip dañado (falta el final de su directorio)\n");

  // expat's own reason stays English, a value inside the translated frame.
  const Error xml = WorkoutRefusal("<gpx>\n<trk>\n</gpx>\n", "ride.gpx");
  EXPECT_EQ(Say(xml, Locale::English()),
            "ride.gpx: not well-formed XML at line 3, column 2: mismatched tag\n");
  EXPECT_EQ(Say(xml, *Locale::Find("de")),
            "ride.gpx: kein wohlgeformtes XML in Zeile 3, Spalte 2: mismatched tag\n");
  EXPECT_EQ(Say(xml, *Locale::Find("es")),
            "ride.gpx: XML mal formado en la línea 3, columna 2: mismatched tag\n");

  // One format asked for, another given: the formats' names are names.
  ImportBudget budget(ImportLimits::Upload());
  const Error other =
      Refusal(ReadWorkoutBytesAs(WorkoutFormat::kTcx, "<gpx></gpx>", "ride.gpx", budget));
  EXPECT_EQ(Say(other, Locale::English()), "ride.gpx: a GPX file; expected TCX\n");
  EXPECT_EQ(Say(other, *Locale::Find("de")), "ride.gpx: eine GPX-Datei; erwartet wurde TCX\n");

  // A session's JSON cut short: the place and the reason, as the diary's import says them.
  const Error fit = WorkoutRefusal("{\"a\": [1,\n", "session.json");
  EXPECT_EQ(Say(fit, Locale::English()),
            "session.json: not JSON: parse error at line 2, column 1: the text ends before the "
            "JSON does\n");
  EXPECT_EQ(Say(fit, *Locale::Find("de")),
            "session.json: kein JSON: Syntaxfehler in Zeile 2, Spalte 1: der Text endet, bevor "
            "das JSON vollständig ist\n");
  for (const Error& e : {unknown, zip, xml, other, fit}) {
    for (const char* lang : {"de", "es"}) {
      const std::string text = Say(e, *Locale::Find(lang));
      EXPECT_FALSE(std::regex_search(WithoutCodes(text), kWorkoutEnglish)) << lang << ": " << text;
    }
  }
}

TEST(WorkoutErrorsInLanguages, TheBudgetsLimitsWithTheirNumbers) {
  ImportBudget budget(ImportLimits::Upload());
  const Error entries = budget.TooManyEntries("export.zip", 250'000);
  EXPECT_EQ(Say(entries, Locale::English()),
            "export.zip: a zip of 250,000 entries, more than the 100,000 an upload opens\n");
  // The thousands' separator is the language's.
  EXPECT_EQ(Say(entries, *Locale::Find("de")),
            "export.zip: eine ZIP-Datei mit 250.000 Einträgen, mehr als die 100.000, die ein "
            "Upload öffnet\n");
  EXPECT_EQ(Say(entries, *Locale::Find("es")),
            "export.zip: un zip de 250.000 entradas, más de las 100.000 que abre una subida\n");

  auto big = budget.AddBytes(uint64_t{600} << 20, "export.zip");
  ASSERT_FALSE(big.has_value());
  EXPECT_EQ(Say(big.error(), Locale::English()),
            "export.zip: more than 512 MB once inflated, the most an upload reads; import a "
            "larger export with the command line on the machine that keeps the diary "
            "(backsignal import-workouts FILE)\n");
  EXPECT_EQ(Say(big.error(), *Locale::Find("de")),
            "export.zip: entpackt mehr als 512 MB; so viel liest ein Upload höchstens; "
            "importieren Sie einen größeren Export mit der Kommandozeile auf dem Rechner, der "
            "das Tagebuch führt (backsignal import-workouts FILE)\n");

  // The plural of the limit's number: one workout.
  ImportLimits one = ImportLimits::LocalFile();
  one.workouts = 1;
  ImportBudget small(one);
  ASSERT_TRUE(small.AddWorkout("ride.gpx").has_value());
  auto two = small.AddWorkout("ride.gpx");
  ASSERT_FALSE(two.has_value());
  EXPECT_EQ(Say(two.error(), Locale::English()),
            "ride.gpx: more than 1 workouts, the most one import takes\n");
  EXPECT_EQ(Say(two.error(), *Locale::Find("de")),
            "ride.gpx: mehr als 1 Training, mehr nimmt ein Import nicht an\n");
  EXPECT_EQ(Say(two.error(), *Locale::Find("es")),
            "ride.gpx: más de 1 entrenamiento, lo máximo que admite una importación\n");

  for (const Error& e : WorkoutRefusals("export.zip")) {
    for (const char* lang : {"de", "es"}) {
      const std::string text = Say(e, *Locale::Find(lang));
      EXPECT_FALSE(std::regex_search(WithoutCodes(text), kWorkoutEnglish)) << lang << ": " << text;
      EXPECT_NE(text, Say(e, Locale::English())) << text;
    }
  }
}

TEST(WorkoutErrorsInLanguages, InThePseudoLocaleNoPlainEnglishWordIsLeft) {
  Locale::EnableTestLocales();
  const Locale& qps = *Locale::Find("qps");
  for (const Error& e : WorkoutRefusals("f")) {
    const std::string text = Say(e, qps);
    EXPECT_NE(text.find('['), std::string::npos) << text;
    // expat's reason is English, as a value: the only words outside the catalogue's pieces.
    EXPECT_FALSE(std::regex_search(WithoutCodes(backsignal::testing::OutsideBrackets(text)),
                                   std::regex("[A-Za-z]{2,}")))
        << text;
  }
}

}  // namespace
}  // namespace backsignal
