// The reading's words over every scenario diary and 200 random ones: no statistics jargon, no
// field names, and no sentence the counts beside it contradict (reading.md §5).
#include "backsignal/words/words.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "backsignal/io/diary_json.h"
#include "test_diaries.h"

#ifndef BACKSIGNAL_SCENARIO_DIR
#error "BACKSIGNAL_SCENARIO_DIR must name tests/scenarios"
#endif

namespace backsignal {
namespace {

using testing::D;

struct Case {
  std::string name;
  Diary diary;
  Date as_of;
};

std::vector<Case> Cases() {
  std::vector<Case> out;
  for (const auto& entry : std::filesystem::directory_iterator(BACKSIGNAL_SCENARIO_DIR)) {
    std::ifstream in(entry.path() / "diary.json");
    std::stringstream ss;
    ss << in.rdbuf();
    auto diary = ParseDiaryJson(ss.str());
    if (!diary) {
      ADD_FAILURE() << entry.path() << ": " << diary.error().message;
      continue;
    }
    std::ifstream ein(entry.path() / "expect.json");
    std::stringstream es;
    es << ein.rdbuf();
    const std::string expect = es.str();
    const size_t at = expect.find("\"as_of\"");
    const Date as_of = *Date::Parse(expect.substr(expect.find('"', at + 7) + 1, 10));
    out.push_back({entry.path().filename().string(), std::move(*diary), as_of});
  }
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    Diary d = testing::RandomDiary(seed, static_cast<int>(20 + seed % 100));
    const Date as_of = d.days.empty() ? D("2026-03-01") : d.days.back().date - seed % 4;
    out.push_back({"random " + std::to_string(seed), std::move(d), as_of});
  }
  return out;
}

std::vector<std::string> AllText(const ReadingWords& w) {
  std::vector<std::string> t = {w.title,     w.explanation,       w.usual, w.progress,
                                w.next_step, w.associations_note, w.as_of};
  t.insert(t.end(), w.evidence.begin(), w.evidence.end());
  t.insert(t.end(), w.cautions.begin(), w.cautions.end());
  for (const AlertWords& a : w.alerts) t.push_back(a.text);
  for (const SessionWords& s : w.sessions) {
    for (const std::string* x : {&s.heading, &s.during, &s.hour_after, &s.morning, &s.also}) {
      t.push_back(*x);
    }
  }
  for (const AssociationWords& a : w.associations) t.push_back(a.text);
  return t;
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(WordsTest, NoJargonAndNoContradictionOverEveryScenarioAndRandomDiary) {
  const std::regex jargon(
      R"((\bp ?[=<]|p-value|Theil|CUSUM|[Mm]edian|Fisher|Bonferroni|\b[a-z]+_[a-z_]+\b|\bnull\b|\bNaN\b))");
  // Grammar of counts: never "your 1 session" or "1 sessions" ("1 of 3 sessions" is right).
  const std::regex bad_count(
      R"((\byour 1 |(?:^|[^f] )\b1 (?:exercise )?(?:days|sessions|mornings)\b))");
  const std::regex of_counts(
      R"((\d+) of (\d+) exercise days? (?:was|were) followed by a (significantly worse|noticeably higher))");
  int checked = 0, hits = 0;
  for (const Case& c : Cases()) {
    // Activities and notes are the person's own words, not ours: leave them out.
    Diary plain = c.diary;
    for (Day& d : plain.days) {
      for (Session& s : d.sessions) s.activity.reset();
    }
    const Settings s;
    const Reading r = Read(plain, c.as_of, s);
    const ReadingWords w = WordsFor(r, s);
    const Trend& t = r.trend;
    ++checked;
    for (const std::string& text : AllText(w)) {
      std::smatch m;
      if (std::regex_search(text, m, jargon)) {
        ++hits;
        ADD_FAILURE() << c.name << ": jargon \"" << m.str() << "\" in: " << text;
      }
      if (std::regex_search(text, m, bad_count)) {
        ++hits;
        ADD_FAILURE() << c.name << ": count grammar \"" << m.str() << "\" in: " << text;
      }
    }
    // Every count of exercise days said is the reading's own.
    std::string said = w.explanation;
    for (const std::string& line : w.held_back) said += " " + line;
    for (const std::string& text : [&] {
           std::vector<std::string> v = w.evidence;
           v.push_back(said);
           return v;
         }()) {
      for (auto it = std::sregex_iterator(text.begin(), text.end(), of_counts);
           it != std::sregex_iterator(); ++it) {
        const int k = std::stoi((*it)[1]), n = std::stoi((*it)[2]);
        const int expected = (*it)[3] == "significantly worse" ? t.flared_days : t.raised_days;
        if (k != expected || n != t.session_days) {
          ++hits;
          ADD_FAILURE() << c.name << ": says " << it->str() << " but the counts are " << expected
                        << " of " << t.session_days;
        }
      }
    }
    // Claims the explanation may make only when the reading supports them.
    auto claim = [&](const std::string& phrase, bool supported) {
      if (Contains(said, phrase) && !supported) {
        ++hits;
        ADD_FAILURE() << c.name << ": \"" << phrase << "\" in: " << said;
      }
    };
    claim("rising on rest days too", t.baseline == Baseline::kCreeping);
    claim("less comfortable", t.comfort == Comfort::kLessComfortable);
    claim("more comfortable", t.comfort == Comfort::kMoreComfortable);
    claim("within a helpful range for your mid back", t.verdict == Verdict::kHelpful);
    claim("higher than the fortnight before", t.baseline == Baseline::kCreeping);
    claim("lower than the fortnight before", t.baseline == Baseline::kImproving);
    // And what the words must say.
    if (t.verdict == Verdict::kHelpful) {
      EXPECT_TRUE(Contains(said, "within a helpful range"));
    }
    if (t.verdict == Verdict::kMixed) {
      EXPECT_EQ(w.held_back.size(), t.held_back_by.size()) << c.name;
    }
    if (t.verdict == Verdict::kNotEnoughData && !r.usual.pain) {
      EXPECT_TRUE(Contains(said, "a morning after a day without exercise, or your usual morning"))
          << c.name;
    }
    for (const AlertWords& a : w.alerts) {
      if (a.kind == AlertKind::kKeepsRising) {
        EXPECT_TRUE(Contains(a.text, "talk to a clinician")) << c.name;
        EXPECT_TRUE(Contains(w.next_step, "clinician")) << c.name;
      }
    }
    const bool less_sure = t.missing_mornings >= 2 && t.missing_mornings * 10 > t.exercise_days * 3;
    bool said_less_sure = false;
    for (const std::string& x : w.cautions) said_less_sure |= Contains(x, "less sure");
    EXPECT_EQ(said_less_sure, less_sure) << c.name;
    if (t.verdict == Verdict::kMixed && t.baseline == Baseline::kCreeping &&
        (!t.exercise_effect || *t.exercise_effect < s.exercise_effect)) {
      EXPECT_TRUE(Contains(said, "rising on rest days too")) << c.name;
    }
  }
  EXPECT_GE(checked, 220);
  EXPECT_EQ(hits, 0);
}

TEST(WordsTest, ANextStepNamesAFactorOnlyPastTheBar) {
  // Six exercise days with rotation all followed by a higher morning, six without none.
  Diary d;
  const Date start = D("2026-09-01");
  for (int i = 0; i < 14; ++i)
    d.days.push_back(Day{.date = start + i, .morning = Morning{testing::S(3), {}}});
  Date at = start + 14;
  for (int i = 0; i < 12; ++i) {
    Session s;
    if (i % 2 == 0) s.load.Add(Load::kRotation);
    d.days.push_back(Day{.date = at, .morning = Morning{testing::S(3), {}}, .sessions = {s}});
    d.days.push_back(Day{.date = at + 1, .morning = Morning{testing::S(i % 2 == 0 ? 6 : 3), {}}});
    d.days.push_back(Day{.date = at + 2, .morning = Morning{testing::S(3), {}}});
    at = at + 3;
  }
  const Reading r = Read(d, d.days.back().date, {});
  const ReadingWords w = WordsFor(r, {});
  // Mixed over the last fortnight: the next step names the clearest factor all the same.
  ASSERT_EQ(r.trend.verdict, Verdict::kMixed) << w.explanation;
  EXPECT_TRUE(Contains(w.next_step,
                       "The clearest so far: mornings were more often higher after "
                       "days with sustained rotation"))
      << w.next_step;
  ASSERT_FALSE(w.associations.empty());
  EXPECT_TRUE(w.associations.front().named);
  EXPECT_TRUE(Contains(w.associations.front().text, "6 of 6 times")) << w.associations.front().text;
  // Arms away on exactly the same days: named together, neither "above all" alone.
  for (Day& day : d.days) {
    for (Session& s : day.sessions) {
      if (s.load.Has(Load::kRotation)) s.load.Add(Load::kArmsAway);
    }
  }
  const Reading both = Read(d, d.days.back().date, {});
  const std::string step = WordsFor(both, {}).next_step;
  EXPECT_TRUE(Contains(step, "same days")) << step;
  EXPECT_TRUE(Contains(step, "rotation") && Contains(step, "arms")) << step;
}

TEST(WordsTest, PersonDatesAndNumbers) {
  EXPECT_EQ(PersonDate(D("2026-11-02")), "Mon 2 Nov");
  EXPECT_EQ(PersonDate(D("2026-11-28"), true), "Sat 28 Nov 2026");
  EXPECT_EQ(FormatScoreNumber(3), "3");
  EXPECT_EQ(FormatScoreNumber(3.5), "3.5");
  EXPECT_EQ(FormatScoreNumber(3.25), "3.25");
}

}  // namespace
}  // namespace backsignal
