// The safety screen through the service: a stop holds for every kind of write that adds to the
// diary, on every front door (they all come here), until new answers or a clearance.
#include "backsignal/service/safety.h"

#include <gtest/gtest.h>

#include "backsignal/service/checkins.h"
#include "backsignal/service/readings.h"
#include "backsignal/store/group_commit.h"
#include "safety_answers.h"
#include "test_diaries.h"

namespace backsignal::service {
namespace {

using backsignal::testing::D;
using backsignal::testing::S;

using backsignal::testing::AllNo;

// 2026-11-20 12:00 UTC.
constexpr int64_t kNow = 1795176000;

class SafetyServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = OpenServiceDatabase("memory:", OpenOptions{.create = true});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    writer_ = std::make_unique<DirectWriter>(*db_);
    service_ = std::make_unique<Service>(*db_, *writer_, clock_);
  }
  Result<CheckinResult> MorningCheckin(const char* date, double pain, bool deletes = false) {
    return CheckinNow(*service_, kLocalPerson, D(date),
                      SetMorning(backsignal::Morning{S(pain), {}}), {.deletes = deletes});
  }
  FakeClock clock_{kNow};
  std::unique_ptr<Database> db_;
  std::unique_ptr<Writer> writer_;
  std::unique_ptr<Service> service_;
};

TEST_F(SafetyServiceTest, FirstUseIsDueButDoesNotStopCheckins) {
  auto s = SafetyStateOf(*service_, kLocalPerson);
  ASSERT_TRUE(s.has_value());
  EXPECT_FALSE(s->record.has_value());
  EXPECT_EQ(s->due, SafetyReason::kFirstUse);
  EXPECT_FALSE(s->stopped);
  EXPECT_TRUE(MorningCheckin("2026-11-20", 3).has_value());
}

TEST_F(SafetyServiceTest, AStopHoldsForCheckinsAndImportUntilAClearance) {
  auto a = AllNo();
  a["night_pain"] = true;
  auto s = AnswerSafety(*service_, kLocalPerson, a);
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_TRUE(s->stopped);
  EXPECT_EQ(s->record->outcome, Urgency::kSoon);

  auto refused = MorningCheckin("2026-11-20", 3);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
  EXPECT_NE(refused.error().message.find("clinician"), std::string::npos);

  Diary diary;
  diary.days.push_back(Day{.date = D("2026-11-01"), .morning = backsignal::Morning{S(2), {}}});
  auto imported = ImportDiary(*service_, kLocalPerson, diary, ImportMode::kRefuseClashes, "f");
  ASSERT_FALSE(imported.has_value());
  EXPECT_EQ(imported.error().kind, ErrorKind::kForbidden);
  EXPECT_TRUE(db_->ForPerson(kLocalPerson)->LoadDiary()->days.empty());

  // A clearance from a date in the future is refused; one from today ends the stop.
  EXPECT_EQ(RecordClearance(*service_, kLocalPerson, D("2026-11-22")).error().kind,
            ErrorKind::kInvalid);
  EXPECT_EQ(RecordClearance(*service_, kLocalPerson, D("2026-11-19")).error().kind,
            ErrorKind::kInvalid);  // before the answers
  auto cleared = RecordClearance(*service_, kLocalPerson, D("2026-11-20"));
  ASSERT_TRUE(cleared.has_value()) << cleared.error().message;
  EXPECT_FALSE(cleared->stopped);
  EXPECT_EQ(cleared->record->cleared_on, D("2026-11-20"));
  EXPECT_TRUE(MorningCheckin("2026-11-20", 3).has_value());
  EXPECT_TRUE(ImportDiary(*service_, kLocalPerson, diary, ImportMode::kRefuseClashes, "f"));

  // New answers with a red flag stop again: the earlier clearance does not cover them.
  clock_.Advance(60);
  ASSERT_TRUE(AnswerSafety(*service_, kLocalPerson, a).has_value());
  EXPECT_FALSE(MorningCheckin("2026-11-20", 4).has_value());
  // Taking something out of the diary is still allowed during a stop.
  EXPECT_TRUE(CheckinNow(*service_, kLocalPerson, D("2026-11-20"),
                         DeleteEdit(Entry::kMorning, std::nullopt), {.deletes = true})
                  .has_value());
  // Answers without a red flag end the stop.
  ASSERT_TRUE(AnswerSafety(*service_, kLocalPerson, AllNo()).has_value());
  EXPECT_TRUE(MorningCheckin("2026-11-20", 3).has_value());
}

