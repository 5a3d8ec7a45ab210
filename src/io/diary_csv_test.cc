#include "backsignal/io/diary_csv.h"

#include <gtest/gtest.h>

#include "backsignal/io/diary_json.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;

std::string CsvProblems(const std::string& text) {
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
  EXPECT_EQ(CsvProblems(header + "2026-11-02,11,,\n"),
            "line 2, morning_pain: 11 is above the top of the scale (0 to 10)\n");
  EXPECT_EQ(CsvProblems(header + "2026-02-30,3,,\n"),
            "line 2, date: \"2026-02-30\" is not a real calendar date\n");
  EXPECT_EQ(CsvProblems(header + "2026-11-02,3,abc,\n"),
            "line 2, during_start: \"abc\" is not a number; expected a score from 0 to 10 in steps "
            "of 0.5\n");
  EXPECT_EQ(CsvProblems(header + "2026-11-02,3,nan,\n"),
            "line 2, during_start: \"nan\" is not a number; expected a score from 0 to 10 in steps "
            "of 0.5\n");
  EXPECT_NE(
      CsvProblems("date,mood\n2026-11-02,3\n").find("line 1, column 2: \"mood\" is not a column"),
      std::string::npos);
  EXPECT_NE(CsvProblems("morning_pain\n3\n").find("no \"date\" column"), std::string::npos);
}

TEST(DiaryCsvTest, ADaysFieldsGivenTwiceMustAgree) {
  EXPECT_NE(
      CsvProblems("date,morning_pain,session\n2026-11-02,3,1\n2026-11-02,4,2\n")
          .find("line 3, morning_pain: differs from the value given for 2026-11-02 on line 2"),
      std::string::npos);
  EXPECT_TRUE(
      ParseDiaryCsv("date,morning_pain,session\n2026-11-02,3,1\n2026-11-02,3,2\n").has_value());
}

TEST(DiaryCsvTest, SessionNumbersFollowRowOrder) {
  EXPECT_NE(CsvProblems("date,session\n2026-11-02,2\n").find("but this is session 1 of 2026-11-02"),
            std::string::npos);
}

TEST(DiaryCsvTest, QuotingErrorsAndTruncation) {
  EXPECT_NE(CsvProblems("date,note\n2026-11-02,\"never closed\n")
                .find("line 2: a quoted field is never closed"),
            std::string::npos);
  EXPECT_NE(CsvProblems("date,note\n2026-11-02,ab\"c\n").find("a quote inside an unquoted field"),
            std::string::npos);
  EXPECT_NE(CsvProblems("").find("the file is empty"), std::string::npos);
}

TEST(DiaryCsvTest, QuotedNewlinesAndQuotesSurvive) {
  Diary d;
  d.days.push_back(Day{.date = D("2026-11-02"), .note = "line one\nline \"two\", end "});
  auto back = ParseDiaryCsv(DiaryToCsv(d));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, d);
}

