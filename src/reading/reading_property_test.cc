// Properties that must hold for any diary, checked on many seeded random diaries.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "backsignal/io/diary_csv.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/io/reading_json.h"
#include "backsignal/reading/reading.h"
#include "backsignal/words/words.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

constexpr int kDiaries = 300;

struct Case {
  Diary diary;
  Date as_of;
};

Case MakeCase(uint64_t seed) {
  std::mt19937_64 rng(seed * 7919);
  const int days = std::uniform_int_distribution<int>(0, 70)(rng);
  Case c{testing::RandomDiary(seed, days), Date::FromCivil(2026, 1, 1)};
  const int offset = std::uniform_int_distribution<int>(-3, days + 3)(rng);
  c.as_of = c.as_of + offset;
  return c;
}

std::string Json(const Reading& r) { return ReadingToJson(r, WordsFor(r, Settings{})); }

Diary CutAt(const Diary& d, Date as_of) {
  Diary cut = d;
  std::erase_if(cut.days, [&](const Day& day) { return day.date > as_of; });
  return cut;
}

TEST(ReadingPropertyTest, LaterDataNeverChangesTheReading) {
  for (uint64_t seed = 1; seed <= kDiaries; ++seed) {
    const Case c = MakeCase(seed);
    EXPECT_EQ(Json(Read(c.diary, c.as_of, {})), Json(Read(CutAt(c.diary, c.as_of), c.as_of, {})))
        << "seed " << seed;
  }
}

TEST(ReadingPropertyTest, CountsAndVerdictAreConsistent) {
  for (uint64_t seed = 1; seed <= kDiaries; ++seed) {
    const Case c = MakeCase(seed);
    const Reading r = Read(c.diary, c.as_of, {});
    const Trend& t = r.trend;
    ASSERT_LE(t.flared_days, t.session_days);
    ASSERT_LE(t.mornings, 14);
    ASSERT_EQ(t.verdict == Verdict::kNotEnoughData,
              t.session_days < 4 || t.mornings < 7 || t.recorded_days < 8)
        << seed;
    ASSERT_EQ(t.verdict == Verdict::kMixed, !t.held_back_by.empty()) << seed;
    ASSERT_LE(t.mornings, t.recorded_days);
    ASSERT_LE(t.recorded_days, 14);
    ASSERT_EQ(t.strained_sessions, t.sharp_sessions + t.built_sessions + t.still_rising_sessions);
    ASSERT_LE(t.covered_mornings, t.session_days);
    ASSERT_LE(t.rest_covered, t.rest_mornings);
    ASSERT_EQ(t.rest_covered_share.has_value(), t.rest_mornings > 0);
    for (size_t i = 0; i < r.activities.size(); ++i) {
      const ActivityReading& a = r.activities[i];
      ASSERT_GE(a.days, 2);
      ASSERT_LE(a.flared_days, a.raised_days);
      ASSERT_LE(a.raised_days, a.days);
      if (a.setting_off) {
        ASSERT_TRUE(a.raised_days >= 3 && a.raised_days * 2 > a.days) << seed;
      }
      if (i > 0) {
        const ActivityReading& p = r.activities[i - 1];
        ASSERT_TRUE(p.days > a.days || (p.days == a.days && p.name < a.name)) << seed;
      }
    }
    for (const SessionReading& sr : r.sessions) {
      ASSERT_EQ(sr.strain, StrainOf(sr.during, sr.hour_after, sr.response));
      for (Confounder u : sr.unusual_confounders) {
        ASSERT_NE(std::find(sr.confounders.begin(), sr.confounders.end(), u), sr.confounders.end());
      }
    }
    const Progress& p = r.progress;
    const bool rest_rise = (p.now && p.four_weeks_before && *p.now - *p.four_weeks_before >= 2) ||
                           (p.now && p.eight_weeks_before && *p.now - *p.eight_weeks_before >= 2);
    const bool rising = std::any_of(r.alerts.begin(), r.alerts.end(), [](const Alert& a) {
      return a.kind == AlertKind::kKeepsRising;
    });
    if (rest_rise) {
      ASSERT_TRUE(rising) << seed;
    }
    ASSERT_EQ(t.baseline == Baseline::kUnknown, !t.baseline_change.has_value()) << seed;
    ASSERT_LE(t.flared_days, t.raised_days);
    ASSERT_LE(t.raised_days, t.session_days);
    ASSERT_LE(t.strained_sessions, t.strain_sessions);
    ASSERT_LE(t.missing_mornings, t.exercise_days);
    ASSERT_EQ(t.strained_share.has_value(), t.strain_sessions > 0);
    ASSERT_EQ(t.flared_share.has_value(), t.session_days > 0);
    if (t.verdict == Verdict::kHelpful) {
      ASSERT_LE(*t.flared_share, 0.25);
      ASSERT_NE(t.baseline, Baseline::kCreeping);
      ASSERT_TRUE(!t.strained_share || *t.strained_share <= 0.5);
      ASSERT_FALSE(t.masked);
      for (const Alert& a : r.alerts) {
        ASSERT_NE(a.kind, AlertKind::kKeepsRising);
        ASSERT_NE(a.kind, AlertKind::kRepeatedWorseMornings);
        ASSERT_NE(a.kind, AlertKind::kModifyOrStop);
      }
      for (const ActivityReading& a : r.activities) ASSERT_FALSE(a.setting_off);
    }
    if (t.verdict == Verdict::kStirringUp) {
      ASSERT_TRUE((*t.raised_share > 0.5 && (!t.exercise_effect || *t.exercise_effect >= 1)) ||
                  t.comfort == Comfort::kLessComfortable)
          << seed;
    }
    // Mostly flares stir things up, unless mornings after rest are as high (v2's exercise
    // effect): then the baseline, not the exercise, is what is up.
    if (t.verdict != Verdict::kNotEnoughData && *t.flared_share > 0.5 &&
        (!t.exercise_effect || *t.exercise_effect >= 1)) {
      ASSERT_EQ(t.verdict, Verdict::kStirringUp);
    }
  }
}

