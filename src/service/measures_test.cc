// The weekly questions and flares through the service: when they are due by the service's
// Clock, in the person's own time zone; late answers; flares numbered on their day.
#include "backsignal/service/measures.h"

#include <gtest/gtest.h>

#include "backsignal/store/group_commit.h"
#include "test_diaries.h"

namespace backsignal::service {
namespace {

using backsignal::testing::D;
using backsignal::testing::S;

// 2026-11-20 12:00 UTC, a Friday.
constexpr int64_t kMeasuresNow = 1795176000;
constexpr int64_t kDay = 86400;

class MeasuresServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = OpenServiceDatabase("memory:", OpenOptions{.create = true});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    writer_ = std::make_unique<DirectWriter>(*db_);
    service_ = std::make_unique<Service>(*db_, *writer_, clock_);
    Zone("Europe/London");
  }
  void Zone(const char* zone) {
    ASSERT_TRUE(db_->ForPerson(kLocalPerson)
                    ->EditProfile([&](Profile& p) -> Result<void> {
                      p.time_zone = zone;
                      return {};
                    })
                    .has_value());
  }
  std::optional<Date> DueSince() {
    auto s = WeeklyStateOf(*service_, kLocalPerson);
    EXPECT_TRUE(s.has_value());
    return s->due_since;
  }
  FakeClock clock_{kMeasuresNow};
  std::unique_ptr<Database> db_;
  std::unique_ptr<Writer> writer_;
  std::unique_ptr<Service> service_;
};

TEST_F(MeasuresServiceTest, WeeklyQuestionsAreDueOnTheChosenDayByTheClockUntilAnswered) {
  EXPECT_EQ(DueSince(), D("2026-11-20"));  // never answered: at once
  const Weekly first{.date = D("2026-11-20"), .peg = Peg{5, 4, 6}};
  ASSERT_TRUE(SaveWeekly(*service_, kLocalPerson, first).has_value());
  EXPECT_EQ(DueSince(), std::nullopt);
  clock_.Advance(2 * kDay);  // Sunday 22nd: answered two days early counts for this week
  EXPECT_EQ(DueSince(), std::nullopt);
  clock_.Advance(7 * kDay);  // Sunday 29th
  EXPECT_EQ(DueSince(), D("2026-11-29"));
  clock_.Advance(2 * kDay);  // Tuesday 1 December: still due since Sunday
  EXPECT_EQ(DueSince(), D("2026-11-29"));
  // Filled in late, for the Sunday, from History.
  ASSERT_TRUE(SaveWeekly(*service_, kLocalPerson, {.date = D("2026-11-29"), .peg = Peg{4, 4, 4}})
                  .has_value());
  EXPECT_EQ(DueSince(), std::nullopt);
  // Another day chosen: Tuesday, so due again today.
  ASSERT_EQ(SetWeeklyDay(*service_, kLocalPerson, Weekday::kTuesday).value(), Weekday::kTuesday);
  EXPECT_EQ(DueSince(), std::nullopt);  // the 29th is within three days before
  clock_.Advance(7 * kDay);             // Tuesday 8th
  EXPECT_EQ(DueSince(), D("2026-12-08"));
}

TEST_F(MeasuresServiceTest, TheDayTurnsInThePersonsOwnTimeZone) {
  ASSERT_TRUE(SaveWeekly(*service_, kLocalPerson, {.date = D("2026-11-15"), .peg = Peg{1, 1, 1}})
                  .has_value());
  // Saturday 28th 12:00 UTC is already Sunday 29th 02:00 at Kiritimati (UTC+14).
  clock_.Set(kMeasuresNow + 8 * kDay);
  EXPECT_EQ(DueSince(), D("2026-11-22"));
  ASSERT_TRUE(SaveWeekly(*service_, kLocalPerson, {.date = D("2026-11-22"), .peg = Peg{1, 1, 1}})
                  .has_value());
  EXPECT_EQ(DueSince(), std::nullopt);
  Zone("Pacific/Kiritimati");
  EXPECT_EQ(DueSince(), D("2026-11-29"));
}

TEST_F(MeasuresServiceTest, AnswersForTheFutureAreRefused) {
  auto r = SaveWeekly(*service_, kLocalPerson, {.date = D("2026-11-23"), .peg = Peg{1, 1, 1}});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
  EXPECT_NE(r.error().message.find("in the future"), std::string::npos);
}

TEST_F(MeasuresServiceTest, FlaresAreNumberedOnTheirDayAndDeletedByNumber) {
  auto one =
      AddFlare(*service_, kLocalPerson, {.date = D("2026-11-20"), .pain = S(7), .sharp = true});
  ASSERT_TRUE(one.has_value()) << one.error().message;
  EXPECT_EQ(one->number, 1u);
  auto two = AddFlare(*service_, kLocalPerson, {.date = D("2026-11-20"), .pain = S(4)});
  EXPECT_EQ(two->number, 2u);
  EXPECT_EQ(DeleteFlare(*service_, kLocalPerson, D("2026-11-20"), 3).error().kind,
            ErrorKind::kNotFound);
  ASSERT_TRUE(DeleteFlare(*service_, kLocalPerson, D("2026-11-20"), 1).has_value());
  auto m = MeasuresOf(*service_, kLocalPerson);
  ASSERT_EQ(m->flares.size(), 1u);
  EXPECT_EQ(m->flares[0].pain, S(4));
  // A flare is never a morning: the day holds nothing.
  EXPECT_FALSE(db_->ForPerson(kLocalPerson)->GetDay(D("2026-11-20")).value().has_value());
}

TEST_F(MeasuresServiceTest, TheViewSaysTheTrendAgainstFourWeeksBefore) {
  for (auto [date, score] : {std::pair{"2026-10-25", 3}, std::pair{"2026-11-20", 6}}) {
    ASSERT_TRUE(SaveWeekly(*service_, kLocalPerson,
                           {.date = D(date), .psfs = {{"reaching overhead", score}}})
                    .has_value());
  }
  auto v = MeasuresViewOf(*service_, kLocalPerson, Voice::About("Sam"));
  ASSERT_TRUE(v.has_value());
  ASSERT_TRUE(v->trend.psfs);
  EXPECT_EQ(v->trend.psfs->four_weeks->change, Change::kBetter);
  ASSERT_FALSE(v->words.psfs.empty());
  EXPECT_NE(v->words.psfs[0].find("+3, better"), std::string::npos) << v->words.psfs[0];
  EXPECT_EQ(v->weekly.activities, std::vector<std::string>{"reaching overhead"});
}

}  // namespace
}  // namespace backsignal::service
