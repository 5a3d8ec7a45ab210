// One store suite, typed over every backend: the in-memory store and SQLite.
#include "backsignal/store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <fstream>

#include "backsignal/core/checkin.h"
#include "backsignal/store/group_commit.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;
using testing::S;

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
  static std::unique_ptr<Store> Open(const TempDir&) { return NewMemoryStore(); }
  static constexpr bool kPersistent = false;
};

struct SqliteBackend {
  static std::unique_ptr<Store> Open(const TempDir& dir) {
    auto s = OpenSqliteStore(dir.File("sub/diary.db"), true);
    EXPECT_TRUE(s.has_value()) << s.error().message;
    return std::move(*s);
  }
  static constexpr bool kPersistent = true;
};

template <typename Backend>
class StoreTest : public ::testing::Test {
 protected:
  TempDir dir_;
  std::unique_ptr<Store> store_ = Backend::Open(dir_);
};

using Backends = ::testing::Types<MemoryBackend, SqliteBackend>;
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
  ASSERT_TRUE(this->store_->Import(testing::RandomDiary(8, 30), ImportMode::kRefuseClashes).has_value());
  const Diary next = testing::RandomDiary(9, 10, D("2027-01-01"));
  ASSERT_TRUE(this->store_->ReplaceAll(next).has_value());
  EXPECT_EQ(*this->store_->LoadDiary(), next);
}

TYPED_TEST(StoreTest, SettingsAreStoredAndReplacedWhole) {
  EXPECT_TRUE(this->store_->LoadSettings()->empty());
  ASSERT_TRUE(this->store_->SaveSettings({{"significant_change", 2.5}, {"sitting_hours", 8}}).has_value());
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
  ASSERT_TRUE(this->store_->EditProfile([](Profile& q) -> Result<void> {
    q = Profile{};
    return {};
  }).has_value());
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
    GroupCommitter committer(*this->store_);
    std::vector<std::thread> threads;
    for (int t = 0; t < kWriters; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          const Date date = D("2020-01-01") + t * kEach + i;
          auto ok = committer.Run([date](DiaryTxn& txn) {
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

TYPED_TEST(StoreTest, DataSurvivesReopening) {
  if (!TypeParam::kPersistent) GTEST_SKIP() << "memory store";
  const Diary diary = testing::RandomDiary(5, 40);
  ASSERT_TRUE(this->store_->Import(diary, ImportMode::kRefuseClashes).has_value());
  this->store_.reset();
  auto reopened = OpenSqliteStore(this->dir_.File("sub/diary.db"), false);
  ASSERT_TRUE(reopened.has_value());
  EXPECT_EQ(*(*reopened)->LoadDiary(), diary);
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
    if (sqlite3_step(s) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out;
  };
  EXPECT_EQ(one("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(one("SELECT MAX(version) FROM schema_migrations"), "3");
  sqlite3_close(db);
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