TEST_F(SafetyServiceTest, AnEmergencyStopEndsWithNewAnswersOrASharingClinicianNotTheirOwnRecord) {
  std::map<std::string, bool> a;
  for (const SafetyQuestion& q : SafetyQuestions()) {
    if (q.if_yes == Urgency::kEmergency && q.follows.empty()) {
      a[std::string(q.id)] = true;
      break;
    }
  }
  ASSERT_EQ(a.size(), 1u);
  auto s = AnswerSafety(*service_, kLocalPerson, a);
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_EQ(s->record->outcome, Urgency::kEmergency);
  auto own = RecordClearance(*service_, kLocalPerson, D("2026-11-20"));
  ASSERT_FALSE(own.has_value());
  EXPECT_EQ(own.error().kind, ErrorKind::kForbidden);
  EXPECT_NE(own.error().message.find("answer the safety check again"), std::string::npos);
  EXPECT_TRUE(SafetyStateOf(*service_, kLocalPerson)->stopped);
  auto theirs =
      RecordClearance(*service_, kLocalPerson, D("2026-11-20"), ClearedBy::kSharingClinician);
  ASSERT_TRUE(theirs.has_value()) << theirs.error().message;
  EXPECT_FALSE(theirs->stopped);
}

TEST_F(SafetyServiceTest, ClearingWithoutAnswersIsNotFoundAndBadAnswersAreRefused) {
  EXPECT_EQ(RecordClearance(*service_, kLocalPerson, D("2026-11-20")).error().kind,
            ErrorKind::kNotFound);
  auto a = AllNo();
  a.erase("tearing");
  EXPECT_EQ(AnswerSafety(*service_, kLocalPerson, a).error().kind, ErrorKind::kInvalid);
  EXPECT_FALSE(db_->ForPerson(kLocalPerson)->LoadSafety()->has_value());
}

// A diary whose sessions were sharp twice in the last fortnight.
Reading TwoSharp() {
  Diary d;
  for (int i = 0; i < 14; ++i) {
    Day day{.date = D("2026-11-07") + i, .morning = backsignal::Morning{S(3), {}}};
    if (i == 5 || i == 9) {
      Session s;
      s.during.sharp = true;
      s.during.start = S(3);
      s.during.end = S(4);
      day.sessions.push_back(s);
    }
    d.days.push_back(day);
  }
  return Read(d, D("2026-11-20"), Settings{});
}

TEST(SafetyStateTest, RepeatedSharpAsksAgainAtMostOnceAWeek) {
  const Reading r = TwoSharp();
  ASSERT_GE(r.trend.sharp_sessions, 2);
  SafetyRecord rec;
  rec.answers = AllNo();
  rec.answered_at = kNow - 3 * 86400;
  EXPECT_FALSE(SafetyStateFrom(rec, &r, kNow).due.has_value());
  rec.answered_at = kNow - 8 * 86400;
  EXPECT_EQ(SafetyStateFrom(rec, &r, kNow).due, SafetyReason::kRepeatedSharp);
  // A clearance counts as a fresh look, like an answer.
  rec.cleared_at = kNow - 86400;
  EXPECT_FALSE(SafetyStateFrom(rec, &r, kNow).due.has_value());
}

