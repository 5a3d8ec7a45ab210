// docs/reading.md (version 3) §4: the alerts, and the as-of date, settings and horizon the
// whole reading keeps to.
#include <gtest/gtest.h>

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

// ---- §4 alerts ----

TEST(AlertTest, SharpInTheWindowAlertsAndBeforeItDoesNot) {
  DiaryBuilder b = Fortnight();
  Session sharp;
  sharp.during.sharp = true;
  b.With("2026-09-30", sharp).With("2026-10-01", sharp);
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_EQ(r.alerts[0].kind, AlertKind::kModifyOrStop);
  EXPECT_EQ(r.alerts[0].date, D("2026-10-01"));
  EXPECT_EQ(r.trend.sharp_sessions, 1);
}

TEST(AlertTest, ThreeFlaredSessionDaysInARowAlertTwoDoNot) {
  DiaryBuilder b = Fortnight();
  SessionWithMorning(b, "2026-10-05", 5);
  SessionWithMorning(b, "2026-10-08", 5);
  EXPECT_FALSE(HasAlert(Read(b.Build(), D("2026-10-14"), {}), AlertKind::kRepeatedWorseMornings));
  SessionWithMorning(b, "2026-10-11", 5.5);
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  ASSERT_TRUE(HasAlert(r, AlertKind::kRepeatedWorseMornings));
  EXPECT_NE(r.trend.verdict, Verdict::kHelpful);
  SessionWithMorning(b, "2026-10-12", 3);
  EXPECT_FALSE(HasAlert(Read(b.Build(), D("2026-10-14"), {}), AlertKind::kRepeatedWorseMornings));
}

TEST(AlertTest, KeepsRisingWhenTheUsualRoseTwoInFourWeeks) {
  DiaryBuilder b;
  b.Mornings("2026-09-07", 28, 3).Mornings("2026-10-05", 28, 5);
  Reading r = Read(b.Build(), D("2026-11-01"), {});
  ASSERT_TRUE(HasAlert(r, AlertKind::kKeepsRising));
  EXPECT_EQ(r.alerts.back().date, D("2026-11-01"));
  b.Mornings("2026-10-05", 28, 4.5);
  r = Read(b.Build(), D("2026-11-01"), {});
  EXPECT_FALSE(HasAlert(r, AlertKind::kKeepsRising));
}

TEST(AsOfTest, LaterDataIsIgnoredAndTheUsualIsTheNextDays) {
  DiaryBuilder b = Fortnight();
  SessionWithMorning(b, "2026-10-13", 9);
  const Reading r = Read(b.Build(), D("2026-10-13"), {});
  EXPECT_EQ(SessionOn(r, "2026-10-13")->morning, MorningSignal::kUnknown);
  EXPECT_EQ(r.usual.pain, 3.0);
}

TEST(SettingsInReadingTest, NonDefaultSettingsAreNamedAndRelationsChecked) {
  Settings s;
  s.sitting_hours = 7;
  EXPECT_EQ(Read(Diary{}, D("2026-10-01"), s).non_default_settings,
            std::vector<std::string>{"sitting_hours"});
  Settings bad;
  bad.baseline_days = 20;
  bad.baseline_fallback_days = 14;
  EXPECT_FALSE(CheckSettings(bad).has_value());
  Settings odd;
  odd.noticeably_higher = 2;
  odd.significant_change = 1.5;
  EXPECT_FALSE(CheckSettings(odd).has_value());
}

TEST(HorizonTest, ADiaryCutAtTheHorizonReadsTheSame) {
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    const Diary full = testing::RandomDiary(seed, 300);
    const Date as_of = full.days.back().date - static_cast<int32_t>(seed % 5);
    Settings s;
    Diary cut = full;
    const Date start = as_of - ReadingHorizonDays(s);
    std::erase_if(cut.days, [&](const Day& d) { return d.date < start; });
    const Reading a = Read(full, as_of, s), b = Read(cut, as_of, s);
    EXPECT_EQ(a.trend.verdict, b.trend.verdict) << seed;
    EXPECT_EQ(a.trend.raised_days, b.trend.raised_days) << seed;
    EXPECT_EQ(a.usual.pain, b.usual.pain) << seed;
    EXPECT_EQ(a.progress.eight_weeks_before, b.progress.eight_weeks_before) << seed;
    EXPECT_EQ(a.alerts.size(), b.alerts.size()) << seed;
    ASSERT_EQ(a.associations.size(), b.associations.size());
    for (size_t i = 0; i < a.associations.size(); ++i) {
      EXPECT_EQ(a.associations[i].with_higher, b.associations[i].with_higher) << seed;
      EXPECT_EQ(a.associations[i].without_days, b.associations[i].without_days) << seed;
    }
    ASSERT_EQ(a.mornings.size(), b.mornings.size());
    for (size_t i = 0; i < a.mornings.size(); ++i) {
      EXPECT_EQ(a.mornings[i].usual.pain, b.mornings[i].usual.pain) << seed;
    }
  }
  EXPECT_GE(MaxReadingHorizonDays(), ReadingHorizonDays(Settings{}));
}
// Rest mornings at `eight` for four weeks, `four` for four weeks, then `now` for four weeks to
// 11-01 (as of 11-01): progress now, four and eight weeks before.
Reading Weeks(double eight, double four, double now) {
  DiaryBuilder b;
  b.Mornings("2026-08-10", 28, eight)
      .Mornings("2026-09-07", 28, four)
      .Mornings("2026-10-05", 28, now);
  return Read(b.Build(), D("2026-11-01"), {});
}

