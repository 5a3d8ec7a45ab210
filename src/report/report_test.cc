// The report's charts are deterministic: golden files of their SVG, and the page's promises
// (no script, no outside request, everything asked for is there).
#include "backsignal/report/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "backsignal/words/words.h"
#include "test_diaries.h"

#ifndef BACKSIGNAL_GOLDEN_DIR
#error "BACKSIGNAL_GOLDEN_DIR must name tests/golden"
#endif

namespace backsignal {
namespace {

using testing::D;

// Two weeks with flares, a sharp session, confounders, a note and two sessions on one day.
Diary GoldenDiary() {
  testing::DiaryBuilder b;
  b.Mornings("2026-03-01", 28, 3);
  Session swim{.time = TimeOfDay::FromMinutes(18 * 60), .minutes = 40, .activity = "swimming"};
  swim.load.Add(Load::kRotation);
  swim.during = {.start = testing::S(3), .end = testing::S(5), .pattern = Pattern::kBuilding};
  swim.hour_after = {.pain = testing::S(5), .tighter = true};
  Session row{.time = TimeOfDay::FromMinutes(7 * 60 + 30),
              .minutes = 25,
              .activity = "rowing <easy> & \"short\""};
  row.during = {.start = testing::S(2), .end = testing::S(2.5), .sharp = true};
  row.hour_after = {.pain = testing::S(2)};
  for (const char* d : {"2026-03-16", "2026-03-19", "2026-03-22", "2026-03-25"}) b.With(d, swim);
  b.With("2026-03-20", row).With("2026-03-22", row);
  for (const char* d : {"2026-03-17", "2026-03-20", "2026-03-23"}) b.Morning(d, 6, 5);
  b.Context("2026-03-22", Context{.sitting_hours = 9});
  Diary diary = b.Build();
  for (Day& day : diary.days) {
    if (day.date == D("2026-03-19")) day.note = "tight after the pool <again>";
  }
  return diary;
}

std::string Golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(BACKSIGNAL_GOLDEN_DIR) + "/" + name;
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    return actual;
  }
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing golden file " << path << " (run with UPDATE_GOLDEN=1)";
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ReportTest, MorningChartMatchesItsGoldenFile) {
  const std::string svg =
      MorningChartSvg(GoldenDiary(), Settings{}, D("2026-03-15"), D("2026-03-28"));
  EXPECT_EQ(svg, Golden("morning_chart.svg", svg));
  // Three flares, drawn red; the sharp session marked.
  size_t flares = 0;
  for (size_t p = svg.find("class=\"morning flare\" cx"); p != std::string::npos;
       p = svg.find("class=\"morning flare\" cx", p + 1))
    ++flares;
  EXPECT_EQ(flares, 1u + 3u);  // the legend's, and three mornings
  EXPECT_NE(svg.find("session sharp"), std::string::npos);
}

TEST(ReportTest, ComfortChartMatchesItsGoldenFile) {
  const std::string svg =
      ComfortChartSvg(GoldenDiary(), Settings{}, D("2026-03-15"), D("2026-03-28"));
  EXPECT_EQ(svg, Golden("comfort_chart.svg", svg));
}

TEST(ReportTest, LongerReportsChartEveryDayAndLabelWeekly) {
  const Diary d = GoldenDiary();
  const std::string svg = MorningChartSvg(d, Settings{}, D("2026-01-05"), D("2026-03-29"));
  EXPECT_EQ(svg, Golden("morning_chart_12_weeks.svg", svg));
}

