#include "backsignal/io/reading_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;
using testing::DiaryBuilder;

nlohmann::json JsonOf(const Diary& d, Date as_of) {
  const Reading r = Read(d, as_of, {});
  return nlohmann::json::parse(ReadingToJson(r, WordsFor(r, {})));
}

TEST(ReadingJsonTest, HasEveryFieldOfSpecSectionSix) {
  DiaryBuilder b;
  b.Mornings("2026-09-25", 20, 3);
  Session s;
  s.time = *TimeOfDay::Parse("18:00");
  s.during.sharp = true;
  b.With("2026-10-10", s);
  for (const char* d : {"2026-10-03", "2026-10-06", "2026-10-08"}) b.Session(d, 3, 3);
  const auto j = JsonOf(b.Build(), D("2026-10-14"));
  EXPECT_EQ(j["rules"], 3);
  EXPECT_EQ(j["as_of"], "2026-10-14");
  EXPECT_EQ(j["usual_morning_pain"], 3);
  EXPECT_EQ(j["usual_source"], "rest_mornings");
  for (const char* k : {"now", "four_weeks_before", "eight_weeks_before"}) {
    EXPECT_TRUE(j["progress"].contains(k)) << k;
  }
  for (const char* k : {"verdict",
                        "held_back_by",
                        "baseline",
                        "comfort",
                        "session_days",
                        "flared_days",
                        "raised_days",
                        "recorded_days",
                        "flared_share",
                        "raised_share",
                        "strained_share",
                        "sharp_sessions",
                        "built_sessions",
                        "still_rising_sessions",
                        "missing_mornings",
                        "exercise_effect",
                        "baseline_change",
                        "baseline_basis",
                        "comfort_slope_per_week",
                        "covered_mornings",
                        "rest_covered_share",
                        "masked"}) {
    EXPECT_TRUE(j["trend"].contains(k)) << k;
  }
  EXPECT_FALSE(j["trend"].contains("baseline_slope_per_week"));
  // The sharp session in the window holds back what would otherwise be helpful.
  EXPECT_EQ(j["trend"]["verdict"], "mixed");
  EXPECT_EQ(j["trend"]["held_back_by"], nlohmann::json::array({"sharp"}));
  EXPECT_EQ(j["trend"]["sharp_sessions"], 1);
  EXPECT_EQ(j["trend"]["recorded_days"], 14);
  EXPECT_EQ(j["trend"]["masked"], false);
  EXPECT_EQ(j["trend"]["rest_covered_share"], 0);
  EXPECT_EQ(j["trend"]["flared_share"], 0);
  EXPECT_TRUE(j["activities"].is_array());
  const auto& first = j["sessions"][0];
  EXPECT_EQ(first["date"], "2026-10-03");
  EXPECT_EQ(first["time"], nullptr);
  EXPECT_EQ(first["activity"], nullptr);
  EXPECT_EQ(first["strain"], nullptr);
  for (const char* k : {"during", "hour_after", "morning", "response", "strain", "confounders",
                        "unusual_confounders"}) {
    EXPECT_TRUE(first.contains(k)) << k;
  }
  EXPECT_EQ(j["sessions"][3]["strain"], "sharp");
  EXPECT_EQ(j["alerts"][0]["kind"], "modify_or_stop");
  EXPECT_EQ(j["alerts"][0]["date"], "2026-10-10");
  // The words travel with the numbers.
  EXPECT_EQ(j["words"]["title"], "Mixed: not clearly helpful, not clearly stirring things up");
  EXPECT_EQ(j["words"]["sessions"].size(), j["sessions"].size());
}

TEST(ReadingJsonTest, UnknownsAreNullAndSharesHaveTwoDecimals) {
  const auto empty = JsonOf(Diary{}, D("2026-10-14"));
  EXPECT_EQ(empty["usual_morning_pain"], nullptr);
  EXPECT_EQ(empty["usual_source"], nullptr);
  EXPECT_EQ(empty["trend"]["flared_share"], nullptr);
  EXPECT_EQ(empty["trend"]["baseline_change"], nullptr);
  EXPECT_EQ(empty["trend"]["baseline_basis"], nullptr);
  EXPECT_EQ(empty["trend"]["verdict"], "not_enough_data");
  EXPECT_EQ(empty["trend"]["needed"]["mornings"], 7);
  EXPECT_TRUE(empty["sessions"].empty());

  DiaryBuilder b;
  b.Mornings("2026-09-17", 14, 3);
  for (int i = 0; i < 6; ++i) {
    const std::string d = (D("2026-10-01") + i).ToString();
    const std::string m = (D("2026-10-01") + i + 1).ToString();
    b.Session(d.c_str(), 3, 3).Morning(m.c_str(), i == 0 ? 6 : 3);
  }
  const auto j = JsonOf(b.Build(), D("2026-10-07"));
  EXPECT_EQ(j["trend"]["flared_share"], 0.17);  // 1 of 6
}

TEST(ReadingJsonTest, ActivitiesAndTheRiseThatRaisedKeepsRising) {
  DiaryBuilder b;
  b.Mornings("2026-08-01", 42, 2).Mornings("2026-09-12", 33, 4.5);
  for (const char* d : {"2026-10-02", "2026-10-05", "2026-10-08", "2026-10-11"}) {
    Session s;
    s.activity = d[9] == '2' || d[9] == '8' ? " Rowing" : "swim";
    b.With(d, s);
  }
  const auto j = JsonOf(b.Build(), D("2026-10-14"));
  ASSERT_EQ(j["activities"].size(), 2u);
  EXPECT_EQ(j["activities"][0]["name"], "rowing");
  EXPECT_EQ(j["activities"][0]["days"], 2);
  EXPECT_EQ(j["activities"][0]["setting_off"], false);
  EXPECT_EQ(j["sessions"][0]["activity"], "rowing");
  EXPECT_EQ(j["sessions"][0]["activity_text"], " Rowing");
  const auto& rising = j["alerts"].back();
  EXPECT_EQ(rising["kind"], "keeps_rising");
  EXPECT_EQ(rising["from"], 2);
  EXPECT_EQ(rising["to"], 4.5);
  EXPECT_EQ(rising["basis"], "rest_mornings");
}

}  // namespace
}  // namespace backsignal
