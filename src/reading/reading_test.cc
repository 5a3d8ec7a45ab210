// Every rule of spec/reading.md, each threshold at, just below and just above it.
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

// ---- §1 usual morning ----

TEST(UsualMorningTest, MedianOfRestMorningsWhenAtLeastThree) {
  // Rest mornings 10-01..10-03 (no session the day before): 2, 3, 4 -> 3.
  Diary d = DiaryBuilder()
                .Morning("2026-10-01", 2)
                .Morning("2026-10-02", 3)
                .Morning("2026-10-03", 4)
                .Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-04"), {}).pain, 3.0);
}

TEST(UsualMorningTest, EvenCountIsMeanOfMiddleTwo) {
  Diary d = DiaryBuilder()
                .Morning("2026-10-01", 2)
                .Morning("2026-10-02", 3)
                .Morning("2026-10-03", 4)
                .Morning("2026-10-04", 5.5)
                .Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-05"), {}).pain, 3.5);
}

TEST(UsualMorningTest, MorningsAfterASessionAreLeftOutWhenThreeRestMorningsExist) {
  // Sessions on 10-04 and 10-05 make 10-05 and 10-06 post-session mornings of 7.
  Diary d = DiaryBuilder()
                .Mornings("2026-10-01", 4, 3)
                .Session("2026-10-04")
                .Session("2026-10-05")
                .Morning("2026-10-05", 7)
                .Morning("2026-10-06", 7)
                .Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-07"), {}).pain, 3.0);
}

TEST(UsualMorningTest, FallsBackToAllMorningsWithFewerThanThreeRestMornings) {
  // Sessions every day: only 10-01 is a rest morning. All mornings: 3,5,5,5 -> 5.
  Diary d = DiaryBuilder()
                .Morning("2026-10-01", 3)
                .Morning("2026-10-02", 5)
                .Morning("2026-10-03", 5)
                .Morning("2026-10-04", 5)
                .Session("2026-10-01")
                .Session("2026-10-02")
                .Session("2026-10-03")
                .Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-05"), {}).pain, 5.0);
}

TEST(UsualMorningTest, TwoMorningsAreNotEnoughAndTheDeclaredUsualIsUsed) {
  Diary d = DiaryBuilder().Morning("2026-10-01", 3).Morning("2026-10-02", 5).Usual(4).Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-03"), {}).pain, 4.0);
}

TEST(UsualMorningTest, DeclaredUsualIsIgnoredOnceThreeMorningsExist) {
  Diary d = DiaryBuilder().Mornings("2026-10-01", 3, 2).Usual(6).Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-04"), {}).pain, 2.0);
}

TEST(UsualMorningTest, UnknownWithoutMorningsOrDeclaration) {
  Diary d = DiaryBuilder().Morning("2026-10-01", 3).Build();
  EXPECT_FALSE(UsualMorningAt(d, D("2026-10-02"), {}).pain.has_value());
}

TEST(UsualMorningTest, LooksBackExactlyFourteenDays) {
  // Mornings on m-15 (outside), m-14, m-13 (inside): only two inside -> declared usual.
  Diary d = DiaryBuilder()
                .Morning("2026-10-01", 9)
                .Morning("2026-10-02", 1)
                .Morning("2026-10-03", 1)
                .Usual(5)
                .Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-16"), {}).pain, 5.0);  // 10-02..10-15: two mornings
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-15"), {}).pain, 1.0);  // 10-01..10-14: three, median 1
}

TEST(UsualMorningTest, TheMorningItselfIsNotPartOfItsUsual) {
  Diary d = DiaryBuilder().Mornings("2026-10-01", 3, 2).Morning("2026-10-04", 9).Build();
  EXPECT_EQ(UsualMorningAt(d, D("2026-10-04"), {}).pain, 2.0);
}

TEST(UsualMorningTest, StiffnessAloneHasItsOwnUsual) {
  Diary d = DiaryBuilder()
                .Morning("2026-10-01", 3, 4)
                .Morning("2026-10-02", 3, 5)
                .Morning("2026-10-03", 3)
                .Usual({}, 6)
                .Build();
  const UsualAt u = UsualMorningAt(d, D("2026-10-04"), {});
  EXPECT_EQ(u.pain, 3.0);
  EXPECT_EQ(u.stiffness, 6.0);  // only two stiffness ratings: the declared one
}

