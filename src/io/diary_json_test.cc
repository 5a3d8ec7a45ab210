#include "backsignal/io/diary_json.h"

#include <gtest/gtest.h>

#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;

std::string Wrap(const std::string& days, const std::string& top = "") {
  return R"({"format": "backsignal-diary", "version": 1, )" + top + R"("days": [)" + days + "]}";
}

// The problem lines of a refused diary, joined.
std::string Problems(const std::string& text) {
  auto r = ParseDiaryJson(text);
  EXPECT_FALSE(r.has_value()) << "accepted: " << text;
  if (r) return "";
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
  std::string all;
  for (const std::string& d : r.error().details) all += d + "\n";
  return all;
}

TEST(DiaryJsonTest, ReadsTheSpecExample) {
  const char* text = R"({
    "format": "backsignal-diary", "version": 1,
    "usual_morning_pain": 3, "usual_morning_stiffness": 4,
    "days": [{
      "date": "2026-11-02",
      "morning": { "pain": 3, "stiffness": 4 },
      "context": { "sitting_hours": 7, "prolonged_position": true, "upper_body_tension": 6 },
      "sessions": [{
          "time": "18:00", "minutes": 40, "activity": "swimming",
          "load": ["rotation", "breathing_under_load", "arms_away"],
          "during": { "start": 3, "end": 5, "pattern": "building", "sharp": false },
          "hour_after": { "pain": 4, "tighter": false } }],
      "note": "long day at the desk" }]})";
  auto r = ParseDiaryJson(text);
  ASSERT_TRUE(r.has_value()) << r.error().details[0];
  ASSERT_EQ(r->days.size(), 1u);
  const Day& day = r->days[0];
  EXPECT_EQ(day.date, D("2026-11-02"));
  EXPECT_EQ(day.morning->pain.value(), 3);
  EXPECT_EQ(day.morning->stiffness->value(), 4);
  EXPECT_EQ(*day.context.sitting_hours, 7);
  EXPECT_TRUE(*day.context.prolonged_position);
  const Session& s = day.sessions[0];
  EXPECT_EQ(s.time->ToString(), "18:00");
  EXPECT_EQ(*s.minutes, 40);
  EXPECT_TRUE(s.load.Has(Load::kArmsAway));
  EXPECT_EQ(*s.during.pattern, Pattern::kBuilding);
  EXPECT_FALSE(*s.during.sharp);
  EXPECT_EQ(s.hour_after.pain->value(), 4);
  EXPECT_EQ(*day.note, "long day at the desk");
  EXPECT_EQ(r->usual.stiffness->value(), 4);
}

TEST(DiaryJsonTest, HalfPointsAreKeptExactly) {
  auto r =
      ParseDiaryJson(Wrap(R"({"date": "2026-11-02", "morning": {"pain": 3.5, "stiffness": 0.5}})"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->days[0].morning->pain.halves(), 7);
  EXPECT_EQ(r->days[0].morning->stiffness->halves(), 1);
}

TEST(DiaryJsonTest, DaysInAnyOrderComeOutInDateOrder) {
  auto r = ParseDiaryJson(Wrap(R"({"date": "2026-11-03"}, {"date": "2026-11-01", "note": "a"})"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->days[0].date, D("2026-11-01"));
}

TEST(DiaryJsonTest, ScoreAboveTenNamesPathValueAndScale) {
  EXPECT_EQ(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": 11}})")),
            "days[0].morning.pain: 11 is above the top of the scale (0 to 10)\n");
}

TEST(DiaryJsonTest, ScoreBelowZeroAndNotInHalfSteps) {
  EXPECT_EQ(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": -0.5}})")),
            "days[0].morning.pain: -0.5 is below the bottom of the scale (0 to 10)\n");
  EXPECT_EQ(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": 3.3}})")),
            "days[0].morning.pain: 3.3 is not in steps of 0.5 (a score is like 3 or 3.5)\n");
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "sessions": [{"during": {"end": 10.25}}]})"))
                .find("days[0].sessions[0].during.end: 10.25"),
            std::string::npos);
}

