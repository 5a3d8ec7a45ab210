#include "backsignal/core/measures.h"

#include <gtest/gtest.h>

#include "backsignal/core/diary.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;

Weekly Psfs(const char* date, std::vector<PsfsRating> items) {
  return Weekly{.date = D(date), .psfs = std::move(items)};
}
Weekly PegOn(const char* date, int p, int e, int a) {
  return Weekly{.date = D(date), .peg = Peg{p, e, a}};
}

TEST(MeasuresWeekday, TheFirstOfJanuary1970WasAThursdayAndDecember2026BeginsOnATuesday) {
  EXPECT_EQ(WeekdayOf(Date::FromDays(0)), Weekday::kThursday);
  EXPECT_EQ(WeekdayOf(D("2026-12-01")), Weekday::kTuesday);
  EXPECT_EQ(WeekdayOf(D("2026-12-06")), Weekday::kSunday);
  EXPECT_EQ(WeekdayOf(D("1969-12-29")), Weekday::kMonday);
  EXPECT_EQ(ParseWeekday("Sunday").value(), Weekday::kSunday);
  EXPECT_NE(ParseWeekday("sun").error().English().find("monday, tuesday"), std::string::npos);
}

TEST(MeasuresDue, TheFirstQuestionsAreDueAtOnce) {
  EXPECT_EQ(WeeklyDueSince({}, Weekday::kSunday, D("2026-12-02")), D("2026-12-02"));
}

TEST(MeasuresDue, DueOnTheChosenDayAndStaysDueUntilAnswered) {
  std::vector<Weekly> w = {PegOn("2026-11-29", 4, 4, 4)};                         // a Sunday
  EXPECT_EQ(WeeklyDueSince(w, Weekday::kSunday, D("2026-12-05")), std::nullopt);  // Saturday
  EXPECT_EQ(WeeklyDueSince(w, Weekday::kSunday, D("2026-12-06")), D("2026-12-06"));
  EXPECT_EQ(WeeklyDueSince(w, Weekday::kSunday, D("2026-12-09")), D("2026-12-06"));
  w.push_back(PegOn("2026-12-08", 4, 4, 4));  // answered late, on the Tuesday
  EXPECT_EQ(WeeklyDueSince(w, Weekday::kSunday, D("2026-12-09")), std::nullopt);
}

TEST(MeasuresDue, AnsweredUpToThreeDaysEarlyCountsForTheWeekButFourDoesNot) {
  EXPECT_EQ(WeeklyDueSince({PegOn("2026-12-03", 1, 1, 1)}, Weekday::kSunday, D("2026-12-06")),
            std::nullopt);
  EXPECT_EQ(WeeklyDueSince({PegOn("2026-12-02", 1, 1, 1)}, Weekday::kSunday, D("2026-12-06")),
            D("2026-12-06"));
}

TEST(MeasuresChange, PsfsAverageOneAndAHalfIsAboutTheSameAndTwoIsBetter) {
  // Two activities: +3 in all is 1.5 on the average; +4 is 2.
  EXPECT_EQ(PsfsAverageChange(3, 2), Change::kSame);
  EXPECT_EQ(PsfsAverageChange(4, 2), Change::kBetter);
  EXPECT_EQ(PsfsAverageChange(-3, 2), Change::kSame);
  EXPECT_EQ(PsfsAverageChange(-4, 2), Change::kWorse);
}

TEST(MeasuresChange, OneActivityNeedsThreePoints) {
  EXPECT_EQ(PsfsActivityChange(2), Change::kSame);
  EXPECT_EQ(PsfsActivityChange(3), Change::kBetter);
  EXPECT_EQ(PsfsActivityChange(-3), Change::kWorse);
}

TEST(MeasuresChange, PegNeedsThirtyPercentAndAPoint) {
  // 6 (sum 18) to 4.33 (sum 13): 28% less: about the same; to 4 (sum 12): 33%: better.
  EXPECT_EQ(PegChange(18, 13), Change::kSame);
  EXPECT_EQ(PegChange(18, 12), Change::kBetter);
  // From 2 (sum 6): 30% is 0.6, but under a point is never a change.
  EXPECT_EQ(PegChange(6, 4), Change::kSame);
  EXPECT_EQ(PegChange(6, 9), Change::kWorse);
}

