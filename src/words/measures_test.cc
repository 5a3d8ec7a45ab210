// The weekly questions, what a saved answer or flare says back, the settings' meanings and the
// push reminders in Spanish and German, and in the pseudo-locale with no word outside the
// catalogue (issue 23, docs/languages.md). English stays as it was written.
#include "backsignal/words/measures.h"

#include <gtest/gtest.h>

#include <regex>

#include "backsignal/reading/settings.h"
#include "backsignal/words/i18n.h"
#include "backsignal/words/reminders.h"
#include "pseudo_locale.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

const Locale& Lang(std::string_view tag) {
  Locale::EnableTestLocales();
  const Locale* l = Locale::Find(tag);
  EXPECT_NE(l, nullptr) << tag;
  return l != nullptr ? *l : Locale::English();
}

std::vector<std::string> QuestionTexts(const WeeklyQuestions& q) {
  std::vector<std::string> out = {q.title,
                                  q.peg_intro,
                                  q.peg_pain,
                                  q.peg_pain_low,
                                  q.peg_pain_high,
                                  q.peg_enjoyment,
                                  q.peg_activity,
                                  q.peg_interference_low,
                                  q.peg_interference_high,
                                  q.psfs_intro,
                                  q.psfs_low,
                                  q.psfs_high,
                                  q.psfs_add,
                                  q.due_today};
  out.insert(out.end(), q.suggestions.begin(), q.suggestions.end());
  return out;
}

using backsignal::testing::OutsideBrackets;

const std::regex kAnEnglishWord("[A-Za-z]{3,}");

using testing::D;

TEST(MeasuresWordsTest, TheWeeklyQuestionsAreAskedInSpanishAndGerman) {
  const WeeklyQuestions en = WeeklyQuestionsWords();
  EXPECT_EQ(en.title, "This week's questions");
  const WeeklyQuestions es = WeeklyQuestionsWords(Lang("es"));
  const WeeklyQuestions de = WeeklyQuestionsWords(Lang("de"));
  EXPECT_EQ(es.title, "Preguntas de esta semana");
  EXPECT_EQ(de.title, "Die Fragen dieser Woche");
  EXPECT_EQ(es.peg_pain, "¿Qué número describe mejor su dolor de media?");
  EXPECT_EQ(de.suggestions.front(), "mich umdrehen, um nach hinten zu schauen");
  const auto english = QuestionTexts(en);
  for (const WeeklyQuestions* q : {&es, &de}) {
    const auto texts = QuestionTexts(*q);
    ASSERT_EQ(texts.size(), english.size());
    for (size_t i = 0; i < texts.size(); ++i) {
      EXPECT_NE(texts[i], english[i]) << "left in English: " << english[i];
    }
  }
  EXPECT_EQ(WeeklyDueWords(D("2026-12-06"), D("2026-12-09")), "Due since Sun 6 Dec");
  EXPECT_EQ(WeeklyDueWords(D("2026-12-06"), D("2026-12-09"), Lang("es")),
            "Pendiente desde el dom 6 dic");
  EXPECT_EQ(WeeklyDueWords(D("2026-12-09"), D("2026-12-09"), Lang("de")), "Heute fällig");
}

TEST(MeasuresWordsTest, WhatAnAnswerAndAFlareSayBackFollowTheLanguage) {
  Weekly w{.date = D("2026-12-06"),
           .peg = Peg{.pain = 5, .enjoyment = 4, .activity = 5},
           .psfs = {{"reaching overhead", 6}, {"carrying a bag", 7}}};
  EXPECT_EQ(WeeklySaidWords(w),
            (std::vector<std::string>{
                "Weekly questions for Sun 6 Dec",
                "PEG 4.7 (pain 5, enjoyment of life 4, general activity 5)",
                "Function (PSFS) 6.5 of 10: reaching overhead 6, carrying a bag 7"}));
  const auto de = WeeklySaidWords(w, Lang("de"));
  ASSERT_EQ(de.size(), 3u);
  EXPECT_EQ(de[2], "Funktion (PSFS) 6,5 von 10: reaching overhead 6, carrying a bag 7");
  const Flare f{.date = D("2026-12-06"),
                .time = TimeOfDay::FromMinutes(14 * 60 + 20),
                .pain = Score::FromHalves(14),
                .sharp = true};
  EXPECT_EQ(FlareSaidWords(f).front(), "Flare at 14:20: pain 7, sharp or catching");
  const auto es = FlareSaidWords(f, Lang("es"));
  ASSERT_EQ(es.size(), 2u);
  EXPECT_EQ(es[0], "Brote a las 14:20: dolor 7, agudo o punzante");
  EXPECT_EQ(es[1].rfind("Un dolor agudo o punzante es motivo", 0), 0u) << es[1];
  EXPECT_EQ(ChangeWords(Change::kSame, Lang("de")), "etwa gleich");
  const std::vector<Flare> flares = {f, f};
  EXPECT_EQ(WordsForMeasures({}, flares, Lang("es")).flares,
            "2 brotes entre registros, 2 agudos o punzantes");
  EXPECT_EQ(WordsForMeasures({}, flares).flares, "2 flares between check-ins, 2 sharp or catching");
}

