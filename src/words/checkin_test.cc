// A check-in's words: what the person entered said back as they entered it (a session's start
// and end, not a bare time), its meaning, and what comes next.
#include "backsignal/words/checkin.h"

#include <gtest/gtest.h>

#include "backsignal/words/words.h"
#include "test_diaries.h"

namespace backsignal {
namespace {

using testing::D;

Session Swim() {
  Session s;
  s.time = *TimeOfDay::Parse("06:19");
  s.minutes = 40;
  s.activity = "swimming";
  s.during.start = *Score::FromDouble(3);
  s.during.end = *Score::FromDouble(6);
  s.during.pattern = Pattern::kBuilding;
  s.during.sharp = true;
  s.load.Add(Load::kRotation);
  return s;
}

TEST(CheckinWordsTest, ASessionSaysWhenItStartedAndEndedNotABareTime) {
  EXPECT_EQ(SessionPhrase(Swim()), "swimming, started 06:19, ended 06:59 (40 min)");
  EXPECT_EQ(SessionLines(Swim()),
            (std::vector<std::string>{"Swimming, started 06:19, ended 06:59 (40 min).",
                                      "During: 3 to 6, building.", "Sharp or catching pain.",
                                      "Asked of the mid back: sustained rotation."}));
  Session late;
  late.time = *TimeOfDay::Parse("23:40");
  late.minutes = 45;
  EXPECT_EQ(SessionPhrase(late), "a session, started 23:40, ended 00:25 (45 min)");
  Session timed;
  timed.time = *TimeOfDay::Parse("18:00");
  EXPECT_EQ(SessionPhrase(timed), "a session at 18:00");
  Session length;
  length.minutes = 30;
  length.activity = "yoga";
  EXPECT_EQ(SessionPhrase(length), "yoga (30 min)");
}

TEST(CheckinWordsTest, TheHourAfterIsDueAnHourAfterTheSessionEnded) {
  EXPECT_EQ(HourAfterDueMinute(Swim()), 6 * 60 + 59 + 60);
  Session untimed;
  EXPECT_EQ(HourAfterDueMinute(untimed), std::nullopt);
  Day day{.date = D("2026-12-05"), .sessions = {Swim()}};
  const CheckinWords w =
      WordsForCheckin(day, Entry::kSession, 1, DuringSignal::kSharp, HourAfterSignal::kUnknown);
  EXPECT_EQ(w.next, "Next: the hour-after check-in, from about 07:59.");
  EXPECT_EQ(WordsForDay(day).sessions[0].due, "From about 07:59.");
}

TEST(CheckinWordsTest, EachEntryIsSaidBackWithWhatItMeans) {
  Day day{.date = D("2026-12-05")};
  day.morning = Morning{*Score::FromDouble(4), *Score::FromDouble(2.5)};
  day.context.sleep_hours = 5.5;
  day.context.stress = *Score::FromDouble(7);
  day.context.painkillers = true;
  day.context.painkiller_name = "ibuprofen";
  day.context.tags = std::vector<std::string>{"long drive"};
  Session s = Swim();
  s.hour_after.pain = *Score::FromDouble(5);
  s.hour_after.tighter = true;
  day.sessions.push_back(s);

  EXPECT_EQ(WordsForCheckin(day, Entry::kMorning, std::nullopt, DuringSignal::kUnknown,
                            HourAfterSignal::kUnknown)
                .lines,
            std::vector<std::string>{"Pain 4, stiffness 2.5."});
  const CheckinWords after =
      WordsForCheckin(day, Entry::kHourAfter, 1, DuringSignal::kSharp, HourAfterSignal::kRising);
  EXPECT_EQ(after.lines, std::vector<std::string>{"Pain 5, tighter than before."});
  EXPECT_EQ(after.meaning, HourAfterMeaning(HourAfterSignal::kRising));
  const CheckinWords context = WordsForCheckin(day, Entry::kContext, std::nullopt,
                                               DuringSignal::kUnknown, HourAfterSignal::kUnknown);
  EXPECT_EQ(context.lines,
            std::vector<std::string>{
                "Slept 5.5 h; stress 7; painkillers (ibuprofen); \u201clong drive\u201d."});
  EXPECT_NE(context.meaning.find("other things that can set the mid back off"), std::string::npos);
  const DayWords words = WordsForDay(day);
  EXPECT_EQ(words.morning, "Pain 4, stiffness 2.5.");
  EXPECT_EQ(words.sessions[0].hour_after, "Pain 5, tighter than before.");
  EXPECT_EQ(words.context, context.lines[0]);

  const std::string m = MorningAfterText({D("2026-12-04"), MorningSignal::kUsual});
  EXPECT_EQ(m, "This is the morning after your session of Fri 4 Dec: within your usual range.");
}

TEST(CheckinWordsTest, APinnedNoteIsSaidBackPinned) {
  Day day{.date = D("2026-12-05"), .note = "GP says osteopenia", .note_pinned = true};
  auto words = [&] {
    return WordsForCheckin(day, Entry::kNote, std::nullopt, DuringSignal::kUnknown,
                           HourAfterSignal::kUnknown)
        .lines;
  };
  EXPECT_EQ(words(),
            (std::vector<std::string>{"GP says osteopenia", "Pinned: every report shows it."}));
  day.note_pinned = false;
  EXPECT_EQ(words(), std::vector<std::string>{"GP says osteopenia"});
}

TEST(CheckinWordsTest, NoWordsNameAFieldOrPrintAnEmptyValue) {
  Day day{.date = D("2026-12-05"), .sessions = {Session{}}};
  for (Entry e :
       {Entry::kMorning, Entry::kSession, Entry::kHourAfter, Entry::kContext, Entry::kNote}) {
    const CheckinWords w =
        WordsForCheckin(day, e, 1, DuringSignal::kUnknown, HourAfterSignal::kUnknown);
    for (const std::string& text : w.lines) {
      EXPECT_EQ(text.find('_'), std::string::npos) << text;
      EXPECT_EQ(text.find("null"), std::string::npos) << text;
    }
  }
  EXPECT_EQ(SessionLines(Session{}), std::vector<std::string>{"A session."});
  EXPECT_EQ(HourAfterPhrase(HourAfter{}), "not recorded");
  EXPECT_EQ(ContextPhrase(Context{}), "nothing of note");
}

}  // namespace
}  // namespace backsignal
