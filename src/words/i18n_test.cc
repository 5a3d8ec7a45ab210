// The catalogues' mechanism (words/i18n.h): plural rules, placeholders, numbers, dates and lists
// by language, and the choice of language from a browser or an environment.
#include "backsignal/words/i18n.h"

#include <gtest/gtest.h>

#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;

TEST(PluralRuleTest, EvaluatesTheRulesOfLanguagesWithThreeFormsAsGettextDefinesThem) {
  // Polish and Russian, as their catalogues' headers write them.
  auto polish = PluralRule::Parse(
      "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);");
  ASSERT_TRUE(polish) << polish.error().message;
  EXPECT_EQ(polish->count(), 3u);
  EXPECT_EQ(polish->Index(1), 0u);
  EXPECT_EQ(polish->Index(2), 1u);
  EXPECT_EQ(polish->Index(5), 2u);
  EXPECT_EQ(polish->Index(12), 2u);
  EXPECT_EQ(polish->Index(22), 1u);
  auto russian = PluralRule::Parse(
      "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
      "n%100>=20) ? 1 : 2);");
  ASSERT_TRUE(russian);
  EXPECT_EQ(russian->Index(21), 0u);
  EXPECT_EQ(russian->Index(11), 2u);
  EXPECT_EQ(russian->Index(3), 1u);
  auto japanese = PluralRule::Parse("nplurals=1; plural=0;");
  ASSERT_TRUE(japanese);
  EXPECT_EQ(japanese->Index(7), 0u);
}

TEST(PluralRuleTest, RefusesAnExpressionThatIsNotOneAndNeverIndexesPastTheForms) {
  EXPECT_FALSE(PluralRule::Parse("nplurals=2; plural=(n != ;"));
  EXPECT_FALSE(PluralRule::Parse("nplurals=0; plural=0;"));
  EXPECT_FALSE(PluralRule::Parse("plural=(n != 1);"));
  auto wild = PluralRule::Parse("nplurals=2; plural=n;");  // says 7 for 7: out of range
  ASSERT_TRUE(wild);
  EXPECT_EQ(wild->Index(7), 0u);
}

TEST(FillTest, PutsEachArgumentInItsPlaceholderAndKeepsDoubledBraces) {
  EXPECT_EQ(Fill("{k} of {total}", {Arg("k", 3), Arg("total", 7)}), "3 of 7");
  EXPECT_EQ(Fill("{{literal}} {x}", {Arg("x", "y")}), "{literal} y");
  EXPECT_EQ(Fill("{missing} stays", {}), "{missing} stays");
}

TEST(FillTest, AValueEndingInAFullStopTakesTheSentencesOwn) {
  EXPECT_EQ(Fill("zuletzt am {date}. Lassen", {Arg("date", "So. 6. Dez.")}),
            "zuletzt am So. 6. Dez. Lassen");
  EXPECT_EQ(Fill("on {date}. Keep", {Arg("date", "Sun 6 Dec")}), "on Sun 6 Dec. Keep");
  EXPECT_EQ(Fill("{x}...", {Arg("x", "a.")}), "a....");  // an ellipsis stays whole
}

TEST(LocaleTest, PicksEachLanguagesPluralFormFromItsCatalogueFor1_2_5And21) {
  const Locale& es = *Locale::Find("es");
  const Locale& de = *Locale::Find("de");
  const Locale& en = Locale::English();
  const char* one = "{n} session";
  const char* many = "{n} sessions";
  EXPECT_EQ(en.Ntr(one, many, 1), "1 session");
  EXPECT_EQ(en.Ntr(one, many, 21), "21 sessions");
  EXPECT_EQ(es.Ntr(one, many, 1), "1 sesión");
  EXPECT_EQ(es.Ntr(one, many, 2), "2 sesiones");
  EXPECT_EQ(es.Ntr(one, many, 5), "5 sesiones");
  EXPECT_EQ(es.Ntr(one, many, 21), "21 sesiones");
  EXPECT_EQ(de.Ntr(one, many, 1), "1 Einheit");
  EXPECT_EQ(de.Ntr(one, many, 21), "21 Einheiten");
}

