// docs/reading.md (version 3) §3: the trend over one to two weeks, each threshold at, just
// below and just above it.
#include <gtest/gtest.h>

#include "backsignal/io/diary_json.h"
#include "backsignal/reading/reading.h"
#include "reading_test_util.h"

namespace backsignal {
namespace {

using testing::D;
using testing::DiaryBuilder;
using testing::Fortnight;
using testing::HasAlert;
using testing::HeldBy;
using testing::MakeSession;
using testing::S;
using testing::SessionOn;
using testing::SessionWithMorning;

// ---- §3: the trend ----

TEST(TrendTest, NotEnoughDataWithThreeSessionDaysOrSixMornings) {
  DiaryBuilder b = Fortnight();
  for (const char* d : {"2026-10-02", "2026-10-05", "2026-10-08"}) SessionWithMorning(b, d, 3);
  EXPECT_EQ(Read(b.Build(), D("2026-10-14"), {}).trend.verdict, Verdict::kNotEnoughData);
  SessionWithMorning(b, "2026-10-11", 3);
  EXPECT_EQ(Read(b.Build(), D("2026-10-14"), {}).trend.verdict, Verdict::kHelpful);
  // Six mornings in W.
  DiaryBuilder few;
  few.Mornings("2026-09-17", 14, 3).Mornings("2026-10-09", 6, 3);
  for (const char* d : {"2026-10-09", "2026-10-10", "2026-10-11", "2026-10-12"}) few.Session(d);
  const Reading r = Read(few.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.mornings, 6);
  EXPECT_EQ(r.trend.verdict, Verdict::kNotEnoughData);
}

TEST(TrendTest, RaisedShareIncludesFlaresAndSharesAreOverSessionDays) {
  DiaryBuilder b = Fortnight();
  SessionWithMorning(b, "2026-10-02", 5);   // flared
  SessionWithMorning(b, "2026-10-04", 4);   // raised
  SessionWithMorning(b, "2026-10-06", 3);   // settled
  SessionWithMorning(b, "2026-10-08", 2);   // settled (better)
  SessionWithMorning(b, "2026-10-10", {});  // no morning after: missing
  Diary d = b.Build();
  for (Day& day : d.days) {
    if (day.date == D("2026-10-11")) day.morning.reset();
  }
  const Trend t = Read(d, D("2026-10-14"), {}).trend;
  EXPECT_EQ(t.session_days, 4);
  EXPECT_EQ(t.flared_days, 1);
  EXPECT_EQ(t.raised_days, 2);
  EXPECT_DOUBLE_EQ(*t.flared_share, 0.25);
  EXPECT_DOUBLE_EQ(*t.raised_share, 0.5);
  EXPECT_EQ(t.exercise_days, 5);
}

TEST(TrendTest, MissingMorningsAreSessionsWithoutAMorningAfterInTheWindow) {
  DiaryBuilder b;
  b.Mornings("2026-09-17", 14, 3);
  for (const char* d : {"2026-10-01", "2026-10-03", "2026-10-05", "2026-10-07"}) {
    b.Session(d).Context((D(d) + 1).ToString().c_str(), Context{.prolonged_position = false});
  }
  b.Session("2026-10-14");  // its morning is after A: not missing
  const Trend t = Read(b.Build(), D("2026-10-14"), {}).trend;
  EXPECT_EQ(t.missing_mornings, 4);
  EXPECT_EQ(t.session_days, 0);
}

TEST(TrendTest, MostExerciseDaysHigherIsStirringUpUnlessRestMorningsAreAsHigh) {
  // Mornings after exercise at 4.5 against a usual of 3: raised. Rest mornings stay at 3.
  DiaryBuilder b = Fortnight();
  for (const char* d : {"2026-10-02", "2026-10-05", "2026-10-08", "2026-10-11"}) {
    SessionWithMorning(b, d, 4.5);
  }
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.raised_days, 4);
  EXPECT_EQ(r.trend.exercise_effect, 1.5);
  EXPECT_EQ(r.trend.verdict, Verdict::kStirringUp);
  // The same mornings after exercise when every morning is as high: the effect is zero.
  DiaryBuilder high;
  high.Mornings("2026-09-17", 14, 3).Mornings("2026-10-01", 14, 4.5);
  for (const char* d : {"2026-10-02", "2026-10-05", "2026-10-08", "2026-10-11"}) high.Session(d);
  const Reading h = Read(high.Build(), D("2026-10-14"), {});
  EXPECT_EQ(h.trend.exercise_effect, 0.0);
  EXPECT_NE(h.trend.verdict, Verdict::kStirringUp);
}

TEST(TrendTest, TheExerciseEffectNeedsThreeMorningsOnEachSide) {
  DiaryBuilder b = Fortnight();
  for (const char* d : {"2026-10-02", "2026-10-05"}) SessionWithMorning(b, d, 5);
  Trend t = Read(b.Build(), D("2026-10-14"), {}).trend;
  EXPECT_FALSE(t.exercise_effect.has_value());
  EXPECT_EQ(t.effect_after_mornings, 2);
  SessionWithMorning(b, "2026-10-08", 5);
  t = Read(b.Build(), D("2026-10-14"), {}).trend;
  EXPECT_EQ(t.exercise_effect, 2.0);
}

TEST(TrendTest, TheBaselineComparesThisFortnightWithTheOneBefore) {
  // Rest mornings at 3 for the fortnight before, 4 this fortnight: +1 is creeping.
  DiaryBuilder b;
  b.Mornings("2026-09-17", 14, 3).Mornings("2026-10-01", 14, 4);
  Trend t = Read(b.Build(), D("2026-10-14"), {}).trend;
  EXPECT_EQ(t.baseline_change, 1.0);
  EXPECT_EQ(t.baseline_basis, BaselineBasis::kRestMornings);
  EXPECT_EQ(t.baseline, Baseline::kCreeping);
  b.Mornings("2026-10-01", 14, 3.5);
  EXPECT_EQ(Read(b.Build(), D("2026-10-14"), {}).trend.baseline, Baseline::kStable);
  b.Mornings("2026-10-01", 14, 2);
  EXPECT_EQ(Read(b.Build(), D("2026-10-14"), {}).trend.baseline, Baseline::kImproving);
  // Too few rest mornings in the fortnight before: all mornings decide, and say so.
  DiaryBuilder sparse;
  sparse.Morning("2026-09-20", 3).Morning("2026-09-24", 3).Morning("2026-09-28", 3);
  sparse.Mornings("2026-10-01", 14, 4);
  t = Read(sparse.Build(), D("2026-10-14"), {}).trend;
  EXPECT_EQ(t.baseline_basis, BaselineBasis::kAllMornings);
  EXPECT_EQ(t.baseline, Baseline::kCreeping);
  // Nothing before: unknown.
  DiaryBuilder none;
  none.Mornings("2026-10-01", 14, 4);
  EXPECT_EQ(Read(none.Build(), D("2026-10-14"), {}).trend.baseline, Baseline::kUnknown);
}

TEST(TrendTest, WeekdayRhythmsDoNotFlipTheBaseline) {
  // Desk weeks: higher mornings Monday to Friday, lower at weekends, the same each fortnight.
  DiaryBuilder b;
  for (int i = 0; i < 28; ++i) {
    const Date d = D("2026-09-17") + i;
    const int weekday = ((d.days() % 7) + 7 + 3) % 7;  // 0 = Monday
    b.Morning(d.ToString().c_str(), weekday < 5 ? 4 : 2);
  }
  EXPECT_EQ(Read(b.Build(), D("2026-10-14"), {}).trend.baseline, Baseline::kStable);
}

TEST(TrendTest, StrainAboveHalfBlocksHelpfulAndExactlyHalfDoesNot) {
  DiaryBuilder b = Fortnight();
  SessionWithMorning(b, "2026-10-02", 3, 3, 5);  // building
  SessionWithMorning(b, "2026-10-05", 3, 3, 5);  // building
  SessionWithMorning(b, "2026-10-08", 3);
  SessionWithMorning(b, "2026-10-11", 3);
  Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.strained_share, 0.5);
  EXPECT_EQ(r.trend.verdict, Verdict::kHelpful);
  EXPECT_TRUE(r.trend.held_back_by.empty());
  SessionWithMorning(b, "2026-10-12", 3, 3, 5);
  r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_DOUBLE_EQ(*r.trend.strained_share, 0.6);
  EXPECT_EQ(r.trend.verdict, Verdict::kMixed);
  EXPECT_EQ(r.trend.held_back_by, std::vector<HeldBack>{HeldBack::kStrain});
  EXPECT_EQ(r.trend.built_sessions, 3);
}

