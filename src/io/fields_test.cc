// The field tables (core/fields.h) and every reader and writer that walks them.
#include "backsignal/core/fields.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "backsignal/core/checkin.h"
#include "backsignal/io/diary_csv.h"
#include "backsignal/io/diary_json.h"
#include "backsignal/io/fields_json.h"
#include "backsignal/words/fields.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;

TEST(FieldsTest, EveryContextFieldIsAskedOnThePageOnceAndHasItsWords) {
  std::multiset<std::string_view> asked;
  for (const FieldWords& w : ContextFieldWords()) asked.insert(w.name);
  for (const Field<Context>& f : ContextFields()) {
    EXPECT_EQ(asked.count(f.spec.name), 1u) << f.spec.name;
    const FieldWords* w = WordsOfField(f.spec.name);
    ASSERT_NE(w, nullptr) << f.spec.name;
    EXPECT_FALSE(w->label.empty()) << f.spec.name;
    if (!f.spec.flag.empty()) {
      EXPECT_FALSE(w->help.empty()) << f.spec.name;
    }
  }
  EXPECT_EQ(asked.size(), ContextFields().size()) << "words for a field the table does not hold";
  for (const Field<Session>& f : SessionFields()) {
    EXPECT_NE(WordsOfField(f.spec.name), nullptr) << f.spec.name;
  }
}

TEST(FieldsTest, NamesAndColumnsAreUniqueAndChoicesFollowTheirEnum) {
  std::set<std::string_view> names, columns;
  for (const Field<Context>& f : ContextFields()) {
    EXPECT_TRUE(names.insert(f.spec.name).second) << f.spec.name;
    EXPECT_TRUE(columns.insert(f.spec.sql_column()).second) << f.spec.name;
  }
  for (const Field<Session>& f : SessionFields()) {
    EXPECT_TRUE(names.insert(f.spec.name).second) << f.spec.name;
  }
  for (size_t i = 0; i < std::size(kPatternNames); ++i) {
    EXPECT_EQ(PatternName(static_cast<Pattern>(i)), kPatternNames[i]);
  }
}

TEST(FieldsTest, ADayWithEveryFieldReadsBackTheSameFromJsonAndCsv) {
  Diary d;
  d.days.push_back(testing::EveryFieldDay(D("2026-11-02")));
  ASSERT_TRUE(ValidateDay(d.days[0]).has_value()) << ValidateDay(d.days[0]).error().details[0];
  auto json = ParseDiaryJson(DiaryToJson(d));
  ASSERT_TRUE(json.has_value()) << json.error().details[0];
  EXPECT_EQ(*json, d);
  auto csv = ParseDiaryCsv(DiaryToCsv(d));
  ASSERT_TRUE(csv.has_value()) << csv.error().details[0];
  EXPECT_EQ(*csv, d);
  // Every context field has its own CSV column, named as the table names it.
  const std::string header = DiaryToCsv(Diary{}).substr(0, DiaryToCsv(Diary{}).find('\r'));
  for (const Field<Context>& f : ContextFields()) {
    EXPECT_NE(("," + header + ",").find("," + std::string(f.spec.name) + ","), std::string::npos);
  }
}

TEST(FieldsTest, AValueOutOfBoundsIsRefusedNamingItsPlaceInEveryFormat) {
  for (const Field<Context>& f : ContextFields()) {
    if (f.spec.kind != FieldKind::kScore && f.spec.kind != FieldKind::kNumber) continue;
    const double above = f.spec.kind == FieldKind::kScore ? 11 : f.spec.max + 1;
    const std::string key(f.spec.json_key);
    auto json = ParseDiaryJson(
        R"({"format": "backsignal-diary", "version": 1, "days": [{"date": "2026-11-02", "context": {")" +
        key + "\": " + FormatNumber(above) + "}}]}");
    ASSERT_FALSE(json.has_value()) << key;
    EXPECT_TRUE(json.error().details[0].starts_with("days[0].context." + key + ": "))
        << json.error().details[0];
    auto csv = ParseDiaryCsv("date," + std::string(f.spec.name) + "\n2026-11-02," +
                             FormatNumber(above) + "\n");
    ASSERT_FALSE(csv.has_value()) << key;
    EXPECT_TRUE(csv.error().details[0].starts_with("line 2, " + std::string(f.spec.name) + ": "))
        << csv.error().details[0];
  }
}

TEST(FieldsTest, APinNeedsANoteAndGoesWithIt) {
  Day day{.date = D("2026-11-02"), .note_pinned = true};
  ASSERT_FALSE(ValidateDay(day).has_value());
  EXPECT_EQ(ValidateDay(day).error().details[0], "2026-11-02 note_pinned: a pin needs a note")
      << "the message names where";
  auto json = ParseDiaryJson(
      R"({"format": "backsignal-diary", "version": 1, "days": [{"date": "2026-11-02", )"
      R"("morning": {"pain": 3}, "note_pinned": true}]})");
  ASSERT_FALSE(json.has_value());
  EXPECT_EQ(json.error().details[0], "days[0].note_pinned: a pin needs a note");
  day.note = "GP says osteopenia";
  ASSERT_TRUE(ValidateDay(day).has_value());
  ASSERT_TRUE(DeleteEntry(day, Entry::kNote, std::nullopt).has_value());
  EXPECT_FALSE(day.note_pinned);
}

TEST(FieldsTest, ThePageIsServedEachFieldsBoundsControlAndWords) {
  const auto j = nlohmann::json::parse(FieldsToJson());
  ASSERT_EQ(j["context"].size(), ContextFields().size());
  for (const auto& f : j["context"]) {
    const Field<Context>* row = FindContextField(f["name"].get<std::string>());
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(f["control"], row->spec.control);
    EXPECT_FALSE(f["label"].get<std::string>().empty());
    if (row->spec.kind == FieldKind::kNumber) {
      EXPECT_EQ(f["max"].get<double>(), row->spec.max);
      EXPECT_EQ(f["step"].get<double>(), row->spec.step);
    }
  }
  // The page's first control is last night's sleep, up to the format's 24 hours in halves.
  EXPECT_EQ(j["context"][0]["name"], "sleep_hours");
  EXPECT_EQ(j["context"][0]["max"], kMaxSleepHours);
  EXPECT_EQ(j["context"][0]["step"], 0.5);
  const auto minutes = std::find_if(j["session"].begin(), j["session"].end(),
                                    [](const auto& f) { return f["name"] == "minutes"; });
  ASSERT_NE(minutes, j["session"].end());
  EXPECT_EQ((*minutes)["min"], kMinMinutes);
  EXPECT_EQ((*minutes)["max"], kMaxMinutes);
  EXPECT_EQ(j["day"][0]["max_chars"], kMaxNoteChars);
}

}  // namespace
}  // namespace backsignal
