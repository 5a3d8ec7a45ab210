// One store suite, typed over every backend: the in-memory store, SQLite, and PostgreSQL (a real
// server, started by the test scripts: BACKSIGNAL_TEST_PG names it; each test gets a schema).
#include "backsignal/store/store.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "backsignal/core/checkin.h"
#include "backsignal/service/sharing.h"
#include "backsignal/service/summaries.h"
#include "backsignal/store/group_commit.h"
#include "schema.h"
#include "sql.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;
using testing::S;

// The store opened as the service opens it: with the reading's summaries kept.
OpenOptions Opts(bool create) {
  return OpenOptions{.create = create, .summariser = service::ReadingSummariser({})};
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& location, bool create) {
  auto db = OpenDatabase(location, Opts(create));
  if (!db) return Unexpected(db.error());
  const PersonId local = (*db)->LocalPerson();
  return OwningPersonStore(std::move(*db), local);
}

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, bool create) {
  return OpenStore("sqlite:" + path, create);
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("backsignal-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

struct MemoryBackend {
  static std::string Location(const TempDir&) { return "memory:"; }
  static constexpr bool kPersistent = false;
};

struct SqliteBackend {
  static std::string Location(const TempDir& dir) { return "sqlite:" + dir.File("sub/diary.db"); }
  static constexpr bool kPersistent = true;
};

// A fresh schema on the test server for each test, through libpq's options parameter. A test that
// asks for it says Postgres in its name (or its type's): ctest gives the server to those tests
// only, by name (CMakeLists.txt, Tests), so another would silently never run against it.
std::string PostgresSchemaUrl() {
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string name = std::string(test->test_suite_name()) + "." + test->name() +
                           (test->type_param() != nullptr ? test->type_param() : "");
  if (name.find("Postgres") == std::string::npos) {
    ADD_FAILURE() << name << " uses the PostgreSQL server, so its name says Postgres";
    return "";
  }
  const char* base = std::getenv("BACKSIGNAL_TEST_PG");
  if (base == nullptr || *base == '\0') return "";
  static int n = 0;
  const std::string schema = "t" + std::to_string(::getpid()) + "_" + std::to_string(n++);
  PGconn* c = PQconnectdb(base);
  EXPECT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
  PQclear(PQexec(c, ("CREATE SCHEMA " + schema).c_str()));
  PQfinish(c);
  std::string url = base;
  url += (url.find('?') == std::string::npos ? "?" : "&");
  return url + "options=-csearch_path%3D" + schema;
}

struct PostgresBackend {
  static std::string Location(const TempDir&) { return PostgresSchemaUrl(); }
  static constexpr bool kPersistent = true;
};

template <typename Backend>
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    location_ = Backend::Location(dir_);
    if (location_.empty()) GTEST_SKIP() << "no PostgreSQL server (BACKSIGNAL_TEST_PG unset)";
    auto db = OpenDatabase(location_, Opts(true));
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    auto owner = db_->CreateAccount("owner", "hash", "person", 1);
    ASSERT_TRUE(owner.has_value()) << owner.error().message;
    person_ = owner->person;
    store_ = db_->ForPerson(person_);
  }
  void TearDown() override {
    store_.reset();
    db_.reset();
  }
  TempDir dir_;
  std::string location_;
  std::unique_ptr<Database> db_;
  PersonId person_ = 0;
  std::unique_ptr<Store> store_;
};

using Backends = ::testing::Types<MemoryBackend, SqliteBackend, PostgresBackend>;
TYPED_TEST_SUITE(StoreTest, Backends);

TYPED_TEST(StoreTest, StartsEmpty) {
  auto d = this->store_->LoadDiary();
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(d->days.empty());
}

TYPED_TEST(StoreTest, ImportThenLoadGivesTheSameDiary) {
  const Diary diary = testing::RandomDiary(3, 90);
  auto report = this->store_->Import(diary, ImportMode::kRefuseClashes);
  ASSERT_TRUE(report.has_value()) << report.error().message;
  EXPECT_EQ(report->added, diary.days.size());
  auto back = this->store_->LoadDiary();
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, diary);
}

TYPED_TEST(StoreTest, ReimportingTheSameDiaryChangesNothing) {
  const Diary diary = testing::RandomDiary(4, 30);
  ASSERT_TRUE(this->store_->Import(diary, ImportMode::kRefuseClashes).has_value());
  auto again = this->store_->Import(diary, ImportMode::kRefuseClashes);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->added, 0u);
  EXPECT_EQ(again->unchanged, diary.days.size());
}

TYPED_TEST(StoreTest, ClashingDatesAreRefusedWholeAndListed) {
  Diary first = testing::DiaryBuilder().Morning("2026-10-01", 3).Morning("2026-10-02", 3).Build();
  ASSERT_TRUE(this->store_->Import(first, ImportMode::kRefuseClashes).has_value());
  Diary second = testing::DiaryBuilder()
                     .Morning("2026-10-02", 5)  // clashes
                     .Morning("2026-10-03", 4)  // new
                     .Build();
  auto r = this->store_->Import(second, ImportMode::kRefuseClashes);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kConflict);
  ASSERT_EQ(r.error().details.size(), 1u);
  EXPECT_EQ(r.error().details[0], "2026-10-02");
  auto now = this->store_->LoadDiary();
  EXPECT_EQ(*now, first);  // nothing of the second file, not even 10-03
}

TYPED_TEST(StoreTest, ReplaceSwapsClashingDaysAndKeepsOthers) {
  Diary first = testing::DiaryBuilder().Morning("2026-10-01", 3).Morning("2026-10-02", 3).Build();
  ASSERT_TRUE(this->store_->Import(first, ImportMode::kRefuseClashes).has_value());
  Diary second = testing::DiaryBuilder().Morning("2026-10-02", 5).Morning("2026-10-03", 4).Build();
  auto r = this->store_->Import(second, ImportMode::kReplace);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->replaced, 1u);
  EXPECT_EQ(r->added, 1u);
  auto now = this->store_->LoadDiary();
  ASSERT_EQ(now->days.size(), 3u);
  EXPECT_EQ(now->days[0].morning->pain, S(3));
  EXPECT_EQ(now->days[1].morning->pain, S(5));
}

TYPED_TEST(StoreTest, ReplaceAllLeavesExactlyTheNewDiary) {
  ASSERT_TRUE(
      this->store_->Import(testing::RandomDiary(8, 30), ImportMode::kRefuseClashes).has_value());
  const Diary next = testing::RandomDiary(9, 10, D("2027-01-01"));
  ASSERT_TRUE(this->store_->ReplaceAll(next).has_value());
  EXPECT_EQ(*this->store_->LoadDiary(), next);
}