TEST(LocaleTest, WritesDatesNumbersAndListsAsEachLanguageDoes) {
  const Locale& es = *Locale::Find("es");
  const Locale& de = *Locale::Find("de");
  const Locale& en = Locale::English();
  EXPECT_EQ(en.Day(D("2026-12-05")), "Sat 5 Dec");
  EXPECT_EQ(es.Day(D("2026-12-05")), "sáb 5 dic");
  EXPECT_EQ(de.Day(D("2026-12-05")), "Sa. 5. Dez.");
  EXPECT_EQ(de.Day(D("2026-12-05"), true), "Sa. 5. Dez. 2026");
  EXPECT_EQ(en.Number(2.5), "2.5");
  EXPECT_EQ(es.Number(2.5), "2,5");
  EXPECT_EQ(de.Number(0.25), "0,25");
  EXPECT_EQ(de.Number(3), "3");
  EXPECT_EQ(en.List({"a", "b", "c"}), "a, b and c");
  EXPECT_EQ(es.List({"a", "b", "c"}), "a, b y c");
  EXPECT_EQ(de.List({"a", "b"}), "a und b");
  EXPECT_EQ(de.name(), "Deutsch");
}

TEST(LocaleTest, ReadsADecimalWithAPointOrAComma) {
  EXPECT_EQ(ParseDecimal("2,5"), 2.5);
  EXPECT_EQ(ParseDecimal("2.5"), 2.5);
  EXPECT_EQ(ParseDecimal(" 7 "), 7.0);
  EXPECT_EQ(ParseDecimal("-1,5"), -1.5);
  EXPECT_FALSE(ParseDecimal("2,5,1"));
  EXPECT_FALSE(ParseDecimal("2.5h"));
  EXPECT_FALSE(ParseDecimal(","));
  EXPECT_FALSE(ParseDecimal(""));
}

TEST(LocaleTest, ChoosesTheBrowsersFirstLanguageBackSignalSpeaksByItsWeight) {
  EXPECT_EQ(FromAcceptLanguage("de-CH,de;q=0.9,en;q=0.8").tag(), "de");
  EXPECT_EQ(FromAcceptLanguage("fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4").tag(), "es");
  EXPECT_EQ(FromAcceptLanguage("en;q=0.5, de;q=0.9").tag(), "de");
  EXPECT_EQ(FromAcceptLanguage("fr").tag(), "en");
  EXPECT_EQ(FromAcceptLanguage("").tag(), "en");
  EXPECT_EQ(FromAcceptLanguage("de;q=0").tag(), "en");
}

TEST(LocaleTest, ChoosesFromTheEnvironmentAsGettextProgramsDo) {
  EXPECT_EQ(FromEnvironment("fr:de", "", "", "").tag(), "de");
  EXPECT_EQ(FromEnvironment("", "", "es_ES.UTF-8", "de_DE.UTF-8").tag(), "es");
  EXPECT_EQ(FromEnvironment("", "C", "", "de_DE.UTF-8").tag(), "en");  // LC_ALL wins
  EXPECT_EQ(FromEnvironment("", "", "", "de_AT.UTF-8@euro").tag(), "de");
  EXPECT_EQ(FromEnvironment("", "", "", "").tag(), "en");
  EXPECT_EQ(FromEnvironment("fr", "", "", "es_MX.UTF-8").tag(), "es");
}

TEST(LocaleTest, ThePseudoLocaleIsChosenOnlyOnceTestsAllowIt) {
  // Other tests in this process may have allowed it already; the gate itself is checked by
  // tests/languages_test.py through the CLI, in a fresh process.
  Locale::EnableTestLocales();
  const Locale* qps = Locale::Find("qps");
  ASSERT_NE(qps, nullptr);
  const std::string t = qps->Tr("Not enough data yet");
  EXPECT_EQ(t.front(), '[');
  EXPECT_NE(t.find("~~"), std::string::npos);
  EXPECT_EQ(t.find("Not enough"), std::string::npos);
  EXPECT_EQ(qps->Ntr("{n} session", "{n} sessions", 5).find("5"), 1u);
}

}  // namespace
}  // namespace backsignal