// ---- §2 during ----

TEST(DuringSignalTest, SharpWinsOverEverything) {
  Session s = MakeSession(3, 3);
  s.during.sharp = true;
  s.during.pattern = Pattern::kBuilding;
  EXPECT_EQ(DuringSignalOf(s, {}), DuringSignal::kSharp);
}

TEST(DuringSignalTest, BuildingPatternIsBuilding) {
  Session s;
  s.during.pattern = Pattern::kBuilding;
  EXPECT_EQ(DuringSignalOf(s, {}), DuringSignal::kBuilding);
}

TEST(DuringSignalTest, RiseOfTwoIsBuildingAndOneAndAHalfIsNot) {
  EXPECT_EQ(DuringSignalOf(MakeSession(3, 5), {}), DuringSignal::kBuilding);
  EXPECT_EQ(DuringSignalOf(MakeSession(3, 5.5), {}), DuringSignal::kBuilding);
  EXPECT_EQ(DuringSignalOf(MakeSession(3, 4.5), {}), DuringSignal::kStable);
}

TEST(DuringSignalTest, EasedPatternWithARiseIsStillBuilding) {
  Session s = MakeSession(2, 6);
  s.during.pattern = Pattern::kEased;
  EXPECT_EQ(DuringSignalOf(s, {}), DuringSignal::kBuilding);
}

TEST(DuringSignalTest, AnyDuringValueIsStableAndNoneIsUnknown) {
  Session only_start = MakeSession(4, {});
  EXPECT_EQ(DuringSignalOf(only_start, {}), DuringSignal::kStable);
  Session not_sharp;
  not_sharp.during.sharp = false;
  EXPECT_EQ(DuringSignalOf(not_sharp, {}), DuringSignal::kStable);
  EXPECT_EQ(DuringSignalOf(Session{}, {}), DuringSignal::kUnknown);
  Session after_only = MakeSession({}, {}, 5);
  EXPECT_EQ(DuringSignalOf(after_only, {}), DuringSignal::kUnknown);
}

TEST(DuringSignalTest, BuildingThresholdIsASetting) {
  Settings s;
  s.building_rise = 3;
  EXPECT_EQ(DuringSignalOf(MakeSession(3, 5.5), s), DuringSignal::kStable);
  EXPECT_EQ(DuringSignalOf(MakeSession(3, 6), s), DuringSignal::kBuilding);
}

// ---- §2 hour after ----

TEST(HourAfterSignalTest, AboveTheEndIsRisingEqualIsSettling) {
  EXPECT_EQ(HourAfterSignalOf(MakeSession(2, 4, 4.5)), HourAfterSignal::kRising);
  EXPECT_EQ(HourAfterSignalOf(MakeSession(2, 4, 4)), HourAfterSignal::kSettling);
  EXPECT_EQ(HourAfterSignalOf(MakeSession(2, 4, 3.5)), HourAfterSignal::kSettling);
}

TEST(HourAfterSignalTest, ComparesWithTheStartWhenThereIsNoEnd) {
  EXPECT_EQ(HourAfterSignalOf(MakeSession(3, {}, 3.5)), HourAfterSignal::kRising);
  EXPECT_EQ(HourAfterSignalOf(MakeSession(3, {}, 3)), HourAfterSignal::kSettling);
}

TEST(HourAfterSignalTest, TighterIsRisingEvenWithoutRatings) {
  Session s;
  s.hour_after.tighter = true;
  EXPECT_EQ(HourAfterSignalOf(s), HourAfterSignal::kRising);
  Session lower = MakeSession(2, 6, 1);
  lower.hour_after.tighter = true;
  EXPECT_EQ(HourAfterSignalOf(lower), HourAfterSignal::kRising);
}

TEST(HourAfterSignalTest, UnknownWithoutAReference) {
  EXPECT_EQ(HourAfterSignalOf(MakeSession({}, {}, 5)), HourAfterSignal::kUnknown);
  Session not_tighter = MakeSession(3, 3);
  not_tighter.hour_after.tighter = false;
  EXPECT_EQ(HourAfterSignalOf(not_tighter), HourAfterSignal::kUnknown);
}

// ---- §2 morning after and response ----