TYPED_TEST(StoreTest, SettingsAreStoredAndReplacedWhole) {
  EXPECT_TRUE(this->store_->LoadSettings()->empty());
  ASSERT_TRUE(
      this->store_->SaveSettings({{"significant_change", 2.5}, {"sitting_hours", 8}}).has_value());
  auto s = this->store_->LoadSettings();
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->size(), 2u);
  EXPECT_EQ(s->at("significant_change"), 2.5);
  ASSERT_TRUE(this->store_->SaveSettings({{"sitting_hours", 7}}).has_value());
  EXPECT_EQ(*this->store_->LoadSettings(), (std::map<std::string, double>{{"sitting_hours", 7}}));
  // Clearing the diary keeps the thresholds.
  ASSERT_TRUE(this->store_->ReplaceAll(Diary{}).has_value());
  EXPECT_EQ(this->store_->LoadSettings()->size(), 1u);
}

TYPED_TEST(StoreTest, TheProfileIsStoredAndItsPersonKeyStays) {
  auto p = this->store_->LoadProfile();
  ASSERT_TRUE(p.has_value()) << p.error().message;
  EXPECT_EQ(p->person_key.size(), 32u);
  EXPECT_TRUE(p->time_zone.empty());
  EXPECT_FALSE(p->wake_time.has_value());
  const std::string key = p->person_key;
  auto edited = this->store_->EditProfile([](Profile& q) -> Result<void> {
    q.person_key = "something else";
    q.time_zone = "Europe/London";
    q.wake_time = TimeOfDay::FromMinutes(6 * 60 + 30);
    q.feed_token_hash = "abc";
    return {};
  });
  ASSERT_TRUE(edited.has_value());
  EXPECT_EQ(edited->person_key, key);
  EXPECT_EQ(*this->store_->LoadProfile(), *edited);
  // A failed edit stores nothing.
  auto failed = this->store_->EditProfile([](Profile& q) -> Result<void> {
    q.time_zone = "Asia/Tokyo";
    return Fail(Error::Invalid("no"));
  });
  EXPECT_FALSE(failed.has_value());
  EXPECT_EQ(this->store_->LoadProfile()->time_zone, "Europe/London");
  // Clearing the profile's fields removes them.
  ASSERT_TRUE(this->store_
                  ->EditProfile([](Profile& q) -> Result<void> {
                    q = Profile{};
                    return {};
                  })
                  .has_value());
  EXPECT_EQ(*this->store_->LoadProfile(), (Profile{.person_key = key}));
}

TYPED_TEST(StoreTest, ADifferentDeclaredUsualClashes) {
  Diary a = testing::DiaryBuilder().Usual(3).Build();
  ASSERT_TRUE(this->store_->Import(a, ImportMode::kRefuseClashes).has_value());
  Diary b = testing::DiaryBuilder().Usual(4).Build();
  auto r = this->store_->Import(b, ImportMode::kRefuseClashes);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().details[0].find("usual_morning_pain (stored 3, file 4)"), std::string::npos);
  ASSERT_TRUE(this->store_->Import(b, ImportMode::kReplace).has_value());
  EXPECT_EQ(this->store_->LoadDiary()->usual.pain, S(4));
}

TYPED_TEST(StoreTest, AFailedEditStoresNothing) {
  auto r = this->store_->EditDay(D("2026-10-01"), [](Day& d) -> Result<void> {
    d.morning = Morning{S(3), {}};
    return Fail(Error::Invalid("changed my mind"));
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(this->store_->LoadDiary()->days.empty());
}

TYPED_TEST(StoreTest, EditDayReadsModifiesAndStores) {
  ASSERT_TRUE(this->store_
                  ->EditDay(D("2026-10-01"),
                            [](Day& d) -> Result<void> {
                              SessionPatch p;
                              p.minutes = 30;
                              p.activity = "swim'); DROP TABLE days; --";
                              AddSession(d, p);
                              AddSession(d, p);
                              return {};
                            })
                  .has_value());
  auto day = this->store_->GetDay(D("2026-10-01"));
  ASSERT_TRUE(day.has_value() && day->has_value());
  ASSERT_EQ((*day)->sessions.size(), 2u);
  EXPECT_EQ(*(*day)->sessions[0].activity, "swim'); DROP TABLE days; --");
  // Deleting everything removes the day.
  ASSERT_TRUE(this->store_
                  ->EditDay(D("2026-10-01"),
                            [](Day& d) { return DeleteEntry(d, Entry::kDay, std::nullopt); })
                  .has_value());
  EXPECT_FALSE(this->store_->GetDay(D("2026-10-01"))->has_value());
}

TYPED_TEST(StoreTest, ABatchUndoesOnlyTheBodyThatFails) {
  std::vector<Store::TxnBody> bodies;
  for (const char* date : {"2026-10-01", "2026-10-02", "2026-10-03"}) {
    bodies.push_back([date](DiaryTxn& txn) -> Result<void> {
      Day d{.date = D(date), .morning = Morning{S(3), {}}};
      if (auto ok = txn.PutDay(d); !ok) return ok;
      if (std::string(date) == "2026-10-02") return Fail(Error::Invalid("no"));
      return {};
    });
  }
  const std::vector<Result<void>> results = this->store_->TransactBatch(bodies);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].has_value());
  EXPECT_FALSE(results[1].has_value());
  EXPECT_TRUE(results[2].has_value());
  auto d = this->store_->LoadDiary();
  ASSERT_EQ(d->days.size(), 2u);
  EXPECT_EQ(d->days[1].date, D("2026-10-03"));
}

TYPED_TEST(StoreTest, GroupCommitAcknowledgesEveryWriteOnceCommitted) {
  constexpr int kWriters = 8, kEach = 50;
  std::atomic<int> acked{0};
  {
    GroupCommitter committer(*this->db_);
    std::vector<std::thread> threads;
    for (int t = 0; t < kWriters; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          const Date date = D("2020-01-01") + t * kEach + i;
          auto ok = committer.Run(this->person_, [date](DiaryTxn& txn) {
            return txn.PutDay(Day{.date = date, .morning = Morning{S(2), {}}});
          });
          if (ok) ++acked;
        }
      });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(committer.writes(), static_cast<size_t>(kWriters * kEach));
    EXPECT_LE(committer.commits(), committer.writes());
  }
  EXPECT_EQ(acked.load(), kWriters * kEach);
  EXPECT_EQ(this->store_->LoadDiary()->days.size(), static_cast<size_t>(kWriters * kEach));
}

TYPED_TEST(StoreTest, EachPersonSeesOnlyTheirOwnDiary) {
  auto other = this->db_->CreateAccount("other", "hash", "person", 2);
  ASSERT_TRUE(other.has_value());
  EXPECT_NE(other->person, this->person_);
  EXPECT_FALSE(other->admin);
  EXPECT_TRUE(this->db_->GetAccount(other->id).value()->username == "other");
  auto theirs = this->db_->ForPerson(other->person);
  ASSERT_TRUE(
      this->store_->Import(testing::RandomDiary(1, 20), ImportMode::kRefuseClashes).has_value());
  ASSERT_TRUE(this->store_->SaveSettings({{"significant_change", 2.5}}).has_value());
  EXPECT_TRUE(theirs->LoadDiary()->days.empty());
  EXPECT_TRUE(theirs->LoadSettings()->empty());
  EXPECT_FALSE(theirs->GetDay(this->store_->LoadDiary()->days[0].date)->has_value());
  EXPECT_NE(theirs->LoadProfile()->person_key, this->store_->LoadProfile()->person_key);
  // A duplicate username is a conflict.
  auto dup = this->db_->CreateAccount("other", "hash", "clinician", 3);
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().kind, ErrorKind::kConflict);
}

