// The statistics against examples worked by hand (exact fractions, written beside each).
#include "backsignal/reading/statistics.h"

#include <gtest/gtest.h>

#include "backsignal/reading/reading.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;
using testing::S;

// Fisher's exact test, two-sided. With margins fixed, P(X = x) = C(r1,x) C(r2,c1-x) / C(n,c1);
// the p-value sums the tables no more likely than the observed one.
TEST(FisherTest, FourOfFiveAgainstOneOfSix) {
  // r1 = 5, r2 = 6, c1 = 5, n = 11; C(11,5) = 462. P(x) for x = 0..5:
  // 6, 75, 200, 150, 30, 1 (/462). Observed x = 4: 30/462. Tables at most as likely: x = 0, 4, 5
  // -> (6 + 30 + 1) / 462 = 37/462.
  EXPECT_NEAR(FisherExactTwoSided(4, 1, 1, 5), 37.0 / 462, 1e-12);
}

TEST(FisherTest, ThreeOfThreeAgainstNoneOfThree) {
  // C(6,3) = 20; P(x=3) = 1/20, P(x=0) = 1/20 -> 2/20.
  EXPECT_NEAR(FisherExactTwoSided(3, 0, 0, 3), 0.1, 1e-12);
}

TEST(FisherTest, FiveOfFiveAgainstNoneOfFive) {
  // C(10,5) = 252; both extremes 1/252 -> 2/252 = 1/126.
  EXPECT_NEAR(FisherExactTwoSided(5, 0, 0, 5), 1.0 / 126, 1e-12);
}

TEST(FisherTest, EqualRatesGiveOne) {
  EXPECT_NEAR(FisherExactTwoSided(1, 2, 1, 2), 1.0, 1e-12);
  EXPECT_NEAR(FisherExactTwoSided(0, 4, 0, 5), 1.0, 1e-12);
}

TEST(FisherTest, TwoOfThreeAgainstOneOfFive) {
  // r1 = 3, r2 = 5, c1 = 3, C(8,3) = 56. P(x): x=0 10, x=1 30, x=2 15, x=3 1 (/56).
  // Observed x = 2: 15/56; at most as likely: 10 + 15 + 1 = 26/56 = 13/28.
  EXPECT_NEAR(FisherExactTwoSided(2, 1, 1, 4), 13.0 / 28, 1e-12);
}

TEST(CusumTest, AccumulatesAboveTheReferenceAndFloorsAtZero) {
  // k = 0.5: 0 -> max(0, 2-0.5)=1.5 -> 1.5+1.5=3 -> 3-0.5-1=1.5... worked step by step.
  const std::vector<double> s = UpperCusum({2, 2, -1, -3, 1}, 0.5);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_DOUBLE_EQ(s[0], 1.5);
  EXPECT_DOUBLE_EQ(s[1], 3.0);
  EXPECT_DOUBLE_EQ(s[2], 1.5);
  EXPECT_DOUBLE_EQ(s[3], 0.0);
  EXPECT_DOUBLE_EQ(s[4], 0.5);
}

// ---- associations in the reading ----

const Association& FindAssociation(const Reading& r, const std::string& factor) {
  for (const Association& a : r.associations) {
    if (a.factor == factor) return a;
  }
  static Association none;
  ADD_FAILURE() << "no association " << factor;
  return none;
}

// Rest mornings of 3 keep the usual at 3; each session day's next morning is 6 (flared) or 3.
Diary WithRotation(const std::vector<std::pair<bool, bool>>& days /* rotation, flared */) {
  Diary d;
  const Date start = D("2026-09-01");
  for (int i = 0; i < 14; ++i)
    d.days.push_back(Day{.date = start + i, .morning = Morning{S(3), {}}});
  Date at = start + 14;
  for (const auto& [rotation, flared] : days) {
    Session s;
    s.minutes = 30;
    if (rotation) s.load.Add(Load::kRotation);
    d.days.push_back(Day{.date = at, .morning = Morning{S(3), {}}, .sessions = {s}});
    d.days.push_back(Day{.date = at + 1, .morning = Morning{S(flared ? 6 : 3), {}}});
    // A rest day between keeps rest mornings in the usual's window.
    d.days.push_back(Day{.date = at + 2, .morning = Morning{S(3), {}}});
    at = at + 3;
  }
  return d;
}

