// Push reminders through the service, with a fake push service that decrypts what it is sent:
// planned in the check-in's transaction, sent once when due, never for a window filled in, never
// in quiet hours; retried, dropped and unsubscribed as the push service answers.
#include "backsignal/service/reminders.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "backsignal/push/crypto.h"
#include "backsignal/service/checkins.h"
#include "backsignal/service/profile.h"
#include "backsignal/service/reminder_sender.h"
#include "backsignal/service/safety.h"
#include "test_diaries.h"

namespace backsignal::service {
namespace {

using backsignal::testing::D;
using backsignal::testing::S;

// 2026-11-20 12:00 UTC.
constexpr int64_t kRemindersNow = 1795176000;

// A push service that answers what it is told and opens every message with the device's keys.
class FakePushService final : public push::PushClient {
 public:
  std::vector<push::PushResponse> SendAll(const std::vector<push::PushRequest>& rs,
                                          const OnAnswer& on_answer) override {
    std::vector<push::PushResponse> out;
    for (const push::PushRequest& r : rs) {
      auto plain = push::DecryptMessage(r.body, device, auth);
      EXPECT_TRUE(plain) << "a message that does not open";
      received.push_back(nlohmann::json::parse(plain.value_or("{}")));
      headers.push_back(r.headers);
      push::PushResponse a;
      a.status = status;
      a.retry_after = retry_after;
      if (on_answer) on_answer(out.size(), a);
      out.push_back(a);
    }
    return out;
  }
  push::P256Keys device = push::GenerateP256().value();
  std::string auth = std::string(16, '\x05');
  int status = 201;
  std::string retry_after;
  std::vector<nlohmann::json> received;
  std::vector<std::vector<std::pair<std::string, std::string>>> headers;
};

class RemindersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = OpenServiceDatabase("memory:", OpenOptions{.create = true});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    writer_ = std::make_unique<DirectWriter>(*db_);
    service_ = std::make_unique<Service>(*db_, *writer_, clock_);
    auto fake = std::make_unique<FakePushService>();
    push_ = fake.get();
    sender_ = std::make_unique<ReminderSender>(*service_, std::move(fake), SenderOptions{});
    ASSERT_TRUE(db_->ForPerson(kLocalPerson)->EditProfile([](Profile& p) -> Result<void> {
      p.time_zone = "UTC";
      p.wake_time = TimeOfDay::FromMinutes(7 * 60);
      return {};
    }));
    auto sub =
        Subscribe(*service_, kLocalPerson,
                  {"https://push.example.net/d/1", push::Base64UrlEncode(push_->device.public_key),
                   push::Base64UrlEncode(push_->auth), "Test phone"},
                  push::Reach::kPublicOnly);
    ASSERT_TRUE(sub) << sub.error().message;
  }
  void Session(const char* date, int start_minutes, int minutes) {
    SessionPatch p;
    p.time = TimeOfDay::FromMinutes(start_minutes);
    p.minutes = minutes;
    p.during.start = S(2);
    ASSERT_TRUE(CheckinNow(*service_, kLocalPerson, D(date), AddSessionEdit(p)));
  }
  size_t Round() {
    auto n = sender_->RunOnce();
    EXPECT_TRUE(n) << n.error().message;
    return n.value_or(0);
  }
  std::vector<Reminder> Pending() { return GetReminders(*service_, kLocalPerson)->pending; }

  FakeClock clock_{kRemindersNow};
  std::unique_ptr<Database> db_;
  std::unique_ptr<Writer> writer_;
  std::unique_ptr<Service> service_;
  FakePushService* push_ = nullptr;
  std::unique_ptr<ReminderSender> sender_;
};

TEST_F(RemindersTest, ASessionPlansItsHourAfterAndTheNextMorningInItsOwnTransaction) {
  Session("2026-11-20", 11 * 60 + 30, 30);  // 11:30 to 12:00
  auto pending = Pending();
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].kind, ReminderKind::kHourAfter);
  EXPECT_EQ(pending[0].due_at, kRemindersNow + 3600);
  EXPECT_EQ(pending[1].kind, ReminderKind::kMorning);
  EXPECT_EQ(pending[1].date, D("2026-11-21"));
  EXPECT_EQ(pending[1].due_at, kRemindersNow + 19 * 3600);  // 07:00 next day
}

TEST_F(RemindersTest, TheHourAfterIsSentOnceWhenDueAndItsMessageOpensWithoutHealthData) {
  Session("2026-11-20", 11 * 60 + 30, 30);
  EXPECT_EQ(Round(), 0u);  // not due yet
  clock_.Advance(3600);
  EXPECT_EQ(Round(), 1u);
  EXPECT_EQ(Round(), 0u);  // once
  ASSERT_EQ(push_->received.size(), 1u);
  const nlohmann::json& m = push_->received[0];
  EXPECT_EQ(m["kind"], "hour_after");
  EXPECT_EQ(m["url"], "/#today/after-2026-11-20-1");
  EXPECT_EQ(m["date"], "2026-11-20");
  EXPECT_EQ(m["title"], "Your hour-after check-in is due");
  for (const auto& [name, value] : push_->headers[0]) {
    if (name == "TTL") {
      EXPECT_EQ(value, std::to_string(2 * 3600));
    } else if (name == "Urgency") {
      EXPECT_EQ(value, "normal");
    } else if (name == "Authorization") {
      EXPECT_TRUE(value.starts_with("vapid t="));
    }
  }
  EXPECT_EQ(sender_->counts().sent, 1u);
}