TYPED_TEST(StoreTest, SessionsTokensAndThrottling) {
  Database& db = *this->db_;
  auto owner = db.FindLogin("owner");
  ASSERT_TRUE(owner.has_value() && owner->has_value());
  const int64_t id = (*owner)->first.id;
  EXPECT_TRUE((*owner)->first.admin);  // the first account
  ASSERT_TRUE(db.CreateSession("h1", id, "csrf1", 100, 200).has_value());
  ASSERT_TRUE(db.CreateSession("h2", id, "csrf2", 100, 200).has_value());
  EXPECT_EQ(db.FindSession("h1", 150).value()->second, "csrf1");
  EXPECT_FALSE(db.FindSession("h1", 200).value().has_value());  // expired
  EXPECT_FALSE(db.FindSession("nope", 150).value().has_value());
  ASSERT_TRUE(db.DeleteOtherSessions(id, "h1").has_value());
  EXPECT_FALSE(db.FindSession("h2", 150).value().has_value());
  ASSERT_TRUE(db.DeleteSession("h1").has_value());
  EXPECT_FALSE(db.FindSession("h1", 150).value().has_value());

  auto t = db.CreateApiToken(id, "nightly", "th", "diary", 100, 100 + 90 * 86400);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(db.FindApiToken("th", 300).value()->account.username, "owner");
  EXPECT_EQ(db.ListApiTokens(id).value().at(0).last_used_at, 300);
  EXPECT_FALSE(db.RevokeApiToken(id + 1000, *t).value());
  EXPECT_TRUE(db.RevokeApiToken(id, *t).value());
  EXPECT_FALSE(db.FindApiToken("th", 300).value().has_value());

  for (int i = 0; i < 4; ++i)
    EXPECT_TRUE(db.ReserveAttempt("signin:owner", 1000 + i, 900, 5)->allowed);
  EXPECT_EQ(db.CountAttempts("signin:owner", 1003, 900).value(), 4);
  EXPECT_EQ(db.CountAttempts("signin:owner", 1950, 900).value(), 0);  // the window passed
  EXPECT_TRUE(db.ReserveAttempt("signin:owner", 1004, 900, 5)->allowed);
  const auto refused = db.ReserveAttempt("signin:owner", 1005, 900, 5);
  EXPECT_FALSE(refused->allowed);  // the sixth in the window
  EXPECT_EQ(refused->retry_after, 1000 + 900 - 1005);
  ASSERT_TRUE(db.ReleaseAttempt("signin:owner", 1004).has_value());
  EXPECT_EQ(db.CountAttempts("signin:owner", 1005, 900).value(), 4);
  ASSERT_TRUE(db.ClearAttempts("signin:owner").has_value());
  EXPECT_EQ(db.CountAttempts("signin:owner", 1003, 900).value(), 0);
  // A clock that went back: attempts stored in the future count as made now, and end with
  // the window from now.
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(db.ReserveAttempt("signin:late", 500000, 900, 5)->allowed);
  EXPECT_FALSE(db.ReserveAttempt("signin:late", 1000, 900, 5)->allowed);
  EXPECT_TRUE(db.ReserveAttempt("signin:late", 1901, 900, 5)->allowed);
}

