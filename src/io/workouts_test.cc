#include "backsignal/io/workouts.h"

#include <gtest/gtest.h>

#include <fstream>
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

std::vector<std::string> Read(const std::string& name, std::string_view zone = "UTC") {
  auto f = ReadWorkoutBytes(Sample(name), name);
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
  auto f = ReadWorkoutBytes(Sample("apple_export.xml"), "x");
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
  auto x = ReadWorkoutBytes("<html><body>hi</body></html>", "page.html");
  ASSERT_FALSE(x);
  EXPECT_NE(x.error().message.find("page.html: an XML file whose root is <html>"),
            std::string::npos);
  auto broken = ReadWorkoutBytes("<gpx><trk><name>x</trk></gpx>", "bad.gpx");
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("bad.gpx: not well-formed XML at line 1"),
            std::string::npos);
  auto csv = ReadWorkoutBytes("a,b\n1,2\n", "other.csv");
  ASSERT_FALSE(csv);
  EXPECT_NE(csv.error().message.find("not a workout file backsignal knows"), std::string::npos);
  auto zip = ReadWorkoutBytes(std::string("PK\x03\x04garbage", 11), "broken.zip");
  ASSERT_FALSE(zip);
  EXPECT_NE(zip.error().message.find("broken.zip: a damaged zip"), std::string::npos);
  // An external entity is never fetched.
  auto xxe = ReadWorkoutBytes(
      "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<gpx><trk><name>&x;</name></trk></gpx>",
      "xxe.gpx");
  EXPECT_FALSE(xxe);
}

}  // namespace
}  // namespace backsignal
