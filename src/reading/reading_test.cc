// Every rule of spec/reading.md (version 2), each threshold at, just below and just above it.
#include "backsignal/reading/reading.h"

#include <gtest/gtest.h>

#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;
using testing::DiaryBuilder;
using testing::S;

const SessionReading* SessionOn(const Reading& r, const char* date, size_t number = 1) {
  for (const SessionReading& s : r.sessions) {
    if (s.date == D(date) && s.number == number) return &s;
  }
  return nullptr;
}

Session MakeSession(std::optional<double> start, std::optional<double> end,
                    std::optional<double> after = {}) {
  Session s;
  if (start) s.during.start = S(*start);
  if (end) s.during.end = S(*end);
  if (after) s.hour_after.pain = S(*after);
  return s;
}

bool HasAlert(const Reading& r, AlertKind k) {
  for (const Alert& a : r.alerts) {
    if (a.kind == k) return true;
  }
  return false;
}

// ---- §0, §1: recorded days, rest mornings, the usual morning ----

TEST(UsualMorningTest, TheLevelOfRestMorningsOfTheFourteenDaysBefore) {
  // 10-01 follows an unrecorded day; 10-02..10-04 follow recorded days without sessions.
  Diary d = DiaryBuilder()
                .Morning("2026-10-01", 9)
                .Morning("2026-10-02", 2)
                .Morning("2026-10-03", 3)
                .Morning("2026-10-04", 4)
                .Build();
  const UsualAt u = UsualMorningAt(d, D("2026-10-05"), {});
  EXPECT_EQ(u.pain, 3.0);
  EXPECT_EQ(u.pain_source, UsualSource::kRestMornings);
}

TEST(UsualMorningTest, AMorningAfterAnUnrecordedDayIsNotARestMorning) {
  // Mornings every other day: none follows a recorded day.
  Diary d = DiaryBuilder()
                .Morning("2026-10-01", 3)
                .Morning("2026-10-03", 3)
                .Morning("2026-10-05", 3)
                .Morning("2026-10-07", 3)
                .Build();
  EXPECT_FALSE(UsualMorningAt(d, D("2026-10-08"), {}).pain.has_value());
  // A context or a note makes a day recorded.
  Diary noted = DiaryBuilder()
                    .Context("2026-10-02", Context{.prolonged_position = false})
                    .Context("2026-10-04", Context{.sitting_hours = 1.0})
                    .Context("2026-10-06", Context{.upper_body_tension = S(2)})
                    .Morning("2026-10-03", 3)
                    .Morning("2026-10-05", 3)
                    .Morning("2026-10-07", 3)
                    .Build();
  EXPECT_EQ(UsualMorningAt(noted, D("2026-10-08"), {}).pain, 3.0);
}

TEST(UsualMorningTest, EvenCountIsMeanOfMiddleTwo) {
  Diary d = DiaryBuilder().Mornings("2026-10-01", 5, 2).Morning("2026-10-04", 5.5).Build();
  // Rest mornings 10-02..10-05: 2, 2, 5.5, 2 -> 2; with one more 5.5 the middle two are 2, 5.5.
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-06"), {}).pain, 2.0);
  Diary e = DiaryBuilder()
                .Mornings("2026-10-01", 5, 2)
                .Morning("2026-10-04", 5.5)
                .Morning("2026-10-05", 5.5)
                .Build();
  EXPECT_EQ(UsualMorningAt(e, D("2026-10-06"), {}).pain, 3.75);
}

TEST(UsualMorningTest, MorningsAfterExerciseNeverSetTheUsual) {
  // Training every day: every morning follows a session. No usual, and no fallback to them.
  DiaryBuilder b;
  b.Mornings("2026-10-01", 20, 5);
  for (int i = 0; i < 20; ++i) b.Session((D("2026-10-01") + i).ToString().c_str());
  const Diary d = b.Build();
  EXPECT_FALSE(UsualMorningAt(d, D("2026-10-21"), {}).pain.has_value());
  // With a stated usual, that is what the mornings are judged against.
  b.Usual(3);
  const UsualAt u = UsualMorningAt(b.Build(), D("2026-10-21"), {});
  EXPECT_EQ(u.pain, 3.0);
  EXPECT_EQ(u.pain_source, UsualSource::kStated);
}

