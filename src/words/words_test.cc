// The reading's words, one fault or rule at a time (reading.md §5 and issue 19's list of faults
// found in the words); words_rules_test.cc sweeps every scenario and random diary.
#include "backsignal/words/words.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "backsignal/io/diary_json.h"
#include "phrases.h"
#include "test_diaries.h"

#ifndef BACKSIGNAL_SCENARIO_DIR
#error "BACKSIGNAL_SCENARIO_DIR must name tests/scenarios"
#endif

namespace backsignal {
namespace {

using testing::D;

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(WordsTest, ANextStepNamesAFactorOnlyPastTheBar) {
  // Six exercise days with rotation all followed by a higher morning, six without none.
  Diary d;
  const Date start = D("2026-09-01");
  for (int i = 0; i < 14; ++i)
    d.days.push_back(Day{.date = start + i, .morning = Morning{testing::S(3), {}}});
  Date at = start + 14;
  for (int i = 0; i < 12; ++i) {
    Session s;
    if (i % 2 == 0) s.load.Add(Load::kRotation);
    d.days.push_back(Day{.date = at, .morning = Morning{testing::S(3), {}}, .sessions = {s}});
    d.days.push_back(Day{.date = at + 1, .morning = Morning{testing::S(i % 2 == 0 ? 6 : 3), {}}});
    d.days.push_back(Day{.date = at + 2, .morning = Morning{testing::S(3), {}}});
    at = at + 3;
  }
  const Reading r = Read(d, d.days.back().date, {});
  const ReadingWords w = WordsFor(r, {});
  // Mixed over the last fortnight: the next step names the clearest factor all the same.
  ASSERT_EQ(r.trend.verdict, Verdict::kMixed) << w.explanation;
  EXPECT_TRUE(Contains(w.next_step,
                       "The clearest so far: mornings were more often higher after "
                       "days with sustained rotation"))
      << w.next_step;
  ASSERT_FALSE(w.associations.empty());
  EXPECT_TRUE(w.associations.front().named);
  EXPECT_TRUE(Contains(w.associations.front().text, "6 of 6 times")) << w.associations.front().text;
  // Arms away on exactly the same days: named together, neither "above all" alone.
  for (Day& day : d.days) {
    for (Session& s : day.sessions) {
      if (s.load.Has(Load::kRotation)) s.load.Add(Load::kArmsAway);
    }
  }
  const Reading both = Read(d, d.days.back().date, {});
  const std::string step = WordsFor(both, {}).next_step;
  EXPECT_TRUE(Contains(step, "same days")) << step;
  EXPECT_TRUE(Contains(step, "rotation") && Contains(step, "arms")) << step;
}

TEST(WordsTest, PersonDatesAndNumbers) {
  EXPECT_EQ(PersonDate(D("2026-11-02")), "Mon 2 Nov");
  EXPECT_EQ(PersonDate(D("2026-11-28"), true), "Sat 28 Nov 2026");
  EXPECT_EQ(FormatScoreNumber(3), "3");
  EXPECT_EQ(FormatScoreNumber(3.5), "3.5");
  EXPECT_EQ(FormatScoreNumber(3.25), "3.25");
}

Diary ScenarioDiary(const std::string& name) {
  std::ifstream in(std::string(BACKSIGNAL_SCENARIO_DIR) + "/" + name + "/diary.json");
  std::stringstream ss;
  ss << in.rdbuf();
  auto d = ParseDiaryJson(ss.str());
  EXPECT_TRUE(d.has_value()) << name;
  return d ? *d : Diary{};
}

ReadingWords WordsOf(const Diary& d, const char* as_of, const Settings& s = {}) {
  return WordsFor(Read(d, D(as_of), s), s);
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& x : lines) out += x + "\n";
  return out;
}

// ---- the faults found in the words ----

TEST(WordsTest, AnActivityAndALengthAreOneThingNotTwo) {
  testing::DiaryBuilder b;
  b.With("2026-10-05",
         Session{.time = TimeOfDay::FromMinutes(600), .minutes = 55, .activity = "Pram walk"});
  const ReadingWords w = WordsOf(b.Build(), "2026-10-05");
  ASSERT_EQ(w.sessions.size(), 1u);
  EXPECT_EQ(w.sessions[0].heading, "Mon 5 Oct 10:00: pram walk, 55 min");
}

TEST(WordsTest, BelowTheUsualIsSaidBelowNeverANegativeNumberAbove) {
  EXPECT_EQ(words_detail::FromUsual(-0.35), "0.35 points below your usual");
  EXPECT_EQ(words_detail::FromUsual(1), "1 point above your usual");
  EXPECT_EQ(words_detail::FromUsual(0.004), "at your usual");
  EXPECT_EQ(words_detail::FromUsual(-0.5), "0.5 points below your usual");
}

TEST(WordsTest, ASessionAloneOnItsDateIsNotNumbered) {
  testing::DiaryBuilder b;
  b.Mornings("2026-10-01", 5, 3);
  Session sharp{.activity = "climbing"};
  sharp.during.sharp = true;
  b.With("2026-10-05", sharp);
  ReadingWords w = WordsOf(b.Build(), "2026-10-05");
  ASSERT_EQ(w.alerts.size(), 1u);
  EXPECT_EQ(w.alerts[0].text.substr(0, 54),
            "Sharp or catching pain during climbing on Mon 5 Oct. T");
  // Two on one date: told apart by time, or else by place.
  b.With("2026-10-05", Session{.time = TimeOfDay::FromMinutes(18 * 60)});
  w = WordsOf(b.Build(), "2026-10-05");
  EXPECT_NE(w.alerts[0].text.find("during the first session (climbing) on Mon 5 Oct"),
            std::string::npos)
      << w.alerts[0].text;
}

TEST(WordsTest, MinutesAreWhole) {
  // Exercise days of 40 and 45 minutes: the middle is 42.5, said as 43.
  Reading r;
  r.median_session_minutes = 42.5;
  EXPECT_EQ(words_detail::FactorWords("long_session", r, {}),
            "more exercise than your usual 43 minutes in a day");
}

TEST(WordsTest, FactorsOnTheSameDaysWithTheSameCountsAreOneLine) {
  // one_activity_sets_it_off: deadlifts and heavy breathing fall on the same exercise days.
  const ReadingWords w = WordsOf(ScenarioDiary("one_activity_sets_it_off"), "2026-12-06");
  int lines_with_deadlifts = 0;
  for (const AssociationWords& a : w.associations) {
    if (a.text.find("deadlifts") != std::string::npos) {
      ++lines_with_deadlifts;
      EXPECT_NE(a.text.find("heavy breathing under load and deadlifts (they fell on the same "
                            "days)"),
                std::string::npos)
          << a.text;
    }
  }
  EXPECT_EQ(lines_with_deadlifts, 1);
}

TEST(WordsTest, UnderAPointIsAboutTheSame) {
  EXPECT_EQ(words_detail::ChangeWords(3, 3.25, 1), "about the same");
  EXPECT_EQ(words_detail::ChangeWords(3, 3.75, 1), "about the same");
  EXPECT_EQ(words_detail::ChangeWords(3, 4, 1), "going up");
  EXPECT_EQ(words_detail::ChangeWords(4, 3, 1), "coming down");
  EXPECT_EQ(words_detail::ChangeWords(4, 3.5, 1), "about the same");
}

TEST(WordsTest, NoPainkillerCautionWhenRestMorningsAreCoveredAsMuch) {
  const ReadingWords daily = WordsOf(ScenarioDiary("daily_painkillers_not_masked"), "2026-11-29");
  EXPECT_EQ(Joined(daily.cautions).find("painkillers"), std::string::npos)
      << Joined(daily.cautions);
  // Covered after one session of five, never on rest days: said, once.
  testing::DiaryBuilder b;
  b.Mornings("2026-09-17", 28, 3);
  for (const char* d : {"2026-10-02", "2026-10-04", "2026-10-06", "2026-10-08", "2026-10-10"}) {
    b.Session(d, 3, 3);
  }
  b.Context("2026-10-04", Context{.painkillers = true});
  const ReadingWords once = WordsOf(b.Build(), "2026-10-14");
  EXPECT_NE(Joined(once.cautions)
                .find("1 of your 5 mornings after exercise in the last 14 days "
                      "came after painkillers taken the day or evening before"),
            std::string::npos)
      << Joined(once.cautions);
}

TEST(WordsTest, AnActivityIsAFactorOverExerciseDays) {
  const Reading r = Read(ScenarioDiary("one_activity_sets_it_off"), D("2026-12-06"), {});
  bool found = false;
  for (const Association& a : r.associations) {
    if (a.factor != "activity:deadlifts") continue;
    found = true;
    EXPECT_TRUE(a.exercise_days_only);
    EXPECT_EQ(a.with_higher, a.with_days);
  }
  EXPECT_TRUE(found);
}

// ---- §5 ----

TEST(WordsTest, MixedNamesTheActivitySettingItOffWithTheOthersCounts) {
  const ReadingWords w = WordsOf(ScenarioDiary("one_activity_sets_it_off"), "2026-12-06");
  ASSERT_EQ(w.held_back.size(), 1u);
  EXPECT_EQ(w.held_back[0],
            "The mornings after deadlifts were higher 4 of 4 times; after swimming, 0 of 9.");
  EXPECT_EQ(w.next_step.find("Change deadlifts first"), 0u) << w.next_step;
  ASSERT_EQ(w.activities.size(), 2u);
  EXPECT_TRUE(w.activities[1].setting_off);
  EXPECT_EQ(w.activities[1].text,
            "deadlifts: 4 days; the morning after higher 4 times, flared 4 times: this one seems "
            "to be setting your back off.");
}

TEST(WordsTest, ASharpSessionNamesTheMovementAndNeverMoreLoad) {
  const ReadingWords w = WordsOf(ScenarioDiary("sharp_holds_back_helpful"), "2026-11-29");
  EXPECT_EQ(w.held_back,
            std::vector<std::string>{"Sharp or catching pain during bouldering on Wed 25 Nov."});
  EXPECT_NE(w.next_step.find("Change the movement that caught during bouldering on Wed 25 Nov "
                             "(sustained rotation, the arms working away from the body)"),
            std::string::npos)
      << w.next_step;
  EXPECT_EQ(w.next_step.find("load at a time"), std::string::npos);
}

TEST(WordsTest, KeepsRisingIsTheReferralAlone) {
  const ReadingWords w = WordsOf(ScenarioDiary("slow_rise_over_eight_weeks"), "2026-11-09");
  EXPECT_EQ(w.next_step,
            "Talk to a clinician about your rising pain. Answer the safety questions again.");
  ASSERT_FALSE(w.alerts.empty());
  EXPECT_EQ(w.alerts.back().text.substr(0, 55),
            "Your usual morning has risen from 2 to 4.5 in eight wee");
  EXPECT_EQ(w.held_back,
            std::vector<std::string>{"Your usual morning has risen from 2 to 4.5 in eight weeks."});
  // A daily trainer's mornings, on all mornings.
  const ReadingWords daily = WordsOf(ScenarioDiary("own_daily_trainer_eight_weeks"), "2026-12-06");
  EXPECT_EQ(daily.alerts.back().text.substr(0, 50),
            "Your mornings have risen from 2.5 to 4.5 over eigh");
}

TEST(WordsTest, MaskedMorningsSayThePainkillersMayHideHowSessionsLand) {
  const ReadingWords w = WordsOf(ScenarioDiary("masked_by_painkillers"), "2026-11-29");
  ASSERT_EQ(w.held_back.size(), 1u);
  EXPECT_NE(w.held_back[0].find("may hide how the sessions land"), std::string::npos);
  EXPECT_NE(w.next_step.find("talk to a clinician before changing how you take them"),
            std::string::npos);
  EXPECT_EQ(Joined(w.cautions).find("painkillers"), std::string::npos) << "said once";
}

TEST(WordsTest, StrainIsNamedByKindAndHelpfulNeverListsItAsSupport) {
  const ReadingWords w = WordsOf(ScenarioDiary("hour_after_settles_by_morning"), "2026-11-29");
  EXPECT_EQ(w.title, "Exercise looks to be within a helpful range");
  EXPECT_EQ(w.explanation.find("caught"), std::string::npos);
  EXPECT_NE(w.explanation.find("none of your"), std::string::npos) << w.explanation;
  const ReadingWords strained = WordsOf(ScenarioDiary("strained_sessions"), "2026-11-01");
  EXPECT_EQ(strained.held_back,
            std::vector<std::string>{"Of your 7 sessions, 7 built up during the session."});
}

TEST(WordsTest, NotEnoughDataSaysHowManyMoreDaysWithAnEntry) {
  const ReadingWords w = WordsOf(ScenarioDiary("too_few_recorded_days"), "2026-11-29");
  EXPECT_NE(w.explanation.find("1 more day with an entry in the last 14 days (a reading needs "
                               "most days, the good ones too)"),
            std::string::npos)
      << w.explanation;
}

TEST(WordsTest, OnlyAnUnusualConfounderIsOfferedAsACause) {
  const Diary d = ScenarioDiary("everyday_sitting_not_unusual");
  const Reading r = Read(d, D("2026-12-06"), {});
  const ReadingWords w = WordsFor(r, {});
  for (size_t i = 0; i < r.sessions.size(); ++i) {
    if (r.sessions[i].date == D("2026-12-01")) {
      EXPECT_EQ(w.sessions[i].also, "");  // sitting: the person's usual
    }
    if (r.sessions[i].date == D("2026-11-17")) {
      EXPECT_NE(w.sessions[i].also.find("upper-body tension at"), std::string::npos);
      EXPECT_EQ(w.sessions[i].also.find("sitting"), std::string::npos) << w.sessions[i].also;
    }
  }
}

}  // namespace
}  // namespace backsignal