TEST(ReportTest, ThePageIsSelfContainedAndHoldsWhatWasAskedFor) {
  ReportOptions o{.weeks = 2, .as_of = D("2026-03-28"), .generated = "2026-03-28 10:00 UTC"};
  const std::string html = RenderReportHtml(GoldenDiary(), Settings{}, o);
  EXPECT_EQ(html, RenderReportHtml(GoldenDiary(), Settings{}, o)) << "deterministic";
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  for (const char* part :
       {"Verdict: Exercise may be stirring things up", "Usual morning", "<svg", "Alerts",
        "Sharp or catching pain during rowing &lt;easy&gt; &amp; &quot;short&quot; on Fri 20 Mar",
        "Sessions", "rowing &lt;easy&gt; &amp; &quot;short&quot;",
        "tight after the pool &lt;again&gt;", "Thresholds in force",
        "Points above the usual morning (pain or stiffness) that make a morning significantly "
        "worse (a flare): <b>2</b>",
        "Farrar", "@page", "9 hours of sitting, unusual for them", "Next step:"}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  Settings changed;
  changed.significant_change = 2.5;
  EXPECT_NE(RenderReportHtml(GoldenDiary(), changed, o).find("(changed; default 2; source: Farrar"),
            std::string::npos);
}

TEST(ReportTest, SettingsAreNamedInWordsAndPointNowhereAClinicianCannotOpen) {
  ReportOptions o{.weeks = 2, .as_of = D("2026-03-28")};
  const std::string html = RenderReportHtml(GoldenDiary(), Settings{}, o);
  EXPECT_EQ(html.find("docs/"), std::string::npos);
  EXPECT_EQ(html.find(".md"), std::string::npos);
  for (const SettingInfo& info : AllSettings()) {
    // No setting's code name reaches the clinician (the words say what it is).
    if (info.name.find('_') == std::string_view::npos) continue;  // "stress" is also a word
    EXPECT_EQ(html.find(">" + std::string(info.name)), std::string::npos) << info.name;
    EXPECT_EQ(html.find(" " + std::string(info.name) + " "), std::string::npos) << info.name;
  }
}

TEST(ReportTest, APinnedNoteShowsWhateverItsDateAndOnlyOnce) {
  ReportOptions o{.weeks = 2, .as_of = D("2026-03-28")};
  Diary d = GoldenDiary();
  Day old{.date = D("2025-06-01"), .note = "GP says osteopenia", .note_pinned = true};
  d.days.insert(d.days.begin(), old);
  d.days.back().note = "pinned in the window";
  d.days.back().note_pinned = true;
  const std::string html = RenderReportHtml(d, Settings{}, o);
  const size_t section = html.find("<h2>Pinned notes</h2>");
  ASSERT_NE(section, std::string::npos);
  EXPECT_NE(html.find("GP says osteopenia", section), std::string::npos);
  EXPECT_NE(html.find("2025", section), std::string::npos) << "an old note's year is given";
  const size_t in_window = html.find("pinned in the window");
  ASSERT_NE(in_window, std::string::npos);
  EXPECT_EQ(html.find("pinned in the window", in_window + 1), std::string::npos) << "once";
  // Not pinned, an old note stays out of a report whose dates do not hold it.
  d.days.front().note_pinned = false;
  EXPECT_EQ(RenderReportHtml(d, Settings{}, o).find("GP says osteopenia"), std::string::npos);
}

TEST(ReportTest, FallsAndInjuriesAreListedWithTheirDates) {
  ReportOptions o{.weeks = 2, .as_of = D("2026-03-28")};
  Diary d = GoldenDiary();
  d.days.back().context.injury = Injury::kFall;
  const std::string html = RenderReportHtml(d, Settings{}, o);
  EXPECT_NE(html.find("<b>Falls or injuries:</b> a fall on " + PersonDate(d.days.back().date)),
            std::string::npos);
}

TEST(ReportTest, SleepStressPainkillersAndOwnFactorsInOneLine) {
  ReportOptions o{.weeks = 2, .as_of = D("2026-03-28")};
  EXPECT_EQ(RenderReportHtml(GoldenDiary(), Settings{}, o).find("<b>Sleep:</b>"), std::string::npos)
      << "no line when none were recorded";
  Diary d = GoldenDiary();
  for (Day& day : d.days) {
    if (day.date == D("2026-03-17") || day.date == D("2026-03-20")) {
      day.context.sleep_hours = 5;
      day.context.painkillers = true;
      day.context.painkiller_name = "ibuprofen <400>";
      day.context.tags = std::vector<std::string>{"long drive"};
    }
    if (day.date == D("2026-03-21")) {
      day.context.sleep_hours = 8;
      day.context.stress = testing::S(7);
    }
  }
  const std::string html = RenderReportHtml(d, Settings{}, o);
  for (const char* part : {"<b>Sleep:</b> 3 nights recorded, 6 h on average, 2 under 6 h.",
                           "<b>Stress:</b> 1 day rated, 7/10 on average, 1 at 6 or more.",
                           "<b>Painkillers:</b> on 2 days (ibuprofen &lt;400&gt; 2 days).",
                           "<b>Own factors:</b> long drive 2 days."}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
}

TEST(ReportTest, AnEmptyDiarySaysSo) {
  ReportOptions o{.weeks = 4, .as_of = D("2026-03-28")};
  const std::string html = RenderReportHtml(Diary{}, Settings{}, o);
  EXPECT_NE(html.find("Not enough data yet"), std::string::npos);
  EXPECT_NE(html.find("No mornings recorded in these dates"), std::string::npos);
  EXPECT_NE(html.find("No sessions recorded in these dates"), std::string::npos);
}

TEST(ReportTest, MeasuresNowAgainstFourAndEightWeeksBeforeAndFlaresInTheSessionsTable) {
  Diary diary = GoldenDiary();
  diary.measures.weekly = {
      Weekly{.date = D("2026-01-31"), .peg = Peg{6, 6, 6}, .psfs = {{"reaching overhead", 2}}},
      Weekly{.date = D("2026-02-28"), .peg = Peg{5, 5, 5}, .psfs = {{"reaching overhead", 5}}},
      Weekly{.date = D("2026-03-28"), .peg = Peg{4, 4, 4}, .psfs = {{"reaching overhead", 6}}}};
  diary.measures.flares = {Flare{.date = D("2026-03-21"),
                                 .time = TimeOfDay::FromMinutes(14 * 60 + 20),
                                 .pain = testing::S(7),
                                 .sharp = true,
                                 .note = "lifting <the> kettle"}};
  ReportOptions o{.weeks = 2, .as_of = D("2026-03-28"), .person_name = "Sam"};
  const std::string html = RenderReportHtml(diary, Settings{}, o);
  for (const char* part :
       {"<h2>Function and pain over the weeks</h2>",
        // The PSFS: +1 in four weeks is about the same; +4 in eight is better.
        "Function (PSFS average, 0 = unable, 10 = as before) 6 on Sat 28 Mar; four weeks before 5 "
        "(Sat 28 Feb): +1, about the same; eight weeks before 2 (Sat 31 Jan): +4, better",
        "reaching overhead: 6; four weeks before 5 (Sat 28 Feb): +1, about the same; eight weeks "
        "before 2 (Sat 31 Jan): +4, better",
        // The PEG: 6 to 4 is a third lower, two points: better; 5 to 4 is 20%: about the same.
        "PEG 4 (pain 4, enjoyment of life 4, general activity 4) on Sat 28 Mar; four weeks "
        "before 5 (Sat 28 Feb): \u22121, about the same; eight weeks before 6 (Sat 31 Jan): "
        "\u22122, better",
        "1 flare between check-ins, 1 sharp or catching in these weeks",
        "<tr class=\"flare\"><td class=\"nw\" data-label=\"Date\">Sat 21 Mar 14:20</td>",
        "Flare: pain 7, sharp or catching</span> &middot; lifting &lt;the&gt; kettle"}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  // Without measures, the report has no such section.
  EXPECT_EQ(RenderReportHtml(GoldenDiary(), Settings{}, o).find("Function and pain"),
            std::string::npos);
  // In the reader's language: Spanish, decimal comma and all.
  diary.measures.flares[0].pain = testing::S(6.5);
  o.locale = Locale::Find("es");
  ASSERT_NE(o.locale, nullptr);
  const std::string es = RenderReportHtml(diary, Settings{}, o);
  for (const char* part : {"<h2>Función y dolor a lo largo de las semanas</h2>",
                           "1 brote entre registros, 1 agudo o punzante en estas semanas",
                           "data-label=\"Brote\"", "Brote: dolor 6,5, agudo o punzante"}) {
    EXPECT_NE(es.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(es.find("Function and pain"), std::string::npos);
  EXPECT_EQ(es.find("Flare: pain"), std::string::npos);
}

// A day's flares and sessions in the order of the day: the flare of 05:00 before the row of
// 07:30, the one of 12:00 between it and the swim of 18:00, the one of 20:00 and the one without
// a time after them.
TEST(ReportTest, FlaresAndSessionsOfADayInTheirOrder) {
  Diary diary = GoldenDiary();
  const auto flare = [](int minutes, double pain) {
    Flare f{.date = D("2026-03-22"), .pain = testing::S(pain)};
    if (minutes >= 0) f.time = TimeOfDay::FromMinutes(minutes);
    return f;
  };
  diary.measures.flares = {flare(20 * 60, 4), flare(12 * 60, 5), flare(5 * 60, 6), flare(-1, 7)};
  std::sort(diary.measures.flares.begin(), diary.measures.flares.end(),
            [](const Flare& a, const Flare& b) { return a.time < b.time; });
  ReportOptions o{.weeks = 2, .as_of = D("2026-03-28"), .person_name = "Sam"};
  const std::string html = RenderReportHtml(diary, Settings{}, o);
  std::vector<size_t> at;
  for (const char* part : {"Sun 22 Mar 05:00", "Sun 22 Mar 07:30", "Sun 22 Mar 12:00",
                           "Sun 22 Mar 18:00", "Sun 22 Mar 20:00", "Flare: pain 7"}) {
    at.push_back(html.find(part));
    EXPECT_NE(at.back(), std::string::npos) << part;
  }
  EXPECT_TRUE(std::is_sorted(at.begin(), at.end())) << ::testing::PrintToString(at);
}

TEST(ReportTest, EachActivitysLineAndWhatHoldsItBackWhenThereAreTwoActivities) {
  testing::DiaryBuilder b;
  b.Mornings("2026-02-15", 42, 3);
  Session dead{.activity = "Deadlifts"}, swim{.activity = "swimming"};
  dead.during = swim.during = {.start = testing::S(3), .end = testing::S(3)};
  for (const char* d : {"2026-03-03", "2026-03-10", "2026-03-17", "2026-03-24"}) {
    b.With(d, dead).Morning((D(d) + 1).ToString().c_str(), 5.5);
  }
  for (const char* d : {"2026-03-05", "2026-03-12", "2026-03-19", "2026-03-21", "2026-03-26"}) {
    b.With(d, swim);
  }
  ReportOptions o{.weeks = 2, .as_of = D("2026-03-28")};
  const std::string html = RenderReportHtml(b.Build(), Settings{}, o);
  for (const char* part :
       {"<b>Holding it back:</b>",
        "The mornings after deadlifts were higher 4 of 4 times; after swimming, 0 of 5.",
        "<h2>Each activity (four weeks)</h2>", "swimming: 5 days; the morning after never higher.",
        "<li class=\"worse\">deadlifts: 4 days; the morning after higher 4 times, flared 4 "
        "times: this one seems to be setting their back off.</li>"}) {
    EXPECT_NE(html.find(part), std::string::npos) << part;
  }
  // One activity: no lines of its own.
  testing::DiaryBuilder one;
  one.Mornings("2026-03-01", 28, 3);
  for (const char* d : {"2026-03-17", "2026-03-19", "2026-03-21", "2026-03-23"}) one.With(d, swim);
  EXPECT_EQ(RenderReportHtml(one.Build(), Settings{}, o).find("Each activity"), std::string::npos);
}

TEST(ReportTest, SeveralSessionsOnADayAreOneDayOnTheLineNotAZigzag) {
  // The golden diary has two rated sessions on 22 Mar: two marks on that day, one point on the
  // line (the day's highest).
  const std::string svg =
      ComfortChartSvg(GoldenDiary(), Settings{}, D("2026-03-15"), D("2026-03-28"));
  const size_t at = svg.find("points=\"");
  const std::string points = svg.substr(at, svg.find('"', at + 8) - at);
  std::vector<std::string> xs;
  for (size_t i = 8; i < points.size();) {
    const size_t comma = points.find(',', i);
    xs.push_back(points.substr(i, comma - i));
    i = points.find(' ', comma);
    if (i == std::string::npos) break;
    ++i;
  }
  std::vector<std::string> unique = xs;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  EXPECT_EQ(unique.size(), xs.size()) << points;
}

TEST(ReportTest, OnAPhoneTheChartsAreRedrawnNarrowAndTheTableReadsAsCards) {
  ReportOptions o{.weeks = 2, .as_of = D("2026-03-28"), .person_name = "Sam"};
  const std::string html = RenderReportHtml(GoldenDiary(), Settings{}, o);
  size_t wide = 0, narrow = 0;
  for (size_t at = html.find("class=\"chart wide\""); at != std::string::npos;
       at = html.find("class=\"chart wide\"", at + 1)) {
    ++wide;
  }
  for (size_t at = html.find("class=\"chart narrow\""); at != std::string::npos;
       at = html.find("class=\"chart narrow\"", at + 1)) {
    ++narrow;
  }
  EXPECT_EQ(wide, 2u);
  EXPECT_EQ(narrow, 2u);
  EXPECT_NE(html.find("data-label=\"Next morning\""), std::string::npos);
  // Dates as the app writes them, and the person named: the report speaks of them.
  EXPECT_NE(html.find("Sun 15 Mar 2026 to Sat 28 Mar 2026"), std::string::npos);
  EXPECT_NE(html.find("2-week report for Sam"), std::string::npos);
  EXPECT_NE(html.find("Sam&#39;s usual morning"), std::string::npos);
  EXPECT_EQ(html.find("Your usual"), std::string::npos);
  EXPECT_EQ(html.find("your mornings"), std::string::npos);
}

}  // namespace
}  // namespace backsignal
