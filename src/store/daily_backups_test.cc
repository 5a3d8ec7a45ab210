// The daily backups' folder and retention: nothing but a backup of their own making is ever
// removed, and never the live database.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "backsignal/store/store.h"

namespace backsignal {
namespace {

namespace fs = std::filesystem;

class DailyBackupsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("backsignal-daily-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string Touch(const std::string& name) {
    const fs::path p = root_ / name;
    std::ofstream(p) << "x";
    return p.string();
  }
  static Date D(const char* s) { return *Date::Parse(s); }
  fs::path root_;
  static inline int counter_ = 0;
};

TEST_F(DailyBackupsTest, AFolderThatHoldsTheLiveDatabaseIsRefused) {
  const std::string db = Touch("backsignal-1.db");
  EXPECT_EQ(PrepareBackupFolder(db, root_.string()).error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(PrepareBackupFolder("sqlite:" + db, root_.string() + "/").error().kind,
            ErrorKind::kInvalid);
  EXPECT_EQ(PrepareBackupFolder(db, (root_ / "." / "").string()).error().kind, ErrorKind::kInvalid);
  EXPECT_EQ(PrepareBackupFolder(db, db).error().kind, ErrorKind::kInvalid);
  fs::create_directory_symlink(root_, root_.string() + "-link");
  EXPECT_EQ(PrepareBackupFolder(db, root_.string() + "-link").error().kind, ErrorKind::kInvalid);
  fs::remove(root_.string() + "-link");
  EXPECT_TRUE(PrepareBackupFolder(db, (root_ / "backups").string()).has_value());
}

TEST_F(DailyBackupsTest, NewFoldersArePrivate) {
  const std::string db = Touch("diary.db");
  const fs::path dir = root_ / "a" / "b";
  ASSERT_TRUE(PrepareBackupFolder(db, dir.string()).has_value());
  for (const fs::path& p : {root_ / "a", dir}) {
    struct stat st {};
    ASSERT_EQ(::stat(p.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700u) << p;
  }
}

TEST_F(DailyBackupsTest, RetentionRemovesOnlyOldBackupsOfItsOwnPattern) {
  const std::string db = (root_ / "live" / "diary.db").string();
  fs::create_directories(root_ / "live");
  std::ofstream(db) << "live";
  for (const char* name :
       {"backsignal-2026-11-01.db", "backsignal-2026-11-02.db", "backsignal-2026-11-03.db",
        "backsignal-1.db", "backsignal-2026-11-01.db.keep", "my-backsignal-2026-11-01.db",
        "backsignal-2026-13-40.db", "backsignal-2026-11-01.db-wal", "notes.txt"}) {
    Touch(name);
  }
  // A link to the live database under a backup's name is not a backup.
  fs::create_hard_link(db, root_ / "backsignal-2026-10-01.db");
  auto pruned = PruneDailyBackups(db, root_.string(), D("2026-11-03"), 2);
  ASSERT_TRUE(pruned.has_value());
  EXPECT_EQ(pruned->removed, std::vector<std::string>{"backsignal-2026-11-01.db"});
  for (const char* kept :
       {"backsignal-2026-11-02.db", "backsignal-2026-11-03.db", "backsignal-1.db",
        "backsignal-2026-11-01.db.keep", "my-backsignal-2026-11-01.db", "backsignal-2026-13-40.db",
        "backsignal-2026-11-01.db-wal", "notes.txt", "backsignal-2026-10-01.db"}) {
    EXPECT_TRUE(fs::exists(root_ / kept)) << kept;
  }
  EXPECT_TRUE(fs::exists(db));
}

TEST_F(DailyBackupsTest, BackupsDatedAfterTodayAreNeitherCountedNorRemoved) {
  const std::string db = (root_ / "diary.db").string();
  const fs::path dir = root_ / "backups";
  fs::create_directories(dir);
  for (const char* name :
       {"backsignal-2026-11-03.db", "backsignal-2027-01-01.db", "backsignal-2099-12-31.db"}) {
    std::ofstream(dir / name) << "x";
  }
  auto pruned = PruneDailyBackups(db, dir.string(), D("2026-11-03"), 1);
  ASSERT_TRUE(pruned.has_value());
  EXPECT_TRUE(pruned->removed.empty());
  EXPECT_EQ(pruned->future,
            (std::vector<std::string>{"backsignal-2027-01-01.db", "backsignal-2099-12-31.db"}));
  EXPECT_TRUE(fs::exists(dir / "backsignal-2026-11-03.db"));
}

TEST_F(DailyBackupsTest, TodaysBackupIsDueUnlessWrittenToday) {
  const int64_t now = static_cast<int64_t>(::time(nullptr));
  // Today in this machine's zone, by the test's own reading of the clock (core reads none).
  const std::time_t t = static_cast<std::time_t>(now);
  std::tm local{};
  localtime_r(&t, &local);
  const Date today = Date::FromCivil(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                                     static_cast<unsigned>(local.tm_mday));
  EXPECT_TRUE(DailyBackupDue(root_.string(), today, now));
  const std::string path = Touch(DailyBackupName(today));
  EXPECT_FALSE(DailyBackupDue(root_.string(), today, now));
  // Planted long ago under today's date: not a backup of today.
  struct timespec times[2] = {{now - 400 * 86400, 0}, {now - 400 * 86400, 0}};
  ASSERT_EQ(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
  EXPECT_TRUE(DailyBackupDue(root_.string(), today, now));
}

TEST_F(DailyBackupsTest, ABackupIsNeverWrittenOverTheLiveDatabase) {
  const std::string db = (root_ / "diary.db").string();
  ASSERT_TRUE(OpenDatabase(db, OpenOptions{.create = true}).has_value());
  for (const std::string& out :
       {db, db + "-wal", db + "-shm", (root_ / "." / "diary.db").string()}) {
    auto r = BackupDatabase(db, out);
    ASSERT_FALSE(r.has_value()) << out;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalid) << out;
  }
  // Its temporary file neither: backing up diary.db.tmp to diary.db would write diary.db.tmp.
  const std::string other = db + ".tmp";
  ASSERT_TRUE(OpenDatabase(other, OpenOptions{.create = true}).has_value());
  auto r = BackupDatabase("sqlite:" + other, db);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
  EXPECT_TRUE(OpenDatabase(db, OpenOptions{}).has_value());
  EXPECT_TRUE(OpenDatabase(other, OpenOptions{}).has_value());
}

}  // namespace
}  // namespace backsignal