TEST(SafetyStateTest, AStopIsNotDueAgainItIsStopped) {
  const Reading r = TwoSharp();
  SafetyRecord rec;
  rec.answers = AllNo();
  rec.answers["weight_loss"] = true;
  rec.outcome = Urgency::kSoon;
  rec.answered_at = kNow - 30 * 86400;
  const SafetyState s = SafetyStateFrom(rec, &r, kNow);
  EXPECT_TRUE(s.stopped);
  EXPECT_FALSE(s.due.has_value());
}

// A fall or an injury (issue 19): the questions again at once, not once a week.
Day FallOn(const char* date, Injury injury = Injury::kFall) {
  Day d{.date = D(date)};
  d.context.injury = injury;
  return d;
}

TEST(SafetyStateTest, AFallAfterTheAnswersBringsTheQuestionsBackAtOnceOneBeforeThemDoesNot) {
  SafetyRecord rec;
  rec.answers = AllNo();
  rec.answered_at = kNow - 86400;  // 2026-11-19, a day ago: well within the week
  const std::vector<Day> after = {FallOn("2026-11-20", Injury::kOther)};
  EXPECT_EQ(SafetyStateFrom(rec, nullptr, kNow, after).due, SafetyReason::kFallOrInjury);
  // Before the answers, or on their day: they cover it (the check-in asked at once).
  const std::vector<Day> before = {FallOn("2026-11-18")}, same = {FallOn("2026-11-19")};
  EXPECT_FALSE(SafetyStateFrom(rec, nullptr, kNow, before).due.has_value());
  EXPECT_FALSE(SafetyStateFrom(rec, nullptr, kNow, same).due.has_value());
  // A stop is a stop, not a question due.
  SafetyRecord stop = rec;
  stop.outcome = Urgency::kSoon;
  EXPECT_TRUE(SafetyStateFrom(stop, nullptr, kNow, after).stopped);
  EXPECT_FALSE(SafetyStateFrom(stop, nullptr, kNow, after).due.has_value());
  // The person's own date: 2026-11-19 12:00 UTC is already the 20th in Kiritimati (UTC+14).
  EXPECT_FALSE(SafetyStateFrom(rec, nullptr, kNow, after, "Pacific/Kiritimati").due.has_value());
  EXPECT_EQ(InjuryAfterAnswers(D("2026-11-19"), after), D("2026-11-20"));
}

TEST_F(SafetyServiceTest, RecordingAFallAsksTheQuestionsAgainAtOnceOnTheCheckinAndItsState) {
  clock_.Set(kNow - 86400);  // answered the day before
  ASSERT_TRUE(AnswerSafety(*service_, kLocalPerson, AllNo()).has_value());
  clock_.Set(kNow);
  Context fall;
  fall.injury = Injury::kFall;
  auto r = CheckinNow(*service_, kLocalPerson, D("2026-11-20"), ContextEdit(fall, true));
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_TRUE(r->safety_again);
  auto s = SafetyStateOf(*service_, kLocalPerson);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->due, SafetyReason::kFallOrInjury);
  // Recorded again, nothing new: no second "at once" on the check-in (the state still asks).
  r = CheckinNow(*service_, kLocalPerson, D("2026-11-20"), ContextEdit(fall, true));
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->safety_again);
  // Answered again: the fall is covered by the answers, and nothing is due.
  ASSERT_TRUE(AnswerSafety(*service_, kLocalPerson, AllNo()).has_value());
  s = SafetyStateOf(*service_, kLocalPerson);
  ASSERT_TRUE(s.has_value());
  EXPECT_FALSE(s->due.has_value());
  // A fall on the day of the answers, recorded after them: asked at once by its check-in.
  Context other;
  other.injury = Injury::kOther;
  r = CheckinNow(*service_, kLocalPerson, D("2026-11-20"), ContextEdit(other, true));
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->safety_again);
}

}  // namespace
}  // namespace backsignal::service
