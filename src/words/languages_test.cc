// The reading's words in every language over every scenario (issue 23): Spanish and German
// leave no English sentence and no placeholder; the pseudo-locale shows that every piece went
// through the catalogue (what is left once its bracketed pieces are taken out is the person's
// own words, numbers and times); for a clinician too.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "backsignal/io/diary_json.h"
#include "backsignal/words/words.h"
#include "pseudo_locale.h"

#ifndef BACKSIGNAL_SCENARIO_DIR
#error "BACKSIGNAL_SCENARIO_DIR must name tests/scenarios"
#endif

namespace backsignal {
namespace {

struct Scenario {
  std::string name;
  Diary diary;
  Date as_of;
};

std::vector<Scenario> Scenarios() {
  std::vector<Scenario> out;
  for (const auto& entry : std::filesystem::directory_iterator(BACKSIGNAL_SCENARIO_DIR)) {
    std::ifstream in(entry.path() / "diary.json");
    std::stringstream ss;
    ss << in.rdbuf();
    auto diary = ParseDiaryJson(ss.str());
    if (!diary) {
      ADD_FAILURE() << entry.path() << ": " << diary.error().message;
      continue;
    }
    std::ifstream ein(entry.path() / "expect.json");
    std::stringstream es;
    es << ein.rdbuf();
    const std::string expect = es.str();
    const size_t at = expect.find("\"as_of\"");
    const Date as_of = *Date::Parse(expect.substr(expect.find('"', at + 7) + 1, 10));
    out.push_back({entry.path().filename().string(), std::move(*diary), as_of});
  }
  EXPECT_GE(out.size(), 20u);
  return out;
}

// Every sentence of the words, each with where it is.
std::vector<std::pair<std::string, std::string>> PairedTexts(const ReadingWords& w) {
  std::vector<std::pair<std::string, std::string>> out = {
      {"title", w.title},           {"explanation", w.explanation}, {"usual", w.usual},
      {"progress", w.progress},     {"next_step", w.next_step},     {"as_of", w.as_of},
      {"note", w.associations_note}};
  for (const auto& s : w.evidence) out.push_back({"evidence", s});
  for (const auto& s : w.held_back) out.push_back({"held_back", s});
  for (const auto& s : w.cautions) out.push_back({"caution", s});
  for (const auto& a : w.alerts) out.push_back({"alert", a.text});
  for (const auto& a : w.activities) out.push_back({"activity", a.text});
  for (const auto& a : w.associations) out.push_back({"association", a.text});
  for (const auto& s : w.sessions) {
    for (const std::string* t : {&s.heading, &s.during, &s.hour_after, &s.morning, &s.also}) {
      out.push_back({"session", *t});
    }
  }
  return out;
}

// The person's own words in a diary: activity names, own factors, notes.
std::vector<std::string> OwnWords(const Diary& d) {
  std::vector<std::string> out;
  for (const Day& day : d.days) {
    for (const Session& s : day.sessions) {
      if (s.activity) out.push_back(*s.activity);
    }
    for (const std::string& t : day.context.tags.value_or(std::vector<std::string>{})) {
      out.push_back(t);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

// What is left of a pseudo-locale text once its bracketed pieces and the person's own words
// are taken out.
std::string OutsideTheCatalogue(const std::string& text, const std::vector<std::string>& own) {
  std::string out = backsignal::testing::OutsideBrackets(text);
  // The reading tells activities apart without case ("HIIT" and "hiit" are one).
  const auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  out = lower(out);
  for (const std::string& mine : own) {
    const std::string o = lower(mine);
    for (size_t at; !o.empty() && (at = out.find(o)) != std::string::npos;) out.erase(at, o.size());
  }
  return out;
}

const std::regex kEnglishWord("[A-Za-z]{3,}");
const std::regex kPlaceholder("\\{[a-z_]+\\}");

TEST(LanguagesTest, EveryScenarioReadsInSpanishAndGermanWithNoEnglishSentenceNorPlaceholder) {
  for (const Scenario& sc : Scenarios()) {
    const Reading r = Read(sc.diary, sc.as_of, Settings{});
    for (const Voice& voice : {Voice::Self(), Voice::About("Sam")}) {
      const ReadingWords en = WordsFor(r, Settings{}, voice);
      const auto english = PairedTexts(en);
      for (const char* tag : {"es", "de"}) {
        const Locale& loc = *Locale::Find(tag);
        const auto texts = PairedTexts(WordsFor(r, Settings{}, voice, loc));
        ASSERT_EQ(texts.size(), english.size()) << sc.name << " " << tag;
        for (size_t i = 0; i < texts.size(); ++i) {
          const std::string& t = texts[i].second;
          EXPECT_FALSE(std::regex_search(t, kPlaceholder))
              << sc.name << " " << tag << " " << texts[i].first << ": " << t;
          // A sentence of two or more English words never comes through unchanged.
          if (std::count(english[i].second.begin(), english[i].second.end(), ' ') >= 2) {
            EXPECT_NE(t, english[i].second)
                << sc.name << " " << tag << " " << texts[i].first << " is still English";
          }
        }
      }
    }
  }
}

TEST(LanguagesTest, InThePseudoLocaleEveryWordOfEveryScenarioCameFromTheCatalogue) {
  Locale::EnableTestLocales();
  const Locale& qps = *Locale::Find("qps");
  for (const Scenario& sc : Scenarios()) {
    const Reading r = Read(sc.diary, sc.as_of, Settings{});
    const std::vector<std::string> own = OwnWords(sc.diary);
    for (const Voice& voice : {Voice::Self(), Voice::About("Sam")}) {
      for (const auto& [where, t] : PairedTexts(WordsFor(r, Settings{}, voice, qps))) {
        std::string left = OutsideTheCatalogue(t, own);
        if (voice.third_person) {
          for (size_t at; (at = left.find("sam")) != std::string::npos;) left.erase(at, 3);
        }
        EXPECT_FALSE(std::regex_search(left, kEnglishWord))
            << sc.name << " " << where << ": \"" << left << "\" bypassed the catalogue in: " << t;
      }
    }
  }
}

TEST(LanguagesTest, ClinicianWordsInGermanSpeakOfThePersonNotToThem) {
  const Locale& de = *Locale::Find("de");
  const Voice sam = Voice::About("Sam");
  // An imperative keeps its "Sie" (lowercased it would be no sentence); the person's own
  // things and a "Sie" in a clause about them are theirs.
  EXPECT_EQ(RetoldInVoice("Tragen Sie weiter ein, damit Ihre Morgen zählen.", sam, de),
            "Tragen Sie weiter ein, damit ihre Morgen zählen.");
  EXPECT_EQ(RetoldInVoice("Wenn er wiederkommt, hören Sie auf und sprechen Sie mit einer Ärztin, "
                          "bevor Sie die Einnahme ändern. Ändern Sie Ihre Einheiten.",
                          sam, de),
            "Wenn er wiederkommt, hören Sie auf und sprechen Sie mit einer Ärztin, bevor sie die "
            "Einnahme ändern. Ändern Sie ihre Einheiten.");
  EXPECT_EQ(RetoldInVoice("Ihr üblicher Morgen: Schmerz 3.", sam, de),
            "Ihr üblicher Morgen: Schmerz 3.");
  EXPECT_EQ(RetoldInVoice("Ihr üblicher Morgen", Voice::Self(), de), "Ihr üblicher Morgen");
}

}  // namespace
}  // namespace backsignal
