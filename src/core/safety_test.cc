#include "backsignal/core/safety.h"

#include <gtest/gtest.h>

#include "safety_answers.h"

namespace backsignal {
namespace {

// Every question answered no (the follow-up only when its lead is yes).
using testing::AllNo;

// The message with its details, as a person sees them.
std::string Said(const Error& e) {
  std::string out = e.message;
  for (const std::string& d : e.details) out += "\n" + d;
  return out;
}

Urgency With(std::map<std::string, bool> a) {
  auto u = UrgencyOf(a);
  EXPECT_TRUE(u.has_value()) << u.error().message;
  return u.value_or(Urgency::kClear);
}

TEST(SafetyTest, AllNoIsClear) { EXPECT_EQ(With(AllNo()), Urgency::kClear); }

TEST(SafetyTest, EachYesHasItsLevel) {
  const std::map<std::string, Urgency> expected = {
      {"chest_breathless", Urgency::kEmergency},
      {"chest_heart", Urgency::kEmergency},
      {"tearing", Urgency::kEmergency},
      {"legs_bladder", Urgency::kEmergency},
      {"chest_exertion", Urgency::kSameDay},
      {"cough_blood", Urgency::kSameDay},
      {"breathing_calf", Urgency::kSameDay},
      {"unsteady_numb_band", Urgency::kSameDay},
      {"age_at_onset", Urgency::kSoon},
      {"bones_steroids_strain", Urgency::kSoon},
      {"immune_infection_surgery", Urgency::kSoon},
      {"fever_unwell", Urgency::kSoon},
      {"weight_loss", Urgency::kSoon},
      {"night_pain", Urgency::kSoon},
      {"eating_jaundice_urine", Urgency::kSoon},
      {"band_rash", Urgency::kSoon},
      {"injury", Urgency::kSoon},
  };
  for (const auto& [id, level] : expected) {
    auto a = AllNo();
    ASSERT_TRUE(a.contains(id)) << id;
    a[id] = true;
    EXPECT_EQ(With(a), level) << id;
  }
}

TEST(SafetyTest, TheMostUrgentYesWins) {
  auto a = AllNo();
  a["night_pain"] = true;
  a["cough_blood"] = true;
  EXPECT_EQ(With(a), Urgency::kSameDay);
  a["tearing"] = true;
  EXPECT_EQ(With(a), Urgency::kEmergency);
}

TEST(SafetyTest, AnEmergencyYesNeedsNoMoreAnswers) {
  EXPECT_EQ(With({{"chest_breathless", false}, {"chest_heart", true}}), Urgency::kEmergency);
  // Anything less urgent still needs every answer.
  EXPECT_FALSE(UrgencyOf({{"chest_exertion", true}}).has_value());
  EXPECT_FALSE(UrgencyOf({{"chest_heart", true}, {"nonsense", true}}).has_value());
}

TEST(SafetyTest, ACancerHistoryAloneDoesNotLockASurvivorOut) {
  auto a = AllNo();
  a["cancer_history"] = true;
  // The follow-up must then be answered.
  auto missing = UrgencyOf(a);
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(Said(missing.error()).find("cancer_new_pain: not answered"), std::string::npos);
  a["cancer_new_pain"] = false;
  EXPECT_EQ(With(a), Urgency::kClear);
  a["cancer_new_pain"] = true;
  EXPECT_EQ(With(a), Urgency::kSoon);
  // Without the history, the follow-up is not asked and does not count.
  a["cancer_history"] = false;
  EXPECT_EQ(With(a), Urgency::kClear);
}

TEST(SafetyTest, MissingAndUnknownAnswersAreNamed) {
  auto a = AllNo();
  a.erase("tearing");
  a["made_up"] = true;
  auto u = UrgencyOf(a);
  ASSERT_FALSE(u.has_value());
  EXPECT_EQ(u.error().kind, ErrorKind::kInvalid);
  EXPECT_NE(Said(u.error()).find("tearing: not answered"), std::string::npos);
  EXPECT_NE(Said(u.error()).find("made_up: not a question"), std::string::npos);
}

TEST(SafetyTest, AnswersRoundTripThroughTheirStoredForm) {
  auto a = AllNo();
  a["night_pain"] = true;
  auto back = ParseSafetyAnswers(FormatSafetyAnswers(a));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, a);
  EXPECT_FALSE(ParseSafetyAnswers("tearing=2").has_value());
  EXPECT_FALSE(ParseSafetyAnswers("tearing").has_value());
  EXPECT_EQ(ParseSafetyAnswers("")->size(), 0u);
  for (Urgency u : {Urgency::kClear, Urgency::kSoon, Urgency::kSameDay, Urgency::kEmergency}) {
    EXPECT_EQ(ParseUrgency(Name(u)), u);
  }
}

}  // namespace
}  // namespace backsignal