TEST(AssociationTest, CountsExerciseDaysWithAndWithoutALoad) {
  // With rotation: 4 of 5 followed by a higher morning; without: 1 of 6.
  std::vector<std::pair<bool, bool>> days = {
      {true, true},   {true, true},   {true, true},   {true, true},   {true, false}, {false, true},
      {false, false}, {false, false}, {false, false}, {false, false}, {false, false}};
  const Diary d = WithRotation(days);
  const Reading r = Read(d, d.days.back().date, {});
  const Association& a = FindAssociation(r, "rotation");
  EXPECT_TRUE(a.exercise_days_only);
  EXPECT_EQ(a.with_days, 5);
  EXPECT_EQ(a.with_higher, 4);
  EXPECT_EQ(a.without_days, 6);
  EXPECT_EQ(a.without_higher, 1);
  ASSERT_TRUE(a.enough);
  EXPECT_NEAR(*a.p_value, 37.0 / 462, 1e-9);
  EXPECT_NEAR(*a.difference, 4.0 / 5 - 1.0 / 6, 1e-12);
  // The next mornings were 3 points above the usual after flares, 0 after the others.
  EXPECT_DOUBLE_EQ(*a.with_points, 4 * 3.0 / 5);
  EXPECT_DOUBLE_EQ(*a.without_points, 3.0 / 6);
  // p = 0.08 does not clear 0.05 over the factors compared.
  EXPECT_FALSE(a.clears_bar);
}

TEST(AssociationTest, NeedsThreeDaysWithAndThreeWithout) {
  const Diary d =
      WithRotation({{true, true}, {true, true}, {false, false}, {false, false}, {false, false}});
  const Reading r = Read(d, d.days.back().date, {});
  const Association& a = FindAssociation(r, "rotation");
  EXPECT_FALSE(a.enough);
  EXPECT_FALSE(a.p_value.has_value());
  EXPECT_FALSE(a.clears_bar);
}

TEST(AssociationTest, TheDaysOtherLoadsAreComparedOverEveryRecordedDay) {
  // No exercise at all: desk days (7 hours of sitting) followed by higher mornings.
  Diary d;
  const Date start = D("2026-09-01");
  for (int i = 0; i < 14; ++i)
    d.days.push_back(Day{.date = start + i, .morning = Morning{S(3), {}}});
  for (int i = 14; i < 40; ++i) {
    const bool desk = i % 2 == 0;
    Day day{.date = start + i, .morning = Morning{S(3), {}}};
    if (desk) day.context.sitting_hours = 7.0;
    if (!desk && i > 14) day.morning = Morning{S(5), {}};  // the morning after a desk day
    d.days.push_back(day);
  }
  const Reading r = Read(d, d.days.back().date, {});
  const Association& sitting = FindAssociation(r, "sitting");
  EXPECT_FALSE(sitting.exercise_days_only);
  EXPECT_GE(sitting.with_days, 10);
  EXPECT_EQ(sitting.with_higher, sitting.with_days);
  EXPECT_EQ(sitting.without_higher, 0);
  EXPECT_TRUE(sitting.clears_bar);
  EXPECT_EQ(FindAssociation(r, "rotation").with_days + FindAssociation(r, "rotation").without_days,
            0);
}

TEST(AssociationTest, TheBarNeedsThirtyPointsAndSurvivesTheFactorsCompared) {
  // Six of six with rotation higher against none of six without: p = 1/462 * 2.
  std::vector<std::pair<bool, bool>> days;
  for (int i = 0; i < 6; ++i) days.push_back({true, true});
  for (int i = 0; i < 6; ++i) days.push_back({false, false});
  const Diary d = WithRotation(days);
  const Reading r = Read(d, d.days.back().date, {});
  const Association& a = FindAssociation(r, "rotation");
  EXPECT_TRUE(a.clears_bar);
  EXPECT_LT(*a.p_value, 0.05 / r.factors_compared);
  Settings strict;
  strict.association_min_difference = 0.6;
  strict.association_alpha = 0.01;
  const Reading s = Read(d, d.days.back().date, strict);
  EXPECT_EQ(FindAssociation(s, "rotation").clears_bar,
            *FindAssociation(s, "rotation").p_value < 0.01 / s.factors_compared);
}