TEST(MeasuresWordsTest, InThePseudoLocaleNoWordOfTheQuestionsOrAnswersIsLeftOutside) {
  const Locale& qps = Lang("qps");
  std::vector<std::string> texts = QuestionTexts(WeeklyQuestionsWords(qps));
  const Weekly w{.date = D("2026-12-06"), .peg = Peg{.pain = 5, .enjoyment = 4, .activity = 5}};
  for (const std::string& s : WeeklySaidWords(w, qps)) texts.push_back(s);
  const Flare f{.date = D("2026-12-06"), .pain = Score::FromHalves(14), .sharp = true};
  for (const std::string& s : FlareSaidWords(f, qps)) texts.push_back(s);
  texts.push_back(WeeklyDueWords(D("2026-12-06"), D("2026-12-09"), qps));
  for (const std::string& t : texts) {
    EXPECT_FALSE(std::regex_search(OutsideBrackets(t), kAnEnglishWord)) << t;
    EXPECT_NE(t.find('['), std::string::npos) << t;
  }
}

TEST(SettingsMeaningsTest, EverySettingsMeaningHasSpanishAndGermanAndThePseudoLocale) {
  for (const SettingInfo& info : AllSettings()) {
    EXPECT_EQ(Locale::English().TrMarked(info.meaning), info.meaning);
    for (const char* tag : {"es", "de"}) {
      EXPECT_NE(Lang(tag).TrMarked(info.meaning), info.meaning) << tag << ": " << info.name;
    }
    const std::string qps = Lang("qps").TrMarked(info.meaning);
    EXPECT_FALSE(std::regex_search(OutsideBrackets(qps), kAnEnglishWord)) << qps;
  }
  EXPECT_EQ(Lang("de").TrMarked(AllSettings().front().meaning),
            "Punkte über dem üblichen Morgen (Schmerz oder Steifigkeit), ab denen ein Morgen "
            "deutlich schlechter ist (ein Schub)");
}

TEST(SettingsMeaningsTest, AMadeTextOutsideTheCatalogueIsLeftExactlyAsItIs) {
  EXPECT_EQ(Lang("de").TrMarked("not a text {{of}} the catalogue {x}"),
            "not a text {{of}} the catalogue {x}");
  EXPECT_EQ(Lang("es").TrMarked("sign in first"), "inicie sesión primero");
}

TEST(ReminderWordsTest, AReminderIsInThePersonsLanguage) {
  const Date d = D("2026-11-20");
  const ReminderWords en = ReminderText("morning", d);
  EXPECT_EQ(en.title, "Your morning check-in is due");
  EXPECT_EQ(en.body, "How is your back this morning, 20 November? Tap to check in.");
  EXPECT_EQ(ReminderText("morning", d, Lang("es")).body,
            "¿Cómo está su espalda esta mañana, 20 de noviembre? Toque para registrar.");
  const ReminderWords de = ReminderText("hour_after", d, Lang("de"));
  EXPECT_EQ(de.title, "Ihr Eintrag eine Stunde danach ist fällig");
  EXPECT_EQ(de.body,
            "Wie geht es Ihrem Rücken eine Stunde nach der Einheit vom 20. November? Tippen Sie "
            "zum Eintragen.");
  for (const char* kind : {"hour_after", "morning", "test"}) {
    const ReminderWords q = ReminderText(kind, d, Lang("qps"));
    for (const std::string& t : {q.title, q.body}) {
      EXPECT_FALSE(std::regex_search(OutsideBrackets(t), kAnEnglishWord)) << kind << ": " << t;
    }
  }
}

}  // namespace
}  // namespace backsignal
