#include "backsignal/words/safety.h"

#include <gtest/gtest.h>

namespace backsignal {
namespace {

// Every question answered no (the follow-up only when its lead is yes).
std::map<std::string, bool> AllNo() {
  std::map<std::string, bool> a;
  for (const SafetyQuestion& q : SafetyQuestions()) {
    if (q.follows.empty()) a[std::string(q.id)] = false;
  }
  return a;
}

TEST(SafetyWordsTest, EveryQuestionHasWordsAndEveryLevelAdvice) {
  for (const SafetyQuestion& q : SafetyQuestions()) {
    EXPECT_FALSE(SafetyQuestionText(q.id).empty()) << q.id;
  }
  EXPECT_NE(SafetyAdvice(Urgency::kEmergency, "Europe/London").find("999"), std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kEmergency, "Europe/Paris").find("112"), std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kEmergency, "America/Chicago").find("911"), std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kEmergency, "Australia/Sydney").find("000"), std::string::npos);
  // South America is not North America: no guessed number, the general words instead.
  EXPECT_EQ(EmergencyNumber("America/Sao_Paulo"), "");
  EXPECT_NE(SafetyAdvice(Urgency::kEmergency, "America/Sao_Paulo").find("local emergency number"),
            std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kSameDay, "").find("today"), std::string::npos);
  EXPECT_NE(SafetyAdvice(Urgency::kSoon, "").find("soon"), std::string::npos);
}

TEST(SafetyWordsTest, TheReportNamesTheYesAnswersAndTheClearance) {
  SafetyRecord r;
  r.answers = AllNo();
  r.answers["cough_blood"] = true;
  r.outcome = Urgency::kSameDay;
  r.answered_at = 100;
  const std::string paused = SafetyReportText(r, *Date::Parse("2026-11-20"));
  EXPECT_NE(paused.find("answered on 2026-11-20"), std::string::npos);
  EXPECT_NE(paused.find("coughed up blood"), std::string::npos);
  EXPECT_NE(paused.find("paused"), std::string::npos);
  r.cleared_on = *Date::Parse("2026-11-22");
  r.cleared_at = 200;
  const std::string cleared = SafetyReportText(r, *Date::Parse("2026-11-20"));
  EXPECT_NE(cleared.find("seen on 2026-11-22"), std::string::npos);
  EXPECT_EQ(cleared.find("paused"), std::string::npos);
  EXPECT_NE(SafetyReportText(std::nullopt, {}).find("not been answered"), std::string::npos);
}

}  // namespace
}  // namespace backsignal
