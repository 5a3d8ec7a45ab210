// docs/reading.md (version 3) §0 to §2: recorded days, rest mornings, the usual morning, and
// one session's three windows, strain, activity and confounders; each threshold at, just below
// and just above it.
#include "backsignal/reading/reading.h"

#include <gtest/gtest.h>

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

// ---- §0: activities and covered mornings ----

TEST(ActivityNameTest, RunsOfWhiteSpaceAreOneSpaceTrimmedAndAsciiLettersLowerCased) {
  EXPECT_EQ(ActivityName(std::string("Rowing ")), "rowing");
  EXPECT_EQ(ActivityName(std::string("rowing")), "rowing");
  EXPECT_EQ(ActivityName(std::string(" \tUpper\r\n\v\fBody  GYM ")), "upper body gym");
  EXPECT_EQ(ActivityName(std::string("deadlift")), "deadlift");
  EXPECT_NE(ActivityName(std::string("deadlift")), ActivityName(std::string("deadlifts")));
  // Only ASCII letters are folded; a no-break space is not white space here.
  EXPECT_EQ(ActivityName(std::string("\xC3\x84gua")), "\xC3\x84gua");
  EXPECT_EQ(ActivityName(std::string("pram\xC2\xA0walk")), "pram\xC2\xA0walk");
  EXPECT_FALSE(ActivityName(std::string(" \t\n")).has_value());
  EXPECT_FALSE(ActivityName(std::string("")).has_value());
  EXPECT_FALSE(ActivityName(std::nullopt).has_value());
}

TEST(ActivityNameTest, EachSessionCarriesItsNormalisedActivity) {
  DiaryBuilder b;
  b.With("2026-10-05", testing::Activity("  Swimming\t")).With("2026-10-05", MakeSession(3, 3));
  const Reading r = Read(b.Build(), D("2026-10-05"), {});
  EXPECT_EQ(SessionOn(r, "2026-10-05", 1)->activity, "swimming");
  EXPECT_FALSE(SessionOn(r, "2026-10-05", 2)->activity.has_value());
}

TEST(CoveredMorningTest, PainkillersTheDayBeforeCoverAMorningAndThoseOfTheDayItselfDoNot) {
  DiaryBuilder b;
  b.Mornings("2026-10-01", 6, 3).Session("2026-10-03", 3, 3).Session("2026-10-04", 3, 3);
  b.Context("2026-10-03", Context{.painkillers = true});
  b.Context("2026-10-05", Context{.painkillers = true});  // taken after that morning's check-in
  Reading r = Read(b.Build(), D("2026-10-06"), {});
  EXPECT_TRUE(SessionOn(r, "2026-10-03")->morning_covered);
  EXPECT_FALSE(SessionOn(r, "2026-10-04")->morning_covered);
  // A painkiller's name alone says some were taken.
  b.Context("2026-10-04", Context{.painkillers = true, .painkiller_name = "ibuprofen"});
  r = Read(b.Build(), D("2026-10-06"), {});
  EXPECT_TRUE(SessionOn(r, "2026-10-04")->morning_covered);
  b.Context("2026-10-04", Context{.painkillers = false});
  r = Read(b.Build(), D("2026-10-06"), {});
  EXPECT_FALSE(SessionOn(r, "2026-10-04")->morning_covered);
  // Each morning after a day with painkillers: 10-04 (after 10-03) and 10-06 (after 10-05).
  for (const MorningPoint& m : r.mornings) {
    EXPECT_EQ(m.covered, m.date == D("2026-10-04") || m.date == D("2026-10-06"))
        << m.date.ToString();
  }
}

// ---- §2: the low-pain floor ----

