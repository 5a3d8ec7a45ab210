// Restoring a backup: only a file with exactly backsignal's schema is taken, and only its rows
// come along.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "backsignal/store/store.h"
#include "schema.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

namespace fs = std::filesystem;

class RestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("backsignal-restore-" + std::to_string(::getpid()) + "-" + std::to_string(n_++));
    fs::create_directories(dir_);
    live_ = (dir_ / "live.db").string();
    auto db = OpenDatabase(live_, OpenOptions{.create = true});
    ASSERT_TRUE(db.has_value());
    auto a = (*db)->CreateAccount("ann", "hash", "person", 1);
    ASSERT_TRUE(a.has_value());
    diary_ = testing::RandomDiary(3, 20);
    ASSERT_TRUE((*db)->ForPerson(a->person)->Import(diary_, ImportMode::kRefuseClashes));
    person_ = a->person;
    backup_ = (dir_ / "backup.db").string();
    ASSERT_TRUE(BackupDatabase(live_, backup_).has_value());
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(backup_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
    sqlite3_free(err);
    sqlite3_close(db);
  }
  std::string Target() const { return (dir_ / "target.db").string(); }

  fs::path dir_;
  std::string live_, backup_;
  Diary diary_;
  PersonId person_ = 0;
  static inline int n_ = 0;
};

TEST_F(RestoreTest, ABackupRestoresEveryRowAndTheIdsHandedOut) {
  {
    auto db = OpenDatabase(live_, OpenOptions{});
    auto gone = (*db)->CreateAccount("gone", "hash", "person", 2);
    ASSERT_TRUE(gone.has_value());
    ASSERT_TRUE((*db)->DeleteAccount(gone->id).has_value());
  }
  ASSERT_TRUE(BackupDatabase(live_, backup_).has_value());
  auto r = RestoreDatabase(backup_, Target());
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_FALSE(fs::exists(Target() + ".restoring"));
  auto db = OpenDatabase(Target(), OpenOptions{});
  ASSERT_TRUE(db.has_value());
  EXPECT_EQ(*(*db)->ForPerson(person_)->LoadDiary(), diary_);
  EXPECT_EQ((*db)->FindLogin("ann").value()->first.person, person_);
  // The deleted account's ids stay handed out.
  auto next = (*db)->CreateAccount("next", "hash", "person", 3);
  ASSERT_TRUE(next.has_value());
  EXPECT_GT(next->person, person_ + 1);
}

TEST_F(RestoreTest, ABackupWithATriggerOrAnythingElseBacksignalDoesNotMakeIsRefused) {
  for (const char* extra :
       {"CREATE TRIGGER spy AFTER INSERT ON people BEGIN INSERT INTO shares (person_id, "
        "clinician_id, created_at) VALUES (NEW.id, 1, 0); END",
        "CREATE TABLE extra (x)", "CREATE INDEX days_note ON days(note)",
        "CREATE VIEW v AS SELECT 1", "ALTER TABLE days ADD COLUMN more TEXT"}) {
    ASSERT_TRUE(BackupDatabase(live_, backup_).has_value());
    Tamper(extra);
    auto r = RestoreDatabase(backup_, live_);
    ASSERT_FALSE(r.has_value()) << extra;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalid) << extra;
    EXPECT_NE(r.error().message.find("not the schema of a backsignal database"), std::string::npos)
        << r.error().message;
    EXPECT_FALSE(fs::exists(live_ + ".before-restore")) << "nothing was replaced";
  }
}

TEST_F(RestoreTest, ATableMadeAViewOverAnEndlessQueryIsRefusedWithoutReadingIt) {
  Tamper(
      "DROP TABLE sessions; CREATE VIEW sessions AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL "
      "SELECT n + 1 FROM r) SELECT n AS person_id FROM r WHERE n < 0");
  auto r = RestoreDatabase(backup_, Target());
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("not the schema"), std::string::npos);
  EXPECT_FALSE(fs::exists(Target()));
}

TEST_F(RestoreTest, ABackupOfAnOlderVersionRestoresAndIsUpgradedAtTheNextOpen) {
  const std::string old_backup = (dir_ / "v9.db").string();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(old_backup.c_str(), &db), SQLITE_OK);
  auto exec = [&](const std::string& sql) {
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  };
  exec(sql::kSqliteMigrationsTable);
  for (const sql::Migration& m : sql::Migrations()) {
    if (m.version > 9) break;
    exec(m.sqlite);
    exec("INSERT INTO schema_migrations (version, name) VALUES (" + std::to_string(m.version) +
         ", 'm')");
  }
  exec(
      "INSERT INTO accounts (person_id, username, password_hash, role, is_admin, created_at) "
      "VALUES (1, 'old', 'h', 'person', 1, 1)");
  exec("INSERT INTO days (person_id, date, morning_pain) VALUES (1, '2026-01-01', 4)");
  sqlite3_close(db);
  auto r = RestoreDatabase(old_backup, Target());
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->schema_version, 9);
  auto opened = OpenDatabase(Target(), OpenOptions{});
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ((*opened)->ForPerson(1)->LoadDiary()->days.size(), 1u);
  EXPECT_EQ((*opened)->FindLogin("old").value()->first.person, 1);
}

}  // namespace
}  // namespace backsignal