// Three rest mornings of `usual` on 10-01..10-03, a session on 10-04, the morning after on 10-05.
Reading MorningAfter(std::optional<double> pain, std::optional<double> stiffness = {},
                     double usual = 3, std::optional<double> usual_stiffness = {}) {
  DiaryBuilder b;
  for (const char* d : {"2026-10-01", "2026-10-02", "2026-10-03"}) {
    b.Morning(d, usual, usual_stiffness);
  }
  b.Session("2026-10-04", 3, 3);
  if (pain) b.Morning("2026-10-05", *pain, stiffness);
  const Diary diary = b.Build();
  return Read(diary, D("2026-10-05"), {});
}

TEST(MorningSignalTest, TwoPointsAboveUsualIsWorse) {
  const Reading r = MorningAfter(5);
  EXPECT_EQ(SessionOn(r, "2026-10-04")->morning, MorningSignal::kWorse);
  EXPECT_EQ(SessionOn(r, "2026-10-04")->response, Response::kFlared);
}

TEST(MorningSignalTest, OneAndAHalfAboveUsualIsUsual) {
  const Reading r = MorningAfter(4.5);
  EXPECT_EQ(SessionOn(r, "2026-10-04")->morning, MorningSignal::kUsual);
  EXPECT_EQ(SessionOn(r, "2026-10-04")->response, Response::kSettled);
}

TEST(MorningSignalTest, TwoAndAHalfAboveIsWorse) {
  EXPECT_EQ(SessionOn(MorningAfter(5.5), "2026-10-04")->morning, MorningSignal::kWorse);
}

TEST(MorningSignalTest, OnePointBelowIsBetterHalfAPointIsUsual) {
  EXPECT_EQ(SessionOn(MorningAfter(2), "2026-10-04")->morning, MorningSignal::kBetter);
  EXPECT_EQ(SessionOn(MorningAfter(1.5), "2026-10-04")->morning, MorningSignal::kBetter);
  EXPECT_EQ(SessionOn(MorningAfter(2.5), "2026-10-04")->morning, MorningSignal::kUsual);
  EXPECT_EQ(SessionOn(MorningAfter(2), "2026-10-04")->response, Response::kSettled);
}

TEST(MorningSignalTest, StiffnessTwoAboveItsUsualIsWorseEvenWithUsualPain) {
  const Reading r = MorningAfter(3, 6, 3, 4);
  EXPECT_EQ(SessionOn(r, "2026-10-04")->morning, MorningSignal::kWorse);
  EXPECT_EQ(SessionOn(MorningAfter(3, 5.5, 3, 4), "2026-10-04")->morning, MorningSignal::kUsual);
}

TEST(MorningSignalTest, WorseStiffnessBeatsBetterPain) {
  EXPECT_EQ(SessionOn(MorningAfter(1, 7, 3, 4), "2026-10-04")->morning, MorningSignal::kWorse);
}

TEST(MorningSignalTest, StiffnessAloneComparisonGivesUsual) {
  // No usual pain (one morning only) but a declared usual stiffness.
  Diary d =
      DiaryBuilder().Session("2026-10-04", 3, 3).Morning("2026-10-05", 8, 4).Usual({}, 4).Build();
  const Reading r = Read(d, D("2026-10-05"), {});
  EXPECT_EQ(SessionOn(r, "2026-10-04")->morning, MorningSignal::kUsual);
}

TEST(MorningSignalTest, NoMorningAfterIsUnknown) {
  const Reading r = MorningAfter(std::nullopt);
  EXPECT_EQ(SessionOn(r, "2026-10-04")->morning, MorningSignal::kUnknown);
  EXPECT_EQ(SessionOn(r, "2026-10-04")->response, Response::kUnknown);
}

TEST(MorningSignalTest, NoUsualToCompareWithIsUnknown) {
  Diary d = DiaryBuilder().Session("2026-10-04", 3, 3).Morning("2026-10-05", 8).Build();
  EXPECT_EQ(SessionOn(Read(d, D("2026-10-05"), {}), "2026-10-04")->morning,
            MorningSignal::kUnknown);
}