// Rest mornings at `usual` for the usual; a session on 10-05; the morning after on 10-06.
MorningSignal AfterFrom(double usual, double pain, std::optional<double> usual_stiffness = {},
                        std::optional<double> stiffness = {}, const Settings& s = {}) {
  DiaryBuilder b;
  b.Mornings("2026-10-01", 5, usual);
  if (usual_stiffness) {
    for (int i = 0; i < 5; ++i)
      b.Morning(testing::DayPlus("2026-10-01", i).c_str(), usual, *usual_stiffness);
  }
  b.Session("2026-10-05", 2, 2).Morning("2026-10-06", pain, stiffness);
  return SessionOn(Read(b.Build(), D("2026-10-06"), s), "2026-10-05")->morning;
}

TEST(LowPainFloorTest, AMorningAtTwoOrLessIsNeverHigherWhateverTheUsual) {
  EXPECT_EQ(AfterFrom(1, 2), MorningSignal::kUsual);      // +1, at the floor
  EXPECT_EQ(AfterFrom(0, 2), MorningSignal::kUsual);      // +2, at the floor
  EXPECT_EQ(AfterFrom(1, 2.5), MorningSignal::kHigher);   // +1.5, above it
  EXPECT_EQ(AfterFrom(0.5, 2.5), MorningSignal::kWorse);  // +2, above it
  EXPECT_EQ(AfterFrom(1.5, 2.5), MorningSignal::kHigher);
  EXPECT_EQ(AfterFrom(1, 1.5), MorningSignal::kUsual);
  // Below the usual still reads better; the floor is only against rises.
  EXPECT_EQ(AfterFrom(3, 2), MorningSignal::kBetter);
}

TEST(LowPainFloorTest, StiffnessHasTheSameFloorOnItsOwnScore) {
  EXPECT_EQ(AfterFrom(1, 1, 0, 2), MorningSignal::kUsual);      // stiffness +2 at 2
  EXPECT_EQ(AfterFrom(1, 1, 0.5, 2.5), MorningSignal::kWorse);  // +2 at 2.5
  EXPECT_EQ(AfterFrom(1, 1, 1.5, 2.5), MorningSignal::kHigher);
}

TEST(LowPainFloorTest, TheFloorIsASetting) {
  Settings none;
  none.low_pain_floor = 0;
  EXPECT_EQ(AfterFrom(1, 2, {}, {}, none), MorningSignal::kHigher);
  Settings higher;
  higher.low_pain_floor = 3;
  EXPECT_EQ(AfterFrom(1, 3, {}, {}, higher), MorningSignal::kUsual);
  EXPECT_EQ(AfterFrom(1, 3.5, {}, {}, higher), MorningSignal::kWorse);
}

// ---- §2: strain ----

TEST(StrainTest, SharpThenBuiltThenStillRisingUnlessSettledByTheMorning) {
  using enum Response;
  EXPECT_EQ(StrainOf(DuringSignal::kSharp, HourAfterSignal::kRising, kSettled), Strain::kSharp);
  EXPECT_EQ(StrainOf(DuringSignal::kBuilding, HourAfterSignal::kRising, kFlared), Strain::kBuilt);
  EXPECT_EQ(StrainOf(DuringSignal::kStable, HourAfterSignal::kRising, kFlared),
            Strain::kStillRising);
  EXPECT_EQ(StrainOf(DuringSignal::kStable, HourAfterSignal::kRising, kRaised),
            Strain::kStillRising);
  EXPECT_EQ(StrainOf(DuringSignal::kUnknown, HourAfterSignal::kRising, kUnknown),
            Strain::kStillRising);  // no morning to tell
  EXPECT_EQ(StrainOf(DuringSignal::kStable, HourAfterSignal::kRising, kSettled), std::nullopt);
  EXPECT_EQ(StrainOf(DuringSignal::kStable, HourAfterSignal::kSettling, kFlared), std::nullopt);
  EXPECT_EQ(StrainOf(DuringSignal::kUnknown, HourAfterSignal::kUnknown, kFlared), std::nullopt);
}

