// The words' point of view: the person's own ("your mornings"), or a clinician's about them
// ("their mornings", "Sam's usual morning"), over every scenario diary and random ones.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "backsignal/io/diary_json.h"
#include "backsignal/words/words.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

std::vector<std::string> Texts(const ReadingWords& w) {
  std::vector<std::string> t = {w.title,     w.explanation,       w.usual, w.progress,
                                w.next_step, w.associations_note, w.as_of};
  t.insert(t.end(), w.evidence.begin(), w.evidence.end());
  t.insert(t.end(), w.held_back.begin(), w.held_back.end());
  t.insert(t.end(), w.cautions.begin(), w.cautions.end());
  for (const ActivityWords& a : w.activities) t.push_back(a.text);
  for (const AlertWords& a : w.alerts) t.push_back(a.text);
  for (const SessionWords& s : w.sessions) {
    for (const std::string* x : {&s.heading, &s.during, &s.hour_after, &s.morning, &s.also}) {
      t.push_back(*x);
    }
  }
  for (const AssociationWords& a : w.associations) t.push_back(a.text);
  return t;
}

std::vector<std::pair<Diary, Date>> Diaries() {
  std::vector<std::pair<Diary, Date>> out;
  for (const auto& entry : std::filesystem::directory_iterator(BACKSIGNAL_SCENARIO_DIR)) {
    std::ifstream in(entry.path() / "diary.json");
    std::stringstream ss;
    ss << in.rdbuf();
    auto diary = ParseDiaryJson(ss.str());
    if (!diary || diary->days.empty()) continue;
    out.emplace_back(std::move(*diary), diary->days.back().date);
  }
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    Diary d = testing::RandomDiary(seed, static_cast<int>(20 + seed % 100));
    if (d.days.empty()) continue;
    const Date as_of = d.days.back().date;
    out.emplace_back(std::move(d), as_of);
  }
  return out;
}

TEST(VoiceTest, AClinicianIsNeverAddressedAsIfItWereTheirOwnBack) {
  const std::regex second_person(R"(\b[Yy]our(s|self)?\b|\b[Yy]ou\b)");
  int named = 0, checked = 0, held_back = 0, activity_lines = 0;
  for (auto& [diary, as_of] : Diaries()) {
    for (Day& d : diary.days) {
      for (Session& s : d.sessions) {
        // The person's own words are theirs to keep; an activity is named "swimming" or the like.
        if (s.activity && std::regex_search(*s.activity, second_person)) s.activity = "swimming";
      }
    }
    const Settings s;
    const Reading r = Read(diary, as_of, s);
    const ReadingWords own = WordsFor(r, s);
    const ReadingWords theirs = WordsFor(r, s, Voice::About("Sam"));
    const std::vector<std::string> a = Texts(own), b = Texts(theirs);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_FALSE(std::regex_search(b[i], second_person)) << b[i];
      if (a[i] != b[i]) ++checked;
    }
    if (theirs.usual.starts_with("Sam's usual morning")) ++named;
    held_back += !theirs.held_back.empty();
    activity_lines += !theirs.activities.empty();
    // The person's own voice is the default, word for word.
    EXPECT_EQ(Texts(WordsFor(r, s, Voice::Self())), a);
  }
  EXPECT_GT(checked, 100);
  EXPECT_GT(named, 10);
  // Version 3's lines were among them: what holds a mixed reading back, each activity's line.
  EXPECT_GT(held_back, 3);
  EXPECT_GT(activity_lines, 3);
}

TEST(VoiceTest, PronounsAreRetoldAsAClinicianReadsThem) {
  const Voice sam = Voice::About("Sam");
  EXPECT_EQ(InVoice("Your usual morning: pain 3, as you stated it.", sam),
            "Sam's usual morning: pain 3, as they stated it.");
  EXPECT_EQ(InVoice("Your mornings over two fortnights: too few.", sam),
            "Their mornings over two fortnights: too few.");
  EXPECT_EQ(InVoice("None of your 3 exercise days were followed by it.", sam),
            "None of their 3 exercise days were followed by it.");
  EXPECT_EQ(InVoice("On 2 mornings you had taken painkillers.", sam),
            "On 2 mornings they had taken painkillers.");
  EXPECT_EQ(InVoice("This tells you, and it is for you.", sam),
            "This tells them, and it is for them.");
  EXPECT_EQ(InVoice("Your usual morning", Voice::About("")), "Their usual morning");
  EXPECT_EQ(InVoice("Your usual morning", Voice::Self()), "Your usual morning");
  EXPECT_EQ(InVoice("A young yourself", sam), "A young themselves");
}

}  // namespace
}  // namespace backsignal
