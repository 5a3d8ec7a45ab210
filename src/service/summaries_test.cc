// The clinician's list under reading version 3: each summary carries what holds the reading
// back and the activities setting the back off, the list is ordered and labelled by them, and
// summaries made under older rules are made again when the database opens.
#include "backsignal/service/summaries.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "backsignal/reading/reading.h"
#include "backsignal/service/sharing.h"
#include "test_diaries.h"

namespace backsignal::service {
namespace {

using testing::D;

OpenOptions Opts() { return OpenOptions{.create = true, .summariser = ReadingSummariser({})}; }

// Four weeks of mornings at 3 to 03-28; deadlifts four times, each followed by a flare, and
// swims that leave the morning as it was.
Diary DeadliftsSetItOff() {
  testing::DiaryBuilder b;
  b.Mornings("2026-02-15", 42, 3);
  Session dead{.activity = "Deadlifts"}, swim{.activity = "swimming"};
  for (const char* d : {"2026-03-03", "2026-03-10", "2026-03-17", "2026-03-24"}) {
    b.With(d, dead).Morning((D(d) + 1).ToString().c_str(), 5.5);
  }
  for (const char* d :
       {"2026-03-05", "2026-03-12", "2026-03-15", "2026-03-19", "2026-03-21", "2026-03-26"}) {
    b.With(d, swim);
  }
  return b.Build();
}

// Most sessions followed by painkillers taken the evening before the morning after.
Diary Masked() {
  testing::DiaryBuilder b;
  b.Mornings("2026-03-01", 28, 3);
  for (const char* d : {"2026-03-16", "2026-03-19", "2026-03-22", "2026-03-25"}) {
    b.Session(d, 3, 3).Context(d, Context{.painkillers = true});
  }
  return b.Build();
}

Diary Quiet() {
  testing::DiaryBuilder b;
  b.Mornings("2026-03-01", 28, 3);
  for (const char* d : {"2026-03-16", "2026-03-19", "2026-03-22", "2026-03-25"}) b.Session(d, 3, 3);
  return b.Build();
}

class SummariesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("backsignal-summaries-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    path_ = (dir_ / "diary.db").string();
    Open();
    auto clin = db_->CreateAccount("dr.lee", "hash", "clinician", 1);
    ASSERT_TRUE(clin.has_value());
    clinician_ = clin->id;
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Open() {
    db_.reset();
    auto db = OpenDatabase("sqlite:" + path_, Opts());
    ASSERT_TRUE(db.has_value()) << db.error().message;
    db_ = std::move(*db);
  }
  PersonId Share(const char* name, const Diary& d) {
    auto a = db_->CreateAccount(name, "hash", "person", 1);
    EXPECT_TRUE(a.has_value());
    EXPECT_TRUE(db_->ForPerson(a->person)->Import(d, ImportMode::kRefuseClashes).has_value());
    EXPECT_TRUE(db_->CreateInvite(a->person, std::string("code-") + name, 10, 1000).has_value());
    EXPECT_EQ(db_->RedeemInvite(std::string("code-") + name, clinician_, 20).value(), a->person);
    return a->person;
  }
  std::vector<TriagedPerson> List() {
    auto list = db_->ClinicianList(clinician_, std::nullopt);
    EXPECT_TRUE(list.has_value());
    return Triage(*list, D("2026-03-29"));
  }

  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<Database> db_;
  int64_t clinician_ = 0;
};

TEST_F(SummariesTest, HeldBackByAndTheActivitiesSettingItOffOrderAndLabelTheList) {
  const PersonId quiet = Share("quinn", Quiet());
  const PersonId masked = Share("mia", Masked());
  const PersonId lifting = Share("dev", DeadliftsSetItOff());
  const auto list = List();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].summary.person, lifting);
  EXPECT_EQ(list[0].summary.verdict, "mixed");
  EXPECT_EQ(list[0].summary.setting_off, std::vector<std::string>{"deadlifts"});
  EXPECT_NE(std::find(list[0].needs.begin(), list[0].needs.end(), "activity_setting_off"),
            list[0].needs.end());
  EXPECT_EQ(list[1].summary.person, masked);
  EXPECT_EQ(list[1].summary.held_back_by, std::vector<std::string>{"painkillers"});
  EXPECT_EQ(list[1].needs, std::vector<std::string>{"masked_by_painkillers"});
  EXPECT_EQ(list[2].summary.person, quiet);
  EXPECT_EQ(list[2].summary.verdict, "helpful");
  EXPECT_TRUE(list[2].needs.empty());
  EXPECT_EQ(list[2].summary.rules, kReadingRules);
}

