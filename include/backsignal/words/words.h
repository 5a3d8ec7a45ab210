// The whole person-facing text of a reading, made once from the Reading (reading.md §5, "one
// voice"): the CLI's text, the API (and so the page) and the clinician's report all render this
// value and compose no sentence of their own. No statistics jargon reaches a person.
#pragma once

#include <string>
#include <vector>

#include "backsignal/reading/reading.h"
#include "backsignal/words/i18n.h"

namespace backsignal {

struct AlertWords {
  AlertKind kind;
  Date date;
  std::string text;
  bool see_clinician = false;  // the words say to talk to a clinician
};

struct SessionWords {
  Date date;
  size_t number = 1;
  std::string heading;     // "Tue 20 Oct 18:00: swimming, 40 min (sustained rotation)"
  std::string during;      // "stable", "building as it went on", ...
  std::string hour_after;  // "settling", "still rising an hour later", ...
  std::string morning;     // "noticeably higher than usual (pain 5, usual 3)"
  std::string also;        // the day's other loads, and whether they may be the cause; or ""
};

// One activity's line, shown when the reading lists two or more activities.
struct ActivityWords {
  std::string name;  // the activity, as the reading tells activities apart
  std::string text;  // "deadlifts: 4 days; the morning after higher 4 times, flared 4 times"
  bool setting_off = false;
};

struct AssociationWords {
  std::string factor;  // the reading's name for it, for tests and the page's markup
  std::string text;
  bool named = false;  // clear enough for the next step to name it
};

struct ReadingWords {
  std::string title;        // "Exercise looks to be within a helpful range"
  std::string explanation;  // what decided it, with the counts
  std::vector<std::string> evidence;
  // What holds a `mixed` reading back from `helpful`, one line each (empty otherwise).
  std::vector<std::string> held_back;
  std::vector<std::string> cautions;      // what makes the reading less sure
  std::vector<ActivityWords> activities;  // each activity on its own, when two or more
  std::vector<AlertWords> alerts;
  std::string usual;     // the usual morning and where it comes from
  std::string progress;  // the usual morning over the weeks; "" when there is nothing to say
  std::vector<SessionWords> sessions;  // every session listed, oldest first
  std::string next_step;
  std::vector<AssociationWords> associations;  // factors with enough days, clearest first
  std::string associations_note;               // what is still missing to compare the others
  std::string as_of;  // "As of Mon 2 Nov 2026, over the 14 days from Tue 20 Oct."
};

// Who the words speak to (issue 20 #7): the person about their own back ("your mornings", the
// default), or a clinician about the person ("their mornings", "Sam's usual morning"). The
// words are made in the person's own voice and retold (words/voice.cc), so that each sentence
// is written once.
struct Voice {
  bool third_person = false;
  std::string name;  // how the person is named in the third person ("Sam"); may be empty
  static Voice Self() { return {}; }
  static Voice About(std::string name) { return {true, std::move(name)}; }
};

// In `loc`'s language (docs/languages.md); the third person is retold for English by InVoice,
// and by each language's own rule for the others (RetoldInVoice).
ReadingWords WordsFor(const Reading& reading, const Settings& settings,
                      const Voice& voice = Voice::Self(), const Locale& loc = Locale::English());

// Words made in the person's own voice, retold in `voice`: "you" and "your" become "they" and
// "their" ("them" after "to", "for" or "with", or before the end of a clause), and a sentence
// that opens "Your usual morning" opens "Sam's usual morning". Nothing changes in the person's
// own voice.
std::string InVoice(const std::string& text, const Voice& voice);
ReadingWords InVoice(ReadingWords words, const Voice& voice);
// The same for words made in `loc`'s language (voice.cc says each language's rule).
std::string RetoldInVoice(const std::string& text, const Voice& voice, const Locale& loc);
ReadingWords RetoldInVoice(ReadingWords words, const Voice& voice, const Locale& loc);

// A date as a person reads it: "Tue 20 Oct 2026" (the year only when `with_year`), in the
// language the words are being made in (English outside WordsFor).
std::string PersonDate(Date d, bool with_year = false);

// A score or share the shortest honest way: "3", "3.5", "0.25".
std::string FormatScoreNumber(double v);

// The words of single signals, for a check-in's answer. Each is in `loc`'s language when it is
// given, else in the language of the words being made (English outside WordsFor).
std::string DescribeDuring(DuringSignal s, const Locale* loc = nullptr);
std::string DescribeHourAfter(HourAfterSignal s, const Locale* loc = nullptr);
// What one morning says about the session of the day before.
std::string DescribeMorningAfter(MorningSignal s, const Locale* loc = nullptr);
// The same in a table's few words: "sharp or catching", "building", "stable", "rising",
// "settling", "not recorded".
std::string ShortDuring(DuringSignal s, const Locale* loc = nullptr);
std::string ShortHourAfter(HourAfterSignal s, const Locale* loc = nullptr);
std::string ShortHourAfter(HourAfterSignal s, const Locale& loc);
// What the hour-after signal means, once recorded.
std::string HourAfterMeaning(HourAfterSignal s, const Locale* loc = nullptr);

// The load's words: "sustained rotation", "heavy breathing under load", ...
std::string LoadWords(Load load, const Locale* loc = nullptr);
std::string LoadList(LoadSet load, const Locale* loc = nullptr);
// The same in a table's few words: "rotation, arms away".
std::string LoadShortList(LoadSet load, const Locale* loc = nullptr);
std::string LoadShortList(LoadSet load, const Locale& loc);

}  // namespace backsignal
