// Pieces of the words, private to the words module.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backsignal/reading/reading.h"
#include "backsignal/words/i18n.h"

namespace backsignal::words_detail {

// The language the words of one WordsFor call are made in: set for the call's length by a
// LocaleScope (on the calling thread only), so that the small pieces below need not carry it.
// English outside any scope. The public functions take their Locale as an argument.
const Locale& L();
class LocaleScope {
 public:
  explicit LocaleScope(const Locale& loc);
  ~LocaleScope();
  LocaleScope(const LocaleScope&) = delete;
  LocaleScope& operator=(const LocaleScope&) = delete;

 private:
  const Locale* previous_;
};
// A LocaleScope when `loc` is given; nothing otherwise.
class MaybeScope {
 public:
  explicit MaybeScope(const Locale* loc) {
    if (loc != nullptr) scope_.emplace(*loc);
  }

 private:
  std::optional<LocaleScope> scope_;
};

std::string Num(double v);     // "3", "1.5", "0.25"
std::string Points(double v);  // "1 point", "1.5 points" (of the magnitude)
// A difference from the usual morning: "1.5 points above your usual", "0.35 points below your
// usual", "at your usual": never a negative number above.
std::string FromUsual(double v);
// A change between two levels: "going up" or "coming down" only at `noticeable` or more, else
// "about the same".
std::string ChangeWords(double from, double to, double noticeable);
std::string OfTimes(int k, int n);                           // "3 of 7"
std::string JoinAnd(const std::vector<std::string>& parts);  // "a, b and c"
std::string Capital(std::string s);
// Another thing that loaded the back that day, with the day's own value where it has one ("7
// hours of sitting"), never a threshold.
std::string ConfounderWords(Confounder c, const Day* day, const Day* next);
// The same as a kind of day, for what tends to go with a worse morning ("long hours of
// sitting").
std::string ConfounderKindWords(Confounder c);
// A factor of "what tends to go with a worse morning", in words.
std::string FactorWords(const std::string& factor, const Reading& r, const Settings& s);
// How an association's sentence names the days with a factor and without it, and the morning
// that follows them ("After nights of under 6 hours' sleep", "after longer nights", "the
// morning").
struct AfterWords {
  std::string with, without, morning;
};
AfterWords FactorAfterWords(const std::string& factor, bool exercise_days_only, const Reading& r,
                            const Settings& s);

// A session as a sentence names it: "swimming on Tue 3 Nov", "the 18:00 session on Tue 3 Nov"
// (the time or its place only when the date has more than one session).
std::string SessionName(const Reading& r, const SessionReading& sr);
// The sessions of the reading that a modify-or-stop alert in the window names, oldest first.
std::vector<const SessionReading*> SharpSessions(const Reading& r);
// Claims about the trend's counts, each true of the reading it is made from (claims.cc).
std::string FlaredClaim(const Trend& t);  // "1 of 7 exercise days was followed by ..."
std::string RaisedClaim(const Trend& t);
std::string SettledClaim(const Trend& t);  // "5 of 7 ... a morning within your usual range"
std::string EffectClaim(const Trend& t);
std::string CreepingClaim(const Trend& t, const Settings& s);
std::string KeepsRisingClaim(const Rise& rise);  // "your usual morning has risen from 2 to 4.5 ..."
std::string RepeatedClaim(const Alert& a);
std::string MaskedClaim(const Trend& t);
// The exercise effect lets exercise be blamed (it is not known, or mornings after exercise
// stand above mornings after rest).
bool EffectBlamesExercise(const Trend& t, const Settings& s);
const Alert* FindAlert(const Reading& r, AlertKind kind);
// What holds back `helpful`, each in the person's terms (reading.md §5).
std::string HeldBackWords(HeldBack h, const Reading& r, const Settings& s);
// Strain by kind, with counts: "2 built up during the session and 1 was sharp or catching".
// With `one_session`, the kinds alone ("was sharp or catching").
std::string StrainKinds(const Trend& t, bool one_session = false);
// "the mornings after deadlifts were higher 4 of 4 times; after swimming, 0 of 5".
std::string ActivitiesClaim(const Reading& r);

}  // namespace backsignal::words_detail
