#include "backsignal/io/diary_csv.h"

#include <gtest/gtest.h>

#include "backsignal/io/diary_json.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;

std::string Problems(const std::string& text) {
  auto r = ParseDiaryCsv(text);
  EXPECT_FALSE(r.has_value()) << "accepted: " << text;
  if (r) return "";
  std::string all;
  for (const std::string& d : r.error().details) all += d + "\n";
  return all;
}

TEST(DiaryCsvTest, ReadsASpreadsheetLayout) {
  const char* text =
      "date,morning_pain,morning_stiffness,sitting_hours,prolonged_position,upper_body_tension,"
      "note,session,time,minutes,activity,load,during_start,during_end,during_pattern,"
      "during_sharp,hour_after_pain,hour_after_tighter\r\n"
      "usual,3,4,,,,,,,,,,,,,,,\r\n"
      "2026-11-02,3,4,7,true,6,\"long day, at the "
      "desk\",1,18:00,40,swimming,rotation;arms_away,3,5,building,false,4,false\r\n"
      "2026-11-02,,,,,,,2,20:00,10,stretching,,2,2,,,,\r\n"
      "2026-11-03,2.5,,,,,,,,,,,,,,,,\r\n";
  auto r = ParseDiaryCsv(text);
  ASSERT_TRUE(r.has_value()) << r.error().details[0];
  EXPECT_EQ(r->usual.pain->value(), 3);
  ASSERT_EQ(r->days.size(), 2u);
  const Day& d = r->days[0];
  EXPECT_EQ(*d.note, "long day, at the desk");
  ASSERT_EQ(d.sessions.size(), 2u);
  EXPECT_TRUE(d.sessions[0].load.Has(Load::kArmsAway));
  EXPECT_FALSE(d.sessions[0].load.Has(Load::kBreathingUnderLoad));
  EXPECT_EQ(*d.sessions[1].activity, "stretching");
  EXPECT_EQ(r->days[1].morning->pain.halves(), 5);
}

TEST(DiaryCsvTest, FormulasAreDefusedAndTheRoundTripIsLossless) {
  Diary d;
  const std::vector<std::string> notes = {"=HYPERLINK(\"http://x\",\"click\")",
                                          "+cmd|' /C calc'!A0",
                                          "@SUM(A1:A2)",
                                          "-2 points",
                                          "=1+1",
                                          "'=already quoted",
                                          "''=two",
                                          "'plain",
                                          "plain"};
  for (size_t i = 0; i < notes.size(); ++i) {
    Day day{.date = D("2026-11-01") + static_cast<int32_t>(i), .note = notes[i]};
    Session s;
    s.activity = notes[i];
    day.sessions.push_back(s);
    d.days.push_back(day);
  }
  const std::string csv = DiaryToCsv(d);
  // No cell a spreadsheet would run: each formula-like cell starts with an apostrophe.
  for (const char* bad :
       {",=HYPERLINK", ",\"=HYPERLINK", ",+cmd", ",@SUM", ",-2 points", ",=1+1"}) {
    EXPECT_EQ(csv.find(bad), std::string::npos) << bad;
  }
  EXPECT_NE(csv.find(",'=1+1,"), std::string::npos);
  EXPECT_NE(csv.find(",''=already quoted,"), std::string::npos);
  EXPECT_NE(csv.find(",'plain,"), std::string::npos);
  auto back = ParseDiaryCsv(csv);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(*back, d);
}

TEST(DiaryCsvTest, ColumnsMayComeInAnyOrderAndBeLeftOut) {
  auto r = ParseDiaryCsv("morning_pain,date\n3,2026-11-02\n");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->days[0].morning->pain.value(), 3);
}

TEST(DiaryCsvTest, ProblemsNameLineAndColumn) {
  const std::string header = "date,morning_pain,during_start,session\n";
  EXPECT_EQ(Problems(header + "2026-11-02,11,,\n"),
            "line 2, morning_pain: 11 is above the top of the scale (0 to 10)\n");
  EXPECT_EQ(Problems(header + "2026-02-30,3,,\n"),
            "line 2, date: \"2026-02-30\" is not a real calendar date\n");
  EXPECT_EQ(Problems(header + "2026-11-02,3,abc,\n"),
            "line 2, during_start: \"abc\" is not a number; expected a score from 0 to 10 in steps "
            "of 0.5\n");
  EXPECT_EQ(Problems(header + "2026-11-02,3,nan,\n"),
            "line 2, during_start: \"nan\" is not a number; expected a score from 0 to 10 in steps "
            "of 0.5\n");
  EXPECT_NE(
      Problems("date,mood\n2026-11-02,3\n").find("line 1, column 2: \"mood\" is not a column"),
      std::string::npos);
  EXPECT_NE(Problems("morning_pain\n3\n").find("no \"date\" column"), std::string::npos);
}