TEST(DiaryCsvTest, InvalidUtf8IsRefused) {
  EXPECT_NE(CsvProblems("date,note\n2026-11-02,\xff\xfe\n").find("note: is not valid UTF-8"),
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
  EXPECT_NE(CsvProblems("date,sleep_hours\n2026-11-02,6.25\n")
                .find("line 2, sleep_hours: 6.25 is not "
                      "in half hours"),
            std::string::npos);
  EXPECT_NE(
      CsvProblems("date,tags\n2026-11-02,a;A\n").find("line 2, tags: [1]: \"A\" is given twice"),
      std::string::npos);
  EXPECT_NE(CsvProblems("date,painkillers,painkiller_name\n2026-11-02,false,x\n")
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
            "during_pattern,during_sharp,hour_after_pain,hour_after_tighter,effort,flare_time,"
            "flare_pain,flare_sharp,flare_note,peg_pain,peg_enjoyment,peg_activity,psfs\r\n");
}

// The weekly answers and flares (docs/measures.md) on rows of their own beside the days.
Measures SomeMeasures() {
  Measures m;
  m.weekly.push_back(Weekly{.date = D("2026-11-01"),
                            .peg = Peg{6, 5, 7},
                            .psfs = {{"+reaching overhead", 3}, {"turning to look behind", 4}}});
  m.weekly.push_back(Weekly{.date = D("2026-11-08"), .psfs = {{"carrying a bag", 6}}});
  m.weekly.push_back(Weekly{.date = D("2026-11-15"), .peg = Peg{4, 4, 3}});
  m.flares.push_back(Flare{.date = D("2026-11-03"),
                           .time = TimeOfDay::FromMinutes(14 * 60 + 5),
                           .pain = Score::FromHalves(13),
                           .sharp = true,
                           .note = "lifting the \"big\" box, then\nsitting"});
  m.flares.push_back(Flare{.date = D("2026-11-03"), .pain = Score::FromHalves(8)});
  m.flares.push_back(Flare{.date = D("2026-11-04"),
                           .pain = Score::FromHalves(10),
                           .sharp = false,
                           .note = "+1 after the drive"});
  return m;
}

TEST(DiaryCsvTest, WeeklyAnswersAndFlaresRoundTripWithJson) {
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    Diary d = testing::RandomDiary(seed, 30);
    d.measures = SomeMeasures();
    const std::string csv = DiaryToCsv(d);
    auto from_csv = ParseDiaryCsv(csv);
    ASSERT_TRUE(from_csv.has_value()) << from_csv.error().details[0];
    EXPECT_EQ(*from_csv, d) << "seed " << seed;
    auto from_json = ParseDiaryJson(DiaryToJson(*from_csv));
    ASSERT_TRUE(from_json.has_value());
    EXPECT_EQ(DiaryToCsv(*from_json), csv);
  }
  // A flare alone makes no recorded day; the formula in an activity's name is defused.
  Diary d;
  d.measures = SomeMeasures();
  const std::string csv = DiaryToCsv(d);
  EXPECT_NE(csv.find(",6,5,7,'+reaching overhead=3;turning to look behind=4\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("2026-11-03,,,,,,,,,,,,,,,,,,,,,,,,,,,14:05,6.5,true,"), std::string::npos)
      << csv;
  auto back = ParseDiaryCsv(csv);
  ASSERT_TRUE(back.has_value()) << back.error().details[0];
  EXPECT_TRUE(back->days.empty());
  EXPECT_EQ(back->measures, d.measures);
}

TEST(DiaryCsvTest, WeeklyAndFlareRowsAreCheckedCellByCell) {
  // A spreadsheet's own layout: only the columns used, in any order.
  auto r = ParseDiaryCsv(
      "date,morning_pain,flare_pain,flare_time,psfs,peg_pain,peg_enjoyment,peg_activity\n"
      "2026-11-02,3,,,,,,\n"
      "2026-11-02,,7,21:30,,,,\n"
      "2026-11-08,,,, sitting for an hour = 5 ; carrying a bag=2;,6,6,5\n");
  ASSERT_TRUE(r.has_value()) << r.error().details[0];
  ASSERT_EQ(r->days.size(), 1u);
  ASSERT_EQ(r->measures.flares.size(), 1u);
  EXPECT_EQ(r->measures.flares[0].pain.halves(), 14);
  ASSERT_EQ(r->measures.weekly.size(), 1u);
  EXPECT_EQ(r->measures.weekly[0].psfs,
            (std::vector<PsfsRating>{{"sitting for an hour", 5}, {"carrying a bag", 2}}));
  EXPECT_EQ(r->measures.weekly[0].peg, (Peg{6, 6, 5}));

  const auto has = [](const std::string& problems, const std::string& want) {
    return problems.find(want) != std::string::npos;
  };
  EXPECT_TRUE(has(CsvProblems("date,flare_time\n2026-11-02,09:00\n"),
                  "line 2, flare_pain: a flare needs its pain (0 to 10)"));
  EXPECT_TRUE(has(CsvProblems("date,flare_pain\n2026-11-02,11\n"), "line 2, flare_pain: "));
  EXPECT_TRUE(has(CsvProblems("date,flare_pain,flare_time\n2026-11-02,3,25:00\n"),
                  "line 2, flare_time: \"25:00\""));
  EXPECT_TRUE(has(CsvProblems("date,flare_pain,flare_sharp\n2026-11-02,3,maybe\n"),
                  "line 2, flare_sharp: \"maybe\" is not true or false"));
  EXPECT_TRUE(has(CsvProblems("date,flare_pain,morning_pain\n2026-11-02,3,4\n"),
                  "line 2, morning_pain: a flare's row holds only date and the flare_ columns"));
  EXPECT_TRUE(has(CsvProblems("date,flare_pain,peg_pain\n2026-11-02,3,4\n"),
                  "line 2, holds a flare and weekly answers"));
  EXPECT_TRUE(has(CsvProblems("date,peg_pain,peg_enjoyment\n2026-11-02,3,4\n"),
                  "line 2, peg_activity: is empty; the PEG needs all three"));
  EXPECT_TRUE(has(CsvProblems("date,peg_pain,peg_enjoyment,peg_activity\n2026-11-02,3,4.5,4\n"),
                  "line 2, peg_enjoyment: "));
  EXPECT_TRUE(has(CsvProblems("date,psfs\n2026-11-02,reaching overhead\n"),
                  "line 2, psfs: \"reaching overhead\" is not an activity and its score"));
  EXPECT_TRUE(has(CsvProblems("date,psfs\n2026-11-02,reaching overhead=12\n"),
                  "line 2, psfs: \"reaching overhead=12\": the score "));
  EXPECT_TRUE(has(CsvProblems("date,psfs\n2026-11-02,a=1;b=2;c=3;d=4;e=5;f=6\n"), "6 activities"));
  EXPECT_TRUE(has(CsvProblems("date,psfs\n2026-11-02,a=1\n2026-11-02,b=2\n"),
                  "line 3, date: the weekly answers for 2026-11-02 are given on line 2 already"));
  EXPECT_TRUE(has(CsvProblems("date,psfs,morning_pain\n2026-11-02,a=1,3\n"),
                  "line 2, morning_pain: a row of weekly answers holds only date"));
}

}  // namespace
}  // namespace backsignal