TYPED_TEST(StoreTest, SharingAndTheClinicianListByNeed) {
  Database& db = *this->db_;
  auto clin = db.CreateAccount("dr.lee", "hash", "clinician", 1);
  ASSERT_TRUE(clin.has_value());
  // Three people: one flaring (alerts), one quiet and helpful, one silent.
  auto make = [&](const char* name, const Diary& d) {
    auto a = db.CreateAccount(name, "hash", "person", 1);
    EXPECT_TRUE(a.has_value());
    EXPECT_TRUE(db.ForPerson(a->person)->Import(d, ImportMode::kRefuseClashes).has_value());
    auto invite = db.CreateInvite(a->person, std::string("code-") + name, 10, 1000);
    EXPECT_TRUE(invite.has_value());
    EXPECT_EQ(db.RedeemInvite(std::string("code-") + name, clin->id, 20).value(), a->person);
    return a->person;
  };
  testing::DiaryBuilder flaring;
  flaring.Mornings("2026-03-01", 28, 3);
  for (const char* d : {"2026-03-20", "2026-03-22", "2026-03-24", "2026-03-26"})
    flaring.Session(d, 3, 3, 3);
  for (const char* d : {"2026-03-21", "2026-03-23", "2026-03-25", "2026-03-27"})
    flaring.Morning(d, 6);
  const PersonId a = make("alice", flaring.Build());
  testing::DiaryBuilder quiet;
  quiet.Mornings("2026-03-01", 28, 3);
  const PersonId b = make("bob", quiet.Build());
  const PersonId c = make("cara", Diary{});
  // Bob's PSFS answers, one week before the date asked for and two after it, come with the list
  // (and nobody else's): one read for everyone.
  for (const auto& answer : {std::pair{"2026-02-20", 9}, {"2026-03-01", 7}, {"2026-03-28", 4}}) {
    // Not a structured binding: clang 14 cannot capture one in a lambda.
    const char* date = answer.first;
    const int score = answer.second;
    ASSERT_TRUE(db.ForPerson(b)
                    ->Transact([&](DiaryTxn& txn) {
                      return txn.PutWeekly(Weekly{
                          .date = *Date::Parse(date),
                          .psfs = {{"carrying a bag", score}, {"reaching overhead", score + 1}}});
                    })
                    .has_value());
  }
  auto with_psfs = db.ClinicianList(clin->id, *Date::Parse("2026-02-25"));
  ASSERT_TRUE(with_psfs.has_value()) << with_psfs.error().message;
  for (const PersonSummary& p : *with_psfs) {
    if (p.person != b) {
      EXPECT_TRUE(p.psfs.empty()) << p.username;
      continue;
    }
    ASSERT_EQ(p.psfs.size(), 2u);
    EXPECT_EQ(p.psfs[0].date, *Date::Parse("2026-03-01"));
    EXPECT_EQ(p.psfs[1].psfs,
              (std::vector<PsfsRating>{{"carrying a bag", 4}, {"reaching overhead", 5}}));
  }
  auto selected = db.ClinicianList(clin->id, std::nullopt);
  ASSERT_TRUE(selected.has_value()) << selected.error().message;
  for (const PersonSummary& p : *selected) EXPECT_TRUE(p.psfs.empty());
  // The order of need is the service's (service/sharing.h); the store gives the summaries.
  const auto list = service::Triage(*selected, *Date::Parse("2026-03-29"));
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].summary.person, a);
  EXPECT_GT(list[0].summary.alerts, 0);
  EXPECT_TRUE(list[0].summary.repeated_worse);
  EXPECT_EQ(list[1].summary.person, c);  // nothing recorded: silent
  EXPECT_EQ(list[2].summary.person, b);
  EXPECT_EQ(list[2].summary.last_date, *Date::Parse("2026-03-28"));
  // A used code is gone; an expired one never works; nobody else can read.
  EXPECT_EQ(db.RedeemInvite("code-alice", clin->id, 30).error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(db.CreateInvite(b, "late", 10, 50).has_value());
  EXPECT_EQ(db.RedeemInvite("late", clin->id, 60).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(db.CanRead(clin->id, a).value());
  EXPECT_EQ(db.ListShares(a).value().at(0).clinician, "dr.lee");
  EXPECT_TRUE(db.RevokeShare(a, clin->id).value());
  EXPECT_FALSE(db.CanRead(clin->id, a).value());
  EXPECT_EQ(db.ClinicianList(clin->id, std::nullopt)->size(), 2u);
}

TYPED_TEST(StoreTest, DeletingAnAccountLeavesNothingOfTheirs) {
  Database& db = *this->db_;
  auto a = db.CreateAccount("zed", "hash", "person", 1);
  auto clin = db.CreateAccount("dr.k", "hash", "clinician", 1);
  ASSERT_TRUE(a.has_value() && clin.has_value());
  auto store = db.ForPerson(a->person);
  ASSERT_TRUE(store->Import(testing::RandomDiary(4, 30), ImportMode::kRefuseClashes).has_value());
  ASSERT_TRUE(store->SaveSettings({{"sitting_hours", 8}}).has_value());
  ASSERT_TRUE(db.CreateSession("zs", a->id, "c", 1, 100).has_value());
  ASSERT_TRUE(db.CreateApiToken(a->id, "t", "zt", "read", 1, 1000).has_value());
  ASSERT_TRUE(db.CreateInvite(a->person, "zi", 1, 100).has_value());
  ASSERT_TRUE(db.CreateInvite(a->person, "zj", 1, 100).has_value());
  ASSERT_TRUE(db.RedeemInvite("zj", clin->id, 2).has_value());
  ASSERT_TRUE(db.ReserveAttempt("signin:zed", 1, 100, 5).has_value());
  ASSERT_TRUE(db.ReserveAttempt("signin:zed@10.0.0.1", 1, 100, 5).has_value());
  ASSERT_TRUE(db.ReserveAttempt("signin:zedd@10.0.0.1", 1, 100, 5).has_value());
  ASSERT_TRUE(db.DeleteAccount(a->id).has_value());
  EXPECT_FALSE(db.FindLogin("zed").value().has_value());
  EXPECT_TRUE(store->LoadDiary()->days.empty());
  EXPECT_TRUE(store->LoadSettings()->empty());
  EXPECT_FALSE(db.FindSession("zs", 2).value().has_value());
  EXPECT_FALSE(db.FindApiToken("zt", 2).value().has_value());
  EXPECT_EQ(db.RedeemInvite("zi", clin->id, 2).error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(db.ClinicianList(clin->id, std::nullopt)->empty());
  EXPECT_EQ(db.CountAttempts("signin:zed", 2, 100).value(), 0);
  EXPECT_EQ(db.CountAttempts("signin:zed@10.0.0.1", 2, 100).value(), 0);
  EXPECT_EQ(db.CountAttempts("signin:zedd@10.0.0.1", 2, 100).value(), 1);  // another's
  // The owner's diary is untouched.
  EXPECT_TRUE(db.FindLogin("owner").value().has_value());
}

// The weekly questions and flares (core/measures.h) on every backend.
Measures StoredMeasures() {
  Measures m;
  m.weekly = {Weekly{.date = D("2026-11-08"),
                     .peg = Peg{5, 4, 6},
                     .psfs = {{"reaching overhead", 4}, {"sitting for an hour", 6}}},
              Weekly{.date = D("2026-11-15"), .peg = Peg{4, 4, 5}},
              Weekly{.date = D("2026-11-22"), .psfs = {{"carrying a bag", 7}}}};
  m.flares = {Flare{.date = D("2026-11-09"),
                    .time = TimeOfDay::FromMinutes(14 * 60 + 20),
                    .pain = S(7),
                    .sharp = true,
                    .note = "lifting the kettle"},
              Flare{.date = D("2026-11-09"), .pain = S(4.5)},
              Flare{.date = D("2026-11-12"), .pain = S(6), .sharp = false}};
  return m;
}

TYPED_TEST(StoreTest, WeeklyAnswersAndFlaresRoundTripBesideTheDays) {
  Diary diary = testing::RandomDiary(5, 30);
  diary.measures = StoredMeasures();
  ASSERT_TRUE(this->store_->Import(diary, ImportMode::kRefuseClashes).has_value());
  EXPECT_EQ(*this->store_->LoadDiary(), diary);
  auto again = this->store_->Import(diary, ImportMode::kRefuseClashes);
  ASSERT_TRUE(again.has_value()) << again.error().message;
  // A different answer for a stored week, and other flares on a stored day, clash.
  Diary other;
  other.measures.weekly = {Weekly{.date = D("2026-11-15"), .peg = Peg{9, 9, 9}}};
  other.measures.flares = {Flare{.date = D("2026-11-12"), .pain = S(2)}};
  auto clash = this->store_->Import(other, ImportMode::kRefuseClashes);
  ASSERT_FALSE(clash.has_value());
  EXPECT_EQ(clash.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(clash.error().details,
            (std::vector<std::string>{"weekly 2026-11-15", "flares 2026-11-12"}));
  ASSERT_TRUE(this->store_->Import(other, ImportMode::kReplace).has_value());
  auto now = this->store_->LoadDiary();
  EXPECT_EQ(now->measures.FindWeekly(D("2026-11-15"))->peg, (Peg{9, 9, 9}));
  EXPECT_EQ(FlaresBetween(now->measures, D("2026-11-12"), D("2026-11-12")).size(), 1u);
  EXPECT_EQ(FlaresBetween(now->measures, D("2026-11-09"), D("2026-11-09")).size(), 2u);
}

TYPED_TEST(StoreTest, AWeeklyWriteGrowsTheVersionAndEmptyAnswersRemoveTheWeek) {
  const int64_t before = this->store_->Version().value();
  const Weekly w{.date = D("2026-11-08"), .psfs = {{"reaching overhead", 4}}};
  ASSERT_TRUE(this->store_->Transact([&](DiaryTxn& t) { return t.PutWeekly(w); }).has_value());
  EXPECT_GT(this->store_->Version().value(), before);
  EXPECT_EQ(this->store_->LoadDiary()->measures.weekly, std::vector<Weekly>{w});
  ASSERT_TRUE(
      this->store_->Transact([&](DiaryTxn& t) { return t.PutWeekly(Weekly{.date = w.date}); })
          .has_value());
  EXPECT_TRUE(this->store_->LoadDiary()->measures.empty());
  // Invalid answers never reach the database.
  const Weekly bad{.date = D("2026-11-08"), .psfs = {{"reaching overhead", 11}}};
  auto r = this->store_->Transact([&](DiaryTxn& t) { return t.PutWeekly(bad); });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
}

TYPED_TEST(StoreTest, ReplaceAllAndDeletingTheAccountTakeTheMeasuresToo) {
  Diary diary = testing::RandomDiary(6, 20);
  diary.measures = StoredMeasures();
  ASSERT_TRUE(this->store_->ReplaceAll(diary).has_value());
  EXPECT_EQ(this->store_->LoadDiary()->measures, diary.measures);
  ASSERT_TRUE(this->store_->ReplaceAll(Diary{}).has_value());
  EXPECT_TRUE(this->store_->LoadDiary()->measures.empty());
  auto a = this->db_->CreateAccount("zed", "hash", "person", 1);
  ASSERT_TRUE(a.has_value());
  auto store = this->db_->ForPerson(a->person);
  ASSERT_TRUE(store->ReplaceAll(diary).has_value());
  ASSERT_TRUE(this->db_->DeleteAccount(a->id).has_value());
  EXPECT_TRUE(store->LoadDiary()->measures.empty());
}

TYPED_TEST(StoreTest, TheWeeklyDayIsPartOfTheProfile) {
  auto p = this->store_->EditProfile([](Profile& profile) -> Result<void> {
    profile.weekly_day = Weekday::kMonday;
    return {};
  });
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(this->store_->LoadProfile()->weekly_day, Weekday::kMonday);
  EXPECT_EQ(WeeklyDayOf(Profile{}), Weekday::kSunday);
}

TEST(SqliteStoreTest, TheLocalDiaryComesBackEmptyUnderANewIdAfterItsAccountIsDeleted) {
  TempDir dir;
  const std::string path = "sqlite:" + dir.File("d.db");
  {
    auto db = OpenDatabase(path, Opts(true));
    ASSERT_TRUE(db.has_value());
    EXPECT_EQ((*db)->LocalPerson(), kLocalPerson);
    auto first = (*db)->CreateAccount("first", "hash", "person", 1);
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->person, kLocalPerson);  // the first account takes the local diary
    ASSERT_TRUE((*db)
                    ->ForPerson(kLocalPerson)
                    ->Import(testing::RandomDiary(2, 10), ImportMode::kRefuseClashes)
                    .has_value());
    ASSERT_TRUE((*db)->DeleteAccount(first->id).has_value());
  }
  PersonId local = 0;
  {
    auto db = OpenDatabase(path, Opts(false));
    ASSERT_TRUE(db.has_value());
    local = (*db)->LocalPerson();
    EXPECT_NE(local, kLocalPerson);  // never the deleted person's id
    // The next first account takes the new local diary.
    auto next = (*db)->CreateAccount("next", "hash", "person", 2);
    ASSERT_TRUE(next.has_value());
    EXPECT_EQ(next->person, local);
    ASSERT_TRUE((*db)->DeleteAccount(next->id).has_value());
  }
  auto store = OpenStore(path, false);
  ASSERT_TRUE(store.has_value());
  EXPECT_TRUE((*store)->LoadDiary()->days.empty());
  EXPECT_TRUE((*store)
                  ->EditDay(D("2026-01-01"),
                            [](Day& d) -> Result<void> {
                              d.morning = Morning{S(3), {}};
                              return {};
                            })
                  .has_value());
  // Read-only, the same local diary is found.
  auto ro = OpenDatabase(path, OpenOptions{.read_only = true});
  ASSERT_TRUE(ro.has_value());
  EXPECT_GT((*ro)->LocalPerson(), local);
  EXPECT_EQ((*ro)->ForPerson((*ro)->LocalPerson())->LoadDiary()->days.size(), 1u);
}

TYPED_TEST(StoreTest, PersonAndAccountIdsAreNeverHandedOutTwice) {
  Database& db = *this->db_;
  // The newest account is deleted: its ids are the highest, the ones a plain rowid would reuse.
  for (int round = 0; round < 3; ++round) {
    auto gone = db.CreateAccount("gone", "hash", "person", 1);
    ASSERT_TRUE(gone.has_value()) << gone.error().message;
    ASSERT_TRUE(db.DeleteAccount(gone->id).has_value());
    auto next = db.CreateAccount("next" + std::to_string(round), "hash", "person", 1);
    ASSERT_TRUE(next.has_value());
    EXPECT_GT(next->person, gone->person);
    EXPECT_GT(next->id, gone->id);
    ASSERT_TRUE(db.DeleteAccount(next->id).has_value());
  }
}

TYPED_TEST(StoreTest, TheFirstAccountNeedsTheSetupCodeAndTheLastAdministratorStays) {
  Database& db = *this->db_;
  auto owner = db.FindLogin("owner").value();
  ASSERT_TRUE(owner.has_value());
  EXPECT_TRUE(owner->first.admin);
  // Others use the service: its only administrator cannot go.
  auto other = db.CreateAccount("other", "hash", "person", 2, std::string("no code"));
  ASSERT_TRUE(other.has_value());  // not the first: no code asked
  EXPECT_FALSE(other->admin);
  EXPECT_EQ(db.DeleteAccount(owner->first.id).error().kind, ErrorKind::kConflict);
  ASSERT_TRUE(db.DeleteAccount(other->id).has_value());
  ASSERT_TRUE(db.DeleteAccount(owner->first.id).has_value());
  // No account: a sign-up is the first only with a setup code, and becomes the administrator.
  ASSERT_TRUE(db.SetSetupCode("good").has_value());
  EXPECT_EQ(db.CreateAccount("stranger", "hash", "person", 3, std::string("bad")).error().kind,
            ErrorKind::kForbidden);
  EXPECT_FALSE(db.FindLogin("stranger").value().has_value());
  auto first = db.CreateAccount("first", "hash", "person", 3, std::string("good"));
  ASSERT_TRUE(first.has_value());
  EXPECT_TRUE(first->admin);
  // The code is used up.
  EXPECT_FALSE(db.CheckSetupCode("good").value());
}

TYPED_TEST(StoreTest, ADiaryHoldsAtMostFiveHundredDifferentTags) {
  Diary d;
  for (int i = 0; i < 50; ++i) {
    Day day{.date = D("2026-01-01") + i};
    day.context.tags = std::vector<std::string>();
    for (int k = 0; k < 10; ++k) day.context.tags->push_back("t" + std::to_string(i * 10 + k));
    d.days.push_back(day);
  }
  ASSERT_TRUE(this->store_->Import(d, ImportMode::kRefuseClashes).has_value());
  auto add = [&](const char* tag) {
    return this->store_->EditDay(D("2026-03-01"), [tag](Day& day) -> Result<void> {
      day.context.tags = std::vector<std::string>{tag};
      return {};
    });
  };
  auto refused = add("one too many");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalid);
  EXPECT_FALSE(this->store_->GetDay(D("2026-03-01")).value().has_value());
  EXPECT_TRUE(add("T42").has_value());  // one already in the diary, in another case
  // A whole diary with more is refused whole.
  d.days.push_back(Day{.date = D("2026-04-01")});
  d.days.back().context.tags = std::vector<std::string>{"new"};
  EXPECT_EQ(this->store_->ReplaceAll(d).error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(this->store_->LoadDiary()->days.size(), 51u);
}

TYPED_TEST(StoreTest, AtMostAThousandIdempotencyKeysAreKeptTheNewestFirst) {
  ASSERT_TRUE(this->store_
                  ->Transact([&](DiaryTxn& txn) -> Result<void> {
                    for (int i = 0; i < 1005; ++i) {
                      char key[16];
                      std::snprintf(key, sizeof key, "k%04d", i);
                      auto ok = txn.PutIdempotent(key, {"f", D("2026-01-01"), std::nullopt},
                                                  1000 + i / 500);
                      if (!ok) return ok;
                    }
                    return {};
                  })
                  .has_value());
  auto seen = [&](int i) {
    char key[16];
    std::snprintf(key, sizeof key, "k%04d", i);
    std::optional<IdempotentWrite> out;
    EXPECT_TRUE(this->store_
                    ->View([&](DiaryTxn& txn) -> Result<void> {
                      auto r = txn.GetIdempotent(key);
                      if (!r) return Unexpected(r.error());
                      out = *r;
                      return {};
                    })
                    .has_value());
    return out.has_value();
  };
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(seen(i)) << i;  // the oldest went
  for (int i : {5, 499, 500, 1004}) EXPECT_TRUE(seen(i)) << i;
}

TYPED_TEST(StoreTest, APersonHoldsAtMostTenLiveInvites) {
  Database& db = *this->db_;
  for (int i = 0; i < kMaxLiveInvites; ++i) {
    ASSERT_TRUE(db.CreateInvite(this->person_, "c" + std::to_string(i), 10, 100).has_value());
  }
  EXPECT_EQ(db.CreateInvite(this->person_, "one more", 10, 100).error().kind, ErrorKind::kConflict);
  // Cancelled or expired ones make room.
  ASSERT_TRUE(db.CancelInvite(this->person_, db.ListInvites(this->person_, 10)->at(0).id).value());
  EXPECT_TRUE(db.CreateInvite(this->person_, "room", 10, 100).has_value());
  EXPECT_TRUE(db.CreateInvite(this->person_, "later", 100, 200).has_value());
}

TYPED_TEST(StoreTest, AnAccountKeepsItsNewestFiftySessionsAndAtMostFiftyTokens) {
  Database& db = *this->db_;
  const int64_t owner = db.FindLogin("owner").value()->first.id;
  for (int i = 0; i < kMaxSessionsPerAccount + 5; ++i) {
    ASSERT_TRUE(db.CreateSession("s" + std::to_string(i), owner, "c", 10 + i, 1000).has_value());
  }
  EXPECT_FALSE(db.FindSession("s0", 100).value().has_value());  // the oldest went
  EXPECT_TRUE(db.FindSession("s5", 100).value().has_value());
  EXPECT_TRUE(db.FindSession("s54", 100).value().has_value());
  for (int i = 0; i < kMaxTokensPerAccount; ++i) {
    ASSERT_TRUE(db.CreateApiToken(owner, "t", "t" + std::to_string(i), "read", 10, 1000));
  }
  EXPECT_EQ(db.CreateApiToken(owner, "t", "more", "read", 10, 1000).error().kind,
            ErrorKind::kConflict);
  // Expired ones make room.
  EXPECT_TRUE(db.CreateApiToken(owner, "t", "later", "read", 1000, 2000).has_value());
}

TYPED_TEST(StoreTest, DataSurvivesReopening) {
  if (!TypeParam::kPersistent) GTEST_SKIP() << "memory store";
  const Diary diary = testing::RandomDiary(5, 40);
  ASSERT_TRUE(this->store_->Import(diary, ImportMode::kRefuseClashes).has_value());
  this->store_.reset();
  this->db_.reset();
  auto reopened = OpenDatabase(this->location_, Opts(false));
  ASSERT_TRUE(reopened.has_value());
  EXPECT_EQ(*(*reopened)->ForPerson(this->person_)->LoadDiary(), diary);
}

TEST(SqliteStoreTest, UsesWalForeignKeysAndRecordsMigrations) {
  TempDir dir;
  const std::string path = dir.File("d.db");
  { ASSERT_TRUE(OpenSqliteStore(path, true).has_value()); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  auto one = [&](const char* sql) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    std::string out;
    if (sqlite3_step(s) == SQLITE_ROW)
      out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out;
  };
  EXPECT_EQ(one("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(one("SELECT MAX(version) FROM schema_migrations"),
            std::to_string(sql::Migrations().back().version));
  sqlite3_close(db);
}

TEST(SqliteStoreTest, TheMigrationToNeverReusedIdsKeepsEveryRowAndItsReferences) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  auto exec = [&](const std::string& sql) {
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
  };
  // A database as version 9 left it, foreign keys on: two people, the second one's account
  // deleted before (so the highest id in use is lower than one handed out).
  exec("PRAGMA foreign_keys=ON");
  exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))");
  for (const sql::Migration& m : sql::Migrations()) {
    if (m.version > 9) break;
    exec(m.sqlite);
    exec("INSERT INTO schema_migrations (version, name) VALUES (" + std::to_string(m.version) +
         ", 'm')");
  }
  exec("INSERT INTO people (id) VALUES (2)");
  exec(
      "INSERT INTO accounts (person_id, username, password_hash, role, is_admin, created_at) "
      "VALUES (1, 'ann', 'h', 'person', 1, 1), (2, 'bob', 'h', 'person', 0, 1)");
  exec("INSERT INTO days (person_id, date, morning_pain) VALUES (2, '2026-01-01', 3)");
  exec("INSERT INTO sessions (person_id, date, seq, minutes) VALUES (2, '2026-01-01', 1, 30)");
  exec("INSERT INTO auth_sessions VALUES ('t', 2, 'c', 1, 99)");
  sqlite3_close(db);
  auto opened = OpenDatabase(path, Opts(false));
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  Database& d = **opened;
  const auto bob = d.FindLogin("bob").value();
  ASSERT_TRUE(bob.has_value());
  EXPECT_EQ(bob->first.person, 2);
  EXPECT_EQ(d.ForPerson(2)->LoadDiary()->days.at(0).sessions.size(), 1u);
  EXPECT_EQ(d.FindSession("t", 2).value()->first.username, "bob");
  // References still hold: deleting bob takes his diary and sign-in with him.
  ASSERT_TRUE(d.DeleteAccount(bob->first.id).has_value());
  EXPECT_FALSE(d.FindSession("t", 2).value().has_value());
  EXPECT_TRUE(d.ForPerson(2)->LoadDiary()->days.empty());
  auto next = d.CreateAccount("cy", "h", "person", 3);
  ASSERT_TRUE(next.has_value());
  EXPECT_GT(next->person, 2);
  EXPECT_GT(next->id, 2);
}