TEST(DiaryCsvTest, ADaysFieldsGivenTwiceMustAgree) {
  EXPECT_NE(
      Problems("date,morning_pain,session\n2026-11-02,3,1\n2026-11-02,4,2\n")
          .find("line 3, morning_pain: differs from the value given for 2026-11-02 on line 2"),
      std::string::npos);
  EXPECT_TRUE(
      ParseDiaryCsv("date,morning_pain,session\n2026-11-02,3,1\n2026-11-02,3,2\n").has_value());
}

TEST(DiaryCsvTest, SessionNumbersFollowRowOrder) {
  EXPECT_NE(Problems("date,session\n2026-11-02,2\n").find("but this is session 1 of 2026-11-02"),
            std::string::npos);
}

TEST(DiaryCsvTest, QuotingErrorsAndTruncation) {
  EXPECT_NE(Problems("date,note\n2026-11-02,\"never closed\n")
                .find("line 2: a quoted field is never closed"),
            std::string::npos);
  EXPECT_NE(Problems("date,note\n2026-11-02,ab\"c\n").find("a quote inside an unquoted field"),
            std::string::npos);
  EXPECT_NE(Problems("").find("the file is empty"), std::string::npos);
}

TEST(DiaryCsvTest, QuotedNewlinesAndQuotesSurvive) {
  Diary d;
  d.days.push_back(Day{.date = D("2026-11-02"), .note = "line one\nline \"two\", end "});
  auto back = ParseDiaryCsv(DiaryToCsv(d));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, d);
}

TEST(DiaryCsvTest, InvalidUtf8IsRefused) {
  EXPECT_NE(Problems("date,note\n2026-11-02,\xff\xfe\n").find("note: is not valid UTF-8"),
            std::string::npos);
}

TEST(DiaryCsvTest, ByteOrderMarkAndBlankLinesAreTolerated) {
  auto r = ParseDiaryCsv(
      "\xEF\xBB\xBF"
      "date,morning_pain\r\n\r\n2026-11-02,3\r\n\r\n");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->days.size(), 1u);
}

TEST(DiaryCsvTest, RoundTripWithJsonIsLossless) {
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    const Diary d = testing::RandomDiary(seed, 45);
    auto from_csv = ParseDiaryCsv(DiaryToCsv(d));
    ASSERT_TRUE(from_csv.has_value()) << from_csv.error().details[0];
    EXPECT_EQ(*from_csv, d) << "seed " << seed;
    auto from_json = ParseDiaryJson(DiaryToJson(*from_csv));
    ASSERT_TRUE(from_json.has_value());
    EXPECT_EQ(DiaryToCsv(*from_json), DiaryToCsv(d));
  }
}

TEST(DiaryCsvTest, SleepStressPainkillersAndOwnFactors) {
  const char* text =
      "date,sleep_hours,sleep_quality,painkillers,painkiller_name,stress,tags\n"
      "2026-11-02,5.5,4,,ibuprofen,7,long drive;period\n";
  auto r = ParseDiaryCsv(text);
  ASSERT_TRUE(r.has_value()) << r.error().details[0];
  const Context& c = r->days[0].context;
  EXPECT_EQ(*c.sleep_hours, 5.5);
  EXPECT_EQ(c.sleep_quality->value(), 4);
  EXPECT_TRUE(*c.painkillers);  // a name says some were taken
  EXPECT_EQ(*c.painkiller_name, "ibuprofen");
  EXPECT_EQ(c.stress->value(), 7);
  EXPECT_EQ(*c.tags, (std::vector<std::string>{"long drive", "period"}));
  EXPECT_NE(Problems("date,sleep_hours\n2026-11-02,6.25\n")
                .find("line 2, sleep_hours: 6.25 is not "
                      "in half hours"),
            std::string::npos);
  EXPECT_NE(Problems("date,tags\n2026-11-02,a;A\n").find("line 2, tags: [1]: \"A\" is given twice"),
            std::string::npos);
  EXPECT_NE(Problems("date,painkillers,painkiller_name\n2026-11-02,false,x\n")
                .find("line 2, painkiller_name"),
            std::string::npos);
}

TEST(DiaryCsvTest, ExportUsesCrlfAndTheDocumentedHeader) {
  const std::string csv = DiaryToCsv(Diary{});
  EXPECT_EQ(csv,
            "date,morning_pain,morning_stiffness,sitting_hours,prolonged_position,"
            "upper_body_tension,sleep_hours,sleep_quality,painkillers,painkiller_name,stress,tags,"
            "injury,"
            "note,note_pinned,session,time,minutes,activity,load,during_start,during_end,"
            "during_pattern,during_sharp,hour_after_pain,hour_after_tighter\r\n");
}

}  // namespace
}  // namespace backsignal