TEST(UsualMorningTest, LooksBackTwentyEightDaysWhenFourteenHaveTooFewRestMornings) {
  // Rest mornings on 10-02..10-04 (3); then sessions every day from 10-05 to 10-25.
  DiaryBuilder b;
  b.Mornings("2026-10-01", 4, 2);
  for (int i = 4; i < 25; ++i) {
    const std::string day = (D("2026-10-01") + i).ToString();
    b.Morning(day.c_str(), 6).Session((D("2026-10-01") + i - 1).ToString().c_str());
  }
  const Diary d = b.Build();
  // At 10-26 the fourteen days back hold no rest morning; twenty-eight days back hold three.
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-26"), {}).pain, 2.0);
  // At 10-31, 10-02 is 29 days back: only two remain, and nothing else gives a usual.
  EXPECT_FALSE(UsualMorningAt(d, D("2026-10-31"), {}).pain.has_value());
}

TEST(UsualMorningTest, FourteenDaysFirstEvenWhenTwentyEightWouldSayOtherwise) {
  // Rest mornings of 1 until 09-20, then of 4 from 10-02: fourteen days back from 10-06 hold
  // four 4s, twenty-eight days back would hold more 1s. The first look-back decides.
  Diary d = DiaryBuilder().Mornings("2026-09-01", 20, 1).Mornings("2026-10-01", 5, 4).Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-06"), {}).pain, 4.0);
  // At 10-18 the fourteen days back hold two: the twenty-eight days back hold 09-20's 1 too.
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-18"), {}).pain, 4.0);
  Settings s;
  s.baseline_min_mornings = 5;
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-18"), s).pain, 4.0);  // 1, 4, 4, 4, 4
}

TEST(UsualMorningTest, TwoRestMorningsAreNotALevel) {
  Diary d = DiaryBuilder().Mornings("2026-10-01", 3, 2).Usual(6).Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-04"), {}).pain, 6.0);  // two rest mornings: stated
  Diary e = DiaryBuilder().Mornings("2026-10-01", 4, 2).Usual(6).Build();
  EXPECT_EQ(UsualMorningAt(e, D("2026-10-05"), {}).pain, 2.0);  // three: the level
}

TEST(UsualMorningTest, TheMorningItselfIsNotPartOfItsUsual) {
  Diary d = DiaryBuilder().Mornings("2026-10-01", 4, 2).Morning("2026-10-05", 9).Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-05"), {}).pain, 2.0);
}

TEST(UsualMorningTest, StiffnessHasItsOwnUsualAndItsOwnStatement) {
  Diary d = DiaryBuilder()
                .Morning("2026-10-01", 2, 5)
                .Morning("2026-10-02", 2, 5)
                .Morning("2026-10-03", 2)
                .Morning("2026-10-04", 2, 6)
                .Morning("2026-10-05", 2)
                .Usual({}, 4)
                .Build();
  const UsualAt u = UsualMorningAt(d, D("2026-10-06"), {});
  EXPECT_EQ(u.pain, 2.0);
  EXPECT_EQ(u.stiffness, 4.0);  // only two rest mornings rate stiffness: the stated one
}

// ---- §2: during, hour after, morning after ----

TEST(DuringSignalTest, SharpThenBuildingThenStable) {
  Session s = MakeSession(3, 3);
  s.during.sharp = true;
  s.during.pattern = Pattern::kBuilding;
  EXPECT_EQ(DuringSignalOf(s, {}), DuringSignal::kSharp);
  s.during.sharp = false;
  EXPECT_EQ(DuringSignalOf(s, {}), DuringSignal::kBuilding);
  EXPECT_EQ(DuringSignalOf(MakeSession(3, 5), {}), DuringSignal::kBuilding);
  EXPECT_EQ(DuringSignalOf(MakeSession(3, 4.5), {}), DuringSignal::kStable);
  EXPECT_EQ(DuringSignalOf(MakeSession(3, {}), {}), DuringSignal::kStable);
  EXPECT_EQ(DuringSignalOf(Session{}, {}), DuringSignal::kUnknown);
  EXPECT_EQ(DuringSignalOf(MakeSession({}, {}, 4), {}), DuringSignal::kUnknown);
  Settings wide;
  wide.building_rise = 3;
  EXPECT_EQ(DuringSignalOf(MakeSession(3, 5.5), wide), DuringSignal::kStable);
  EXPECT_EQ(DuringSignalOf(MakeSession(3, 6), wide), DuringSignal::kBuilding);
}