TEST(ReadingPropertyTest, SessionsAreOrderedWithinTheirWindowAndShareADaysResponse) {
  for (uint64_t seed = 1; seed <= kDiaries; ++seed) {
    const Case c = MakeCase(seed);
    const Reading r = Read(c.diary, c.as_of, {});
    for (size_t i = 0; i < r.sessions.size(); ++i) {
      const SessionReading& s = r.sessions[i];
      ASSERT_GE(s.date, c.as_of - 27);
      ASSERT_LE(s.date, c.as_of);
      ASSERT_EQ(s.response == Response::kFlared, s.morning == MorningSignal::kWorse);
      ASSERT_EQ(s.response == Response::kUnknown, s.morning == MorningSignal::kUnknown);
      if (i > 0) {
        const SessionReading& p = r.sessions[i - 1];
        ASSERT_TRUE(p.date < s.date || (p.date == s.date && p.number + 1 == s.number));
        if (p.date == s.date) {
          ASSERT_EQ(p.response, s.response);
        }
      }
      if (s.date == c.as_of) {
        ASSERT_EQ(s.morning, MorningSignal::kUnknown);
      }
    }
    for (const Alert& a : r.alerts) {
      ASSERT_LE(a.date, c.as_of);
      if (a.kind == AlertKind::kModifyOrStop) {
        ASSERT_GE(a.date, r.window_start);
      }
    }
  }
}

TEST(ReadingPropertyTest, MovingEveryDateByTheSameDaysMovesTheReadingOnly) {
  for (uint64_t seed = 1; seed <= 100; ++seed) {
    const Case c = MakeCase(seed);
    Diary moved = c.diary;
    for (Day& d : moved.days) d.date = d.date + 400;
    const Reading a = Read(c.diary, c.as_of, {});
    const Reading b = Read(moved, c.as_of + 400, {});
    EXPECT_EQ(a.trend.verdict, b.trend.verdict);
    EXPECT_EQ(a.trend.session_days, b.trend.session_days);
    EXPECT_EQ(a.trend.baseline_change, b.trend.baseline_change);
    EXPECT_EQ(a.progress.now, b.progress.now);
    EXPECT_EQ(a.usual.pain, b.usual.pain);
    ASSERT_EQ(a.sessions.size(), b.sessions.size());
    for (size_t i = 0; i < a.sessions.size(); ++i) {
      EXPECT_EQ(a.sessions[i].morning, b.sessions[i].morning);
    }
  }
}

// Painkillers are not a confounder here: from version 3 they cover the next morning (§0) and can
// mask the mornings after exercise; PainkillersEveryDayNeverMask checks them.
TEST(ReadingPropertyTest, ConfoundersNeverChangeSignalsOrVerdict) {
  for (uint64_t seed = 1; seed <= 100; ++seed) {
    const Case c = MakeCase(seed);
    Diary busy = c.diary;
    for (Day& d : busy.days) {
      d.context.sitting_hours = 12;
      d.context.prolonged_position = true;
      d.context.upper_body_tension = testing::S(9);
      d.context.sleep_hours = 4;
      d.context.stress = testing::S(9);
    }
    const Reading a = Read(c.diary, c.as_of, {});
    const Reading b = Read(busy, c.as_of, {});
    EXPECT_EQ(a.trend.verdict, b.trend.verdict);
    ASSERT_EQ(a.sessions.size(), b.sessions.size());
    for (size_t i = 0; i < a.sessions.size(); ++i) {
      EXPECT_EQ(a.sessions[i].response, b.sessions[i].response);
      // All five, but a short night only where the day after is in the diary.
      const bool next = busy.Find(b.sessions[i].date + 1) && b.sessions[i].date + 1 <= c.as_of;
      EXPECT_EQ(b.sessions[i].confounders.size(), next ? 5u : 4u);
    }
  }
}

