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

const Association& Find(const Reading& r, const std::string& factor) {
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

TEST(AssociationTest, CountsDaysWithAndWithoutAFactor) {
  // With rotation: 4 of 5 flared; without: 1 of 6.
  std::vector<std::pair<bool, bool>> days = {
      {true, true},   {true, true},   {true, true},   {true, true},   {true, false}, {false, true},
      {false, false}, {false, false}, {false, false}, {false, false}, {false, false}};
  const Diary d = WithRotation(days);
  const Reading r = Read(d, d.days.back().date, {});
  const Association& a = Find(r, "rotation");
  EXPECT_EQ(a.with_days, 5);
  EXPECT_EQ(a.with_flared, 4);
  EXPECT_EQ(a.without_days, 6);
  EXPECT_EQ(a.without_flared, 1);
  ASSERT_TRUE(a.enough);
  EXPECT_NEAR(*a.p_value, 37.0 / 462, 1e-9);
  EXPECT_NEAR(*a.difference, 4.0 / 5 - 1.0 / 6, 1e-12);
  EXPECT_EQ(a.words,
            "Exercise days with sustained rotation were followed by a worse morning 4 of 5 times, "
            "against 1 of 6 times without. With this few days the difference could still be "
            "chance (p = 0.08).");
}

TEST(AssociationTest, NeedsThreeDaysWithAndThreeWithout) {
  const Diary d =
      WithRotation({{true, true}, {true, true}, {false, false}, {false, false}, {false, false}});
  const Reading r = Read(d, d.days.back().date, {});
  const Association& a = Find(r, "rotation");
  EXPECT_FALSE(a.enough);
  EXPECT_FALSE(a.p_value.has_value());
  EXPECT_EQ(a.words,
            "Not enough yet to compare sustained rotation: 2 exercise days with it and 3 without; "
            "3 of each are needed.");
}

TEST(AssociationTest, LongSessionsCompareWithTheMedianDailyMinutes) {
  Diary d = WithRotation(
      {{true, true}, {true, false}, {true, true}, {true, false}, {true, true}, {true, false}});
  int k = 0;
  for (Day& day : d.days) {
    if (day.sessions.empty()) continue;
    day.sessions[0].minutes = (k % 2 == 0) ? 60 : 20;  // the flared days are the long ones
    ++k;
  }
  const Reading r = Read(d, d.days.back().date, {});
  EXPECT_EQ(*r.median_session_minutes, 40);
  const Association& a = Find(r, "long_session");
  EXPECT_EQ(a.with_days, 3);
  EXPECT_EQ(a.with_flared, 3);
  EXPECT_EQ(a.without_flared, 0);
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

TEST(NextStepTest, EachVerdictSaysWhatToDo) {
  EXPECT_NE(Read(Diary{}, D("2026-10-01"), {})
                .next_step.find("Record 7 more mornings and 4 more exercise days"),
            std::string::npos);
  const Diary stirring = WithRotation({{false, false},
                                       {false, false},
                                       {false, false},
                                       {true, true},
                                       {true, true},
                                       {true, true},
                                       {true, true},
                                       {true, true}});
  const Reading r = Read(stirring, stirring.days.back().date, {});
  ASSERT_EQ(r.trend.verdict, Verdict::kStirringUp);
  EXPECT_NE(r.next_step.find("Ease the load for a while, above all sustained rotation"),
            std::string::npos)
      << r.next_step;
}

}  // namespace
}  // namespace backsignal