TEST(SqliteStoreTest, MissingDatabaseIsNotFoundWithoutCreate) {
  TempDir dir;
  auto s = OpenSqliteStore(dir.File("absent.db"), false);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().kind, ErrorKind::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.File("absent.db")));
}

TEST(SqliteStoreTest, AFileThatIsNotADatabaseIsAStorageError) {
  TempDir dir;
  std::ofstream(dir.File("junk.db")) << "this is not sqlite, just text that is long enough......";
  auto s = OpenSqliteStore(dir.File("junk.db"), false);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().kind, ErrorKind::kStorage);
}

TEST(SqliteStoreTest, ANewerSchemaIsRefused) {
  TempDir dir;
  const std::string path = dir.File("d.db");
  { ASSERT_TRUE(OpenSqliteStore(path, true).has_value()); }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "INSERT INTO schema_migrations (version, name) VALUES (99, 'future')", nullptr,
               nullptr, nullptr);
  sqlite3_close(db);
  auto s = OpenSqliteStore(path, false);
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().message.find("newer than this backsignal knows"), std::string::npos);
}

// A fresh schema on the test server, with a connection name of its own so that a test can end
// exactly its own connections.
std::string PostgresUrlNamed(const std::string& name) {
  const std::string url = PostgresSchemaUrl();
  return url.empty() ? url : url + "&application_name=" + name;
}

