// Workouts imported through the service: in the person's own zone on both sides of the date
// line, one workout from two sources stored once (even where Health Connect's recorded offset
// puts it on another date than the zone does), and an import stopped by its caller stores nothing.
#include "backsignal/service/workouts.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "backsignal/store/group_commit.h"
#include "test_diaries.h"

namespace backsignal::service {
namespace {

// 2026-11-20 12:00 UTC.
constexpr int64_t kWorkoutsNow = 1795176000;
// 2026-11-07 16:02:11 UTC: the kayak of tests/workouts/ride.gpx.
constexpr int64_t kKayak = 1794067331;

std::string Sample(const std::string& name) {
  std::ifstream in(std::string(BACKSIGNAL_SOURCE_DIR) + "/tests/workouts/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class WorkoutImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = OpenServiceDatabase("memory:", OpenOptions{.create = true});
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
    writer_ = std::make_unique<DirectWriter>(*db_);
    service_ = std::make_unique<Service>(*db_, *writer_, clock_);
  }
  // A fresh, empty diary.
  void Reset() {
    service_.reset();
    writer_.reset();
    db_.reset();
    SetUp();
  }
  void SetZone(const std::string& zone) {
    auto ok = db_->ForPerson(kLocalPerson)->Transact([&](DiaryTxn& t) -> Result<void> {
      auto p = t.GetProfile();
      if (!p) return Unexpected(p.error());
      p->time_zone = zone;
      return t.SetProfile(*p);
    });
    ASSERT_TRUE(ok) << ok.error().message;
  }
  Result<WorkoutImport> Import(const WorkoutFile& file, WorkoutOptions options = {}) {
    return ImportWorkouts(*service_, kLocalPerson, file, options);
  }
  Result<WorkoutImport> ImportSample(const std::string& name) {
    ImportBudget budget(ImportLimits::Upload());
    auto file = ReadWorkoutBytes(Sample(name), name, budget);
    if (!file) return Unexpected(file.error());
    return Import(*file);
  }
  // "date time minutes activity" of every stored session.
  std::vector<std::string> Sessions() {
    auto diary = db_->ForPerson(kLocalPerson)->LoadDiary();
    EXPECT_TRUE(diary.has_value());
    std::vector<std::string> out;
    for (const Day& d : diary->days) {
      for (const Session& s : d.sessions) {
        out.push_back(d.date.ToString() + " " + (s.time ? s.time->ToString() : "--:--") + " " +
                      std::to_string(s.minutes.value_or(0)) + " " + s.activity.value_or(""));
      }
    }
    return out;
  }
  FakeClock clock_{kWorkoutsNow};
  std::unique_ptr<Database> db_;
  std::unique_ptr<Writer> writer_;
  std::unique_ptr<Service> service_;
};

TEST_F(WorkoutImportTest, GpxAndTcxLandAtThePersonsHourOnBothSidesOfTheDateLine) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"Asia/Tokyo", "2026-11-08 01:02 45 kayaking", "2026-11-03 16:15 32 running"},
      {"Pacific/Kiritimati", "2026-11-08 06:02 45 kayaking", "2026-11-03 21:15 32 running"},
      {"Pacific/Pago_Pago", "2026-11-07 05:02 45 kayaking", "2026-11-02 20:15 32 running"},
  };
  for (const auto& [zone, kayak, run] : cases) {
    Reset();
    SetZone(zone);
    auto gpx = ImportSample("ride.gpx");
    ASSERT_TRUE(gpx) << gpx.error().message;
    auto tcx = ImportSample("run.tcx");
    ASSERT_TRUE(tcx) << tcx.error().message;
    EXPECT_EQ(gpx->workouts.at(0).workout.date.ToString() + " " +
                  gpx->workouts.at(0).workout.start.ToString(),
              kayak.substr(0, 16))
        << zone;
    auto stored = Sessions();
    std::sort(stored.begin(), stored.end());
    EXPECT_EQ(stored, (std::vector<std::string>{run, kayak})) << zone;
  }
}