TEST(StrainTest, AnHourAfterUpAPointThatSettledByMorningIsNotStrain) {
  DiaryBuilder b;
  b.Mornings("2026-10-01", 5, 3).Session("2026-10-05", 3, 3, 4);  // the hour after: +1
  b.Morning("2026-10-06", 3);
  EXPECT_EQ(SessionOn(Read(b.Build(), D("2026-10-06"), {}), "2026-10-05")->strain, std::nullopt);
  b.Morning("2026-10-06", 4);  // noticeably higher
  EXPECT_EQ(SessionOn(Read(b.Build(), D("2026-10-06"), {}), "2026-10-05")->strain,
            Strain::kStillRising);
}

TEST(RiseTest, TheHighestOfEndAndHourAfterMinusTheStart) {
  EXPECT_EQ(RiseOf(MakeSession(3, 2.5, 2)), -0.5);
  EXPECT_EQ(RiseOf(MakeSession(3, 4, 5)), 2.0);
  EXPECT_EQ(RiseOf(MakeSession(3, {}, 4.5)), 1.5);
  EXPECT_EQ(RiseOf(MakeSession(3, 3)), 0.0);
  EXPECT_FALSE(RiseOf(MakeSession({}, 4, 5)).has_value());
  EXPECT_FALSE(RiseOf(MakeSession(3, {})).has_value());
}

// ---- §2: unusual confounders ----

// Days 09-03..09-30 recorded (A = 09-30, so [A-27, A] is all 28 of them); sitting on the first
// `sitting_days`, and a session on 09-29 with sitting and tension.
Reading SittingOn(int sitting_days) {
  DiaryBuilder b;
  for (int i = 0; i < 28; ++i) {
    const std::string d = testing::DayPlus("2026-09-03", i);
    b.Morning(d.c_str(), 3);
    if (i < sitting_days) b.Context(d.c_str(), Context{.sitting_hours = 8.0});
  }
  b.Session("2026-09-29", 3, 3)
      .Context("2026-09-29", Context{.sitting_hours = 8.0, .upper_body_tension = S(7)});
  return Read(b.Build(), D("2026-09-30"), {});
}

TEST(UnusualConfounderTest, PresentOnFewerThanHalfTheRecordedDatesIsUnusual) {
  // 14 of 28 with the session's day: exactly half is the person's normal.
  const Reading r13 = SittingOn(13), r12 = SittingOn(12), r14 = SittingOn(14);
  const SessionReading* half = SessionOn(r13, "2026-09-29");
  EXPECT_EQ(half->confounders,
            (std::vector<Confounder>{Confounder::kSitting, Confounder::kUpperBodyTension}));
  EXPECT_EQ(half->unusual_confounders, std::vector<Confounder>{Confounder::kUpperBodyTension});
  // 13 of 28: unusual.
  const SessionReading* fewer = SessionOn(r12, "2026-09-29");
  EXPECT_EQ(fewer->unusual_confounders,
            (std::vector<Confounder>{Confounder::kSitting, Confounder::kUpperBodyTension}));
  // 15 of 28: usual.
  EXPECT_EQ(SessionOn(r14, "2026-09-29")->unusual_confounders,
            std::vector<Confounder>{Confounder::kUpperBodyTension});
}

TEST(UnusualConfounderTest, OnlyRecordedDatesCountAndADateWithoutTheFactorCountsWithout) {
  // Four recorded dates in the four weeks: sitting on one of them is unusual, on two is not.
  DiaryBuilder b;
  b.Morning("2026-09-26", 3).Morning("2026-09-27", 3).Morning("2026-09-28", 3);
  b.Session("2026-09-29", 3, 3).Context("2026-09-29", Context{.sitting_hours = 6.0});
  EXPECT_EQ(SessionOn(Read(b.Build(), D("2026-09-29"), {}), "2026-09-29")->unusual_confounders,
            std::vector<Confounder>{Confounder::kSitting});
  b.Context("2026-09-28", Context{.sitting_hours = 7.0});
  EXPECT_TRUE(
      SessionOn(Read(b.Build(), D("2026-09-29"), {}), "2026-09-29")->unusual_confounders.empty());
}

}  // namespace
}  // namespace backsignal
