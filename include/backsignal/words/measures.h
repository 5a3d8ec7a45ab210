// The words of the weekly questions and flares (docs/measures.md), made once for every surface:
// the questions themselves, what a saved answer or flare says back, and the trend against four
// and eight weeks before, in the person's own voice (words.h's InVoice retells it for a
// clinician). Each in `loc`'s language (docs/languages.md), English when none is given.
#pragma once

#include <string>
#include <vector>

#include "backsignal/core/measures.h"
#include "backsignal/words/i18n.h"

namespace backsignal {

// The questions, as asked (the PEG's items over the past week; the PSFS's instruction).
struct WeeklyQuestions {
  std::string title;      // "This week's questions"
  std::string peg_intro;  // "Over the past week:"
  std::string peg_pain;   // "What number best describes your pain on average?"
  std::string peg_pain_low, peg_pain_high;
  std::string peg_enjoyment;  // "... interfered with your enjoyment of life?"
  std::string peg_activity;   // "... interfered with your general activity?"
  std::string peg_interference_low, peg_interference_high;
  std::string psfs_intro;  // "Activities you find hard because of your mid back..."
  std::string psfs_low, psfs_high;
  std::string psfs_add;  // "Add an activity"
  std::vector<std::string> suggestions;
  std::string due_today, due_since;  // "Due today", "Due since Sun 6 Dec"
};
WeeklyQuestions WeeklyQuestionsWords(const Locale& loc = Locale::English());
// "Due since Sun 6 Dec" or "Due today".
std::string WeeklyDueWords(Date since, Date today, const Locale& loc = Locale::English());

// What a saved answer says back: "PEG 4.7 (pain 5, enjoyment 4, activity 5)",
// "Function (PSFS) 6.5 of 10 over 2 activities".
std::vector<std::string> WeeklySaidWords(const Weekly& weekly,
                                         const Locale& loc = Locale::English());
// "Flare at 14:20: pain 7, sharp or catching" and, when sharp, the modify-or-stop reminder.
std::vector<std::string> FlareSaidWords(const Flare& flare, const Locale& loc = Locale::English());

// The trend as lines: the PSFS average and each activity, the PEG, each against four and eight
// weeks before with its change and whether it passes the threshold; empty when no answers are
// recent.
struct MeasuresWords {
  std::vector<std::string> psfs;  // the average first, then one line an activity
  std::vector<std::string> peg;
  std::string flares;  // "2 flares in these two weeks, 1 sharp or catching"
  bool function_worse = false;
};
MeasuresWords WordsForMeasures(const MeasuresTrend& trend, const std::vector<Flare>& flares,
                               const Locale& loc = Locale::English());

// "better", "about the same", "worse".
std::string ChangeWords(Change change, const Locale& loc = Locale::English());

}  // namespace backsignal
