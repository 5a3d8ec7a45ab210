// Each session's three windows, and what tends to go with a higher morning.
#include <algorithm>

#include "backsignal/words/words.h"
#include "phrases.h"

namespace backsignal {

using namespace words_detail;

namespace {

std::string MorningEvidence(const SessionReading& sr) {
  if (!sr.morning_pain) return "";
  std::string e = " (pain " + Num(sr.morning_pain->value());
  if (sr.usual.pain) e += ", usual " + Num(*sr.usual.pain);
  if (sr.morning_stiffness) {
    e += "; stiffness " + Num(sr.morning_stiffness->value());
    if (sr.usual.stiffness) e += ", usual " + Num(*sr.usual.stiffness);
  }
  return e + ")";
}

std::string MorningWords(const SessionReading& sr, Date as_of) {
  const std::string e = MorningEvidence(sr);
  switch (sr.morning) {
    case MorningSignal::kWorse:
      return (e.empty() ? "significantly worse than usual" : "significantly worse") + e;
    case MorningSignal::kHigher:
      return (e.empty() ? "noticeably higher than usual" : "noticeably higher") + e;
    case MorningSignal::kBetter:
      return "better than usual" + e;
    case MorningSignal::kUsual:
      return "within the usual range" + e;
    case MorningSignal::kUnknown:
      if (sr.morning_pain) return "no usual yet to compare with" + e;
      return sr.date + 1 > as_of ? "not yet" : "not recorded";
  }
  return "";
}

std::string MorningWithPainkillers(const SessionReading& sr, Date as_of) {
  std::string out = MorningWords(sr, as_of);
  if (sr.morning_covered && sr.morning_pain) {
    out += ", after painkillers the day before, which can hide a flare";
  }
  return out;
}

std::string DuringWords(const SessionReading& sr) {
  if (sr.during == DuringSignal::kSharp) return "sharp or catching pain: modify or stop";
  return DescribeDuring(sr.during);
}

std::string HourAfterWords(const SessionReading& sr) {
  if (sr.strain == Strain::kStillRising) {
    return "still rising an hour later, not settled by morning";
  }
  if (sr.hour_after == HourAfterSignal::kRising && sr.response == Response::kSettled) {
    return "still rising an hour later, settled by morning";
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
    out.heading = PersonDate(sr.date);
    if (x.time) out.heading += " " + x.time->ToString();
    // The person's own activity and the length: two things, so a comma, never "and".
    std::string what = sr.activity.value_or("");
    if (x.minutes) what += (what.empty() ? "" : ", ") + std::to_string(*x.minutes) + " min";
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
      const bool one = c.size() == 1;
      out.also = "That day also had " + JoinAnd(c) +
                 (one ? ", unusual for you: the higher morning may be from it, not the session."
                      : ", unusual for you: the higher morning may be from them, not the "
                        "session.");
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
    if (names.size() > 1) {
      const std::string kind = a.exercise_days_only ? "exercise days" : "days";
      after = {"After " + kind + " with " + JoinAnd(names) + " (they fell on the same days)",
               "after " + kind + " without them", "the next morning"};
    }
    std::string text = after.with + ", " + after.morning + " was noticeably higher " +
                       OfTimes(a.with_higher, a.with_days) + " times";
    if (a.with_points) text += " (" + FromUsual(*a.with_points) + " on average)";
    text += ", against " + OfTimes(a.without_higher, a.without_days) + " " + after.without;
    if (a.without_points) text += " (" + FromUsual(*a.without_points) + ")";
    text += ". ";
    if (painkillers) {
      text +=
          "Painkillers are taken because of pain, so this shows how the two go together, not "
          "that one causes the other.";
    } else if (a.clears_bar) {
      text += "That is a clear difference, though it does not show that one causes the other.";
    } else if (*a.difference <= 0) {
      text += "No sign so far that it goes with worse mornings.";
    } else {
      text += "With this few days, that difference could still be chance.";
    }
    w.associations.push_back({a.factor, std::move(text), a.clears_bar});
  }
  const std::string need = Num(s.association_min_days);
  if (enough.empty()) {
    w.associations_note =
        "Not enough days yet to compare what tends to go with a higher "
        "morning: each thing needs " +
        need + " days with it and " + need + " without, each with the morning after recorded.";
  } else if (!missing.empty()) {
    w.associations_note = "Not enough days yet to compare " + JoinAnd(missing) + " (each needs " +
                          need + " days with it and " + need + " without).";
  }
}

}  // namespace backsignal
