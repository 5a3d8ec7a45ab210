#include "backsignal/words/safety.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "safety_answers.h"

namespace backsignal {
namespace {

// Every question answered no (the follow-up only when its lead is yes).
using testing::AllNo;

TEST(SafetyWordsTest, EveryQuestionHasWordsAndEveryLevelAdvice) {
  for (const SafetyQuestion& q : SafetyQuestions()) {
    EXPECT_FALSE(SafetyQuestionText(q.id).empty()) << q.id;
  }
  EXPECT_NE(SafetyAdvice(Urgency::kEmergency, "Europe/London").find("call 999 now"),
            std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kEmergency, "Europe/Paris").find("call 112 or 15 now"),
            std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kEmergency, "America/Chicago").find("call 911 now"),
            std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kEmergency, "Australia/Sydney").find("call 000 now"),
            std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kSameDay, "Asia/Tokyo").find("call 119 now"), std::string::npos);
  // No zone: no guessed number, the general words instead.
  EXPECT_EQ(EmergencyNumber(""), "");
  EXPECT_NE(SafetyAdvice(Urgency::kEmergency, "").find("local emergency number"),
            std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kSameDay, "").find("today"), std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kSoon, "").find("soon"), std::string::npos);
}

TEST(SafetyWordsTest, TheEmergencyNumberIsTheCountrysFromTheZone) {
  const EmergencyContact tokyo = EmergencyFor("Asia/Tokyo");
  EXPECT_EQ(tokyo.country_code, "JP");
  EXPECT_EQ(tokyo.country, "Japan");
  EXPECT_EQ(tokyo.numbers, std::vector<std::string>{"119"});
  EXPECT_EQ(EmergencyNumber("Europe/London"), "999");
  EXPECT_EQ(EmergencyNumber("America/Sao_Paulo"), "192");
  EXPECT_EQ(EmergencyNumber("America/Los_Angeles"), "911");
  EXPECT_EQ(EmergencyNumber("Pacific/Auckland"), "111");
  EXPECT_EQ(EmergencyFor("Europe/Zurich").numbers, (std::vector<std::string>{"112", "144"}));
  // An older name a browser may report is the country of the zone it stands for.
  EXPECT_EQ(EmergencyFor("Asia/Calcutta").country_code, "IN");
  EXPECT_EQ(EmergencyFor("US/Pacific").country_code, "US");
  // A country the source has no ambulance number for says so, and names what works anyway.
  const std::string seoul = EmergencyCallWords("Asia/Seoul");
  EXPECT_NE(seoul.find("does not know it for Korea (South)"), std::string::npos) << seoul;
  EXPECT_NE(seoul.find("112 or 911"), std::string::npos) << seoul;
  EXPECT_EQ(EmergencyFor("Etc/UTC").country_code, "");
}

// Every zone of the system's zone.tab is in a country, and every country has its numbers, but
// for those the source has no ambulance number for (listed in docs/safety.md).
TEST(SafetyWordsTest, EveryZoneOfEveryCountryHasItsNumbersOrSaysTheyAreUnknown) {
  const std::set<std::string> unknown = {"AQ", "AX", "BJ", "BL", "BQ", "CC", "CD", "CG", "CW", "CX",
                                         "EH", "GG", "GQ", "GS", "IM", "JE", "KM", "KR", "MF", "MQ",
                                         "NF", "PN", "SJ", "SX", "TD", "TF", "TG", "UM", "YT"};
  std::ifstream tab("/usr/share/zoneinfo/zone.tab");
  ASSERT_TRUE(tab) << "tzdata's zone.tab";
  std::set<std::string> countries;
  int zones = 0;
  for (std::string line; std::getline(tab, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream cols(line);
    std::string code, coords, zone;
    std::getline(cols, code, '\t');
    std::getline(cols, coords, '\t');
    std::getline(cols, zone, '\t');
    const EmergencyContact c = EmergencyFor(zone);
    EXPECT_EQ(c.country_code, code) << zone;
    EXPECT_FALSE(c.country.empty()) << zone;
    EXPECT_EQ(c.numbers.empty(), unknown.contains(code)) << zone << " in " << c.country;
    countries.insert(code);
    ++zones;
  }
  EXPECT_GT(zones, 400);
  EXPECT_GT(countries.size(), 240u);
  for (const std::string& code : unknown) EXPECT_TRUE(countries.contains(code)) << code;
}

TEST(SafetyWordsTest, TheReportNamesTheYesAnswersAndTheClearance) {
  SafetyRecord r;
  r.answers = AllNo();
  r.answers["cough_blood"] = true;
  r.outcome = Urgency::kSameDay;
  r.answered_at = 100;
  const std::string paused = SafetyReportText(r, *Date::Parse("2026-11-20"));
  EXPECT_NE(paused.find("answered on Fri 20 Nov 2026"), std::string::npos);
  EXPECT_NE(paused.find("coughed up blood"), std::string::npos);
  EXPECT_NE(paused.find("paused"), std::string::npos);
  r.cleared_on = *Date::Parse("2026-11-22");
  r.cleared_at = 200;
  const std::string cleared = SafetyReportText(r, *Date::Parse("2026-11-20"));
  EXPECT_NE(cleared.find("seen on Sun 22 Nov 2026"), std::string::npos);
  EXPECT_EQ(cleared.find("paused"), std::string::npos);
  EXPECT_NE(SafetyReportText(std::nullopt, {}).find("not been answered"), std::string::npos);
}

}  // namespace
}  // namespace backsignal
