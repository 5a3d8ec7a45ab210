// Each session's three windows, and what tends to go with a higher morning.
#include <algorithm>

#include "backsignal/words/words.h"
#include "phrases.h"

namespace backsignal {

using namespace words_detail;

namespace {

// "pain 5, usual 3; stiffness 4, usual 2": the scores the morning's words rest on, or "".
std::string MorningEvidence(const SessionReading& sr) {
  if (!sr.morning_pain) return "";
  const Locale& l = L();
  // TRANSLATORS: {score} and {usual} are scores out of 10.
  std::string e =
      sr.usual.pain
          ? l.Tr("pain {score}, usual {usual}",
                 {Arg("score", Num(sr.morning_pain->value())), Arg("usual", Num(*sr.usual.pain))})
          : l.Tr("pain {score}", {Arg("score", Num(sr.morning_pain->value()))});
  if (sr.morning_stiffness) {
    const std::string st =
        sr.usual.stiffness
            ? l.Tr("stiffness {score}, usual {usual}",
                   {Arg("score", Num(sr.morning_stiffness->value())),
                    Arg("usual", Num(*sr.usual.stiffness))})
            : l.Tr("stiffness {score}", {Arg("score", Num(sr.morning_stiffness->value()))});
    e = l.Tr("{first}; {second}", {Arg("first", e), Arg("second", st)});
  }
  return e;
}

std::string MorningWords(const SessionReading& sr, Date as_of) {
  const Locale& l = L();
  const std::string e = MorningEvidence(sr);
  // TRANSLATORS: {words} says how the morning compares; {scores} the scores it rests on.
  const auto with = [&](const std::string& words) {
    return e.empty() ? words : l.Tr("{words} ({scores})", {Arg("words", words), Arg("scores", e)});
  };
  switch (sr.morning) {
    case MorningSignal::kWorse:
      return e.empty() ? l.Tr("significantly worse than usual") : with(l.Tr("significantly worse"));
    case MorningSignal::kHigher:
      return e.empty() ? l.Tr("noticeably higher than usual") : with(l.Tr("noticeably higher"));
    case MorningSignal::kBetter:
      return with(l.Tr("better than usual"));
    case MorningSignal::kUsual:
      return with(l.Tr("within the usual range"));
    case MorningSignal::kUnknown:
      if (sr.morning_pain) return with(l.Tr("no usual yet to compare with"));
      return sr.date + 1 > as_of ? l.Tr("not yet") : l.Tr("not recorded");
  }
  return "";
}

std::string MorningWithPainkillers(const SessionReading& sr, Date as_of) {
  std::string out = MorningWords(sr, as_of);
  if (sr.morning_covered && sr.morning_pain) {
    // TRANSLATORS: {morning} is how the morning was.
    out = L().Tr("{morning}, after painkillers the day before, which can hide a flare",
                 {Arg("morning", out)});
  }
  return out;
}

std::string DuringWords(const SessionReading& sr) {
  if (sr.during == DuringSignal::kSharp) return L().Tr("sharp or catching pain: modify or stop");
  return DescribeDuring(sr.during);
}

std::string HourAfterWords(const SessionReading& sr) {
  if (sr.strain == Strain::kStillRising) {
    // Not settled is said only of a morning that could tell: none yet, or none to compare.
    if (sr.response == Response::kUnknown) {
      return sr.morning_pain ? L().Tr(
                                   "still rising an hour later; its morning has no usual one "
                                   "to compare with yet")
                             : L().Tr("still rising an hour later; the next morning will tell");
    }
    return L().Tr("still rising an hour later, not settled by morning");
  }
  if (sr.hour_after == HourAfterSignal::kRising && sr.response == Response::kSettled) {
    return L().Tr("still rising an hour later, settled by morning");
  }
  return DescribeHourAfter(sr.hour_after);
}

}  // namespace

void SessionsWords(const Reading& r, const Settings& s, ReadingWords& w) {
  (void)s;
  for (const SessionReading& sr : r.sessions) {
    const Session& x = *sr.session;
    SessionWords out;
    out.date = sr.date;
    out.number = sr.number;
    const Locale& l = L();
    out.heading = PersonDate(sr.date);
    if (x.time) out.heading += " " + x.time->ToString();
    // The person's own activity and the length: two things, so a comma, never "and".
    std::string what = sr.activity.value_or("");
    if (x.minutes) {
      // TRANSLATORS: a session's length in minutes, short.
      const std::string minutes = l.Tr("{minutes} min", {Arg("minutes", *x.minutes)});
      what += (what.empty() ? "" : ", ") + minutes;
    }
    if (x.effort) {
      // TRANSLATORS: {effort} is how hard the session was, 0 to 10.
      what += (what.empty() ? "" : ", ") + l.Tr("effort {effort}/10", {Arg("effort", *x.effort)});
    }
    if (!what.empty()) out.heading += ": " + what;
    if (!x.load.empty()) out.heading += " (" + LoadList(x.load) + ")";
    out.during = DuringWords(sr);
    out.hour_after = HourAfterWords(sr);
    out.morning = MorningWithPainkillers(sr, r.as_of);
    // Only what is unusual for this person is offered as a possible cause, and only beside a
    // higher morning (§2, §5).
    const bool higher = sr.response == Response::kFlared || sr.response == Response::kRaised;
    if (higher && !sr.unusual_confounders.empty()) {
      std::vector<std::string> c;
      for (Confounder f : sr.unusual_confounders) {
        c.push_back(ConfounderWords(f, sr.day, sr.next_day));
      }
      // TRANSLATORS: {loads} lists the day's other loads; {n} counts them.
      out.also = l.Ntr(
          "That day also had {loads}, unusual for you: the higher morning may be from it, not the "
          "session.",
          "That day also had {loads}, unusual for you: the higher morning may be from them, not "
          "the session.",
          static_cast<int64_t>(c.size()), {Arg("loads", JoinAnd(c))});
    }
    w.sessions.push_back(std::move(out));
  }
}

void AssociationsWords(const Reading& r, const Settings& s, ReadingWords& w) {
  std::vector<const Association*> enough;
  std::vector<std::string> missing;
  for (const Association& a : r.associations) {
    if (a.enough) {
      enough.push_back(&a);
    } else if (a.with_days > 0) {
      missing.push_back(FactorWords(a.factor, r, s));
    }
  }
  std::stable_sort(enough.begin(), enough.end(), [](const Association* a, const Association* b) {
    if (a->clears_bar != b->clears_bar) return a->clears_bar;
    return *a->difference > *b->difference;
  });
  // Factors that fell on the very same days, with the same counts, say the same thing: one line.
  std::vector<bool> merged(enough.size(), false);
  for (size_t i = 0; i < enough.size(); ++i) {
    if (merged[i]) continue;
    const Association& a = *enough[i];
    std::vector<std::string> names = {FactorWords(a.factor, r, s)};
    bool painkillers = a.factor == "painkillers";
    for (size_t j = i + 1; j < enough.size(); ++j) {
      const Association& b = *enough[j];
      const bool same = std::find(a.same_days_as.begin(), a.same_days_as.end(), b.factor) !=
                            a.same_days_as.end() &&
                        a.with_higher == b.with_higher && a.without_days == b.without_days &&
                        a.without_higher == b.without_higher &&
                        a.exercise_days_only == b.exercise_days_only;
      if (!same) continue;
      merged[j] = true;
      names.push_back(FactorWords(b.factor, r, s));
      painkillers = painkillers || b.factor == "painkillers";
    }
    AfterWords after = FactorAfterWords(a.factor, a.exercise_days_only, r, s);
    const Locale& l = L();
    if (names.size() > 1) {
      // TRANSLATORS: {factors} lists factors that fell on the same days.
      const Arg f("factors", JoinAnd(names));
      after =
          a.exercise_days_only
              ? AfterWords{l.Tr("After exercise days with {factors} (they fell on the same days)",
                                {f}),
                           l.Tr("after exercise days without them"), l.Tr("the next morning")}
              : AfterWords{l.Tr("After days with {factors} (they fell on the same days)", {f}),
                           l.Tr("after days without them"), l.Tr("the next morning")};
    }
    // TRANSLATORS: {after} is "After days with long hours of sitting"; {morning} "the next
    // morning"; {count} "3 of 5".
    std::string text = l.Tr("{after}, {morning} was noticeably higher {count} times",
                            {Arg("after", after.with), Arg("morning", after.morning),
                             Arg("count", OfTimes(a.with_higher, a.with_days))});
    if (a.with_points) {
      // TRANSLATORS: {text} is the sentence so far; {points} "1.5 points above your usual".
      text = l.Tr("{text} ({points} on average)",
                  {Arg("text", text), Arg("points", FromUsual(*a.with_points))});
    }
    // TRANSLATORS: {text} is the sentence so far; {count} "1 of 6"; {without} "after days
    // without it".
    text = l.Tr("{text}, against {count} {without}",
                {Arg("text", text), Arg("count", OfTimes(a.without_higher, a.without_days)),
                 Arg("without", after.without)});
    if (a.without_points) {
      text = l.Tr("{text} ({points})",
                  {Arg("text", text), Arg("points", FromUsual(*a.without_points))});
    }
    text = l.Tr("{claim}.", {Arg("claim", text)}) + " ";
    if (painkillers) {
      text += l.Tr(
          "Painkillers are taken because of pain, so this shows how the two go together, not that "
          "one causes the other.");
    } else if (a.clears_bar) {
      text +=
          l.Tr("That is a clear difference, though it does not show that one causes the other.");
    } else if (*a.difference <= 0) {
      text += l.Tr("No sign so far that it goes with worse mornings.");
    } else {
      text += l.Tr("With this few days, that difference could still be chance.");
    }
    w.associations.push_back({a.factor, std::move(text), a.clears_bar});
  }
  const std::string need = Num(s.association_min_days);
  // TRANSLATORS: {days} is how many days each factor needs (5); {factors} lists factors.
  if (enough.empty()) {
    w.associations_note = L().Tr(
        "Not enough days yet to compare what tends to go with a higher morning: each thing needs "
        "{days} days with it and {days} without, each with the morning after recorded.",
        {Arg("days", need)});
  } else if (!missing.empty()) {
    w.associations_note = L().Tr(
        "Not enough days yet to compare {factors} (each needs {days} days with it and "
        "{days} without).",
        {Arg("factors", JoinAnd(missing)), Arg("days", need)});
  }
}

}  // namespace backsignal