TEST_F(RemindersTest, AWindowFilledInMeanwhileIsNotSent) {
  Session("2026-11-20", 11 * 60 + 30, 30);
  ASSERT_TRUE(CheckinNow(*service_, kLocalPerson, D("2026-11-20"),
                         HourAfterEdit(1, HourAfter{S(2), false}, false)));
  ASSERT_TRUE(CheckinNow(*service_, kLocalPerson, D("2026-11-21"),
                         SetMorning(backsignal::Morning{S(2), {}})));
  clock_.Advance(20 * 3600);  // past the hour after and the morning
  Round();
  EXPECT_TRUE(push_->received.empty());
  EXPECT_EQ(sender_->counts().sent, 0u);
}

TEST_F(RemindersTest, TheMorningIsSentAtTheWakeTimeAndTheNextOneIsPlanned) {
  Session("2026-11-20", 11 * 60 + 30, 30);
  ASSERT_TRUE(CheckinNow(*service_, kLocalPerson, D("2026-11-20"),
                         HourAfterEdit(1, HourAfter{S(2), false}, false)));
  clock_.Set(kRemindersNow + 19 * 3600);  // 07:00 on the 21st
  Round();
  ASSERT_EQ(push_->received.size(), 1u);
  EXPECT_EQ(push_->received[0]["kind"], "morning");
  EXPECT_EQ(push_->received[0]["url"], "/#today/morning-2026-11-21");
  auto pending = Pending();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].date, D("2026-11-22"));
}

TEST_F(RemindersTest, AWakeTimeMovedToLaterTodayLeavesOneMorningReminderTodays) {
  Session("2026-11-20", 9 * 60, 30);
  ASSERT_EQ(Pending().back().date, D("2026-11-21"));  // 07:00 has gone by on the 20th
  auto later = EditProfile(*service_, kLocalPerson,
                           [](Profile& p) { p.wake_time = TimeOfDay::FromMinutes(13 * 60); });
  ASSERT_TRUE(later) << later.error().message;
  std::vector<Reminder> mornings;
  for (const Reminder& r : Pending()) {
    if (r.kind == ReminderKind::kMorning) mornings.push_back(r);
  }
  ASSERT_EQ(mornings.size(), 1u);
  EXPECT_EQ(mornings[0].date, D("2026-11-20"));
  EXPECT_EQ(mornings[0].due_at, kRemindersNow + 3600);  // 13:00 today
  // Back to 07:00: today's has gone by again, and tomorrow's is the one.
  ASSERT_TRUE(EditProfile(*service_, kLocalPerson,
                          [](Profile& p) { p.wake_time = TimeOfDay::FromMinutes(7 * 60); }));
  mornings.clear();
  for (const Reminder& r : Pending()) {
    if (r.kind == ReminderKind::kMorning) mornings.push_back(r);
  }
  ASSERT_EQ(mornings.size(), 1u);
  EXPECT_EQ(mornings[0].date, D("2026-11-21"));
}

TEST_F(RemindersTest, NothingIsPlannedOrSentInQuietHours) {
  Session("2026-11-20", 20 * 60 + 30, 45);  // ends 21:15: due 22:15, inside 22:00-07:00
  for (const Reminder& r : Pending()) EXPECT_NE(r.kind, ReminderKind::kHourAfter);
  // A wake time inside the quiet hours is moved to their end.
  ASSERT_TRUE(db_->ForPerson(kLocalPerson)->EditProfile([](Profile& p) -> Result<void> {
    p.wake_time = TimeOfDay::FromMinutes(6 * 60);
    return {};
  }));
  ASSERT_TRUE(ReplanReminders(*service_, kLocalPerson));
  auto pending = Pending();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].due_at, kRemindersNow + 19 * 3600);  // 07:00, not 06:00
}

TEST_F(RemindersTest, ATurnedOffWindowIsNotSent) {
  Session("2026-11-20", 11 * 60 + 30, 30);
  auto prefs = GetReminders(*service_, kLocalPerson)->prefs;
  prefs.hour_after = false;
  ASSERT_TRUE(SetReminderPrefs(*service_, kLocalPerson, prefs));
  clock_.Advance(3600);
  Round();
  EXPECT_TRUE(push_->received.empty());
}

TEST_F(RemindersTest, A429IsTriedAgainAfterItsRetryAfterAndA410RemovesTheDevice) {
  ASSERT_TRUE(QueueTestReminder(*service_, kLocalPerson));
  push_->status = 429;
  push_->retry_after = "120";
  EXPECT_EQ(Round(), 1u);
  EXPECT_EQ(sender_->counts().retried, 1u);
  clock_.Advance(60);
  EXPECT_EQ(Round(), 0u);  // not before Retry-After
  clock_.Advance(61);
  push_->status = 410;
  EXPECT_EQ(Round(), 1u);
  EXPECT_EQ(sender_->counts().failed, 1u);
  EXPECT_TRUE(GetReminders(*service_, kLocalPerson)->devices.empty());
}