TEST(DiaryJsonTest, WrongTypesNameWhatWasExpected) {
  EXPECT_EQ(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": "3"}})")),
            "days[0].morning.pain: \"3\" (a string) is the wrong type; expected a score (a "
            "number from 0 to 10 in steps of 0.5)\n");
  EXPECT_NE(
      Problems(Wrap(R"({"date": "2026-11-02", "context": {"prolonged_position": 1}})"))
          .find("days[0].context.prolonged_position: 1 is the wrong type; expected true or false"),
      std::string::npos);
  EXPECT_NE(
      Problems(Wrap(R"({"date": 20261102})")).find("days[0].date: 20261102 is the wrong type"),
      std::string::npos);
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "sessions": {}})"))
                .find("days[0].sessions: an object"),
            std::string::npos);
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": null}})"))
                .find("null is the wrong type"),
            std::string::npos);
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": true}})"))
                .find("true is the wrong type"),
            std::string::npos);
}

TEST(DiaryJsonTest, NaNAndInfinityAreNotJson) {
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": NaN}})"))
                .find("$: not valid JSON"),
            std::string::npos);
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": Infinity}})"))
                .find("not valid JSON"),
            std::string::npos);
  EXPECT_FALSE(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": 1e999}})")).empty());
}

TEST(DiaryJsonTest, ImpossibleAndMalformedDates) {
  EXPECT_EQ(Problems(Wrap(R"({"date": "2026-02-30"})")),
            "days[0].date: \"2026-02-30\" (a string) is not a real calendar date\n");
  EXPECT_NE(Problems(Wrap(R"({"date": "2025-02-29"})")).find("not a real calendar date"),
            std::string::npos);
  EXPECT_TRUE(ParseDiaryJson(Wrap(R"({"date": "2028-02-29"})")).has_value());
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-13-01"})")).find("not a real calendar date"),
            std::string::npos);
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-1-01"})")).find("expected a date as YYYY-MM-DD"),
            std::string::npos);
  EXPECT_NE(Problems(Wrap(R"({"date": "02.11.2026"})")).find("expected a date as YYYY-MM-DD"),
            std::string::npos);
  EXPECT_NE(Problems(Wrap(R"({"note": "no date"})")).find("days[0].date: missing"),
            std::string::npos);
}

TEST(DiaryJsonTest, DuplicateDatesNameBothPlaces) {
  EXPECT_EQ(
      Problems(Wrap(R"({"date": "2026-11-02"}, {"date": "2026-11-03"}, {"date": "2026-11-02"})")),
      "days[2].date: \"2026-11-02\" appears twice (also at days[0]); one entry per date\n");
}

TEST(DiaryJsonTest, UnknownKeysAtEveryLevel) {
  EXPECT_EQ(Problems(Wrap("", R"("colour": "blue", )")),
            "colour: unknown key; expected format, version, usual_morning_pain, "
            "usual_morning_stiffness, days, weekly or flares\n");
  EXPECT_EQ(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": 3, "pian": 4}})")),
            "days[0].morning.pian: unknown key; expected pain or stiffness\n");
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "sessions": [{"during": {"sharpness": 1}}]})"))
                .find("days[0].sessions[0].during.sharpness: unknown key"),
            std::string::npos);
  EXPECT_NE(
      Problems(Wrap(R"({"date": "2026-11-02", "mood": 3})")).find("days[0].mood: unknown key"),
      std::string::npos);
}

TEST(DiaryJsonTest, DuplicateKeysAreRefused) {
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"pain": 3, "pain": 9}})"))
                .find("days[0].morning.pain: this key appears twice"),
            std::string::npos);
}

TEST(DiaryJsonTest, UnknownAndRepeatedLoadsAndPatterns) {
  EXPECT_NE(
      Problems(Wrap(R"({"date": "2026-11-02", "sessions": [{"load": ["rotation", "twisting"]}]})"))
          .find("days[0].sessions[0].load[1]: \"twisting\" (a string) is not a load; expected "
                "rotation, breathing_under_load or arms_away"),
      std::string::npos);
  EXPECT_NE(
      Problems(Wrap(R"({"date": "2026-11-02", "sessions": [{"load": ["rotation", "rotation"]}]})"))
          .find("load[1]: \"rotation\" (a string) is listed twice"),
      std::string::npos);
  EXPECT_NE(
      Problems(Wrap(R"({"date": "2026-11-02", "sessions": [{"during": {"pattern": "worse"}}]})"))
          .find("days[0].sessions[0].during.pattern: \"worse\" (a string) is not a pattern"),
      std::string::npos);
}