// A sharp session holds back `helpful` (v3) and counts as strain: clearing it can only turn a
// mixed reading helpful, never the other way, and never adds an alert.
TEST(ReadingPropertyTest, ClearingSharpNeverAddsAlertsOrMakesTheVerdictWorse) {
  for (uint64_t seed = 1; seed <= kDiaries; ++seed) {
    const Case c = MakeCase(seed);
    Diary calm = c.diary;
    for (Day& d : calm.days) {
      for (Session& s : d.sessions) s.during.sharp.reset();
    }
    const Reading a = Read(c.diary, c.as_of, {});
    const Reading b = Read(calm, c.as_of, {});
    EXPECT_LE(b.alerts.size(), a.alerts.size());
    EXPECT_EQ(b.trend.sharp_sessions, 0);
    if (a.trend.verdict != b.trend.verdict) {
      EXPECT_EQ(a.trend.verdict, Verdict::kMixed) << seed;
      EXPECT_EQ(b.trend.verdict, Verdict::kHelpful) << seed;
      const auto& held = a.trend.held_back_by;
      EXPECT_TRUE(std::find(held.begin(), held.end(), HeldBack::kSharp) != held.end() ||
                  std::find(held.begin(), held.end(), HeldBack::kStrain) != held.end())
          << seed;
    }
  }
}

// Someone who takes painkillers every day is compared like with like: never masked while there
// are rest mornings in the window.
TEST(ReadingPropertyTest, PainkillersEveryDayNeverMask) {
  for (uint64_t seed = 1; seed <= kDiaries; ++seed) {
    const Case c = MakeCase(seed);
    Diary daily = c.diary;
    for (Day& d : daily.days) d.context.painkillers = true;
    const Reading r = Read(daily, c.as_of, {});
    if (r.trend.rest_mornings > 0) {
      EXPECT_FALSE(r.trend.masked) << seed;
      EXPECT_EQ(r.trend.rest_covered_share, 1.0) << seed;
    }
    EXPECT_EQ(r.trend.covered_mornings, r.trend.session_days) << seed;
  }
}

TEST(ReadingPropertyTest, JsonAndCsvRoundTripsReadTheSame) {
  for (uint64_t seed = 1; seed <= 100; ++seed) {
    const Case c = MakeCase(seed);
    const std::string expected = Json(Read(c.diary, c.as_of, {}));
    auto json = ParseDiaryJson(DiaryToJson(c.diary));
    auto csv = ParseDiaryCsv(DiaryToCsv(c.diary));
    ASSERT_TRUE(json.has_value());
    ASSERT_TRUE(csv.has_value());
    EXPECT_EQ(Json(Read(*json, c.as_of, {})), expected);
    EXPECT_EQ(Json(Read(*csv, c.as_of, {})), expected);
  }
}

// Raising mornings can raise a usual morning that falls back to all mornings (someone who
// trains every day), so "worse mornings never lower flares" is not a property. It holds for the
// last morning up to the as-of date, which no other session's usual looks at.
TEST(ReadingPropertyTest, RaisingTheLastMorningNeverLowersFlares) {
  for (uint64_t seed = 1; seed <= kDiaries; ++seed) {
    const Case c = MakeCase(seed);
    Diary worse = CutAt(c.diary, c.as_of);
    auto last = std::find_if(worse.days.rbegin(), worse.days.rend(),
                             [](const Day& d) { return d.morning.has_value(); });
    if (last == worse.days.rend()) continue;
    last->morning->pain = testing::S(10);
    if (last->morning->stiffness) last->morning->stiffness = testing::S(10);
    const Reading a = Read(c.diary, c.as_of, {});
    const Reading b = Read(worse, c.as_of, {});
    EXPECT_GE(b.trend.flared_days, a.trend.flared_days) << "seed " << seed;
    EXPECT_EQ(b.trend.session_days, a.trend.session_days) << "seed " << seed;
  }
}

}  // namespace
}  // namespace backsignal