TEST(MorningSignalTest, TwoSessionsOnOneDateShareOneResponse) {
  DiaryBuilder b;
  b.Mornings("2026-10-01", 3, 3)
      .Session("2026-10-04", 2, 2)
      .Session("2026-10-04", 5, 9)
      .Morning("2026-10-05", 6);
  const Reading r = Read(b.Build(), D("2026-10-05"), {});
  ASSERT_NE(SessionOn(r, "2026-10-04", 2), nullptr);
  EXPECT_EQ(SessionOn(r, "2026-10-04", 1)->response, Response::kFlared);
  EXPECT_EQ(SessionOn(r, "2026-10-04", 2)->response, Response::kFlared);
  EXPECT_EQ(SessionOn(r, "2026-10-04", 1)->during, DuringSignal::kStable);
  EXPECT_EQ(SessionOn(r, "2026-10-04", 2)->during, DuringSignal::kBuilding);
}

TEST(MorningSignalTest, SignificantChangeIsASetting) {
  Diary d = DiaryBuilder()
                .Mornings("2026-10-01", 3, 3)
                .Session("2026-10-04", 3, 3)
                .Morning("2026-10-05", 5)
                .Build();
  Settings s;
  s.significant_change = 2.5;
  EXPECT_EQ(SessionOn(Read(d, D("2026-10-05"), s), "2026-10-04")->morning, MorningSignal::kUsual);
}

// ---- §2 confounders ----

TEST(ConfounderTest, SittingSixHoursProlongedAndTensionSixInOrder) {
  Context c;
  c.sitting_hours = 6;
  c.prolonged_position = true;
  c.upper_body_tension = S(6);
  Diary d = DiaryBuilder().Session("2026-10-04", 3, 3).Context("2026-10-04", c).Build();
  const Reading r = Read(d, D("2026-10-04"), {});
  const auto& conf = SessionOn(r, "2026-10-04")->confounders;
  ASSERT_EQ(conf.size(), 3u);
  EXPECT_EQ(conf[0], Confounder::kSitting);
  EXPECT_EQ(conf[1], Confounder::kProlongedPosition);
  EXPECT_EQ(conf[2], Confounder::kUpperBodyTension);
}

TEST(ConfounderTest, JustBelowTheThresholdsIsNoConfounder) {
  Context c;
  c.sitting_hours = 5.75;
  c.prolonged_position = false;
  c.upper_body_tension = S(5.5);
  Diary d = DiaryBuilder().Session("2026-10-04", 3, 3).Context("2026-10-04", c).Build();
  EXPECT_TRUE(SessionOn(Read(d, D("2026-10-04"), {}), "2026-10-04")->confounders.empty());
}

TEST(ConfounderTest, ConfoundersDoNotChangeAnySignal) {
  Context c;
  c.sitting_hours = 10;
  c.prolonged_position = true;
  DiaryBuilder with, without;
  for (DiaryBuilder* b : {&with, &without}) {
    b->Mornings("2026-10-01", 3, 3).Session("2026-10-04", 3, 6, 7).Morning("2026-10-05", 6);
  }
  with.Context("2026-10-04", c);
  const SessionReading a = *SessionOn(Read(with.Build(), D("2026-10-05"), {}), "2026-10-04");
  const SessionReading b = *SessionOn(Read(without.Build(), D("2026-10-05"), {}), "2026-10-04");
  EXPECT_EQ(a.during, b.during);
  EXPECT_EQ(a.hour_after, b.hour_after);
  EXPECT_EQ(a.morning, b.morning);
  EXPECT_EQ(a.response, b.response);
}

// ---- §3 Theil-Sen ----

TEST(TheilSenTest, MedianOfPairwiseSlopesPerWeek) {
  // Points (0,0), (1,1), (2,5): slopes 7*1/1, 7*5/2, 7*4/1 = 7, 17.5, 28 -> median 17.5.
  EXPECT_DOUBLE_EQ(*TheilSenPerWeek({{0, 0}, {1, 1}, {2, 5}}), 17.5);
  // Even count: (0,0),(1,0),(2,0),(3,7): slopes 0, 0, 49/3, 0, 49/2, 49 -> sorted
  // 0, 0, 0, 16.33, 24.5, 49 -> median (0 + 49/3) / 2 = 49/6.
  EXPECT_NEAR(*TheilSenPerWeek({{0, 0}, {1, 0}, {2, 0}, {3, 7}}), 49.0 / 6, 1e-12);
}

