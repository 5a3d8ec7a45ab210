// docs/reading.md (version 3) §3: each activity on its own, painkillers that mask the mornings
// after exercise, and what holds back `helpful`; each threshold at, just below and just above.
#include <gtest/gtest.h>

#include "backsignal/reading/reading.h"
#include "reading_test_util.h"

namespace backsignal {
namespace {

using testing::ActivityWithMorning;
using testing::D;
using testing::DiaryBuilder;
using testing::Fortnight;
using testing::HeldBy;
using testing::MakeSession;
using testing::S;
using testing::SessionWithMorning;

const ActivityReading* Find(const Reading& r, const std::string& name) {
  for (const ActivityReading& a : r.activities) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

// Six weeks of mornings at 3 (09-03..10-14, as of 10-14) and activities on the given offsets
// from 09-17, each followed by `after`.
struct Planned {
  const char* activity;
  int offset;
  double after;
};
Reading Activities(const std::vector<Planned>& plan) {
  DiaryBuilder b = Fortnight();
  b.Mornings("2026-09-03", 14, 3);
  for (const Planned& p : plan) {
    const std::string d = testing::DayPlus("2026-09-17", p.offset);
    ActivityWithMorning(b, d.c_str(), p.activity, p.after);
  }
  return Read(b.Build(), D("2026-10-14"), {});
}

TEST(ActivityTest, OneActivityThatFlaresIsSettingItOffBesideOneThatHelps) {
  // Deadlifts 4 of 4 flared (two of them in W); swimming 0 of 5.
  const Reading r = Activities({{"deadlifts", 2, 5.5},
                                {"swimming", 4, 3},
                                {"deadlifts", 9, 5.5},
                                {"swimming", 11, 3},
                                {"swimming", 15, 3},
                                {"deadlifts", 17, 5.5},
                                {"swimming", 19, 3},
                                {"deadlifts", 23, 5.5},
                                {"swimming", 25, 3}});
  ASSERT_EQ(r.activities.size(), 2u);
  EXPECT_EQ(r.activities[0].name, "swimming");  // most days first
  EXPECT_EQ(r.activities[0].days, 5);
  EXPECT_FALSE(r.activities[0].setting_off);
  EXPECT_EQ(r.activities[1].name, "deadlifts");
  EXPECT_EQ(r.activities[1].raised_days, 4);
  EXPECT_EQ(r.activities[1].flared_days, 4);
  EXPECT_TRUE(r.activities[1].setting_off);
  // Pooled, two flares in six session days in W (0.33) hold it back anyway; with swims enough
  // to hide them the activity alone does.
  EXPECT_TRUE(HeldBy(r, HeldBack::kActivity));
  EXPECT_EQ(r.trend.verdict, Verdict::kMixed);
}

TEST(ActivityTest, SettingOffNeedsThreeRaisedMoreThanHalfAndOneInTheWindow) {
  // 3 raised of 5: setting it off.
  Reading r =
      Activities({{"run", 1, 4}, {"run", 5, 4}, {"run", 16, 4}, {"run", 18, 3}, {"run", 20, 3}});
  EXPECT_TRUE(Find(r, "run")->setting_off);
  // 3 of 6: exactly half is not more than half.
  r = Activities({{"run", 1, 4},
                  {"run", 5, 4},
                  {"run", 16, 4},
                  {"run", 18, 3},
                  {"run", 20, 3},
                  {"run", 22, 3}});
  EXPECT_FALSE(Find(r, "run")->setting_off);
  // 2 of 2 raised: fewer than three.
  r = Activities({{"run", 14, 4}, {"run", 16, 4}});
  EXPECT_EQ(Find(r, "run")->raised_days, 2);
  EXPECT_FALSE(Find(r, "run")->setting_off);
  // 3 of 3, none with its morning in W (mornings 09-19, 09-23, 09-27 before 10-01).
  r = Activities({{"run", 1, 4}, {"run", 5, 4}, {"run", 9, 4}});
  EXPECT_FALSE(Find(r, "run")->setting_off);
  // The third one's morning on the first day of W: setting it off.
  r = Activities({{"run", 1, 4}, {"run", 5, 4}, {"run", 13, 4}});
  EXPECT_TRUE(Find(r, "run")->setting_off);
}

TEST(ActivityTest, DaysAreTheTwentyEightBeforeTheAsOfDateWithAKnownResponse) {
  // 09-16 is A-28: in; 09-15 is A-29: out. A session on A has no morning after: out.
  DiaryBuilder b = Fortnight();
  b.Mornings("2026-09-10", 7, 3);
  for (const char* d : {"2026-09-15", "2026-09-16", "2026-10-10", "2026-10-14"}) {
    b.With(d, testing::Activity("yoga"));
  }
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(Find(r, "yoga")->days, 2);
}

TEST(ActivityTest, ListedFromTwoDaysByNameWhenTiedAndOneNameForOneActivity) {
  DiaryBuilder b = Fortnight();
  b.With("2026-10-02", testing::Activity("Rowing "))
      .With("2026-10-04", testing::Activity("rowing"));
  b.With("2026-10-02", testing::Activity("bike"));  // a date with two activities counts for both
  b.With("2026-10-06", testing::Activity("Bike"));
  b.With("2026-10-08", testing::Activity("yoga"));  // one day: not listed
  b.With("2026-10-09", MakeSession(3, 3));          // no activity
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  ASSERT_EQ(r.activities.size(), 2u);
  EXPECT_EQ(r.activities[0].name, "bike");
  EXPECT_EQ(r.activities[1].name, "rowing");
  EXPECT_EQ(r.activities[1].days, 2);
}

// ---- painkillers ----

// Sessions on 10-02, 10-04, 10-06, 10-08 (four session days, mornings 3); painkillers on the
// first `covered` of them; and on the days before the first `rest_covered` of the ten rest
// mornings in W (10-01, 10-02, 10-04, 10-06, 10-08, 10-10..10-14).
Reading Painkillers(int covered, int rest_covered) {
  DiaryBuilder b = Fortnight();
  const char* sessions[] = {"2026-10-02", "2026-10-04", "2026-10-06", "2026-10-08"};
  for (int i = 0; i < 4; ++i) {
    SessionWithMorning(b, sessions[i], 3);
    if (i < covered) b.Context(sessions[i], Context{.painkillers = true});
  }
  const char* before_rest[] = {"2026-09-30", "2026-10-01", "2026-10-03", "2026-10-05",
                               "2026-10-07", "2026-10-09", "2026-10-10", "2026-10-11",
                               "2026-10-12", "2026-10-13"};
  for (int i = 0; i < rest_covered; ++i) b.Context(before_rest[i], Context{.painkillers = true});
  return Read(b.Build(), D("2026-10-14"), {});
}

TEST(PainkillerTest, MaskedWhenMostMorningsAfterExerciseAreCoveredAndRestMorningsMostlyNot) {
  Reading r = Painkillers(3, 0);
  EXPECT_EQ(r.trend.covered_mornings, 3);
  EXPECT_EQ(r.trend.rest_mornings, 10);
  EXPECT_EQ(r.trend.rest_covered_share, 0.0);
  EXPECT_TRUE(r.trend.masked);
  EXPECT_EQ(r.trend.verdict, Verdict::kMixed);
  EXPECT_EQ(r.trend.held_back_by, std::vector<HeldBack>{HeldBack::kPainkillers});
  // 2 of 4 is not more than half.
  EXPECT_FALSE(Painkillers(2, 0).trend.masked);
  EXPECT_EQ(Painkillers(2, 0).trend.verdict, Verdict::kHelpful);
  // Rest mornings covered half the time or more: like with like, not masked.
  EXPECT_FALSE(Painkillers(4, 5).trend.masked);
  EXPECT_DOUBLE_EQ(*Painkillers(4, 5).trend.rest_covered_share, 0.5);
  EXPECT_TRUE(Painkillers(4, 4).trend.masked);
  // Someone who takes them every day.
  const Reading daily = Painkillers(4, 10);
  EXPECT_EQ(daily.trend.rest_covered_share, 1.0);
  EXPECT_FALSE(daily.trend.masked);
  EXPECT_EQ(daily.trend.verdict, Verdict::kHelpful);
}

TEST(PainkillerTest, AtLeastTwoCoveredMorningsAndNoRestMorningsLeavesTheShareNull) {
  Settings s;
  s.min_session_days = 3;
  DiaryBuilder b;
  b.Usual(3).Mornings("2026-10-01", 14, 3);
  for (const char* d : {"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05",
                        "2026-10-06", "2026-10-07", "2026-10-08", "2026-10-09", "2026-10-10",
                        "2026-10-11", "2026-10-12", "2026-10-13"}) {
    b.Session(d, 3, 3);
  }
  b.Context("2026-10-12", Context{.painkillers = true});
  Reading r = Read(b.Build(), D("2026-10-14"), s);
  EXPECT_FALSE(r.trend.rest_covered_share.has_value());
  EXPECT_EQ(r.trend.covered_mornings, 1);
  EXPECT_FALSE(r.trend.masked);  // one is not enough
}

// ---- what holds back helpful ----

TEST(HeldBackTest, EachInTheSpecsOrderAndOnlyForMixed) {
  DiaryBuilder b = Fortnight();
  b.Mornings("2026-10-01", 14, 4);  // creeping: +1
  Session sharp = MakeSession(3, 3);
  sharp.during.sharp = true;
  SessionWithMorning(b, "2026-10-02", 7);  // flared
  b.With("2026-10-05", sharp);
  SessionWithMorning(b, "2026-10-07", 4);
  SessionWithMorning(b, "2026-10-09", 4);
  SessionWithMorning(b, "2026-10-11", 4);
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.verdict, Verdict::kMixed);
  EXPECT_EQ(r.trend.held_back_by, (std::vector<HeldBack>{HeldBack::kCreeping, HeldBack::kSharp}));
}

TEST(HeldBackTest, ASharpSessionInTheWindowHoldsBackHelpfulAndOneBeforeItDoesNot) {
  DiaryBuilder b = Fortnight();
  for (const char* d : {"2026-10-02", "2026-10-05", "2026-10-08", "2026-10-11"}) {
    SessionWithMorning(b, d, 3);
  }
  Session sharp = MakeSession(3, 3);
  sharp.during.sharp = true;
  b.With("2026-09-30", sharp);
  Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.verdict, Verdict::kHelpful);
  EXPECT_TRUE(r.trend.held_back_by.empty());
  b.With("2026-10-01", sharp);
  r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.verdict, Verdict::kMixed);
  EXPECT_EQ(r.trend.held_back_by, std::vector<HeldBack>{HeldBack::kSharp});
}

TEST(HeldBackTest, FlaresAboveAQuarterHoldItBackAndAQuarterDoesNot) {
  DiaryBuilder b = Fortnight();
  SessionWithMorning(b, "2026-10-02", 5);
  for (const char* d : {"2026-10-04", "2026-10-06", "2026-10-08"}) SessionWithMorning(b, d, 3);
  EXPECT_EQ(Read(b.Build(), D("2026-10-14"), {}).trend.verdict, Verdict::kHelpful);
  SessionWithMorning(b, "2026-10-10", 5);  // 2 of 5
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.held_back_by, std::vector<HeldBack>{HeldBack::kFlares});
}

TEST(HeldBackTest, StirringUpAndNotEnoughDataListNothing) {
  DiaryBuilder b = Fortnight();
  for (const char* d : {"2026-10-02", "2026-10-05", "2026-10-08", "2026-10-11"}) {
    SessionWithMorning(b, d, 5.5);
  }
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.verdict, Verdict::kStirringUp);
  EXPECT_TRUE(r.trend.held_back_by.empty());
}

}  // namespace
}  // namespace backsignal