TEST(MeasuresTrend, PsfsNowAgainstFourAndEightWeeksBeforeWithEachActivity) {
  Measures m;
  m.weekly = {Psfs("2026-10-11", {{"reaching overhead", 3}, {"sitting for an hour", 4}}),
              Psfs("2026-11-08", {{"reaching overhead", 4}, {"sitting for an hour", 6}}),
              Psfs("2026-12-06", {{"Reaching overhead", 7}, {"sitting for an hour", 6}})};
  const MeasuresTrend t = TrendOf(m, D("2026-12-07"));
  ASSERT_TRUE(t.psfs);
  EXPECT_EQ(t.psfs->average, 6.5);
  ASSERT_TRUE(t.psfs->four_weeks);
  EXPECT_EQ(t.psfs->four_weeks->delta, 1.5);
  EXPECT_EQ(t.psfs->four_weeks->change, Change::kSame);
  ASSERT_TRUE(t.psfs->eight_weeks);
  EXPECT_EQ(t.psfs->eight_weeks->delta, 3);
  EXPECT_EQ(t.psfs->eight_weeks->change, Change::kBetter);
  ASSERT_EQ(t.psfs->activities.size(), 2u);
  EXPECT_EQ(t.psfs->activities[0].four_weeks->change, Change::kBetter);  // 4 to 7, case aside
  EXPECT_EQ(t.psfs->activities[1].four_weeks->change, Change::kSame);
  EXPECT_FALSE(t.function_worse());
  EXPECT_FALSE(t.peg);
}

TEST(MeasuresTrend, FunctionWorseWhenThePsfsFallsTwoPoints) {
  Measures m;
  m.weekly = {Psfs("2026-11-09", {{"carrying a bag", 7}}),
              Psfs("2026-12-06", {{"carrying a bag", 5}})};
  EXPECT_TRUE(TrendOf(m, D("2026-12-06")).function_worse());
  m.weekly[1].psfs[0].score = 6;
  EXPECT_FALSE(TrendOf(m, D("2026-12-06")).function_worse());
}

TEST(MeasuresTrend, AnswersOlderThanTwoWeeksAreNotNow) {
  Measures m;
  m.weekly = {PegOn("2026-11-01", 5, 5, 5)};
  EXPECT_TRUE(TrendOf(m, D("2026-11-14")).peg);
  EXPECT_FALSE(TrendOf(m, D("2026-11-15")).peg);
}

TEST(MeasuresValidate, EachProblemNamesItsPlace) {
  Weekly w = Psfs("2026-12-06", {{"reaching overhead", 11}});
  EXPECT_EQ(ValidateWeekly(w).error().message,
            "2026-12-06 psfs[0].score: 11 is above the top of the scale (0 to 10)");
  w.psfs = {{"a", 1}, {"A", 2}};
  EXPECT_NE(ValidateWeekly(w).error().message.find("psfs[1].activity: \"A\" is given twice"),
            std::string::npos);
  w.psfs = {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}, {"f", 1}};
  EXPECT_NE(ValidateWeekly(w).error().message.find("at most 5"), std::string::npos);
  EXPECT_NE(ValidateWeekly(Weekly{.date = D("2026-12-06")}).error().message.find("no answer"),
            std::string::npos);
  EXPECT_EQ(ValidateItem(4.5).error(),
            "4.5 is not a whole number (this scale counts 0, 1, ... 10)");
  EXPECT_FALSE(ValidatePsfsActivity("lift=3"));
}

TEST(MeasuresValidate, ARepeatedWeeklyDateIsRefusedAndFlaresSortByDateKeepingTheirOrder) {
  Measures m;
  m.flares = {Flare{.date = D("2026-12-02"), .pain = Score::FromHalves(8)},
              Flare{.date = D("2026-12-01"), .pain = Score::FromHalves(10)},
              Flare{.date = D("2026-12-02"), .pain = Score::FromHalves(4)}};
  ASSERT_TRUE(NormaliseMeasures(m));
  EXPECT_EQ(m.flares[0].date, D("2026-12-01"));
  EXPECT_EQ(m.flares[1].pain.halves(), 8);
  EXPECT_EQ(m.flares[2].pain.halves(), 4);
  m.weekly = {PegOn("2026-12-06", 1, 1, 1), PegOn("2026-12-06", 2, 2, 2)};
  EXPECT_NE(NormaliseMeasures(m).error().message.find("2026-12-06 is given twice"),
            std::string::npos);
}

}  // namespace
}  // namespace backsignal