TEST_F(RemindersTest, AClaimedDeliveryIsLeasedSoNoOtherSenderTakesItUntilTheLeaseEnds) {
  ASSERT_TRUE(QueueTestReminder(*service_, kLocalPerson));
  PushStore& store = db_->Push();
  ASSERT_TRUE(store.HandOverDue(kRemindersNow, 10, [&](const Reminder& r, DiaryTxn& txn) {
    return DecideDue(r, txn, kRemindersNow);
  }));
  auto first = store.ClaimDeliveries(kRemindersNow, 60, 10);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->size(), 1u);
  EXPECT_TRUE(store.ClaimDeliveries(kRemindersNow + 59, 60, 10)->empty());  // a second sender
  // The first died without recording anything: after the lease, it is taken up again.
  EXPECT_EQ(store.ClaimDeliveries(kRemindersNow + 60, 60, 10)->size(), 1u);
}

TEST_F(RemindersTest, AReminderWhoseWindowHasGoneByIsNotSent) {
  Session("2026-11-20", 11 * 60 + 30, 30);
  clock_.Advance(3600 + kHourAfterSendableSeconds + 1);
  Round();
  for (const nlohmann::json& m : push_->received) EXPECT_NE(m["kind"], "hour_after");
}

TEST_F(RemindersTest, ASubscriptionIsOutsideInput) {
  const std::string key = push::Base64UrlEncode(push_->device.public_key);
  const std::string auth = push::Base64UrlEncode(push_->auth);
  for (const NewSubscription& bad : std::vector<NewSubscription>{
           {"http://push.example.net/x", key, auth, ""},
           {"https://169.254.169.254/x", key, auth, ""},
           {"https://push.example.net/x", "AAAA", auth, ""},
           {"https://push.example.net/x", key, "AAAA", ""},
           {"https://push.example.net/" + std::string(1000, 'x'), key, auth, ""},
       }) {
    EXPECT_FALSE(Subscribe(*service_, kLocalPerson, bad, push::Reach::kPublicOnly)) << bad.endpoint;
  }
  for (int i = 2; i <= 10; ++i) {
    ASSERT_TRUE(Subscribe(*service_, kLocalPerson,
                          {"https://push.example.net/d/" + std::to_string(i), key, auth, ""},
                          push::Reach::kPublicOnly));
  }
  auto eleventh =
      Subscribe(*service_, kLocalPerson, {"https://push.example.net/d/11", key, auth, ""},
                push::Reach::kPublicOnly);
  ASSERT_FALSE(eleventh);
  EXPECT_EQ(eleventh.error().kind, ErrorKind::kConflict);
  // The same device again replaces its subscription rather than adding one.
  EXPECT_TRUE(Subscribe(*service_, kLocalPerson, {"https://push.example.net/d/3", key, auth, ""},
                        push::Reach::kPublicOnly));
  EXPECT_EQ(GetReminders(*service_, kLocalPerson)->devices.size(), 10u);
}

TEST_F(RemindersTest, TurningRemindersOffRemovesEveryDeviceAndEveryPendingReminder) {
  Session("2026-11-20", 11 * 60 + 30, 30);
  ASSERT_FALSE(Pending().empty());
  ASSERT_TRUE(TurnOffReminders(*service_, kLocalPerson));
  auto v = GetReminders(*service_, kLocalPerson);
  EXPECT_TRUE(v->devices.empty());
  EXPECT_TRUE(v->pending.empty());
  Session("2026-11-20", 12 * 60 + 30, 30);  // no device: nothing planned
  EXPECT_TRUE(Pending().empty());
}

TEST_F(RemindersTest, NoCheckinIsAskedForWhileTheSafetyScreenHasStoppedThem) {
  Session("2026-11-20", 11 * 60 + 30, 30);
  std::map<std::string, bool> answers;
  for (const SafetyQuestion& q : SafetyQuestions()) {
    if (q.follows.empty()) answers[std::string(q.id)] = false;
  }
  answers["night_pain"] = true;
  auto s = AnswerSafety(*service_, kLocalPerson, answers);
  ASSERT_TRUE(s && s->stopped);
  clock_.Advance(3600);
  Round();
  EXPECT_TRUE(push_->received.empty());
}

TEST_F(RemindersTest, RetryAfterIsReadAsSecondsOrAnHttpDate) {
  EXPECT_EQ(RetryAfterSeconds("120", kRemindersNow), 120);
  EXPECT_EQ(RetryAfterSeconds("Fri, 20 Nov 2026 12:05:00 GMT", kRemindersNow), 300);
  EXPECT_FALSE(RetryAfterSeconds("soon", kRemindersNow));
  EXPECT_FALSE(RetryAfterSeconds("", kRemindersNow));
}

}  // namespace
}  // namespace backsignal::service