void TerminateConnections(const std::string& name) {
  PGconn* c = PQconnectdb(std::getenv("BACKSIGNAL_TEST_PG"));
  PQclear(PQexec(c, ("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                     "application_name = '" +
                     name + "'")
                        .c_str()));
  PQfinish(c);
}

TEST(PostgresStoreTest, ALostConnectionFailsTheWholeBatchAndAcknowledgesNothing) {
  const std::string name = "lost" + std::to_string(::getpid());
  const std::string url = PostgresUrlNamed(name);
  if (url.empty()) GTEST_SKIP() << "no PostgreSQL server (BACKSIGNAL_TEST_PG unset)";
  auto db = OpenDatabase(url, Opts(true));
  ASSERT_TRUE(db.has_value()) << db.error().message;
  auto owner = (*db)->CreateAccount("owner", "hash", "person", 1);
  ASSERT_TRUE(owner.has_value());
  // Three writes in one batch; the second loses the connection under the batch's feet.
  std::vector<Database::PersonBody> bodies;
  for (int i = 0; i < 3; ++i) {
    bodies.push_back(
        {owner->person, [i, &name](DiaryTxn& txn) -> Result<void> {
           if (i == 1) TerminateConnections(name);
           return txn.PutDay(Day{.date = D("2026-10-01") + i, .morning = Morning{S(3), {}}});
         }});
  }
  const std::vector<Result<void>> results = (*db)->TransactBatch(bodies);
  // Every write acknowledged is stored: here none can be, as the transaction was lost.
  auto reopened = OpenDatabase(url, Opts(false));
  ASSERT_TRUE(reopened.has_value()) << reopened.error().message;
  auto diary = (*reopened)->ForPerson(owner->person)->LoadDiary();
  ASSERT_TRUE(diary.has_value());
  for (int i = 0; i < 3; ++i) {
    if (results[i]) {
      EXPECT_NE(diary->Find(D("2026-10-01") + i), nullptr)
          << "write " << i << " acknowledged but lost";
    }
  }
  EXPECT_FALSE(results[0].has_value()) << "nothing of a lost transaction is acknowledged";
  EXPECT_TRUE(diary->days.empty());
  // The next batch finds a new connection.
  const Database::PersonBody again[] = {
      {owner->person, [](DiaryTxn& txn) {
         return txn.PutDay(Day{.date = D("2026-10-09"), .morning = Morning{S(2), {}}});
       }}};
  EXPECT_TRUE((*db)->TransactBatch(again)[0].has_value());
  EXPECT_EQ((*db)->ForPerson(owner->person)->LoadDiary()->days.size(), 1u);
}