TEST_F(WorkoutImportTest, OneWorkoutFromTwoSourcesIsStoredOnce) {
  SetZone("Pacific/Kiritimati");
  // Apple Health's rowing of 6 Nov is Strava's too (activities.csv): stored once.
  ASSERT_TRUE(ImportSample("apple_export.xml"));
  auto strava = ImportSample("activities.csv");
  ASSERT_TRUE(strava) << strava.error().message;
  EXPECT_EQ(strava->added, 2);
  EXPECT_EQ(strava->unchanged, 1);
  // The kayak from GPX, then from a TCX of the same instant: one session.
  ASSERT_TRUE(ImportSample("ride.gpx"));
  auto tcx =
      Import(WorkoutFile{WorkoutFormat::kTcx, {{kKayak + 40, std::nullopt, 2700, "kayaking"}}});
  ASSERT_TRUE(tcx) << tcx.error().message;
  EXPECT_EQ(tcx->unchanged, 1);
  EXPECT_EQ(Sessions().size(), 4u + 2u + 1u);
}

TEST_F(WorkoutImportTest, HealthConnectRecordedElsewhereStillMergesWithTheSameWorkout) {
  SetZone("Pacific/Pago_Pago");
  // The kayak from GPX: 05:02 on 7 Nov in Pago Pago.
  ASSERT_TRUE(ImportSample("ride.gpx"));
  // Health Connect recorded it at +09:00 (the person was in Tokyo): 01:02 on 8 Nov there. It is
  // the session already stored, not a new one on another date.
  auto hc =
      Import(WorkoutFile{WorkoutFormat::kHealthConnect, {{kKayak, 9 * 3600, 2700, "paddling"}}});
  ASSERT_TRUE(hc) << hc.error().message;
  EXPECT_EQ(hc->added, 0);
  EXPECT_EQ(hc->unchanged, 1);
  EXPECT_EQ(hc->workouts.at(0).workout.date.ToString(), "2026-11-07");
  EXPECT_EQ(Sessions(), std::vector<std::string>{"2026-11-07 05:02 45 kayaking"});
  // Alone, Health Connect's offset places it: 01:02 on 8 Nov.
  Reset();
  SetZone("Pacific/Pago_Pago");
  ASSERT_TRUE(
      Import(WorkoutFile{WorkoutFormat::kHealthConnect, {{kKayak, 9 * 3600, 2700, "paddling"}}}));
  EXPECT_EQ(Sessions(), std::vector<std::string>{"2026-11-08 01:02 45 paddling"});
  // And importing it again changes nothing.
  auto again =
      Import(WorkoutFile{WorkoutFormat::kHealthConnect, {{kKayak, 9 * 3600, 2700, "paddling"}}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->unchanged, 1);
}

TEST_F(WorkoutImportTest, AnImportItsCallerStopsStoresNothing) {
  SetZone("Asia/Tokyo");
  ImportBudget budget(ImportLimits::Upload());
  auto file = ReadWorkoutBytes(Sample("apple_export.xml"), "export.xml", budget);
  ASSERT_TRUE(file);
  std::stop_source stop;
  stop.request_stop();
  auto r = Import(*file, {.cancel = ImportDeadline(clock_, 30, stop.get_token())});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kStorage);
  EXPECT_NE(r.error().message.find("the server is shutting down"), std::string::npos);
  EXPECT_TRUE(Sessions().empty());
}

TEST_F(WorkoutImportTest, TheDeadlineIsTheClocksAndTheStopIsTheCallers) {
  std::stop_source stop;
  ImportCancel cancel = ImportDeadline(clock_, 30, stop.get_token());
  EXPECT_FALSE(cancel());
  clock_.Advance(30);
  EXPECT_FALSE(cancel());
  clock_.Advance(1);
  auto late = cancel();
  ASSERT_TRUE(late);
  EXPECT_EQ(late->kind, ErrorKind::kInvalid);
  EXPECT_EQ(late->message,
            "the file took longer than 30 s to read, the most one import may take; nothing was "
            "stored");
  ImportCancel no_deadline = ImportDeadline(clock_, 0, stop.get_token());
  clock_.Advance(86400);
  EXPECT_FALSE(no_deadline());
  stop.request_stop();
  ASSERT_TRUE(no_deadline());
  EXPECT_EQ(no_deadline()->kind, ErrorKind::kStorage);
}

}  // namespace
}  // namespace backsignal::service
