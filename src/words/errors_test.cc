// The validators' messages in Spanish and German (docs/languages.md, "Errors"): bad inputs fed
// through the real parsers, their refusals translated by Locale::Message and Details with the
// values (line numbers, paths, field names, numbers) kept.
#include <gtest/gtest.h>

#include <regex>

#include "backsignal/io/diary_csv.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/reading/settings.h"
#include "backsignal/words/i18n.h"

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

const Error& Refusal(const Result<Diary>& r) {
  EXPECT_FALSE(r.has_value());
  return r.error();
}

TEST(ErrorsInLanguages, ADiaryJsonWithSeveralProblems) {
  const auto r = ParseDiaryJson(
      R"({"format":"backsignal-diary","version":2,"days":[{"date":"1850-02-30"},)"
      R"({"date":"2026-01-01","morning":{"pain":12},"context":{"sleep_hours":30,"stress":"x"}}]})");
  const Error& e = Refusal(r);
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
  const Error& e = Refusal(r);
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

}  // namespace
}  // namespace backsignal