TEST(TheilSenTest, PairsOnTheSameDateAreLeftOut) {
  EXPECT_FALSE(TheilSenPerWeek({{5, 1}, {5, 9}}).has_value());
  // Pairs (0,0)-(7,1) slope 1 and (0,10)-(7,1) slope -9; (0,0)-(0,10) is left out.
  EXPECT_DOUBLE_EQ(*TheilSenPerWeek({{0, 0}, {0, 10}, {7, 1}}), -4.0);
}

TEST(TheilSenTest, OneOutlierDoesNotMoveAFlatLine) {
  EXPECT_DOUBLE_EQ(*TheilSenPerWeek({{0, 3}, {1, 3}, {2, 10}, {3, 3}, {4, 3}}), 0.0);
}

// ---- §3 the trend ----

// 14 mornings of 3 in W = [10-01, 10-14] except as given, sessions on listed dates.
DiaryBuilder Fortnight() {
  DiaryBuilder b;
  b.Mornings("2026-10-01", 14, 3);
  return b;
}

TEST(TrendTest, NotEnoughDataWithThreeSessionDays) {
  DiaryBuilder b = Fortnight();
  for (const char* d : {"2026-10-03", "2026-10-06", "2026-10-09"}) b.Session(d, 3, 3);
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.session_days, 3);
  EXPECT_EQ(r.trend.verdict, Verdict::kNotEnoughData);
  EXPECT_EQ(r.trend.session_days_needed, 1);
}

TEST(TrendTest, FourSessionDaysAllSettledIsHelpful) {
  DiaryBuilder b = Fortnight();
  for (const char* d : {"2026-10-03", "2026-10-06", "2026-10-09", "2026-10-12"}) b.Session(d, 3, 3);
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.session_days, 4);
  EXPECT_EQ(r.trend.flared_days, 0);
  EXPECT_EQ(r.trend.baseline, Baseline::kStable);
  EXPECT_EQ(r.trend.verdict, Verdict::kHelpful);
}

TEST(TrendTest, SixMorningsInTheWindowIsNotEnoughSevenIs) {
  DiaryBuilder b;
  b.Mornings("2026-10-08", 6, 3).Usual(3);
  for (const char* d : {"2026-10-08", "2026-10-09", "2026-10-10", "2026-10-11"}) b.Session(d, 3, 3);
  Reading r = Read(b.Build(), D("2026-10-13"), {});
  EXPECT_EQ(r.trend.mornings, 6);
  EXPECT_EQ(r.trend.baseline, Baseline::kUnknown);
  EXPECT_EQ(r.trend.verdict, Verdict::kNotEnoughData);
  EXPECT_EQ(r.trend.mornings_needed, 1);
  b.Morning("2026-10-07", 3);
  r = Read(b.Build(), D("2026-10-13"), {});
  EXPECT_EQ(r.trend.mornings, 7);
  EXPECT_NE(r.trend.verdict, Verdict::kNotEnoughData);
}

TEST(TrendTest, SessionDayNeedsItsMorningInsideTheWindow) {
  // A session on A-14 has its morning on A-13 (inside W); one on A-15 does not.
  DiaryBuilder b;
  b.Mornings("2026-09-20", 25, 3);
  b.Session("2026-09-29", 3, 3);
  b.Session("2026-09-30", 3, 3);
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.window_start, D("2026-10-01"));
  EXPECT_EQ(r.trend.session_days, 1);
}

TEST(TrendTest, SessionOnTheAsOfDateHasNoMorningYet) {
  DiaryBuilder b = Fortnight();
  b.Session("2026-10-14", 3, 3).Morning("2026-10-15", 9);
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(SessionOn(r, "2026-10-14")->morning, MorningSignal::kUnknown);
  EXPECT_EQ(r.trend.session_days, 0);
}

// Flared share thresholds: helpful at 0.25, mixed just above, stirring_up above 0.5.
Reading WithFlares(int sessions, int flares) {
  DiaryBuilder b;
  // Rest mornings before the window keep the usual at 3; a session every day from 10-01.
  b.Mornings("2026-09-17", 14, 3);
  for (int i = 0; i < sessions; ++i) {
    const Date d = D("2026-10-01") + i;
    const std::string ds = d.ToString();
    b.Session(ds.c_str(), 3, 3);
    const std::string next = (d + 1).ToString();
    b.Morning(next.c_str(), i < flares ? 5 : 3);
  }
  return Read(b.Build(), D("2026-10-01") + sessions, {});
}

