#include "backsignal/reading/settings.h"

#include <gtest/gtest.h>

#include "backsignal/io/settings_json.h"

namespace backsignal {
namespace {

TEST(SettingsTest, DefaultsAreTheDocumentedOnes) {
  const Settings s;
  EXPECT_EQ(s.significant_change, 2);
  EXPECT_EQ(s.marginal_better, 1);
  EXPECT_EQ(s.baseline_days, 14);
  EXPECT_EQ(s.baseline_min_mornings, 3);
  EXPECT_EQ(s.trend_days, 14);
  EXPECT_EQ(s.slope_per_week, 0.5);
  EXPECT_EQ(s.building_rise, 2);
  EXPECT_EQ(s.sitting_hours, 6);
  EXPECT_EQ(s.upper_body_tension, 6);
  EXPECT_EQ(s.min_session_days, 4);
  EXPECT_EQ(s.min_mornings, 7);
  EXPECT_EQ(s.low_pain_floor, 2);
  EXPECT_EQ(s.min_recorded_days, 8);
  EXPECT_EQ(s.unusual_share, 0.5);
  EXPECT_EQ(s.activity_days, 28);
  EXPECT_EQ(s.activity_raised_days, 3);
  EXPECT_EQ(s.activity_share, 0.5);
  EXPECT_EQ(s.masked_mornings, 2);
  EXPECT_EQ(s.masked_share, 0.5);
  EXPECT_TRUE(CheckSettings(s).has_value());
}

TEST(SettingsTest, EveryDefaultLiesWithinItsBounds) {
  const Settings s;
  for (const SettingInfo& info : AllSettings()) {
    EXPECT_GE(s.*info.field, info.min) << info.name;
    EXPECT_LE(s.*info.field, info.max) << info.name;
    Settings copy;
    EXPECT_TRUE(SetSetting(copy, info.name, s.*info.field).has_value()) << info.name;
  }
}

TEST(SettingsTest, BoundsAreEnforcedAtAndBeyondTheEdges) {
  Settings s;
  EXPECT_TRUE(SetSetting(s, "significant_change", 1.5).has_value());
  EXPECT_TRUE(SetSetting(s, "significant_change", 3).has_value());
  EXPECT_FALSE(SetSetting(s, "significant_change", 1).has_value());
  EXPECT_FALSE(SetSetting(s, "significant_change", 3.5).has_value());
  EXPECT_FALSE(SetSetting(s, "significant_change", 2.2).has_value());
  EXPECT_EQ(s.significant_change, 3);
  EXPECT_FALSE(SetSetting(s, "min_mornings", 7.5).has_value());
  auto unknown = SetSetting(s, "significance", 2);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message.find("unknown setting 'significance'"), std::string::npos);
}

TEST(SettingsTest, TheLowPainFloorHasItsBoundsAndASource) {
  Settings s;
  EXPECT_TRUE(SetSetting(s, "low_pain_floor", 0).has_value());
  EXPECT_TRUE(SetSetting(s, "low_pain_floor", 4).has_value());
  EXPECT_FALSE(SetSetting(s, "low_pain_floor", 4.5).has_value());
  EXPECT_FALSE(SetSetting(s, "low_pain_floor", -0.5).has_value());
  EXPECT_FALSE(SetSetting(s, "low_pain_floor", 2.25).has_value());
  for (const SettingInfo& info : AllSettings()) {
    EXPECT_FALSE(info.source.empty()) << info.name;
    EXPECT_FALSE(info.meaning.empty()) << info.name;
  }
}

TEST(SettingsTest, NoMoreRecordedDaysThanTheWindowHolds) {
  Settings s;
  ASSERT_TRUE(SetSetting(s, "trend_days", 7).has_value());
  EXPECT_FALSE(CheckSettings(s).has_value());  // 8 recorded days of 7
  ASSERT_TRUE(SetSetting(s, "min_recorded_days", 7).has_value());
  EXPECT_TRUE(CheckSettings(s).has_value());
}

TEST(SettingsTest, HelpfulShareMustStayBelowStirringShare) {
  Settings s;
  ASSERT_TRUE(SetSetting(s, "helpful_share", 0.5).has_value());
  ASSERT_TRUE(SetSetting(s, "stirring_share", 0.5).has_value());
  EXPECT_FALSE(CheckSettings(s).has_value());
}

TEST(SettingsTest, NonDefaultSettingsAreListed) {
  Settings s;
  s.sitting_hours = 8;
  EXPECT_EQ(NonDefaultSettings(s), std::vector<std::string>{"sitting_hours"});
}

TEST(SettingsJsonTest, AppliesAFileOrRefusesItWhole) {
  Settings s;
  ASSERT_TRUE(
      ApplySettingsJson(R"({"significant_change": 2.5, "sitting_hours": 8})", s).has_value());
  EXPECT_EQ(s.significant_change, 2.5);
  EXPECT_EQ(s.sitting_hours, 8);
  auto bad = ApplySettingsJson(R"({"significant_change": 1.5, "sitting_hours": 30})", s);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(s.significant_change, 2.5);  // unchanged
  EXPECT_NE(bad.error().details[0].find("sitting_hours: 30 is outside its bounds (2 to 12)"),
            std::string::npos);
  EXPECT_FALSE(ApplySettingsJson(R"({"sitting_hours": "8"})", s).has_value());
  EXPECT_FALSE(ApplySettingsJson("[1]", s).has_value());
  EXPECT_FALSE(ApplySettingsJson("{", s).has_value());
}

}  // namespace
}  // namespace backsignal
