// The border formats' building blocks: time zones, stable ids, iCalendar lines, FHIR ids.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "backsignal/io/fhir.h"
#include "backsignal/io/ical.h"
#include "backsignal/io/ids.h"
#include "backsignal/io/zone.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;

int64_t Utc(const char* iso) {
  // "2026-03-29T01:00:00"
  const Date d = D(std::string(iso, 10).c_str());
  const int h = std::stoi(std::string(iso + 11, 2)), m = std::stoi(std::string(iso + 14, 2));
  return int64_t{d.days()} * 86400 + h * 3600 + m * 60;
}

TEST(ZoneTest, UnknownZonesAreRefusedByName) {
  EXPECT_EQ(*ResolveTimeZone("Europe/London"), "Europe/London");
  auto bad = ResolveTimeZone("Europe/Atlantis");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("Europe/Atlantis"), std::string::npos);
  EXPECT_TRUE(ResolveTimeZone("").has_value());  // the machine's own
}

TEST(ZoneTest, LocalTimesBecomeInstantsAcrossDaylightSaving) {
  EXPECT_EQ(LocalToUnix("Europe/London", D("2026-03-28"), 18 * 60), Utc("2026-03-28T18:00"));
  EXPECT_EQ(LocalToUnix("Europe/London", D("2026-03-29"), 18 * 60), Utc("2026-03-29T17:00"));
  // 01:30 does not exist on the spring-forward morning: it is 02:30 BST, as clocks do.
  EXPECT_EQ(LocalToUnix("Europe/London", D("2026-03-29"), 90), Utc("2026-03-29T01:30"));
  // 01:30 happens twice on the autumn morning: the first, in BST.
  EXPECT_EQ(LocalToUnix("Europe/London", D("2026-10-25"), 90), Utc("2026-10-25T00:30"));
  EXPECT_EQ(FormatLocalWithOffset("Europe/London", Utc("2026-03-29T17:00")),
            "2026-03-29T18:00:00+01:00");
  EXPECT_EQ(FormatLocalWithOffset("America/St_Johns", Utc("2026-01-10T12:00")),
            "2026-01-10T08:30:00-03:30");
  EXPECT_EQ(FormatUtcBasic(Utc("2026-03-29T17:05")), "20260329T170500Z");
}

TEST(ZoneTest, HistoryListsEachChangeOnce) {
  const ZoneHistory h =
      ZoneHistoryBetween("Europe/London", Utc("2026-01-01T00:00"), Utc("2027-01-01T00:00"));
  EXPECT_EQ(h.initial_offset, 0);
  ASSERT_EQ(h.transitions.size(), 2u);
  EXPECT_EQ(h.transitions[0].at, Utc("2026-03-29T01:00"));
  EXPECT_TRUE(h.transitions[0].daylight);
  EXPECT_EQ(h.transitions[0].offset_after, 3600);
  EXPECT_EQ(h.transitions[1].at, Utc("2026-10-25T01:00"));
  EXPECT_TRUE(ZoneHistoryBetween("Asia/Tokyo", Utc("2026-01-01T00:00"), Utc("2036-01-01T00:00"))
                  .transitions.empty());
}

TEST(IdsTest, StableUuidsAreStableDistinctAndWellFormed) {
  const std::string a = StableUuid("k", "procedure/2026-01-01/1");
  EXPECT_EQ(a, StableUuid("k", "procedure/2026-01-01/1"));
  EXPECT_NE(a, StableUuid("k", "procedure/2026-01-01/2"));
  EXPECT_NE(a, StableUuid("j", "procedure/2026-01-01/1"));
  ASSERT_EQ(a.size(), 36u);
  EXPECT_EQ(a[14], '8');                                          // version 8
  EXPECT_NE(std::string("89ab").find(a[19]), std::string::npos);  // RFC 4122 variant
}