TEST(HourAfterSignalTest, RisingNeedsAPointAboveTheEnd) {
  EXPECT_EQ(HourAfterSignalOf(MakeSession(3, 4, 5), {}), HourAfterSignal::kRising);
  EXPECT_EQ(HourAfterSignalOf(MakeSession(3, 4, 4.5), {}), HourAfterSignal::kSettling);
  EXPECT_EQ(HourAfterSignalOf(MakeSession(3, 4, 4), {}), HourAfterSignal::kSettling);
  EXPECT_EQ(HourAfterSignalOf(MakeSession(3, {}, 4), {}), HourAfterSignal::kRising);  // start
  EXPECT_EQ(HourAfterSignalOf(MakeSession({}, {}, 4), {}), HourAfterSignal::kUnknown);
  Session tighter;
  tighter.hour_after.tighter = true;
  EXPECT_EQ(HourAfterSignalOf(tighter, {}), HourAfterSignal::kRising);
  Settings s;
  s.rising_rise = 2;
  EXPECT_EQ(HourAfterSignalOf(MakeSession(3, 4, 5.5), s), HourAfterSignal::kSettling);
}

// Usual 3 from rest mornings 10-02..10-04; a session on 10-05; the morning after on 10-06.
Reading MorningAfter(std::optional<double> pain, std::optional<double> stiffness = {},
                     const Settings& s = {}) {
  DiaryBuilder b;
  b.Morning("2026-10-01", 3, 3).Morning("2026-10-02", 3, 3).Morning("2026-10-03", 3, 3);
  b.Morning("2026-10-04", 3, 3).Morning("2026-10-05", 3, 3).Session("2026-10-05", 2, 2);
  if (pain) b.Morning("2026-10-06", *pain, stiffness);
  return Read(b.Build(), D("2026-10-06"), s);
}

TEST(MorningSignalTest, TwoAboveIsWorseOneAboveIsHigherOneBelowIsBetter) {
  EXPECT_EQ(SessionOn(MorningAfter(5), "2026-10-05")->morning, MorningSignal::kWorse);
  EXPECT_EQ(SessionOn(MorningAfter(4.5), "2026-10-05")->morning, MorningSignal::kHigher);
  EXPECT_EQ(SessionOn(MorningAfter(4), "2026-10-05")->morning, MorningSignal::kHigher);
  EXPECT_EQ(SessionOn(MorningAfter(3.5), "2026-10-05")->morning, MorningSignal::kUsual);
  EXPECT_EQ(SessionOn(MorningAfter(2.5), "2026-10-05")->morning, MorningSignal::kUsual);
  EXPECT_EQ(SessionOn(MorningAfter(2), "2026-10-05")->morning, MorningSignal::kBetter);
  EXPECT_EQ(SessionOn(MorningAfter({}), "2026-10-05")->morning, MorningSignal::kUnknown);
}

TEST(MorningSignalTest, StiffnessCountsForWorseAndHigherNotForBetter) {
  EXPECT_EQ(SessionOn(MorningAfter(3, 5), "2026-10-05")->morning, MorningSignal::kWorse);
  EXPECT_EQ(SessionOn(MorningAfter(3, 4), "2026-10-05")->morning, MorningSignal::kHigher);
  EXPECT_EQ(SessionOn(MorningAfter(2, 4), "2026-10-05")->morning, MorningSignal::kHigher);
  EXPECT_EQ(SessionOn(MorningAfter(3, 1), "2026-10-05")->morning, MorningSignal::kUsual);
}

