// The next step of a reading (reading.md §5): short sentences, one thing to do about what holds
// the reading back, the referral alone when pain keeps rising, and never more time or load
// beside a sharp session or an activity that is setting the back off.
#include <algorithm>

#include "backsignal/words/words.h"
#include "phrases.h"

namespace backsignal {

using namespace words_detail;

namespace {

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

std::string NamedFactorStep(const std::vector<std::string>& named) {
  if (named.empty()) return "";
  const bool nights = named[0] == "short nights" || named[0] == "poorly slept nights";
  return "The clearest so far: mornings were more often higher after " +
         (nights ? named[0] : "days with " + NamedPhrase(named)) + ". Try changing that first.";
}

// The movement to modify: the sharp session by its name, with its loads; several by their
// activities, the last date and the loads they had.
std::string SharpStep(const Reading& r, const std::vector<const SessionReading*>& sharp) {
  LoadSet loads;
  for (const SessionReading* sr : sharp) {
    loads = LoadSet::FromBits(loads.bits() | sr->session->load.bits());
  }
  const std::string with = loads.empty() ? "" : " (" + LoadList(loads) + ")";
  if (sharp.size() == 1) {
    return "Change the movement that caught during " + SessionName(r, *sharp[0]) + with +
           ". Leave it out, or make it smaller and lighter, for now. If sharp pain comes back, "
           "stop and talk to a clinician.";
  }
  std::vector<std::string> activities;
  for (const SessionReading* sr : sharp) {
    if (sr->activity &&
        std::find(activities.begin(), activities.end(), *sr->activity) == activities.end()) {
      activities.push_back(*sr->activity);
    }
  }
  return "Change the movements that caught in " + std::to_string(sharp.size()) + " sessions" +
         (activities.empty() ? std::string() : " (" + JoinAnd(activities) + ")") +
         ", the last on " + PersonDate(sharp.back()->date) + with +
         ". Leave them out, or make them smaller and lighter, for now. If sharp pain comes back, "
         "stop and talk to a clinician.";
}

std::vector<std::string> SettingOff(const Reading& r) {
  std::vector<std::string> out;
  for (const ActivityReading& a : r.activities) {
    if (a.setting_off) out.push_back(a.name);
  }
  return out;
}

std::string ActivityStep(const std::vector<std::string>& off) {
  const std::string names = JoinAnd(off);
  return "Change " + names + " first: lighter, shorter or less often, or swap " +
         (off.size() == 1 ? "it" : "them") +
         " for something that has not set your back off, for a week or two. Keep the rest as it "
         "is, and keep checking in: the mornings after will show whether that helps.";
}

std::string MixedStep(const Reading& r, const Settings& s, HeldBack primary,
                      const std::vector<std::string>& named) {
  const Trend& t = r.trend;
  switch (primary) {
    case HeldBack::kSharp:
      return "Keep your other sessions as they are for now, and keep checking in.";
    case HeldBack::kActivity:
      return ActivityStep(SettingOff(r));
    case HeldBack::kRepeatedWorseMornings:
      return "Ease the load of your next sessions. Look at what else loaded your back on those "
             "days: sitting, sleep, stress. Keep checking in.";
    case HeldBack::kPainkillers:
      return "Your mornings after exercise mostly came after painkillers, so they cannot yet show "
             "how your sessions land. Keep the load where it is for now. Keep recording "
             "painkillers with each day, and talk to a clinician before changing how you take "
             "them.";
    case HeldBack::kFlares: {
      std::string step =
          "Keep the load where it is for now. Look at what the days before your worse mornings "
          "had in common, and keep checking in.";
      if (!named.empty()) step += " " + NamedFactorStep(named);
      return step;
    }
    case HeldBack::kStrain: {
      std::string step;
      if (t.built_sessions > 0) {
        step += "When pain builds during a session, make that session shorter or lighter. ";
      }
      if (t.still_rising_sessions > 0) {
        step +=
            "After a session that is still rising an hour later and into the next morning, make "
            "the next one lighter. ";
      }
      if (step.empty()) step = "Keep the load where it is for now. ";
      step += "Keep checking in on all three windows.";
      if (!named.empty()) step += " " + NamedFactorStep(named);
      return step;
    }
    case HeldBack::kCreeping: {
      std::string step =
          EffectBlamesExercise(t, s)
              ? "Your mornings are rising. Keep the load where it is, and look at what else "
                "changed: sitting, sleep, stress. If it goes on, talk to a clinician."
              : "Your mornings are rising on rest days too. Look at what else changed: sitting, "
                "sleep, stress. If it goes on, talk to a clinician.";
      step += " Keep recording all three windows and the day's other loads.";
      if (!named.empty()) step += " " + NamedFactorStep(named);
      return step;
    }
    case HeldBack::kKeepsRising:
      break;  // the referral alone, before any of this
  }
  return "Keep checking in.";
}

}  // namespace

std::string NextStepWords(const Reading& r, const Settings& s) {
  const Trend& t = r.trend;
  // Pain that keeps rising: the referral alone, nothing that waits to see.
  if (FindAlert(r, AlertKind::kKeepsRising)) {
    return "Talk to a clinician about your rising pain. Answer the safety questions again.";
  }
  std::vector<std::string> steps;
  const std::vector<const SessionReading*> sharp = SharpSessions(r);
  if (!sharp.empty()) steps.push_back(SharpStep(r, sharp));
  const std::vector<std::string> off = SettingOff(r);
  bool exercise_factor = false;
  const std::vector<std::string> named = NamedFactors(r, s, &exercise_factor);
  switch (t.verdict) {
    case Verdict::kHelpful:
      steps.push_back(
          "Keep going. Progress gradually, a little more time or load at a time. Keep checking "
          "in on the three windows, so that a change shows early.");
      break;
    case Verdict::kStirringUp: {
      std::string ease = "Ease the load for a while";
      if (!off.empty()) {
        ease += ", above all " + JoinAnd(off) + ": lighter, shorter or less often, or swap " +
                (off.size() == 1 ? "it" : "them") + " for something that has not set your back off";
      } else if (!named.empty() && exercise_factor) {
        ease += ", above all " + NamedPhrase(named);
      }
      ease += ".";
      if (!named.empty() && !exercise_factor) {
        ease += " Look at " + NamedPhrase(named) + " too: mornings were more often higher after " +
                (named.size() == 1 ? "it." : "them.");
      }
      steps.push_back(ease);
      steps.push_back(
          "Keep checking in: the next week or two will show whether that settles your mornings. "
          "If it does not, talk to a clinician.");
      break;
    }
    case Verdict::kMixed: {
      // Sharp pain and an activity setting it off are each named, with what to change; else the
      // one thing to do about the most pressing of what holds it back.
      if (!off.empty()) steps.push_back(ActivityStep(off));
      if (!sharp.empty() || !off.empty()) {
        if (off.empty()) steps.push_back(MixedStep(r, s, HeldBack::kSharp, named));
        break;
      }
      static constexpr HeldBack kPriority[] = {
          HeldBack::kSharp,       HeldBack::kActivity, HeldBack::kRepeatedWorseMornings,
          HeldBack::kPainkillers, HeldBack::kFlares,   HeldBack::kStrain,
          HeldBack::kCreeping};
      for (HeldBack h : kPriority) {
        if (std::find(t.held_back_by.begin(), t.held_back_by.end(), h) == t.held_back_by.end()) {
          continue;
        }
        steps.push_back(MixedStep(r, s, h, named));
        break;
      }
      break;
    }
    case Verdict::kNotEnoughData: {
      if (!off.empty()) steps.push_back(ActivityStep(off));
      std::vector<std::string> need;
      if (t.mornings_needed > 0) {
        need.push_back(Plural(t.mornings_needed, "more morning", "more mornings"));
      }
      if (t.session_days_needed > 0) {
        need.push_back(Plural(t.session_days_needed, "more exercise day", "more exercise days") +
                       " followed by a recorded morning");
      }
      if (t.recorded_days_needed > 0) {
        need.push_back(Plural(t.recorded_days_needed, "more day", "more days") +
                       " with an entry (the good days too)");
      }
      if (!r.usual.pain) need.push_back("a morning after a day without exercise");
      if (need.empty()) need.push_back("a few more days");
      steps.push_back("Record " + JoinAnd(need) + " to get a first reading of the trend.");
      steps.push_back("Check in on waking, during and about an hour after each session.");
      break;
    }
  }
  std::string out;
  for (const std::string& step : steps) out += (out.empty() ? "" : " ") + step;
  return out;
}

}  // namespace backsignal
