#include "backsignal/core/diary.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace backsignal {
namespace {

TEST(ScoreTest, AcceptsZeroToTenInHalfSteps) {
  for (int h = 0; h <= 20; ++h) {
    auto s = Score::FromDouble(h / 2.0);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->halves(), h);
  }
}

TEST(ScoreTest, RefusesOutOfRangeOffStepAndNonFinite) {
  EXPECT_EQ(Score::FromDouble(10.5).error(), "10.5 is above the top of the scale (0 to 10)");
  EXPECT_EQ(Score::FromDouble(-1).error(), "-1 is below the bottom of the scale (0 to 10)");
  EXPECT_EQ(Score::FromDouble(2.25).error(),
            "2.25 is not in steps of 0.5 (a score is like 3 or 3.5)");
  EXPECT_FALSE(Score::FromDouble(std::nan("")).has_value());
  EXPECT_FALSE(Score::FromDouble(std::numeric_limits<double>::infinity()).has_value());
  EXPECT_FALSE(Score::FromDouble(0.5000001).has_value());
}

TEST(ScoreTest, NegativeZeroIsZero) { EXPECT_EQ(Score::FromDouble(-0.0)->halves(), 0); }

TEST(ValidateTest, MinutesAreWholeFromOneTo600) {
  EXPECT_EQ(*ValidateMinutes(1), 1);
  EXPECT_EQ(*ValidateMinutes(600), 600);
  EXPECT_FALSE(ValidateMinutes(0).has_value());
  EXPECT_FALSE(ValidateMinutes(601).has_value());
  EXPECT_FALSE(ValidateMinutes(30.5).has_value());
  EXPECT_FALSE(ValidateMinutes(std::nan("")).has_value());
}

TEST(ValidateTest, SittingHoursFromZeroTo24) {
  EXPECT_TRUE(ValidateSittingHours(0).has_value());
  EXPECT_TRUE(ValidateSittingHours(24).has_value());
  EXPECT_TRUE(ValidateSittingHours(7.25).has_value());
  EXPECT_FALSE(ValidateSittingHours(24.01).has_value());
  EXPECT_FALSE(ValidateSittingHours(-0.5).has_value());
}

TEST(ValidateTest, Utf8) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST(DiaryTest, FindUsesDateOrder) {
  Diary d;
  d.days.push_back(Day{.date = *Date::Parse("2026-11-03")});
  d.days.push_back(Day{.date = *Date::Parse("2026-11-01")});
  EXPECT_FALSE(SortDays(d.days).has_value());
  EXPECT_NE(d.Find(*Date::Parse("2026-11-03")), nullptr);
  EXPECT_EQ(d.Find(*Date::Parse("2026-11-02")), nullptr);
  d.days.push_back(Day{.date = *Date::Parse("2026-11-01")});
  EXPECT_EQ(SortDays(d.days), Date::Parse("2026-11-01").value());
}

TEST(DiaryTest, TagsInUseRanksTheMostRecentlyUsedFirstCountingDaysIgnoringCase) {
  Diary d;
  auto day = [&](const char* date, std::vector<std::string> tags) {
    Day x{.date = *Date::Parse(date)};
    x.context.tags = std::move(tags);
    d.days.push_back(x);
  };
  day("2026-11-01", {"Long drive", "period"});
  day("2026-11-02", {"new mattress"});
  day("2026-11-03", {"long drive", "alpha"});
  const std::vector<TagUse> all = TagsInUse(d, 10);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0], (TagUse{"alpha", 1, *Date::Parse("2026-11-03")}));
  EXPECT_EQ(all[1], (TagUse{"long drive", 2, *Date::Parse("2026-11-03")}));  // as last spelled
  EXPECT_EQ(all[2], (TagUse{"new mattress", 1, *Date::Parse("2026-11-02")}));
  EXPECT_EQ(all[3], (TagUse{"period", 1, *Date::Parse("2026-11-01")}));
  EXPECT_EQ(TagsInUse(d, 2), std::vector<TagUse>(all.begin(), all.begin() + 2));
  EXPECT_EQ(CountDistinctTags({"a", "A", "b"}), 2u);
}

TEST(DiaryTest, ADayHoldsAtMostFiftySessions) {
  Day day{.date = *Date::Parse("2026-11-01")};
  day.sessions.resize(kMaxSessionsPerDay);
  EXPECT_TRUE(ValidateDay(day).has_value());
  day.sessions.emplace_back();
  auto refused = ValidateDay(day);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().details.at(0).find("at most 50 fit in a day"), std::string::npos);
}

}  // namespace
}  // namespace backsignal