TEST(MorningSignalTest, ResponsesFollowTheMorning) {
  EXPECT_EQ(SessionOn(MorningAfter(5), "2026-10-05")->response, Response::kFlared);
  EXPECT_EQ(SessionOn(MorningAfter(4), "2026-10-05")->response, Response::kRaised);
  EXPECT_EQ(SessionOn(MorningAfter(2), "2026-10-05")->response, Response::kSettled);
  EXPECT_EQ(SessionOn(MorningAfter({}), "2026-10-05")->response, Response::kUnknown);
}

TEST(MorningSignalTest, ThresholdsAreSettings) {
  Settings s;
  s.significant_change = 3;
  s.noticeably_higher = 1.5;
  EXPECT_EQ(SessionOn(MorningAfter(5, {}, s), "2026-10-05")->morning, MorningSignal::kHigher);
  EXPECT_EQ(SessionOn(MorningAfter(4, {}, s), "2026-10-05")->morning, MorningSignal::kUsual);
}

TEST(MorningSignalTest, TwoSessionsOnOneDateShareOneResponse) {
  DiaryBuilder b;
  b.Mornings("2026-10-01", 5, 3).Session("2026-10-05", 3, 3).Session("2026-10-05", 4, 4);
  b.Morning("2026-10-06", 6);
  const Reading r = Read(b.Build(), D("2026-10-06"), {});
  EXPECT_EQ(SessionOn(r, "2026-10-05", 1)->response, Response::kFlared);
  EXPECT_EQ(SessionOn(r, "2026-10-05", 2)->response, Response::kFlared);
  EXPECT_EQ(r.trend.session_days, 1);
}

TEST(ConfounderTest, SittingProlongedAndTensionInOrderAndTheyChangeNoSignal) {
  DiaryBuilder b;
  b.Mornings("2026-10-01", 5, 3).Session("2026-10-05", 2, 2).Morning("2026-10-06", 5);
  const Reading plain = Read(b.Build(), D("2026-10-06"), {});
  b.Context("2026-10-05",
            Context{.sitting_hours = 6.0, .prolonged_position = true, .upper_body_tension = S(6)});
  const Reading busy = Read(b.Build(), D("2026-10-06"), {});
  const SessionReading* s = SessionOn(busy, "2026-10-05");
  EXPECT_EQ(s->confounders,
            (std::vector<Confounder>{Confounder::kSitting, Confounder::kProlongedPosition,
                                     Confounder::kUpperBodyTension}));
  EXPECT_EQ(s->morning, SessionOn(plain, "2026-10-05")->morning);
  b.Context("2026-10-05", Context{.sitting_hours = 5.5, .upper_body_tension = S(5.5)});
  EXPECT_TRUE(SessionOn(Read(b.Build(), D("2026-10-06"), {}), "2026-10-05")->confounders.empty());
}

// ---- §3: the trend ----

// A fortnight (10-01..10-14, as of 10-14) of mornings at `level`, a recorded fortnight before,
// and sessions on the given dates, each followed by a morning of `after` (when given).
DiaryBuilder Fortnight(double level = 3) {
  DiaryBuilder b;
  b.Mornings("2026-09-17", 28, level);
  return b;
}

void SessionWithMorning(DiaryBuilder& b, const char* date, std::optional<double> after,
                        double start = 3, double end = 3) {
  b.Session(date, start, end);
  if (after) b.Morning((D(date) + 1).ToString().c_str(), *after);
}

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
  SessionWithMorning(b, "2026-10-12", 3, 3, 5);
  r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_DOUBLE_EQ(*r.trend.strained_share, 0.6);
  EXPECT_EQ(r.trend.verdict, Verdict::kMixed);
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
}

TEST(TrendTest, LessComfortableIsStirringUp) {
  DiaryBuilder b = Fortnight();
  const char* dates[] = {"2026-09-20", "2026-09-27", "2026-10-02",
                         "2026-10-05", "2026-10-08", "2026-10-11"};
  double v = 2;
  for (const char* d : dates) {
    b.Session(d, v, v);
    v += 1;
  }
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.comfort, Comfort::kLessComfortable);
  EXPECT_EQ(r.trend.verdict, Verdict::kStirringUp);
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
  EXPECT_EQ(r.sharp_sessions, 1);
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

}  // namespace
}  // namespace backsignal