TEST(TrendTest, StrainIsNullWithoutKnownSignals) {
  DiaryBuilder b = Fortnight();
  b.Session("2026-10-02");
  EXPECT_FALSE(Read(b.Build(), D("2026-10-14"), {}).trend.strained_share.has_value());
}

TEST(TrendTest, ACreepingBaselineIsNeverHelpful) {
  DiaryBuilder b;
  b.Mornings("2026-09-17", 14, 3).Mornings("2026-10-01", 14, 4);
  for (const char* d : {"2026-10-02", "2026-10-05", "2026-10-08", "2026-10-11"}) b.Session(d);
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.baseline, Baseline::kCreeping);
  EXPECT_EQ(r.trend.verdict, Verdict::kMixed);
  EXPECT_EQ(r.trend.held_back_by, std::vector<HeldBack>{HeldBack::kCreeping});
}

// Sessions rated at the start and at the end: `rises` on the dates `offsets` days after 09-20,
// and five more in W without a start (no rise), so that a verdict can be read.
Reading Rises(const std::vector<double>& rises, const std::vector<int>& offsets, double start = 3,
              double start_step = 0) {
  DiaryBuilder b = Fortnight();
  for (size_t i = 0; i < rises.size(); ++i) {
    const double from = start + start_step * static_cast<double>(i);
    b.Session(testing::DayPlus("2026-09-20", offsets[i]).c_str(), from, from + rises[i]);
  }
  for (const char* d : {"2026-10-02", "2026-10-03", "2026-10-06", "2026-10-08", "2026-10-12"}) {
    b.With(d, MakeSession({}, 3));
  }
  return Read(b.Build(), D("2026-10-14"), {});
}

