#include "backsignal/core/checkin.h"

#include <gtest/gtest.h>

#include "test_diaries.h"

namespace backsignal {
namespace {

Day Today() { return Day{.date = *Date::Parse("2026-11-25")}; }
using testing::S;

TEST(CheckinTest, AddSessionNumbersFromOne) {
  Day d = Today();
  SessionPatch p;
  p.minutes = 40;
  EXPECT_EQ(AddSession(d, p), 1u);
  EXPECT_EQ(AddSession(d, p), 2u);
  EXPECT_EQ(*d.sessions[1].minutes, 40);
}

TEST(CheckinTest, EditSessionChangesOnlyGivenFields) {
  Day d = Today();
  SessionPatch p;
  p.minutes = 40;
  p.during.start = S(3);
  AddSession(d, p);
  SessionPatch fix;
  fix.during.end = S(5);
  ASSERT_TRUE(EditSession(d, 1, fix).has_value());
  EXPECT_EQ(*d.sessions[0].minutes, 40);
  EXPECT_EQ(d.sessions[0].during.start, S(3));
  EXPECT_EQ(d.sessions[0].during.end, S(5));
  EXPECT_EQ(EditSession(d, 2, fix).error().kind, ErrorKind::kNotFound);
}

TEST(CheckinTest, HourAfterGoesToTheLatestSessionByDefault) {
  Day d = Today();
  AddSession(d, {});
  AddSession(d, {});
  HourAfter h;
  h.pain = S(4);
  EXPECT_EQ(*RecordHourAfter(d, std::nullopt, h), 2u);
  EXPECT_FALSE(d.sessions[0].hour_after.pain.has_value());
  EXPECT_EQ(d.sessions[1].hour_after.pain, S(4));
  EXPECT_EQ(*RecordHourAfter(d, 1, h), 1u);
}

TEST(CheckinTest, HourAfterWithoutASessionIsNotFound) {
  Day d = Today();
  EXPECT_EQ(RecordHourAfter(d, std::nullopt, HourAfter{S(3), {}}).error().kind,
            ErrorKind::kNotFound);
}

TEST(CheckinTest, MergeContextKeepsFieldsNotGiven) {
  Context c;
  c.sitting_hours = 7;
  Context patch;
  patch.prolonged_position = true;
  MergeContext(c, patch);
  EXPECT_EQ(*c.sitting_hours, 7);
  EXPECT_TRUE(*c.prolonged_position);
}

TEST(CheckinTest, MergeContextPainkillersAndTags) {
  Context c;
  c.painkillers = true;
  c.painkiller_name = "ibuprofen";
  c.tags = std::vector<std::string>{"long drive"};
  Context none;
  none.painkillers = false;  // no painkillers: no name of one
  MergeContext(c, none);
  EXPECT_FALSE(*c.painkillers);
  EXPECT_FALSE(c.painkiller_name);
  EXPECT_EQ(*c.tags, std::vector<std::string>{"long drive"});  // not given: kept
  Context named;
  named.painkiller_name = "paracetamol";  // a name says some were taken
  MergeContext(c, named);
  EXPECT_TRUE(*c.painkillers);
  Context cleared;
  cleared.tags = std::vector<std::string>{};  // given empty: cleared
  MergeContext(c, cleared);
  EXPECT_FALSE(c.tags);
  EXPECT_TRUE(c.empty() == false);
}

TEST(CheckinTest, DeleteEachKindOfEntry) {
  Day d = Today();
  d.morning = Morning{S(3), {}};
  d.note = "x";
  d.context.sitting_hours = 3;
  SessionPatch p;
  p.during.start = S(2);
  p.hour_after.pain = S(3);
  AddSession(d, p);
  AddSession(d, p);
  ASSERT_TRUE(DeleteEntry(d, Entry::kHourAfter, 1).has_value());
  EXPECT_TRUE(d.sessions[0].hour_after.empty());
  EXPECT_EQ(DeleteEntry(d, Entry::kHourAfter, 1).error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(DeleteEntry(d, Entry::kDuring, std::nullopt).has_value());
  EXPECT_TRUE(d.sessions[1].during.empty());
  ASSERT_TRUE(DeleteEntry(d, Entry::kSession, 1).has_value());
  EXPECT_EQ(d.sessions.size(), 1u);
  ASSERT_TRUE(DeleteEntry(d, Entry::kMorning, std::nullopt).has_value());
  EXPECT_EQ(DeleteEntry(d, Entry::kMorning, std::nullopt).error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(DeleteEntry(d, Entry::kContext, std::nullopt).has_value());
  ASSERT_TRUE(DeleteEntry(d, Entry::kDay, std::nullopt).has_value());
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(DeleteEntry(d, Entry::kDay, std::nullopt).error().kind, ErrorKind::kNotFound);
}

TEST(CheckinTest, EntryNames) {
  EXPECT_EQ(ParseEntry("after"), Entry::kHourAfter);
  EXPECT_EQ(ParseEntry("hour-after"), Entry::kHourAfter);
  EXPECT_FALSE(ParseEntry("everything").has_value());
}

}  // namespace
}  // namespace backsignal
