// The import budget, finding by finding of issue 22, on the small hostile files of the fuzz
// seeds (fuzz/workout_seeds.py makes them; tests/imports_hardening_test.py sends the large ones
// to the CLI and the server).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "backsignal/io/workouts.h"
#include "workouts_util.h"

namespace backsignal {
namespace {

std::string Seed(const std::string& format, const std::string& name) {
  std::ifstream in(
      std::string(BACKSIGNAL_SOURCE_DIR) + "/fuzz/corpus/workouts_" + format + "/" + name,
      std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_FALSE(s.str().empty()) << format << "/" << name;
  return s.str();
}

Result<WorkoutFile> Upload(std::string_view bytes, ImportLimits limits = ImportLimits::Upload()) {
  ImportBudget budget(limits);
  return ReadWorkoutBytes(bytes, "up.zip", budget);
}

#define EXPECT_REFUSED(result, text)                                                   \
  do {                                                                                 \
    const auto& r_ = (result);                                                         \
    ASSERT_FALSE(r_.has_value()) << "expected a refusal with: " << (text);             \
    EXPECT_EQ(r_.error().kind, ErrorKind::kInvalid);                                   \
    EXPECT_NE(r_.error().message.find(text), std::string::npos) << r_.error().message; \
  } while (0)

TEST(ImportBudgetTest, ZipEntriesSharingOneStreamAreRefusedBeforeAnyIsInflated) {
  EXPECT_REFUSED(Upload(Seed("zip", "overlapping.zip")), "entries of the zip share bytes (\"copy-");
}

TEST(ImportBudgetTest, AZipEntryInflatingPastTheRatioIsABomb) {
  EXPECT_REFUSED(Upload(Seed("zip", "bomb.zip")),
                 "up.zip (apple_health_export/export.xml): inflates to more than 200 times its "
                 "compressed size");
}

TEST(ImportBudgetTest, ABombWhoseDirectoryLiesIsStoppedAsItInflates) {
  ImportBudget budget(ImportLimits::Upload());
  auto r = ReadWorkoutBytes(Seed("zip", "lying_bomb.zip"), "up.zip", budget);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kInvalid);
  EXPECT_LE(budget.bytes(), (uint64_t{1} << 20) + (uint64_t{1} << 16)) << r.error().message;
}

TEST(ImportBudgetTest, InflatedBytesAreCountedOverTheWholeImport) {
  ImportLimits small = ImportLimits::Upload();
  small.inflated_bytes = 16 * 1024;
  // Eight exports of 50 workouts, each under 16 KB, together over it.
  EXPECT_REFUSED(Upload(Seed("zip", "eight_exports.zip"), small),
                 "more than 16 KB once inflated, the most an upload reads; import a larger export "
                 "with the command line");
  EXPECT_TRUE(Upload(Seed("zip", "eight_exports.zip")));
}

TEST(ImportBudgetTest, WorkoutsAreCountedOverEveryEntry) {
  ImportLimits limits = ImportLimits::Upload();
  limits.workouts = 300;
  auto r = Upload(Seed("zip", "eight_exports.zip"), limits);
  EXPECT_REFUSED(r, "more than 300 workouts, the most an upload takes");
  limits.workouts = 400;
  EXPECT_TRUE(Upload(Seed("zip", "eight_exports.zip"), limits));
  // Every format counts what it meets.
  limits.workouts = 100;
  ImportBudget apple(limits);
  EXPECT_REFUSED(ReadWorkoutBytes(Seed("apple", "many_workouts.xml"), "x.xml", apple),
                 "x.xml: more than 100 workouts");
  ImportBudget tcx(limits);
  EXPECT_REFUSED(ReadWorkoutBytes(Seed("tcx", "many.tcx"), "x.tcx", tcx), "more than 100");
}

TEST(ImportBudgetTest, TooManyZipEntriesAreRefusedFromTheDirectory) {
  ImportLimits limits = ImportLimits::Upload();
  limits.zip_entries = 499;
  EXPECT_REFUSED(Upload(Seed("zip", "many_entries.zip"), limits),
                 "up.zip: a zip of 500 entries, more than the 499 an upload opens");
}

TEST(ImportBudgetTest, NestingIsBoundedInEveryFormat) {
  EXPECT_REFUSED(Upload(Seed("gpx", "deep.gpx")), "nested deeper than 64 levels");
  EXPECT_REFUSED(Upload(Seed("tcx", "deep.tcx")), "nested deeper than 64 levels");
  EXPECT_REFUSED(Upload(Seed("apple", "deep.xml")), "nested deeper than 64 levels");
  EXPECT_REFUSED(Upload(Seed("google_fit", "deep.json")), "nested deeper than 64 levels");
  EXPECT_REFUSED(Upload(Seed("zip", "deep_gpx.zip")),
                 "up.zip (route.gpx): nested deeper than 64 levels");
}

TEST(ImportBudgetTest, AnXmlTagLongerThanAnyRealOneIsRefused) {
  const std::string tag = "<gpx><trk name=\"" + std::string(3 << 20, 'a') + "\"/></gpx>";
  EXPECT_REFUSED(Upload(tag), "an XML tag (or comment) longer than 1 MB at line 1");
}

TEST(ImportBudgetTest, ARowOfCommasAndASessionOfEmptyArraysAreReadRowByRow) {
  auto commas = Upload(Seed("strava", "commas.csv"));
  ASSERT_TRUE(commas) << commas.error().message;
  EXPECT_EQ(commas->skipped, 1);
  auto arrays = Upload(Seed("google_fit", "arrays.json"));
  ASSERT_TRUE(arrays) << arrays.error().message;
  EXPECT_EQ(arrays->workouts.size(), 1u);
  // A list at the top is no session: refused at its first byte.
  EXPECT_REFUSED(Upload(Seed("google_fit", "top_array.json")),
                 "a JSON file without startTime and endTime");
  EXPECT_REFUSED(Upload(Seed("google_fit", "twice.json")), "\"startTime\" is given twice");
  // Quoted cells with commas and doubled quotes, split across reads, as before.
  auto quoted = Upload(Seed("strava", "quoted.csv"));
  ASSERT_TRUE(quoted) << quoted.error().message;
  EXPECT_EQ(quoted->workouts.at(0).activity, "swim");
}

// Read a byte at a time, a CSV says the same as read whole: quotes, doubled quotes and CRLF
// split across reads.
TEST(ImportBudgetTest, StravasCsvIsTheSameWhateverTheReadsSplit) {
  const std::string csv =
      "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time\r\n"
      "1,\"Nov 2, 2026, 6:00:05 PM\",\"A \"\"long\"\", slow\r\nswim\",,1800\r\n"
      "\r\n"
      "2,\"Nov 3, 2026, 7:00:00 AM\",Row,Rowing,900\r\n";
  auto read = [&](size_t step) {
    size_t at = 0;
    ByteSource source = [&](char* buf, size_t cap) -> Result<size_t> {
      const size_t n = std::min({cap, step, csv.size() - at});
      std::copy_n(csv.data() + at, n, buf);
      at += n;
      return n;
    };
    ImportBudget budget(ImportLimits::Upload());
    auto f = workouts_detail::ReadStravaCsv(source, "activities.csv", budget);
    EXPECT_TRUE(f) << f.error().message;
    std::vector<std::string> out;
    for (const RawWorkout& w : f->workouts) {
      out.push_back(std::to_string(w.start) + " " + std::to_string(int(w.seconds)) + " " +
                    w.activity);
    }
    return out;
  };
  const std::vector<std::string> want = {"1793642405 1800 A \"long\", slow\r\nswim",
                                         "1793689200 900 rowing"};
  EXPECT_EQ(read(1 << 16), want);
  EXPECT_EQ(read(1), want);
  EXPECT_EQ(read(2), want);
}

TEST(ImportBudgetTest, ActivityNamesAreCutInOnePass) {
  EXPECT_EQ(CutActivityName("rowing", 200), "rowing");
  EXPECT_EQ(CutActivityName("\xC3\xA9t\xC3\xA9", 2), "\xC3\xA9t");
  EXPECT_EQ(CutActivityName(std::string(30 << 20, 'x'), kMaxActivityChars),
            std::string(kMaxActivityChars, 'x'));
  // A sequence cut off by a reader after the code points kept does not matter.
  EXPECT_EQ(CutActivityName(std::string(300, 'x') + "\xE2\x82", 200), std::string(200, 'x'));
  EXPECT_EQ(CutActivityName("bad \xFF byte", 200), "");
  EXPECT_EQ(CutActivityName(std::string("nul\0l", 5), 200), "");
  EXPECT_EQ(CutActivityName("\xED\xA0\x80", 200), "");  // a surrogate
  // What each reader keeps of a long name becomes a valid one.
  for (const auto& [format, seed] :
       std::vector<std::pair<std::string, std::string>>{{"gpx", "long_name.gpx"},
                                                        {"strava", "long_type.csv"},
                                                        {"google_fit", "long_activity.json"},
                                                        {"health_connect", "export.db"}}) {
    auto f = Upload(Seed(format, seed));
    ASSERT_TRUE(f) << seed << ": " << f.error().message;
    for (const Workout& w : LocalWorkouts(f->workouts, "UTC")) {
      EXPECT_LE(CountCodePoints(w.activity), kMaxActivityChars) << seed;
      EXPECT_TRUE(ValidateText(w.activity, kMaxActivityChars)) << seed;
    }
  }
}

TEST(ImportBudgetTest, HealthConnectReadsOnlyItsRealTable) {
  EXPECT_REFUSED(Upload(Seed("health_connect", "endless_view.db")),
                 "a database without Health Connect's exercise_session_record_table table (it is "
                 "a view or a virtual table, which is never read)");
  EXPECT_REFUSED(Upload(Seed("health_connect", "no_table.db")),
                 "a database without Health Connect's exercise_session_record_table table;");
  auto wal = Upload(Seed("health_connect", "wal.db"));
  ASSERT_TRUE(wal) << wal.error().message;
  EXPECT_EQ(wal->workouts.size(), 1u);
}

// A database made here by SQL, in a folder of its own; the folder's files after.
class SqlFile {
 public:
  explicit SqlFile(const std::string& sql) {
    dir_ = std::filesystem::temp_directory_path() /
           ("backsignal-budget-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "health_connect_export.db").string();
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  ~SqlFile() { std::filesystem::remove_all(dir_); }
  Result<WorkoutFile> Read(ImportLimits limits = ImportLimits::Upload(),
                           ImportCancel cancel = {}) const {
    ImportBudget budget(limits, std::move(cancel));
    return ReadWorkoutFile(path_, budget);
  }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

constexpr const char* kTable =
    "CREATE TABLE exercise_session_record_table (start_time INTEGER, start_zone_offset INTEGER, "
    "end_time INTEGER, exercise_type INTEGER, title TEXT);";

TEST(ImportBudgetTest, HealthConnectNeverReadsAVirtualTableOrCallsAFunction) {
  SqlFile fts(
      "CREATE VIRTUAL TABLE exercise_session_record_table USING fts5(start_time, "
      "start_zone_offset, end_time, exercise_type, title);");
  EXPECT_REFUSED(fts.Read(), "(it is a view or a virtual table, which is never read)");
  // A generated column is computed as the table is read: a value longer than any title is
  // refused, never held.
  SqlFile generated(
      "CREATE TABLE exercise_session_record_table (start_time INTEGER, start_zone_offset "
      "INTEGER, end_time INTEGER, exercise_type INTEGER, title TEXT AS (zeroblob(50000000)));"
      "INSERT INTO exercise_session_record_table VALUES (1793642400000, 0, 1793644200000, 0);");
  EXPECT_REFUSED(generated.Read(), "a value longer than 1 MB");
}

TEST(ImportBudgetTest, HealthConnectIsBoundedByItsOwnMemoryNotTheProcesss) {
  // A schema of 1,500 tables takes about 500 KB to hold: past a budget of 256 KB, refused.
  std::string sql = std::string("BEGIN;") + kTable;
  for (int i = 0; i < 1500; ++i) {
    sql += "CREATE TABLE t" + std::to_string(i) + " (a INTEGER, b TEXT, c REAL, d BLOB, e, f, g);";
  }
  SqlFile big(sql + "COMMIT;");
  ImportLimits limits = ImportLimits::Upload();
  limits.database_memory = 256 << 10;
  EXPECT_REFUSED(big.Read(limits),
                 "the database needs more than 256 KB of memory to read, the "
                 "most an upload gives it");
  EXPECT_TRUE(big.Read());
  // A value longer than any title is refused, never held.
  SqlFile long_title(std::string(kTable) +
                     "INSERT INTO exercise_session_record_table VALUES (1793642400000, 0, "
                     "1793644200000, 0, printf('%.*c', 2000000, 'x'));");
  EXPECT_REFUSED(long_title.Read(),
                 "reading its exercise sessions failed: a value longer than 1 MB, which no "
                 "workout has");
}

// The caller's hook ends an import wherever it is: between chunks, entries, rows and database
// steps (the server's deadline and its shutdown).
TEST(ImportBudgetTest, TheCancelHookStopsEveryReader) {
  auto stop_after = [](int calls) {
    auto n = std::make_shared<int>(0);
    return [n, calls]() -> std::optional<Error> {
      if (++*n > calls) return Error::Storage("stopped: the server is shutting down");
      return std::nullopt;
    };
  };
  for (const auto& [format, seed] :
       std::vector<std::pair<std::string, std::string>>{{"apple", "many_workouts.xml"},
                                                        {"gpx", "ride.gpx"},
                                                        {"tcx", "run.tcx"},
                                                        {"strava", "commas.csv"},
                                                        {"google_fit", "arrays.json"},
                                                        {"health_connect", "export.db"},
                                                        {"zip", "eight_exports.zip"}}) {
    ImportBudget budget(ImportLimits::Upload(), stop_after(0));
    auto r = ReadWorkoutBytes(Seed(format, seed), seed, budget);
    ASSERT_FALSE(r) << seed;
    EXPECT_EQ(r.error().kind, ErrorKind::kStorage) << seed;
    EXPECT_EQ(r.error().message, "stopped: the server is shutting down") << seed;
  }
  // In a database, the progress handler asks it as the query runs.
  std::string sql = std::string(kTable) +
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                    "FROM n WHERE i < 5000) INSERT INTO "
                    "exercise_session_record_table SELECT 1793642400000 + "
                    "i * 86400000, 0, 1793644200000 + i * 86400000, 56, "
                    "NULL FROM n;";
  SqlFile rows(sql);
  auto r = rows.Read(ImportLimits::Upload(), stop_after(3));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "stopped: the server is shutting down");
  auto all = rows.Read();
  ASSERT_TRUE(all) << all.error().message;
  EXPECT_EQ(all->workouts.size(), 5000u);
}

}  // namespace
}  // namespace backsignal