TEST(AlertTest, KeepsRisingOverEightWeeksWhenFourWeeksRoseLess) {
  Reading r = Weeks(2, 3.5, 4);
  EXPECT_EQ(r.progress.eight_weeks_before, 2.0);
  ASSERT_TRUE(HasAlert(r, AlertKind::kKeepsRising));
  const Alert& a = r.alerts.back();
  ASSERT_TRUE(a.rise.has_value());
  EXPECT_EQ(a.rise->weeks, 8);
  EXPECT_FALSE(a.rise->all_mornings);
  EXPECT_EQ(a.rise->from, 2.0);
  EXPECT_EQ(a.rise->to, 4.0);
  EXPECT_EQ(r.trend.verdict, Verdict::kNotEnoughData);  // no sessions: no verdict to hold back
  EXPECT_FALSE(HasAlert(Weeks(2.5, 3.5, 4), AlertKind::kKeepsRising));  // +1.5 in eight weeks
  // Both rose two: the larger rise is the one said; four weeks on a tie.
  EXPECT_EQ(Weeks(2, 2, 4).alerts.back().rise->weeks, 4);
  EXPECT_EQ(Weeks(1, 3, 5).alerts.back().rise->weeks, 8);
}

// Sessions every day (no rest morning after the first few), mornings at `before` until A-28 and
// `now` from A-13, with `eight` ten weeks back.
Reading DailyTrainer(double eight, double before, double now) {
  DiaryBuilder b;
  const Date a = D("2026-12-06");
  for (int i = 69; i >= 0; --i) {
    const std::string d = (a - i).ToString();
    b.Morning(d.c_str(), i <= 13 ? now : i <= 41 ? before : eight).Session(d.c_str(), 3, 3);
  }
  return Read(b.Build(), a, {});
}

TEST(AlertTest, KeepsRisingOnAllMorningsForSomeoneWhoNeverRests) {
  Reading r = DailyTrainer(3, 3, 5);
  EXPECT_FALSE(r.progress.now.has_value());
  ASSERT_TRUE(HasAlert(r, AlertKind::kKeepsRising));
  EXPECT_TRUE(r.alerts.back().rise->all_mornings);
  EXPECT_EQ(r.alerts.back().rise->weeks, 4);
  EXPECT_FALSE(HasAlert(DailyTrainer(3, 3, 4.5), AlertKind::kKeepsRising));
  // A slow rise: one point a month, two in eight weeks.
  r = DailyTrainer(2.5, 3.5, 4.5);
  ASSERT_TRUE(HasAlert(r, AlertKind::kKeepsRising));
  EXPECT_EQ(r.alerts.back().rise->weeks, 8);
  EXPECT_FALSE(HasAlert(DailyTrainer(3, 3.5, 4.5), AlertKind::kKeepsRising));
}

TEST(AlertTest, TheFallbackNeedsThreeMorningsOnEachSide) {
  DiaryBuilder b;
  const Date a = D("2026-12-06");
  for (int i : {40, 35, 0, 1, 2}) b.Morning((a - i).ToString().c_str(), i < 13 ? 6 : 2);
  EXPECT_FALSE(HasAlert(Read(b.Build(), a, {}), AlertKind::kKeepsRising));
  b.Morning((a - 30).ToString().c_str(), 2);
  EXPECT_TRUE(HasAlert(Read(b.Build(), a, {}), AlertKind::kKeepsRising));
}

// Six weeks of mornings at 3 to 10-16; then bad days in pairs at 6 (10-18/19, 10-23/24,
// 10-28/29), and when `fill`, mornings of 3 on every other day to 10-30.
Reading BadPairs(bool fill, const Settings& s = {}) {
  DiaryBuilder b;
  b.Mornings("2026-09-05", 42, 3);
  if (fill) b.Mornings("2026-10-17", 14, 3);
  for (const char* d :
       {"2026-10-18", "2026-10-19", "2026-10-23", "2026-10-24", "2026-10-28", "2026-10-29"}) {
    b.Morning(d, 6);
  }
  return Read(b.Build(), D("2026-10-30"), s);
}

TEST(AlertTest, TheEarlyWarningStaysQuietOnFewerThanEightRecordedDays) {
  Reading r = BadPairs(true);
  EXPECT_EQ(r.trend.recorded_days, 14);
  EXPECT_TRUE(HasAlert(r, AlertKind::kMorningShift));
  // Only the bad days of the fortnight recorded: the sum still crosses, the alert stays quiet.
  r = BadPairs(false);
  EXPECT_EQ(r.trend.recorded_days, 6);
  EXPECT_GE(*r.morning_shift.cusum, 3.0);
  EXPECT_FALSE(r.morning_shift.alarm);
  EXPECT_FALSE(HasAlert(r, AlertKind::kMorningShift));
  Settings fewer;
  fewer.min_recorded_days = 6;
  EXPECT_TRUE(HasAlert(BadPairs(false, fewer), AlertKind::kMorningShift));
  fewer.min_recorded_days = 7;
  EXPECT_FALSE(HasAlert(BadPairs(false, fewer), AlertKind::kMorningShift));
}

}  // namespace
}  // namespace backsignal