TEST(ComfortTest, FromEachSessionsOwnRiseWithAHalfPointAWeekDecidingExactly) {
  // Rises 0, 0.5, 1, 1.5 a week apart: +0.5 a week exactly is less comfortable.
  Reading r = Rises({0, 0.5, 1, 1.5}, {0, 7, 14, 21});
  EXPECT_EQ(r.trend.comfort_slope_per_week, 0.5);
  EXPECT_EQ(r.trend.comfort, Comfort::kLessComfortable);
  EXPECT_EQ(r.trend.verdict, Verdict::kStirringUp);
  // Eight days apart: 0.4375 a week, steady; six days apart, 0.58: less comfortable.
  EXPECT_EQ(Rises({0, 0.5, 1, 1.5}, {0, 8, 16, 24}).trend.comfort, Comfort::kSteady);
  EXPECT_EQ(Rises({0, 0.5, 1, 1.5}, {0, 6, 12, 18}).trend.comfort, Comfort::kLessComfortable);
  // Falling: more comfortable at exactly -0.5.
  EXPECT_EQ(Rises({1.5, 1, 0.5, 0}, {0, 7, 14, 21}).trend.comfort, Comfort::kMoreComfortable);
  EXPECT_EQ(Rises({1.5, 1, 0.5, 0}, {0, 8, 16, 24}).trend.comfort, Comfort::kSteady);
}

TEST(ComfortTest, ARisingStartWithTheSameRiseIsSteady) {
  // A deadline raised every session's starting pain a point a week; each session eased it by
  // half a point: the sessions themselves did not get less comfortable.
  const Reading r = Rises({-0.5, -0.5, -0.5, -0.5}, {0, 7, 14, 21}, 3, 1);
  EXPECT_EQ(r.trend.comfort_slope_per_week, 0.0);
  EXPECT_EQ(r.trend.comfort, Comfort::kSteady);
  EXPECT_NE(r.trend.verdict, Verdict::kStirringUp);
}

TEST(ComfortTest, UnknownWithFewerThanFourRisesOrOneDate) {
  EXPECT_EQ(Rises({0, 0.5, 1}, {0, 7, 14}).trend.comfort, Comfort::kUnknown);
  EXPECT_EQ(Rises({0, 0.5, 1}, {0, 7, 14}).trend.comfort_sessions, 3);
  EXPECT_EQ(Rises({0, 0.5, 1, 2}, {0, 0, 0, 0}).trend.comfort, Comfort::kUnknown);
}