TEST(TrendTest, FlaredShareOfAQuarterIsHelpful) {
  const Reading r = WithFlares(8, 2);
  EXPECT_EQ(r.trend.flared_days, 2);
  EXPECT_DOUBLE_EQ(*r.trend.flared_share, 0.25);
  EXPECT_EQ(r.trend.verdict, Verdict::kHelpful);
}

TEST(TrendTest, FlaredShareJustAboveAQuarterIsMixed) {
  const Reading r = WithFlares(7, 2);
  EXPECT_NEAR(*r.trend.flared_share, 2.0 / 7, 1e-12);
  EXPECT_EQ(r.trend.verdict, Verdict::kMixed);
}

TEST(TrendTest, FlaredShareOfHalfIsMixedAndAboveIsStirringUp) {
  EXPECT_EQ(WithFlares(8, 4).trend.verdict, Verdict::kMixed);
  EXPECT_EQ(WithFlares(9, 5).trend.verdict, Verdict::kStirringUp);
}

TEST(TrendTest, RisingMorningsAreCreepingAndFallingAreImproving) {
  DiaryBuilder up, down;
  for (int i = 0; i < 14; ++i) {
    const std::string d = (D("2026-10-01") + i).ToString();
    up.Morning(d.c_str(), 2 + i * 0.5);  // +3.5 a week
    down.Morning(d.c_str(), 9 - i * 0.5);
  }
  const Reading ru = Read(up.Build(), D("2026-10-14"), {});
  const Reading rd = Read(down.Build(), D("2026-10-14"), {});
  EXPECT_EQ(ru.trend.baseline, Baseline::kCreeping);
  EXPECT_DOUBLE_EQ(*ru.trend.baseline_slope_per_week, 3.5);
  EXPECT_EQ(rd.trend.baseline, Baseline::kImproving);
}

// Seven mornings in W = [10-01, 10-14] at the given day offsets and values.
Diary SevenMornings(std::vector<int> offsets, std::vector<double> values) {
  Diary d;
  for (size_t i = 0; i < offsets.size(); ++i) {
    d.days.push_back(
        Day{.date = D("2026-10-01") + offsets[i], .morning = Morning{S(values[i]), {}}});
  }
  return d;
}

TEST(TrendTest, SlopeOfExactlyPlusHalfIsCreeping) {
  // Theil-Sen of these is exactly +0.5 points a week (worked out with exact fractions).
  const Reading r = Read(SevenMornings({5, 6, 7, 8, 9, 10, 12}, {3, 3, 3, 3.5, 3, 3.5, 3.5}),
                         D("2026-10-14"), {});
  EXPECT_DOUBLE_EQ(*r.trend.baseline_slope_per_week, 0.5);
  EXPECT_EQ(r.trend.baseline, Baseline::kCreeping);
}

TEST(TrendTest, SlopeOfExactlyMinusHalfIsImproving) {
  const Reading r =
      Read(SevenMornings({0, 2, 3, 4, 5, 6, 7}, {3.5, 3.5, 3, 3.5, 3, 3, 3}), D("2026-10-14"), {});
  EXPECT_DOUBLE_EQ(*r.trend.baseline_slope_per_week, -0.5);
  EXPECT_EQ(r.trend.baseline, Baseline::kImproving);
}

TEST(TrendTest, SlopeJustInsideHalfIsStable) {
  const Reading r = Read(SevenMornings({3, 4, 5, 6, 10, 11, 12}, {3.5, 3.5, 3.5, 3, 3, 3, 3}),
                         D("2026-10-14"), {});
  EXPECT_DOUBLE_EQ(*r.trend.baseline_slope_per_week, -0.4375);
  EXPECT_EQ(r.trend.baseline, Baseline::kStable);
  Settings s;
  s.slope_per_week = 0.25;
  EXPECT_EQ(
      Read(SevenMornings({3, 4, 5, 6, 10, 11, 12}, {3.5, 3.5, 3.5, 3, 3, 3, 3}), D("2026-10-14"), s)
          .trend.baseline,
      Baseline::kImproving);
}