TYPED_TEST(StoreTest, AWriteThatThrowsFailsAloneAndTheCommitterLivesOn) {
  GroupCommitter committer(*this->db_);
  auto thrown = committer.Run(this->person_, [](DiaryTxn&) -> Result<void> {
    throw std::runtime_error("a bug in a write");
  });
  ASSERT_FALSE(thrown.has_value());
  EXPECT_EQ(thrown.error().kind, ErrorKind::kStorage);
  auto ok = committer.Run(this->person_, [](DiaryTxn& txn) {
    return txn.PutDay(Day{.date = D("2026-10-01"), .morning = Morning{S(3), {}}});
  });
  EXPECT_TRUE(ok.has_value());
  EXPECT_EQ(this->store_->LoadDiary()->days.size(), 1u);
}

TYPED_TEST(StoreTest, ADayThatIsNotValidIsNeverStored) {
  Day bad{.date = D("2026-10-01"), .morning = Morning{S(3), {}}};
  bad.sessions.push_back(Session{.activity = std::string("swim\xff")});
  auto put = this->store_->Transact([&](DiaryTxn& txn) { return txn.PutDay(bad); });
  ASSERT_FALSE(put.has_value());
  EXPECT_EQ(put.error().kind, ErrorKind::kInvalid);
  EXPECT_NE(put.error().details.at(0).find("sessions[0].activity: the text is not valid UTF-8"),
            std::string::npos)
      << put.error().details.at(0);
  Day long_note{.date = D("2026-10-02"), .note = std::string(2001, 'x')};
  EXPECT_FALSE(
      this->store_->Transact([&](DiaryTxn& txn) { return txn.PutDay(long_note); }).has_value());
  Day nul{.date = D("2026-10-03"), .note = std::string("before\0after", 12)};
  EXPECT_FALSE(this->store_->Transact([&](DiaryTxn& txn) { return txn.PutDay(nul); }).has_value());
  EXPECT_TRUE(this->store_->LoadDiary()->days.empty());
}

TYPED_TEST(StoreTest, TheSafetyScreenIsKeptPerPersonWithItsClearance) {
  EXPECT_FALSE(this->store_->LoadSafety()->has_value());
  SafetyRecord r;
  r.answers = {{"tearing", false},
               {"night_pain", true},
               {"cancer_history", true},
               {"cancer_new_pain", false}};
  r.outcome = Urgency::kSoon;
  r.answered_at = 1795176000;
  ASSERT_TRUE(this->store_->Transact([&](DiaryTxn& txn) { return txn.SetSafety(r); }).has_value());
  EXPECT_EQ(**this->store_->LoadSafety(), r);
  r.cleared_on = D("2026-11-21");
  r.cleared_at = 1795176100;
  ASSERT_TRUE(this->store_->Transact([&](DiaryTxn& txn) { return txn.SetSafety(r); }).has_value());
  EXPECT_EQ(**this->store_->LoadSafety(), r);
  // Another person has their own (none).
  auto other = this->db_->CreateAccount("other", "hash", "person", 2);
  ASSERT_TRUE(other.has_value());
  EXPECT_FALSE(this->db_->ForPerson(other->person)->LoadSafety()->has_value());
}

