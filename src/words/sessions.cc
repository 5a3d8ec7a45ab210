// Each session's three windows, what tends to go with a higher morning, and the next step.
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
      return "significantly worse than usual" + e;
    case MorningSignal::kHigher:
      return "noticeably higher than usual" + e;
    case MorningSignal::kBetter:
      return "better than usual" + e;
    case MorningSignal::kUsual:
      return "within the usual range" + e;
    case MorningSignal::kUnknown:
      if (sr.morning_pain) return "no usual morning to compare with yet" + e;
      return sr.date + 1 > as_of ? "not yet" : "not recorded";
  }
  return "";
}

std::string MorningWithPainkillers(const SessionReading& sr, Date as_of) {
  std::string out = MorningWords(sr, as_of);
  if (sr.morning_painkillers && sr.morning_pain) {
    out += ", on painkillers, which can hide a flare";
  }
  return out;
}

// The named factors that clear the bar, grouped with those on the very same days; `exercise`
// says whether the first is something about the sessions themselves.
std::vector<std::string> NamedFactors(const Reading& r, const Settings& s, bool* exercise) {
  std::vector<const Association*> clear;
  for (const Association& a : r.associations) {
    // Painkillers are taken because of pain: never named as a thing to change.
    if (a.clears_bar && a.factor != "painkillers") clear.push_back(&a);
  }
  std::sort(clear.begin(), clear.end(), [](const Association* a, const Association* b) {
    return *a->p_value < *b->p_value ||
           (*a->p_value == *b->p_value && *a->difference > *b->difference);
  });
  if (clear.empty()) return {};
  const Association& top = *clear.front();
  if (exercise) *exercise = top.exercise_days_only;
  std::vector<std::string> named = {FactorWords(top.factor, r, s)};
  for (const std::string& other : top.same_days_as) {
    if (other != "painkillers") named.push_back(FactorWords(other, r, s));
  }
  return named;
}

std::string NamedPhrase(const std::vector<std::string>& named) {
  if (named.size() == 1) return named[0];
  return JoinAnd(named) + " (they came on the same days, so either could be the cause)";
}

}  // namespace

void SessionsWords(const Reading& r, const Settings& s, ReadingWords& w) {
  for (const SessionReading& sr : r.sessions) {
    const Session& x = *sr.session;
    SessionWords out;
    out.date = sr.date;
    out.number = sr.number;
    out.heading = PersonDate(sr.date);
    if (x.time) out.heading += " " + x.time->ToString();
    std::vector<std::string> what;
    if (x.activity) what.push_back(*x.activity);
    if (x.minutes) what.push_back(std::to_string(*x.minutes) + " min");
    if (!what.empty()) out.heading += ": " + JoinAnd(what);
    if (!x.load.empty()) out.heading += " (" + LoadList(x.load) + ")";
    out.during = DescribeDuring(sr.during);
    out.hour_after = DescribeHourAfter(sr.hour_after);
    out.morning = MorningWithPainkillers(sr, r.as_of);
    if (!sr.confounders.empty()) {
      std::vector<std::string> c;
      for (Confounder f : sr.confounders) c.push_back(ConfounderWords(f, s));
      out.also = "That day also had " + JoinAnd(c);
      out.also += sr.response == Response::kFlared || sr.response == Response::kRaised
                      ? ": these can set the mid back off on their own, so the higher morning "
                        "may be from them, not the session."
                      : ".";
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
  for (const Association* a : enough) {
    const AfterWords after = FactorAfterWords(a->factor, a->exercise_days_only, r, s);
    std::string text = after.with + ", " + after.morning + " was noticeably higher " +
                       OfTimes(a->with_higher, a->with_days) + " times";
    if (a->with_points)
      text += " (" + Num(*a->with_points) + " points above your usual on average)";
    text += ", against " + OfTimes(a->without_higher, a->without_days) + " " + after.without;
    if (a->without_points) text += " (" + Num(*a->without_points) + ")";
    text += ". ";
    if (a->factor == "painkillers") {
      text +=
          "Painkillers are taken because of pain, so this shows how the two go together, not "
          "that one causes the other.";
    } else if (a->clears_bar) {
      text += "That is a clear difference, though it does not show that one causes the other.";
    } else if (*a->difference <= 0) {
      text += "No sign so far that it goes with worse mornings.";
    } else {
      text += "With this few days, that difference could still be chance.";
    }
    w.associations.push_back({a->factor, std::move(text), a->clears_bar});
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

std::string NextStepWords(const Reading& r, const Settings& s) {
  const Trend& t = r.trend;
  std::string out;
  const bool rising = std::any_of(r.alerts.begin(), r.alerts.end(),
                                  [](const Alert& a) { return a.kind == AlertKind::kKeepsRising; });
  if (rising) {
    out =
        "Talk to a clinician about pain that keeps rising, whatever the exercise; until then, "
        "keep the load gentle and keep checking in. ";
  }
  bool exercise_factor = false;
  const std::vector<std::string> named = NamedFactors(r, s, &exercise_factor);
  switch (t.verdict) {
    case Verdict::kHelpful:
      return out +
             "Keep going. Progress gradually, a little more time or load at a time, and keep "
             "checking in on the three windows so that a change shows early.";
    case Verdict::kStirringUp:
      out += "Ease the load for a while";
      if (!named.empty() && exercise_factor) out += ", above all " + NamedPhrase(named);
      if (!named.empty() && !exercise_factor) {
        out += ", and look at " + NamedPhrase(named) + " too (mornings were more often higher " +
               "after them)";
      }
      return out +
             ", and keep checking in: the next week or two will show whether that settles your "
             "mornings. If it does not, or if pain keeps rising, talk to a clinician.";
    case Verdict::kMixed:
      if (t.baseline == Baseline::kCreeping &&
          (!t.exercise_effect || *t.exercise_effect < s.exercise_effect) && !rising) {
        out +=
            "Your mornings are rising on rest days too: look at what else changed (sitting, "
            "sleep, stress), and if it goes on, talk to a clinician. ";
      }
      out +=
          "Keep recording all three windows and the day's sitting, long spells in one "
          "position, upper-body tension, sleep and stress: over the next week or two that tells "
          "whether the exercise or something else sets your mid back off.";
      if (!named.empty()) {
        out += " The clearest so far: mornings were more often higher after " +
               (named[0].starts_with("short nights") || named[0].starts_with("poorly slept")
                    ? named[0]
                    : "days with " + NamedPhrase(named)) +
               "; try changing that first.";
      }
      return out;
    case Verdict::kNotEnoughData: {
      std::vector<std::string> need;
      if (t.mornings_needed > 0) {
        need.push_back(Plural(t.mornings_needed, "more morning", "more mornings"));
      }
      if (t.session_days_needed > 0) {
        need.push_back(Plural(t.session_days_needed, "more exercise day", "more exercise days") +
                       " followed by a recorded morning");
      }
      if (!r.usual.pain) need.push_back("a morning after a day without exercise");
      return out + "Record " + JoinAnd(need) +
             " to get a first reading of the trend. Check in on waking, during and about an hour "
             "after each session.";
    }
  }
  return out;
}

}  // namespace backsignal