TEST_F(SummariesTest, ASummaryMadeUnderOlderRulesIsMadeAgainOnOpening) {
  const PersonId lifting = Share("dev", DeadliftsSetItOff());
  db_.reset();
  // As version 2 left it: pooled shares called it helpful, and nothing held it back.
  sqlite3* c = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &c), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(c,
                         "UPDATE summaries SET verdict = 'helpful', held_back_by = '', "
                         "setting_off = '', rules = 2",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(c);
  Open();
  const auto list = List();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].summary.person, lifting);
  EXPECT_EQ(list[0].summary.verdict, "mixed");
  EXPECT_EQ(list[0].summary.held_back_by, (std::vector<std::string>{"flares", "activity"}));
  EXPECT_EQ(list[0].summary.rules, kReadingRules);
}

// Function getting worse (the PSFS falling 2 points on the average against four weeks before)
// is a reason of its own, ranked after stirring up and before what holds a reading back; a fall
// of 1.5 points is "about the same" and no reason.
TEST(TriageTest, FunctionGettingWorseIsAReasonAndRanksThePersonAboveQuietOnes) {
  auto summary = [](PersonId id, const char* name) {
    PersonSummary p;
    p.person = id;
    p.username = name;
    p.last_date = D("2026-03-28");
    return p;
  };
  // Two activities rated four weeks apart: (a, b) then, (c, d) now.
  auto trend = [](int a, int b, int c, int d) {
    Measures m;
    m.weekly.push_back(Weekly{.date = D("2026-02-28"),
                              .psfs = {{"reaching overhead", a}, {"turning to look behind", b}}});
    m.weekly.push_back(Weekly{.date = D("2026-03-28"),
                              .psfs = {{"reaching overhead", c}, {"turning to look behind", d}}});
    return TrendOf(m, D("2026-03-29"));
  };
  std::vector<PersonSummary> people = {summary(1, "ana"), summary(2, "ben"), summary(3, "cy"),
                                       summary(4, "dee")};
  people[3].held_back_by = {"painkillers"};
  const std::vector<MeasuresTrend> trends = {
      trend(6, 6, 6, 6), trend(7, 7, 5, 5), trend(6, 6, 5, 4), {}};
  const auto list = Triage(people, D("2026-03-29"), trends);
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(list[0].summary.username, "ben");
  EXPECT_EQ(list[0].needs, std::vector<std::string>{"function_worse"});
  EXPECT_TRUE(list[0].function_worse);
  ASSERT_TRUE(list[0].function_change().has_value());
  EXPECT_DOUBLE_EQ(list[0].function_change()->delta, -2);
  EXPECT_EQ(list[1].summary.username, "dee");  // masked by painkillers
  EXPECT_FALSE(list[1].function.has_value());
  // cy fell 1.5 points: about the same, no reason; ana stayed.
  EXPECT_EQ(list[2].summary.username, "ana");
  EXPECT_EQ(list[3].summary.username, "cy");
  EXPECT_FALSE(list[3].function_worse);
  EXPECT_TRUE(list[3].needs.empty());
  EXPECT_DOUBLE_EQ(list[3].function_change()->delta, -1.5);
}

}  // namespace
}  // namespace backsignal::service