TEST(ProgressTest, UsualOverTheWeeksFromRestMorningsOnly) {
  DiaryBuilder b;
  b.Mornings("2026-08-10", 28, 6).Mornings("2026-09-07", 28, 5).Mornings("2026-10-05", 28, 4);
  const Reading r = Read(b.Build(), D("2026-11-01"), {});
  EXPECT_EQ(r.progress.now, 4.0);
  EXPECT_EQ(r.progress.four_weeks_before, 5.0);
  EXPECT_EQ(r.progress.eight_weeks_before, 6.0);
  // A stated usual never shows as progress.
  DiaryBuilder stated;
  stated.Usual(3).Morning("2026-10-30", 4);
  const Reading s = Read(stated.Build(), D("2026-11-01"), {});
  EXPECT_EQ(s.usual.pain, 3.0);
  EXPECT_FALSE(s.progress.now.has_value());
}

// ---- §3: recorded days and strain by kind ----

// 10-01..10-07 each with a morning of 3, sessions on 10-01..10-04, a stated usual of 3: seven
// recorded dates in W, seven mornings and four session days.
DiaryBuilder SevenDays() {
  DiaryBuilder b;
  b.Usual(3).Mornings("2026-10-01", 7, 3);
  for (const char* d : {"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04"}) b.Session(d, 3, 3);
  return b;
}

TEST(RecordedDaysTest, FewerThanEightRecordedDatesInTheWindowIsNotEnough) {
  DiaryBuilder b = SevenDays();
  Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.recorded_days, 7);
  EXPECT_EQ(r.trend.mornings, 7);
  EXPECT_EQ(r.trend.session_days, 4);
  EXPECT_EQ(r.trend.verdict, Verdict::kNotEnoughData);
  EXPECT_EQ(r.trend.recorded_days_needed, 1);
  EXPECT_TRUE(r.trend.held_back_by.empty());
  // An eighth day with only a context, even painkillers: false, is recorded.
  b.Context("2026-10-09", Context{.painkillers = false});
  r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.recorded_days, 8);
  EXPECT_EQ(r.trend.verdict, Verdict::kHelpful);
  b.Context("2026-10-10", Context{.sitting_hours = 0.0});
  EXPECT_EQ(Read(b.Build(), D("2026-10-14"), {}).trend.recorded_days, 9);
}

TEST(RecordedDaysTest, EmptyTagsAreNothingAndANoteOfWhiteSpaceIsSomething) {
  const auto read = [](const std::string& day) {
    std::string json = R"({"format":"backsignal-diary","version":1,"days":[)" + day + "]}";
    auto d = ParseDiaryJson(json);
    EXPECT_TRUE(d.has_value()) << json;
    return Read(*d, D("2026-10-14"), {}).trend.recorded_days;
  };
  EXPECT_EQ(read(R"({"date":"2026-10-09","context":{"tags":[]}})"), 0);
  EXPECT_EQ(read(R"({"date":"2026-10-09","note":" "})"), 1);
}

TEST(StrainTest, CountsByKindOverSessionsWithAKnownSignal) {
  DiaryBuilder b = Fortnight();
  Session sharp = MakeSession(3, 3);
  sharp.during.sharp = true;
  b.With("2026-10-02", sharp);                                // sharp
  b.Session("2026-10-04", 3, 5);                              // built
  b.Session("2026-10-06", 3, 3, 4).Morning("2026-10-07", 4);  // still rising, raised
  b.Session("2026-10-08", 3, 3, 4);  // rising, settled by the morning: none
  b.With("2026-10-10", Session{});   // nothing known: not counted
  const Trend t = Read(b.Build(), D("2026-10-14"), {}).trend;
  EXPECT_EQ(t.strain_sessions, 4);
  EXPECT_EQ(t.strained_sessions, 3);
  EXPECT_EQ(t.sharp_sessions, 1);
  EXPECT_EQ(t.built_sessions, 1);
  EXPECT_EQ(t.still_rising_sessions, 1);
  EXPECT_DOUBLE_EQ(*t.strained_share, 0.75);
}

}  // namespace
}  // namespace backsignal
