#include "backsignal/io/workouts.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace backsignal {
namespace {

std::string Sample(const std::string& name) {
  std::ifstream in(std::string(BACKSIGNAL_SOURCE_DIR) + "/tests/workouts/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Local(const Workout& w) {
  return w.date.ToString() + " " + w.start.ToString() + " " + std::to_string(w.minutes) + " " +
         w.activity;
}

Result<WorkoutFile> Bytes(std::string_view bytes, std::string_view name) {
  ImportBudget budget(ImportLimits::Upload());
  return ReadWorkoutBytes(bytes, name, budget);
}

std::vector<std::string> Read(const std::string& name, std::string_view zone = "UTC") {
  auto f = Bytes(Sample(name), name);
  EXPECT_TRUE(f.has_value()) << (f ? "" : f.error().message);
  if (!f) return {};
  std::vector<std::string> out;
  for (const Workout& w : LocalWorkouts(f->workouts, zone)) out.push_back(Local(w));
  return out;
}

TEST(WorkoutsTest, TimesInEachFormTheFilesUse) {
  EXPECT_EQ(ParseWorkoutTime("2026-11-02 18:00:05 +0100")->unix, 1793638805);
  EXPECT_EQ(*ParseWorkoutTime("2026-11-02 18:00:05 +0100")->offset, 3600);
  EXPECT_EQ(ParseWorkoutTime("2026-11-02T17:00:05Z")->unix, 1793638805);
  EXPECT_EQ(ParseWorkoutTime("2026-11-02T17:00:05.250Z")->unix, 1793638805);
  EXPECT_EQ(ParseWorkoutTime("2026-11-02T12:00:05-05:00")->unix, 1793638805);
  EXPECT_EQ(ParseWorkoutTime("Nov 2, 2026, 5:00:05 PM")->unix, 1793638805);
  EXPECT_EQ(ParseWorkoutTime("Nov 2, 2026, 12:10:00 AM")->unix, 1793578200);
  for (const char* bad : {"", "2026-02-30T10:00:00Z", "2026-11-02T25:00:00Z", "yesterday",
                          "2026-11-02T10:00:00+99:00", "Nov 31, 2026, 1:00:00 PM"}) {
    EXPECT_FALSE(ParseWorkoutTime(bad)) << bad;
  }
}

TEST(WorkoutsTest, AppleHealthWorkoutsAmongRecords) {
  EXPECT_EQ(Read("apple_export.xml", "Europe/London"),
            (std::vector<std::string>{"2026-11-02 18:00 43 swimming",
                                      "2026-11-04 07:30 35 traditional strength training",
                                      "2026-11-06 18:10 25 rowing", "2026-11-08 23:40 30 yoga"}));
  auto f = Bytes(Sample("apple_export.xml"), "x");
  EXPECT_EQ(f->format, WorkoutFormat::kAppleHealth);
  EXPECT_EQ(f->skipped, 1);  // the 12-second walk
  // In the person's zone: a workout just before midnight in London is the next day in Tokyo.
  EXPECT_EQ(Read("apple_export.xml", "Asia/Tokyo").back(), "2026-11-09 08:40 30 yoga");
}

TEST(WorkoutsTest, GpxTcxStravaAndGoogleFit) {
  EXPECT_EQ(Read("ride.gpx"), std::vector<std::string>{"2026-11-07 16:02 45 kayaking"});
  EXPECT_EQ(Read("run.tcx"), std::vector<std::string>{"2026-11-03 07:15 32 running"});
  EXPECT_EQ(Read("activities.csv"),
            (std::vector<std::string>{"2026-11-01 09:30 90 rock climb",
                                      "2026-11-04 17:45 60 tennis", "2026-11-06 18:10 25 rowing"}));
  EXPECT_EQ(Read("google_fit_session.json"),
            std::vector<std::string>{"2026-11-09 18:00 40 swimming pool"});
}

// A Health Connect database in a fresh folder: rows of start (ms), offset (s), end (ms), type.
class HealthConnectFile {
 public:
  HealthConnectFile(std::initializer_list<std::tuple<int64_t, int, int64_t, int>> rows) {
    dir_ =
        std::filesystem::temp_directory_path() /
        ("backsignal-hc-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "health_connect_export.db").string();
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    std::string sql =
        "PRAGMA journal_mode=WAL; CREATE TABLE exercise_session_record_table (row_id INTEGER "
        "PRIMARY KEY, start_time INTEGER NOT NULL, start_zone_offset INTEGER, end_time INTEGER "
        "NOT NULL, exercise_type INTEGER NOT NULL, title TEXT);";
    for (const auto& [start, offset, end, type] : rows) {
      sql +=
          "INSERT INTO exercise_session_record_table (start_time, start_zone_offset, end_time, "
          "exercise_type) VALUES (" +
          std::to_string(start) + ", " + std::to_string(offset) + ", " + std::to_string(end) +
          ", " + std::to_string(type) + ");";
    }
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  ~HealthConnectFile() { std::filesystem::remove_all(dir_); }
  const std::string& path() const { return path_; }
  std::vector<std::string> Files() const {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) {
      out.push_back(e.path().filename().string());
    }
    return out;
  }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

std::vector<std::string> InZone(const WorkoutFile& f, std::string_view zone) {
  std::vector<std::string> out;
  for (const Workout& w : LocalWorkouts(f.workouts, zone)) out.push_back(Local(w));
  return out;
}

// Issue 20: a GPX kayak at 16:02Z was stored at 16:02 for a person in Tokyo (its "Z" was taken
// for the offset in force), a TCX run at 07:15Z at 07:15. Every format's instants are in the
// person's zone, on both sides of the date line.
TEST(WorkoutsTest, EveryFormatInTheZonesEitherSideOfTheDateLine) {
  const std::map<std::string, std::map<std::string, std::vector<std::string>>> expected = {
      {"Asia/Tokyo",
       {{"ride.gpx", {"2026-11-08 01:02 45 kayaking"}},
        {"run.tcx", {"2026-11-03 16:15 32 running"}},
        {"activities.csv",
         {"2026-11-01 18:30 90 rock climb", "2026-11-05 02:45 60 tennis",
          "2026-11-07 03:10 25 rowing"}},
        {"google_fit_session.json", {"2026-11-10 03:00 40 swimming pool"}},
        {"apple_export.xml",
         {"2026-11-03 03:00 43 swimming", "2026-11-04 16:30 35 traditional strength training",
          "2026-11-07 03:10 25 rowing", "2026-11-09 08:40 30 yoga"}}}},
      {"Pacific/Kiritimati",
       {{"ride.gpx", {"2026-11-08 06:02 45 kayaking"}},
        {"run.tcx", {"2026-11-03 21:15 32 running"}},
        {"activities.csv",
         {"2026-11-01 23:30 90 rock climb", "2026-11-05 07:45 60 tennis",
          "2026-11-07 08:10 25 rowing"}},
        {"google_fit_session.json", {"2026-11-10 08:00 40 swimming pool"}},
        {"apple_export.xml",
         {"2026-11-03 08:00 43 swimming", "2026-11-04 21:30 35 traditional strength training",
          "2026-11-07 08:10 25 rowing", "2026-11-09 13:40 30 yoga"}}}},
      {"Pacific/Pago_Pago",
       {{"ride.gpx", {"2026-11-07 05:02 45 kayaking"}},
        {"run.tcx", {"2026-11-02 20:15 32 running"}},
        {"activities.csv",
         {"2026-10-31 22:30 90 rock climb", "2026-11-04 06:45 60 tennis",
          "2026-11-06 07:10 25 rowing"}},
        {"google_fit_session.json", {"2026-11-09 07:00 40 swimming pool"}},
        {"apple_export.xml",
         {"2026-11-02 07:00 43 swimming", "2026-11-03 20:30 35 traditional strength training",
          "2026-11-06 07:10 25 rowing", "2026-11-08 12:40 30 yoga"}}}},
  };
  for (const auto& [zone, files] : expected) {
    for (const auto& [name, want] : files) {
      EXPECT_EQ(Read(name, zone), want) << name << " in " << zone;
    }
  }
  // GPX and TCX times written with an offset are instants too.
  auto offset = Bytes(
      "<gpx><trk><type>kayaking</type><trkseg><trkpt><time>2026-11-08T01:02:11+09:00</time>"
      "</trkpt><trkpt><time>2026-11-08T01:47:30+09:00</time></trkpt></trkseg></trk></gpx>",
      "offset.gpx");
  ASSERT_TRUE(offset) << offset.error().message;
  EXPECT_EQ(InZone(*offset, "Pacific/Pago_Pago"),
            std::vector<std::string>{"2026-11-07 05:02 45 kayaking"});
}

// Health Connect records the offset in force where the workout happened (start_time + 1000 *
// start_zone_offset is its own local time): that offset places it, and the person's zone's
// rendering is kept beside it for merging with sources that have only the instant.
TEST(WorkoutsTest, HealthConnectUsesTheOffsetItRecorded) {
  // 2026-11-07 16:02 UTC, 45 minutes of kayaking (paddling): recorded at +09:00 and at -11:00.
  const int64_t start = int64_t{1794067320} * 1000;
  HealthConnectFile hc({{start, 9 * 3600, start + 45 * 60000, 46},
                        {start + 86400000, -11 * 3600, start + 86400000 + 45 * 60000, 46}});
  ImportBudget budget(ImportLimits::LocalFile());
  auto f = ReadWorkoutFile(hc.path(), budget);
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->format, WorkoutFormat::kHealthConnect);
  const auto w = LocalWorkouts(f->workouts, "Pacific/Kiritimati");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(Local(w[0]), "2026-11-08 01:02 45 paddling");  // +09:00 as recorded
  EXPECT_EQ(w[0].zone_date->ToString() + " " + w[0].zone_start->ToString(), "2026-11-08 06:02");
  EXPECT_EQ(Local(w[1]), "2026-11-08 05:02 45 paddling");  // -11:00 as recorded
  // Recorded in the person's own zone: one rendering only.
  EXPECT_FALSE(LocalWorkouts(f->workouts, "Asia/Tokyo")[0].zone_date);
  // Opened immutable: a WAL-mode database gets no -wal or -shm beside it.
  EXPECT_EQ(hc.Files(), std::vector<std::string>{"health_connect_export.db"});
}

TEST(WorkoutsTest, OneWorkoutFromTwoSourcesIsOneWhateverTheDatesTheyGiveIt) {
  // The same swim from Health Connect recorded at +09:00 and from Strava (the instant only):
  // in Pago Pago the two renderings fall on different dates; the instants say it is one.
  const int64_t t = 1794067320;
  const auto w =
      LocalWorkouts({{t, 9 * 3600, 2700, "pool swimming"}, {t + 5, std::nullopt, 2760, "swim"}},
                    "Pacific/Pago_Pago");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].minutes, 46);
  EXPECT_EQ(Local(w[0]), "2026-11-08 01:02 46 pool swimming");
}

TEST(WorkoutsTest, LoadsSuggestedOnlyWhereObvious) {
  EXPECT_EQ(SuggestLoads("swimming").bits(), 7);
  EXPECT_TRUE(SuggestLoads("rowing machine").Has(Load::kArmsAway));
  EXPECT_TRUE(SuggestLoads("Rock Climb").Has(Load::kRotation));
  EXPECT_TRUE(SuggestLoads("golf").Has(Load::kRotation));
  for (const char* none : {"running", "biking", "walking", "yoga", "stair climbing", "workout"}) {
    EXPECT_TRUE(SuggestLoads(none).empty()) << none;
  }
}

TEST(WorkoutsTest, OneWorkoutWrittenTwiceIsOne) {
  const int64_t t = 1793638800;
  std::vector<RawWorkout> raw = {{t, std::nullopt, 1800, "rowing"},
                                 {t + 120, std::nullopt, 2400, "rowing machine"},
                                 {t + 3 * 3600, std::nullopt, 600, "walking"}};
  const auto w = LocalWorkouts(raw, "UTC");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].minutes, 40);  // the longer stays
  EXPECT_EQ(w[1].activity, "walking");
  // Longer than the format holds: kept as 600 minutes, and said.
  const auto long_one = LocalWorkouts({{t, std::nullopt, 11 * 3600, "hiking"}}, "UTC");
  EXPECT_EQ(long_one[0].minutes, 600);
  EXPECT_TRUE(long_one[0].capped);
}

TEST(WorkoutsTest, ForeignAndBrokenFilesSayWhatWasExpected) {
  auto x = Bytes("<html><body>hi</body></html>", "page.html");
  ASSERT_FALSE(x);
  EXPECT_NE(x.error().message.find("page.html: an XML file whose root is <html>"),
            std::string::npos);
  auto broken = Bytes("<gpx><trk><name>x</trk></gpx>", "bad.gpx");
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("bad.gpx: not well-formed XML at line 1"),
            std::string::npos);
  auto csv = Bytes("a,b\n1,2\n", "other.csv");
  ASSERT_FALSE(csv);
  EXPECT_NE(csv.error().message.find("not a workout file backsignal knows"), std::string::npos);
  auto zip = Bytes(std::string("PK\x03\x04garbage", 11), "broken.zip");
  ASSERT_FALSE(zip);
  EXPECT_NE(zip.error().message.find("broken.zip: a damaged zip"), std::string::npos);
  // An external entity is never fetched.
  auto xxe = Bytes(
      "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<gpx><trk><name>&x;</name></trk></gpx>",
      "xxe.gpx");
  EXPECT_FALSE(xxe);
}

}  // namespace
}  // namespace backsignal