TEST(DiaryJsonTest, EmptyMorningIsRefused) {
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "morning": {}})"))
                .find("days[0].morning.pain: missing"),
            std::string::npos);
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "morning": {"stiffness": 3}})"))
                .find("days[0].morning.pain: missing"),
            std::string::npos);
}

TEST(DiaryJsonTest, WrongFormatOrVersion) {
  EXPECT_NE(Problems(R"({"format": "other-diary", "version": 1, "days": []})")
                .find("format: \"other-diary\" (a string) is not a backsignal diary"),
            std::string::npos);
  EXPECT_NE(Problems(R"({"format": "backsignal-diary", "version": 2, "days": []})")
                .find("version: 2 is not a version this backsignal reads; expected 1"),
            std::string::npos);
  EXPECT_NE(Problems(R"({"format": "backsignal-diary", "days": []})").find("version: missing"),
            std::string::npos);
  EXPECT_NE(Problems(R"({"version": 1, "days": []})").find("format: missing"), std::string::npos);
  EXPECT_NE(Problems(R"([1, 2])").find("$: an array is not a diary"), std::string::npos);
  EXPECT_NE(Problems(R"({"format": "backsignal-diary", "version": 1})").find("days: missing"),
            std::string::npos);
}

TEST(DiaryJsonTest, TruncatedJsonNamesLineAndColumn) {
  const std::string p =
      Problems("{\"format\": \"backsignal-diary\",\n \"version\": 1, \"days\": [");
  EXPECT_NE(p.find("$: not valid JSON"), std::string::npos) << p;
  EXPECT_NE(p.find("line 2"), std::string::npos) << p;
  EXPECT_FALSE(Problems("").empty());
}

TEST(DiaryJsonTest, OutOfRangeSessionFields) {
  const std::string p = Problems(Wrap(
      R"({"date": "2026-11-02", "sessions": [{"time": "24:00", "minutes": 0}, {"minutes": 40.5}, {"minutes": 601}]})"));
  EXPECT_NE(p.find("days[0].sessions[0].time: \"24:00\" (a string) is not a time of day"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("days[0].sessions[0].minutes: 0 minutes is outside 1 to 600"), std::string::npos)
      << p;
  EXPECT_NE(p.find("days[0].sessions[1].minutes: 40.5 is not a whole number"), std::string::npos)
      << p;
  EXPECT_NE(p.find("days[0].sessions[2].minutes: 601 minutes is outside"), std::string::npos) << p;
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "context": {"sitting_hours": 25}})"))
                .find("days[0].context.sitting_hours: 25 hours is outside 0 to 24"),
            std::string::npos);
}

TEST(DiaryJsonTest, TextLongerThanAllowedCountsCharactersNotBytes) {
  const std::string two_hundred_accents = [] {
    std::string s;
    for (int i = 0; i < 200; ++i) s += "\xC3\xA9";  // é
    return s;
  }();
  EXPECT_TRUE(ParseDiaryJson(Wrap(R"({"date": "2026-11-02", "sessions": [{"activity": ")" +
                                  two_hundred_accents + R"("}]})"))
                  .has_value());
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "sessions": [{"activity": ")" +
                          two_hundred_accents + R"(x"}]})"))
                .find("is 201 characters long; at most 200 fit"),
            std::string::npos);
  EXPECT_NE(Problems(Wrap(R"({"date": "2026-11-02", "note": ")" + std::string(2001, 'a') + R"("})"))
                .find("days[0].note: the text is 2001 characters long"),
            std::string::npos);
}

TEST(DiaryJsonTest, EveryProblemIsListedNotOnlyTheFirst) {
  auto r = ParseDiaryJson(
      Wrap(R"({"date": "2026-11-02", "morning": {"pain": 11}}, {"date": "2026-02-30"})"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().details.size(), 2u);
  EXPECT_EQ(r.error().message, "diary refused: 2 problems");
}

TEST(DiaryJsonTest, ListedProblemsAreCapped) {
  std::string days;
  for (int i = 1; i <= 28; ++i) {
    days += (i > 1 ? "," : "") + std::string(R"({"date": "2026-02-)") + (i < 10 ? "0" : "") +
            std::to_string(i) + R"(", "morning": {"pain": 11, "stiffness": 12}})";
  }
  auto r = ParseDiaryJson(Wrap(days));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message, "diary refused: 56 problems");
  EXPECT_EQ(r.error().details.size(), kMaxListedProblems + 1);
  EXPECT_EQ(r.error().details.back(), "... and 6 more");
}