TEST(TrendTest, CreepingWithAQuarterFlaredIsStirringUp) {
  DiaryBuilder b;
  b.Mornings("2026-09-17", 14, 3);
  // Rising mornings in W; 4 sessions, 1 of them flared (share 0.25).
  for (int i = 0; i < 14; ++i) {
    const std::string d = (D("2026-10-01") + i).ToString();
    b.Morning(d.c_str(), 3 + (i / 2) * 0.5);  // about +1.75 a week, in half points
  }
  for (const char* s : {"2026-09-30", "2026-10-03", "2026-10-06", "2026-10-09"}) b.Session(s, 3, 3);
  Diary d = b.Build();
  // Make the morning after 10-09 (10-10) worse than usual.
  for (Day& day : d.days) {
    if (day.date == D("2026-10-10")) day.morning->pain = S(9);
  }
  const Reading r = Read(d, D("2026-10-14"), {});
  EXPECT_EQ(r.trend.baseline, Baseline::kCreeping);
  EXPECT_EQ(r.trend.session_days, 4);
  EXPECT_GE(r.trend.flared_days, 1);
  EXPECT_EQ(r.trend.verdict, Verdict::kStirringUp);
}

TEST(TrendTest, LessComfortableOverFourWeeksBlocksHelpful) {
  DiaryBuilder b = Fortnight();
  // Sessions rising in discomfort from 2 to 8 over four weeks; mornings flat.
  const char* dates[] = {"2026-09-17", "2026-09-24", "2026-10-01", "2026-10-04",
                         "2026-10-07", "2026-10-10", "2026-10-12"};
  double v = 2;
  for (const char* d : dates) {
    b.Session(d, v, v);
    v += 1;
  }
  const Reading r = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(r.trend.comfort, Comfort::kLessComfortable);
  EXPECT_NE(r.trend.verdict, Verdict::kHelpful);
  EXPECT_EQ(r.trend.verdict, Verdict::kMixed);  // not creeping, no flares: mixed
}

TEST(TrendTest, ComfortUsesTheHighestRatingOfEachSession) {
  DiaryBuilder b;
  // during 1..1 but hour-after rising 2,4,6,8: comfort follows the hour-after values.
  b.Session("2026-10-01", 1, 1, 2)
      .Session("2026-10-08", 1, 1, 4)
      .Session("2026-10-15", 1, 1, 6)
      .Session("2026-10-22", 1, 1, 8);
  const Reading r = Read(b.Build(), D("2026-10-22"), {});
  EXPECT_DOUBLE_EQ(*r.trend.comfort_slope_per_week, 2.0);
  EXPECT_EQ(r.trend.comfort, Comfort::kLessComfortable);
}

TEST(TrendTest, ComfortNeedsFourSessionsOnTwoDates) {
  DiaryBuilder three;
  three.Session("2026-10-01", 1, 1).Session("2026-10-08", 4, 4).Session("2026-10-15", 8, 8);
  EXPECT_EQ(Read(three.Build(), D("2026-10-15"), {}).trend.comfort, Comfort::kUnknown);
  DiaryBuilder one_date;
  for (int i = 0; i < 4; ++i) one_date.Session("2026-10-01", i, i);
  EXPECT_EQ(Read(one_date.Build(), D("2026-10-15"), {}).trend.comfort, Comfort::kUnknown);
  EXPECT_FALSE(
      Read(one_date.Build(), D("2026-10-15"), {}).trend.comfort_slope_per_week.has_value());
}

TEST(TrendTest, ComfortLooksBackTwentyEightDays) {
  DiaryBuilder b;
  b.Session("2026-09-17", 9, 9);  // outside
  b.Session("2026-09-18", 1, 1)
      .Session("2026-09-25", 1, 1)
      .Session("2026-10-02", 1, 1)
      .Session("2026-10-15", 1, 1);
  const Reading r = Read(b.Build(), D("2026-10-15"), {});
  EXPECT_EQ(r.trend.comfort_sessions, 4);
  EXPECT_EQ(r.trend.comfort, Comfort::kSteady);
  EXPECT_EQ(r.sessions.front().date, D("2026-09-18"));
}

// ---- alerts ----