TEST(IdsTest, SecretsAreRandomAndOnlyTheirHashMatches) {
  const std::string t = NewSecretToken();
  EXPECT_EQ(t.size(), 43u);
  EXPECT_NE(t, NewSecretToken());
  const std::string h = HashSecret(t);
  EXPECT_EQ(h.size(), 64u);
  EXPECT_TRUE(SecretMatches(t, h));
  EXPECT_FALSE(SecretMatches(t + "x", h));
  EXPECT_FALSE(SecretMatches(t, ""));
}

TEST(IcalTest, LinesFoldAt75OctetsNeverInsideACharacter) {
  EXPECT_EQ(FoldIcsLine("SUMMARY:short"), "SUMMARY:short\r\n");
  const std::string long_line = "DESCRIPTION:" + std::string(100, 'a');
  const std::string folded = FoldIcsLine(long_line);
  EXPECT_EQ(folded, long_line.substr(0, 75) + "\r\n " + long_line.substr(75) + "\r\n");
  // A two-byte character that would straddle the 75th octet moves to the next line whole.
  const std::string accents = "SUMMARY:" + std::string(66, 'x') + "\xC3\xA9\xC3\xA9\xC3\xA9";
  const std::string f2 = FoldIcsLine(accents);
  const size_t cut = f2.find("\r\n ");
  ASSERT_NE(cut, std::string::npos);
  EXPECT_EQ(cut, 74u);
  std::string unfolded = f2;
  unfolded.erase(cut, 3);
  EXPECT_EQ(unfolded, accents + "\r\n");
}

TEST(IcalTest, FoldingAlwaysAdvancesOnTextThatIsNotUtf8) {
  // 200 continuation bytes: no start of a character to back up to (it looped for ever).
  const std::string odd = "SUMMARY:" + std::string(200, '\x80');
  const std::string folded = FoldIcsLine(odd);
  std::string unfolded = folded;
  for (size_t at = unfolded.find("\r\n "); at != std::string::npos; at = unfolded.find("\r\n ")) {
    unfolded.erase(at, 3);
  }
  EXPECT_EQ(unfolded, odd + "\r\n");
  for (size_t start = 0, end; (end = folded.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    EXPECT_LE(end - start, 75u);
  }
}

TEST(IcalTest, TextIsEscaped) { EXPECT_EQ(EscapeIcsText("a,b;c\\d\ne\rf"), "a\\,b\\;c\\\\d\\nef"); }

TEST(IcalTest, ASessionWithoutATimeIsAnAllDayEventWithoutAlarm) {
  Diary d;
  Day day{.date = D("2026-05-01")};
  day.sessions.push_back(Session{.minutes = 30});
  d.days.push_back(day);
  const std::string ics = DiaryToIcs(d, Profile{.person_key = "k"}, "UTC", D("2026-05-02"), 0);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20260501\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTEND;VALUE=DATE:20260502\r\n"), std::string::npos);
  // One alarm only: the morning reminder's.
  size_t alarms = 0;
  for (size_t p = ics.find("BEGIN:VALARM"); p != std::string::npos;
       p = ics.find("BEGIN:VALARM", p + 1))
    ++alarms;
  EXPECT_EQ(alarms, 1u);
}

TEST(FhirTest, ExportsDifferOnlyInTheirTimestamp) {
  const Diary d = testing::RandomDiary(3, 30);
  const Profile p{.person_key = "0123456789abcdef0123456789abcdef"};
  auto a = nlohmann::json::parse(DiaryToFhirJson(d, p, "Europe/Paris", 1000));
  auto b = nlohmann::json::parse(DiaryToFhirJson(d, p, "Europe/Paris", 2000));
  EXPECT_NE(a["timestamp"], b["timestamp"]);
  a.erase("timestamp");
  b.erase("timestamp");
  EXPECT_EQ(a, b);
  // Another person's export shares no id.
  auto c = nlohmann::json::parse(
      DiaryToFhirJson(d, Profile{.person_key = "other"}, "Europe/Paris", 1000));
  EXPECT_NE(a["entry"][0]["fullUrl"], c["entry"][0]["fullUrl"]);
}

}  // namespace
}  // namespace backsignal