TEST(AssociationTest, FactorsOnTheSameDaysAreNamedTogether) {
  std::vector<std::pair<bool, bool>> days;
  for (int i = 0; i < 6; ++i) days.push_back({true, true});
  for (int i = 0; i < 6; ++i) days.push_back({false, false});
  Diary d = WithRotation(days);
  for (Day& day : d.days) {
    for (Session& x : day.sessions) {
      if (x.load.Has(Load::kRotation)) x.load.Add(Load::kArmsAway);
    }
  }
  const Reading r = Read(d, d.days.back().date, {});
  EXPECT_EQ(FindAssociation(r, "rotation").same_days_as, std::vector<std::string>{"arms_away"});
  EXPECT_EQ(FindAssociation(r, "arms_away").same_days_as, std::vector<std::string>{"rotation"});
}

TEST(AssociationTest, TwoSessionsInADayIsAFactor) {
  std::vector<std::pair<bool, bool>> days;
  for (int i = 0; i < 8; ++i) days.push_back({false, i < 4});
  Diary d = WithRotation(days);
  int k = 0;
  for (Day& day : d.days) {
    if (day.sessions.empty()) continue;
    if (k++ < 4) day.sessions.push_back(Session{});
  }
  const Reading r = Read(d, d.days.back().date, {});
  const Association& a = FindAssociation(r, "two_sessions");
  EXPECT_EQ(a.with_days, 4);
  EXPECT_EQ(a.with_higher, 4);
  EXPECT_EQ(a.without_higher, 0);
}

TEST(AssociationTest, LongSessionsCompareWithTheMedianDailyMinutes) {
  Diary d = WithRotation(
      {{true, true}, {true, false}, {true, true}, {true, false}, {true, true}, {true, false}});
  int k = 0;
  for (Day& day : d.days) {
    if (day.sessions.empty()) continue;
    day.sessions[0].minutes = (k % 2 == 0) ? 60 : 20;  // the higher days are the long ones
    ++k;
  }
  const Reading r = Read(d, d.days.back().date, {});
  EXPECT_EQ(*r.median_session_minutes, 40);
  const Association& a = FindAssociation(r, "long_session");
  EXPECT_EQ(a.with_days, 3);
  EXPECT_EQ(a.with_higher, 3);
  EXPECT_EQ(a.without_higher, 0);
  EXPECT_NEAR(*a.p_value, 0.1, 1e-9);
}

// ---- the early warning ----

TEST(MorningShiftTest, ASustainedRiseOnRestMorningsRaisesTheAlert) {
  Diary d;
  const Date start = D("2026-09-01");
  for (int i = 0; i < 20; ++i)
    d.days.push_back(Day{.date = start + i, .morning = Morning{S(3), {}}});
  // +2 from day 20: deviations 2, 2 -> CUSUM 1.5, 3 -> alarm on the second shifted morning.
  for (int i = 20; i < 23; ++i)
    d.days.push_back(Day{.date = start + i, .morning = Morning{S(5), {}}});
  Reading r = Read(d, start + 20, {});
  EXPECT_FALSE(r.morning_shift.alarm);
  EXPECT_DOUBLE_EQ(*r.morning_shift.cusum, 1.5);
  r = Read(d, start + 21, {});
  EXPECT_TRUE(r.morning_shift.alarm);
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_EQ(r.alerts[0].kind, AlertKind::kMorningShift);
  EXPECT_EQ(r.alerts[0].date, start + 21);
  r = Read(d, start + 22, {});
  EXPECT_EQ(r.alerts[0].date, start + 21);  // dated by the first crossing of the run
}

TEST(MorningShiftTest, MorningsAfterSessionsDoNotCount) {
  Diary d;
  const Date start = D("2026-09-01");
  for (int i = 0; i < 20; ++i)
    d.days.push_back(Day{.date = start + i, .morning = Morning{S(3), {}}});
  for (int i = 20; i < 26; i += 2) {
    d.days.push_back(Day{.date = start + i, .morning = Morning{S(3), {}}, .sessions = {Session{}}});
    d.days.push_back(Day{.date = start + i + 1, .morning = Morning{S(7), {}}});  // flares only
  }
  const Reading r = Read(d, start + 25, {});
  EXPECT_FALSE(r.morning_shift.alarm);
}

}  // namespace
}  // namespace backsignal
