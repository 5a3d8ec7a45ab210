// The reading cache: bounded by the memory its readings take, whatever their number or size.
#include "backsignal/service/readings.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include "backsignal/store/group_commit.h"
#include "test_diaries.h"

namespace backsignal::service {
namespace {

using backsignal::testing::D;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kPlainMalloc = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kPlainMalloc = false;
#else
constexpr bool kPlainMalloc = true;
#endif
#else
constexpr bool kPlainMalloc = true;
#endif

// A diary as dense as the format allows over `days` days: every day the most sessions a day
// holds, each with an activity name.
Diary DenseDiary(int days) {
  testing::DiaryBuilder b;
  Diary d = b.Mornings("2026-01-01", days, 3).Build();
  for (Day& day : d.days) {
    for (size_t i = 0; i < kMaxSessionsPerDay; ++i) {
      Session s;
      s.minutes = 20;
      s.activity = "a walk around the park number " + std::to_string(i);
      s.during.start = Score::FromHalves(4);
      s.during.end = Score::FromHalves(6);
      day.sessions.push_back(s);
    }
  }
  return d;
}

class ReadingCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = OpenServiceDatabase("memory:", OpenOptions{.create = true});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    writer_ = std::make_unique<DirectWriter>(*db_);
    service_ = std::make_unique<Service>(*db_, *writer_, clock_);
  }
  PersonId Person(const std::string& name, const Diary& diary) {
    auto a = db_->CreateAccount(name, "hash", "person", 1);
    EXPECT_TRUE(a.has_value());
    EXPECT_TRUE(db_->ForPerson(a->person)->Import(diary, ImportMode::kRefuseClashes).has_value());
    return a->person;
  }
  FakeClock clock_{1795176000};
  std::unique_ptr<Database> db_;
  std::unique_ptr<Writer> writer_;
  std::unique_ptr<Service> service_;
};

TEST_F(ReadingCacheTest, AReadingsCountedBytesAreCloseToWhatTheAllocatorGave) {
  if (!kPlainMalloc) GTEST_SKIP() << "the sanitizers' allocator is not counted by mallinfo2";
  const PersonId p = Person("dense", DenseDiary(120));
  ReadingCache none(0);  // keeps nothing: the view below is the only one
  size_t counted = 0;
  const size_t before = mallinfo2().uordblks;
  {
    auto view = ReadingOf(*service_, p, D("2026-04-30"));
    ASSERT_TRUE(view.has_value());
    const size_t held = mallinfo2().uordblks - before;
    counted = ReadingViewBytes(**view);
    EXPECT_GT(counted, held / 2) << "held " << held;
    EXPECT_LT(counted, held * 2) << "held " << held;
  }
  EXPECT_GT(counted, size_t{1} << 20);  // a dense diary's reading is large: worth bounding
}

TEST_F(ReadingCacheTest, ReadingsAreKeptWithinTheBytesTheOldestDroppedFirst) {
  const PersonId p = Person("ann", DenseDiary(40));
  auto one = ReadingOf(*service_, p, D("2026-02-09"));
  ASSERT_TRUE(one.has_value());
  const size_t each = ReadingViewBytes(**one);
  ReadingCache cache(each * 4 + each / 2);
  for (int i = 0; i < 10; ++i) {
    auto v = ReadingOf(*service_, p, D("2026-02-09") - i);
    ASSERT_TRUE(v.has_value());
    cache.Put(p, (D("2026-02-09") - i).ToString(), 1, *v);
    EXPECT_LE(cache.bytes(), each * 4 + each / 2);
  }
  EXPECT_EQ(cache.size(), 4u);
  EXPECT_NE(cache.Find(p, (D("2026-02-09") - 9).ToString(), 1), nullptr);  // the newest
  EXPECT_EQ(cache.Find(p, D("2026-02-09").ToString(), 1), nullptr);        // the oldest, dropped
  // One too large for a quarter of the bound is not kept.
  ReadingCache small(each * 2);
  small.Put(p, "latest", 1, *one);
  EXPECT_EQ(small.size(), 0u);
  EXPECT_EQ(small.bytes(), 0u);
}

TEST_F(ReadingCacheTest, ForgettingAPersonDropsEveryReadingOfTheirsAndNoOneElses) {
  const PersonId a = Person("ann", testing::RealisticDiary(30));
  const PersonId b = Person("bob", testing::RealisticDiary(30, 9));
  ReadingCache cache;
  for (PersonId p : {a, b}) {
    for (const char* as_of : {"latest", "2026-01-10", "2026-01-20"}) {
      auto v = ReadingOf(*service_, p, std::nullopt);
      ASSERT_TRUE(v.has_value());
      cache.Put(p, as_of, 1, *v);
    }
  }
  const size_t both = cache.bytes();
  cache.Forget(a);
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_LT(cache.bytes(), both);
  EXPECT_EQ(cache.Find(a, "latest", 1), nullptr);
  EXPECT_NE(cache.Find(b, "2026-01-10", 1), nullptr);
}

}  // namespace
}  // namespace backsignal::service