TEST(DiaryJsonTest, EmptyObjectsAndTextsAreDroppedAsCanonical) {
  auto r = ParseDiaryJson(Wrap(
      R"({"date": "2026-11-02", "context": {}, "note": "", "sessions": [{"during": {}, "hour_after": {}, "activity": ""}]})"));
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->days[0].context.empty());
  EXPECT_FALSE(r->days[0].note.has_value());
  EXPECT_EQ(r->days[0].sessions[0], Session{});
}

TEST(DiaryJsonTest, ExportIsCanonicalAndReadsBackTheSame) {
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    const Diary d = testing::RandomDiary(seed, 60);
    const std::string text = DiaryToJson(d);
    auto back = ParseDiaryJson(text);
    ASSERT_TRUE(back.has_value()) << back.error().details[0];
    EXPECT_EQ(*back, d);
    EXPECT_EQ(DiaryToJson(*back), text);
  }
}

TEST(DiaryJsonTest, SleepStressPainkillersAndOwnFactors) {
  auto r = ParseDiaryJson(Wrap(
      R"({"date": "2026-11-02", "context": {"sleep_hours": 5.5, "sleep_quality": 4, "stress": 7,
          "painkiller_name": "ibuprofen", "tags": ["long drive", " period "]}})"));
  ASSERT_TRUE(r.has_value()) << r.error().details[0];
  const Context& c = r->days[0].context;
  EXPECT_EQ(*c.sleep_hours, 5.5);
  EXPECT_TRUE(*c.painkillers);
  EXPECT_EQ(*c.tags, (std::vector<std::string>{"long drive", "period"}));  // trimmed
  // An empty list is no tags, as an empty text is no text.
  auto none = ParseDiaryJson(Wrap(R"({"date": "2026-11-02", "context": {"tags": []}})"));
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->days.empty() || !none->days[0].context.tags);
  const std::string p = Problems(Wrap(
      R"({"date": "2026-11-02", "context": {"sleep_hours": 25, "stress": 11, "tags": ["a", 3],
          "painkillers": false, "painkiller_name": "x"}})"));
  EXPECT_NE(p.find("days[0].context.sleep_hours: 25 hours of sleep is outside 0 to 24"),
            std::string::npos)
      << p;
  EXPECT_NE(p.find("days[0].context.stress: 11 is above the top"), std::string::npos) << p;
  EXPECT_NE(p.find("days[0].context.tags[1]"), std::string::npos) << p;
  EXPECT_NE(p.find("days[0].context.painkiller_name"), std::string::npos) << p;
  const std::string twice =
      Problems(Wrap(R"({"date": "2026-11-02", "context": {"tags": ["Period", "period"]}})"));
  EXPECT_NE(twice.find("days[0].context.tags[1]: \"period\" is given twice"), std::string::npos)
      << twice;
  std::vector<std::string> many(13, "x");
  for (size_t i = 0; i < many.size(); ++i) many[i] += std::to_string(i);
  EXPECT_FALSE(ValidateTags(many).has_value());
  EXPECT_FALSE(ValidateTag(std::string(41, 'a')).has_value());
  EXPECT_FALSE(ValidateTag("line\nbreak").has_value());
}

TEST(DiaryJsonTest, ExportWritesWholeScoresAsIntegers) {
  Diary d;
  d.days.push_back(
      Day{.date = D("2026-11-02"), .morning = Morning{testing::S(3), testing::S(4.5)}});
  const std::string text = DiaryToJson(d, false);
  EXPECT_NE(text.find(R"("morning":{"pain":3,"stiffness":4.5})"), std::string::npos) << text;
  EXPECT_NE(text.find(R"({"format":"backsignal-diary","version":1,)"), std::string::npos) << text;
}

TEST(DiaryJsonTest, LooksLikeJsonSkipsBlanksAndBom) {
  EXPECT_TRUE(LooksLikeJson("\xEF\xBB\xBF  \n{"));
  EXPECT_FALSE(LooksLikeJson("date,morning_pain"));
  EXPECT_FALSE(LooksLikeJson(""));
}

}  // namespace
}  // namespace backsignal