TYPED_TEST(StoreTest, IdempotencyKeysAreKeptPerPersonAndDroppedAfterThirtyDays) {
  const int64_t now = 1795176000;
  const IdempotentWrite w{"f00d", D("2026-11-20"), 2};
  auto put = [&](const std::string& key, int64_t at) {
    return this->store_->Transact([&](DiaryTxn& txn) { return txn.PutIdempotent(key, w, at); });
  };
  auto get = [&](const std::string& key) {
    std::optional<IdempotentWrite> out;
    EXPECT_TRUE(this->store_
                    ->View([&](DiaryTxn& txn) -> Result<void> {
                      auto r = txn.GetIdempotent(key);
                      if (!r) return Unexpected(r.error());
                      out = *r;
                      return {};
                    })
                    .has_value());
    return out;
  };
  EXPECT_FALSE(get("k1").has_value());
  ASSERT_TRUE(put("k1", now).has_value());
  EXPECT_EQ(get("k1"), w);
  // The same key twice is refused by the store: the service looks first, under the person's lock.
  EXPECT_FALSE(put("k1", now).has_value());
  // Another person's keys are their own.
  auto other = this->db_->CreateAccount("other", "hash", "person", 2);
  ASSERT_TRUE(other.has_value());
  ASSERT_TRUE(this->db_->ForPerson(other->person)
                  ->Transact([&](DiaryTxn& txn) { return txn.PutIdempotent("k1", w, now); })
                  .has_value());
  // Keys older than thirty days go when the next is kept.
  ASSERT_TRUE(put("k2", now + kIdempotencyKeepSeconds + 1).has_value());
  EXPECT_FALSE(get("k1").has_value());
  EXPECT_TRUE(get("k2").has_value());
}

TYPED_TEST(StoreTest, EveryWriteMovesTheDiaryVersion) {
  const int64_t v0 = this->store_->Version().value();
  ASSERT_TRUE(this->store_
                  ->EditDay(D("2026-10-01"),
                            [](Day& d) -> Result<void> {
                              d.morning = Morning{S(3), {}};
                              return {};
                            })
                  .has_value());
  const int64_t v1 = this->store_->Version().value();
  EXPECT_GT(v1, v0);
  ASSERT_TRUE(this->store_->SaveSettings({{"sitting_hours", 7}}).has_value());
  const int64_t v2 = this->store_->Version().value();
  EXPECT_GT(v2, v1);
  // A profile is not the diary: the reading does not change with it.
  ASSERT_TRUE(this->store_
                  ->EditProfile([](Profile& p) -> Result<void> {
                    p.time_zone = "Europe/Paris";
                    return {};
                  })
                  .has_value());
  EXPECT_EQ(this->store_->Version().value(), v2);
  auto snap = this->store_->Snapshot(std::nullopt, 5);
  ASSERT_TRUE(snap.has_value());
  EXPECT_EQ(snap->version, v2);
  EXPECT_EQ(snap->latest, D("2026-10-01"));
  EXPECT_EQ(snap->settings.at("sitting_hours"), 7);
}

TYPED_TEST(StoreTest, ADayWithEveryFieldOfTheTablesIsStoredAndReadBackWhole) {
  const Day day = testing::EveryFieldDay(D("2026-10-02"));
  ASSERT_TRUE(this->store_
                  ->EditDay(day.date,
                            [&](Day& d) -> Result<void> {
                              d = day;
                              return {};
                            })
                  .has_value());
  auto back = this->store_->GetDay(day.date);
  ASSERT_TRUE(back.has_value() && back->has_value()) << back.error().message;
  EXPECT_EQ(**back, day);
  auto diary = this->store_->LoadDiary();
  ASSERT_TRUE(diary.has_value());
  ASSERT_EQ(diary->days.size(), 1u);
  EXPECT_EQ(diary->days[0], day);
}

// The tables and columns of a migrated database, "table.column", sorted.
std::vector<std::string> Columns(sql::Conn& c) {
  const bool pg = c.dialect() == sql::Dialect::kPostgres;
  auto rows =
      c.Query(pg ? "SELECT table_name || '.' || column_name FROM information_schema.columns "
                   "WHERE table_schema = current_schema()"
                 : "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN "
                   "pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE "
                   "'sqlite%'",
              {});
  EXPECT_TRUE(rows.has_value());
  std::vector<std::string> out;
  for (const sql::Row& r : *rows) out.push_back(r.Text(0));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PostgresSchemaTest, BothDialectsHoldTheSameTablesAndColumns) {
  const std::string pg = PostgresSchemaUrl();
  if (pg.empty()) GTEST_SKIP() << "no PostgreSQL server (BACKSIGNAL_TEST_PG unset)";
  TempDir dir;
  const std::string file = dir.File("parity.db");
  ASSERT_TRUE(OpenDatabase(file, Opts(true)).has_value());
  ASSERT_TRUE(OpenDatabase(pg, Opts(true)).has_value());
  auto lite = sql::OpenSqliteConn(file, false);
  auto post = sql::OpenPostgresConn(pg);
  ASSERT_TRUE(lite.has_value() && post.has_value());
  const std::vector<std::string> a = Columns(**lite), b = Columns(**post);
  EXPECT_GT(a.size(), 50u);
  EXPECT_EQ(a, b);
}

TEST(SqlTest, CredentialsAreRedactedInEveryForm) {
  EXPECT_EQ(sql::RedactCredentials("postgresql://ann:s3cret@db.example/bs"),
            "postgresql://ann:***@db.example/bs");
  EXPECT_EQ(sql::RedactCredentials("postgresql://ann@db/bs?password=s3cret&sslmode=require"),
            "postgresql://ann@db/bs?password=***&sslmode=require");
  EXPECT_EQ(sql::RedactCredentials("host=db user=ann password='s e c' dbname=bs"),
            "host=db user=ann password=*** dbname=bs");
  EXPECT_EQ(sql::RedactCredentials("postgresql://ann@db/bs"), "postgresql://ann@db/bs");
  EXPECT_EQ(sql::RedactCredentials("/home/ann/diary.db"), "/home/ann/diary.db");
}

TEST(OpenStoreTest, ChoosesTheBackendFromTheLocation) {
  auto m = OpenStore("memory:", true);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ((*m)->Describe(), "memory:");
  TempDir dir;
  auto s = OpenStore("sqlite:" + dir.File("x.db"), true);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ((*s)->Describe(), "sqlite:" + dir.File("x.db"));
}

}  // namespace
}  // namespace backsignal
