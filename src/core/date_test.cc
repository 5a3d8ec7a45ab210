#include "backsignal/core/date.h"

#include <gtest/gtest.h>

namespace backsignal {
namespace {

TEST(DateTest, ParsesAndPrintsIsoDates) {
  auto d = Date::Parse("2026-11-02");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->ToString(), "2026-11-02");
  EXPECT_EQ(d->year(), 2026);
  EXPECT_EQ(d->month(), 11u);
  EXPECT_EQ(d->day(), 2u);
}

TEST(DateTest, EpochIsDayZero) { EXPECT_EQ(Date::Parse("1970-01-01")->days(), 0); }

TEST(DateTest, ArithmeticCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ((*Date::Parse("2028-02-28") + 1).ToString(), "2028-02-29");
  EXPECT_EQ((*Date::Parse("2026-02-28") + 1).ToString(), "2026-03-01");
  EXPECT_EQ((*Date::Parse("2026-12-31") + 1).ToString(), "2027-01-01");
  EXPECT_EQ(*Date::Parse("2027-01-01") - *Date::Parse("2026-01-01"), 365);
}

TEST(DateTest, EveryDayOfFourHundredYearsRoundTrips) {
  Date d = *Date::Parse("2000-01-01");
  for (int i = 0; i < 146097; ++i, d = d + 1) {
    auto back = Date::Parse(d.ToString());
    ASSERT_TRUE(back.has_value()) << d.ToString();
    ASSERT_EQ(*back, d);
  }
  EXPECT_EQ(d.ToString(), "2400-01-01");
}

TEST(DateTest, RefusesImpossibleAndMalformedDates) {
  EXPECT_FALSE(Date::Parse("2026-02-29").has_value());
  EXPECT_TRUE(Date::Parse("2000-02-29").has_value());
  EXPECT_FALSE(Date::Parse("1900-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2026-04-31").has_value());
  EXPECT_FALSE(Date::Parse("2026-00-10").has_value());
  EXPECT_FALSE(Date::Parse("0000-01-01").has_value());
  EXPECT_FALSE(Date::Parse("2026-1-1").has_value());
  EXPECT_FALSE(Date::Parse("2026-01-01T00").has_value());
  EXPECT_FALSE(Date::Parse("+026-01-01").has_value());
  EXPECT_FALSE(Date::Parse("").has_value());
}

TEST(TimeOfDayTest, ParsesTheTwentyFourHourClock) {
  EXPECT_EQ(TimeOfDay::Parse("00:00")->minutes(), 0);
  EXPECT_EQ(TimeOfDay::Parse("23:59")->minutes(), 1439);
  EXPECT_EQ(TimeOfDay::Parse("18:05")->ToString(), "18:05");
  EXPECT_FALSE(TimeOfDay::Parse("24:00").has_value());
  EXPECT_FALSE(TimeOfDay::Parse("12:60").has_value());
  EXPECT_FALSE(TimeOfDay::Parse("9:00").has_value());
  EXPECT_FALSE(TimeOfDay::Parse("09:00:00").has_value());
}

}  // namespace
}  // namespace backsignal