TEST(AlertTest, SharpInTheWindowAlertsAndBeforeItDoesNot) {
  Session sharp;
  sharp.during.sharp = true;
  Diary d = DiaryBuilder().With("2026-09-30", sharp).With("2026-10-01", sharp).Build();
  const Reading r = Read(d, D("2026-10-14"), {});
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_EQ(r.alerts[0].kind, AlertKind::kModifyOrStop);
  EXPECT_EQ(r.alerts[0].date, D("2026-10-01"));
}

TEST(AlertTest, ThreeFlaredSessionDaysInARowAlert) {
  DiaryBuilder b;
  b.Mornings("2026-09-17", 14, 3);
  for (const char* s : {"2026-10-01", "2026-10-03", "2026-10-05"}) b.Session(s, 3, 3);
  b.Morning("2026-10-02", 6).Morning("2026-10-04", 6).Morning("2026-10-06", 6);
  const Reading r = Read(b.Build(), D("2026-10-06"), {});
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_EQ(r.alerts[0].kind, AlertKind::kRepeatedWorseMornings);
  EXPECT_EQ(r.alerts[0].date, D("2026-10-05"));
  EXPECT_EQ(r.alerts[0].dates.size(), 3u);
}

TEST(AlertTest, TwoFlaresOrASettledOneAmongThreeDoNotAlert) {
  DiaryBuilder b;
  b.Mornings("2026-09-17", 14, 3);
  for (const char* s : {"2026-10-01", "2026-10-03", "2026-10-05"}) b.Session(s, 3, 3);
  b.Morning("2026-10-02", 3).Morning("2026-10-04", 6).Morning("2026-10-06", 6);
  EXPECT_TRUE(Read(b.Build(), D("2026-10-06"), {}).alerts.empty());
}

TEST(AlertTest, SessionDaysWithUnknownResponseAreSkipped) {
  DiaryBuilder b;
  b.Mornings("2026-09-17", 14, 3);
  for (const char* s : {"2026-10-01", "2026-10-03", "2026-10-05", "2026-10-07"}) b.Session(s, 3, 3);
  // 10-05's morning after is missing: the last three known are 10-01, 10-03, 10-07.
  b.Morning("2026-10-02", 6).Morning("2026-10-04", 6).Morning("2026-10-08", 6);
  const Reading r = Read(b.Build(), D("2026-10-08"), {});
  ASSERT_EQ(r.alerts.size(), 1u);
  EXPECT_EQ(r.alerts[0].date, D("2026-10-07"));
}

// ---- as of ----

TEST(AsOfTest, LaterDataIsIgnored) {
  DiaryBuilder b = Fortnight();
  for (const char* s : {"2026-10-03", "2026-10-06", "2026-10-09", "2026-10-12"}) b.Session(s, 3, 3);
  const Reading before = Read(b.Build(), D("2026-10-14"), {});
  Session sharp;
  sharp.during.sharp = true;
  b.With("2026-10-15", sharp).Morning("2026-10-15", 10).Morning("2026-10-16", 10);
  const Reading after = Read(b.Build(), D("2026-10-14"), {});
  EXPECT_EQ(before.trend.verdict, after.trend.verdict);
  EXPECT_EQ(after.sessions.size(), before.sessions.size());
  EXPECT_TRUE(after.alerts.empty());
  EXPECT_EQ(before.usual.pain, after.usual.pain);
}

TEST(AsOfTest, UsualMorningPainIsTheUsualForTheNextDay) {
  DiaryBuilder b;
  b.Morning("2026-10-01", 2).Morning("2026-10-02", 4).Morning("2026-10-03", 6);
  EXPECT_EQ(Read(b.Build(), D("2026-10-03"), {}).usual.pain, 4.0);
  EXPECT_FALSE(Read(b.Build(), D("2026-10-02"), {}).usual.pain.has_value());
}

TEST(SettingsInReadingTest, NonDefaultSettingsAreNamed) {
  Settings s;
  s.significant_change = 2.5;
  const Reading r = Read(Diary{}, D("2026-10-01"), s);
  ASSERT_EQ(r.non_default_settings.size(), 1u);
  EXPECT_EQ(r.non_default_settings[0], "significant_change");
  EXPECT_TRUE(Read(Diary{}, D("2026-10-01"), {}).non_default_settings.empty());
}

}  // namespace
}  // namespace backsignal
