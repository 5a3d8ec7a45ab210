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
std::vector<std::string> NamedFactors(const Reading& r, const Settings& s, bool* exercise,
                                      bool* nights, bool* effort = nullptr) {
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
  if (nights) *nights = top.factor == "short_sleep" || top.factor == "poor_sleep";
  if (effort) {
    *effort = top.factor == "hard_session" ||
              std::find(top.same_days_as.begin(), top.same_days_as.end(), "hard_session") !=
                  top.same_days_as.end();
  }
  std::vector<std::string> named = {FactorWords(top.factor, r, s)};
  for (const std::string& other : top.same_days_as) {
    if (other != "painkillers") named.push_back(FactorWords(other, r, s));
  }
  return named;
}

std::string NamedPhrase(const std::vector<std::string>& named) {
  if (named.size() == 1) return named[0];
  // TRANSLATORS: {factors} lists factors that came on the same days.
  return L().Tr("{factors} (they came on the same days, so either could be the cause)",
                {Arg("factors", JoinAnd(named))});
}

std::string NamedFactorStep(const std::vector<std::string>& named, bool nights) {
  if (named.empty()) return "";
  // TRANSLATORS: {nights} is "short nights" or "poorly slept nights"; {factors} the factors of
  // a day ("long hours of sitting").
  return nights ? L().Tr(
                      "The clearest so far: mornings were more often higher after {nights}. Try "
                      "changing that first.",
                      {Arg("nights", named[0])})
                : L().Tr(
                      "The clearest so far: mornings were more often higher after days with "
                      "{factors}. Try changing that first.",
                      {Arg("factors", NamedPhrase(named))});
}

// The movement to modify: the sharp session by its name, with its loads; several by their
// activities, the last date and the loads they had.
std::string SharpStep(const Reading& r, const std::vector<const SessionReading*>& sharp) {
  LoadSet loads;
  for (const SessionReading* sr : sharp) {
    loads = LoadSet::FromBits(loads.bits() | sr->session->load.bits());
  }
  const Locale& l = L();
  // TRANSLATORS: {session} names a session; {loads} lists its loads ("sustained rotation").
  const auto with = [&](const std::string& what) {
    return loads.empty()
               ? what
               : l.Tr("{session} ({loads})", {Arg("session", what), Arg("loads", LoadList(loads))});
  };
  if (sharp.size() == 1) {
    // TRANSLATORS: {session} names the session, maybe with its loads.
    return l.Tr(
        "Change the movement that caught during {session}. Leave it out, or make it smaller and "
        "lighter, for now. If sharp pain comes back, stop and talk to a clinician.",
        {Arg("session", with(SessionName(r, *sharp[0])))});
  }
  std::vector<std::string> activities;
  for (const SessionReading* sr : sharp) {
    if (sr->activity &&
        std::find(activities.begin(), activities.end(), *sr->activity) == activities.end()) {
      activities.push_back(*sr->activity);
    }
  }
  // TRANSLATORS: {n} counts sessions (2 or more); {activities} lists their activities.
  const std::string sessions =
      activities.empty()
          ? l.Ntr("{n} session", "{n} sessions", static_cast<int64_t>(sharp.size()))
          : l.Ntr("{n} session ({activities})", "{n} sessions ({activities})",
                  static_cast<int64_t>(sharp.size()), {Arg("activities", JoinAnd(activities))});
  // TRANSLATORS: {sessions} is "3 sessions (swimming and rowing)"; {date} the last one's date,
  // maybe with the loads.
  return l.Tr(
      "Change the movements that caught in {sessions}, the last on {date}. Leave them out, or "
      "make them smaller and lighter, for now. If sharp pain comes back, stop and talk to a "
      "clinician.",
      {Arg("sessions", sessions), Arg("date", with(PersonDate(sharp.back()->date)))});
}

std::vector<std::string> SettingOff(const Reading& r) {
  std::vector<std::string> out;
  for (const ActivityReading& a : r.activities) {
    if (a.setting_off) out.push_back(a.name);
  }
  return out;
}

std::string ActivityStep(const std::vector<std::string>& off) {
  // TRANSLATORS: {activities} lists the activities setting the back off; {n} counts them.
  return L().Ntr(
      "Change {activities} first: lighter, shorter or less often, or swap it for something that "
      "has not set your back off, for a week or two. Keep the rest as it is, and keep checking "
      "in: the mornings after will show whether that helps.",
      "Change {activities} first: lighter, shorter or less often, or swap them for something "
      "that has not set your back off, for a week or two. Keep the rest as it is, and keep "
      "checking in: the mornings after will show whether that helps.",
      static_cast<int64_t>(off.size()), {Arg("activities", JoinAnd(off))});
}

std::string MixedStep(const Reading& r, const Settings& s, HeldBack primary,
                      const std::vector<std::string>& named, bool nights) {
  const Trend& t = r.trend;
  const Locale& l = L();
  switch (primary) {
    case HeldBack::kSharp:
      return l.Tr("Keep your other sessions as they are for now, and keep checking in.");
    case HeldBack::kActivity:
      return ActivityStep(SettingOff(r));
    case HeldBack::kRepeatedWorseMornings:
      return l.Tr(
          "Ease the load of your next sessions. Look at what else loaded your back on those "
          "days: sitting, sleep, stress. Keep checking in.");
    case HeldBack::kPainkillers:
      return l.Tr(
          "Your mornings after exercise mostly came after painkillers, so they cannot yet show "
          "how your sessions land. Keep the load where it is for now. Keep recording painkillers "
          "with each day, and talk to a clinician before changing how you take them.");
    case HeldBack::kFlares: {
      std::string step = l.Tr(
          "Keep the load where it is for now. Look at what the days before your worse mornings "
          "had in common, and keep checking in.");
      if (!named.empty()) step += " " + NamedFactorStep(named, nights);
      return step;
    }
    case HeldBack::kStrain: {
      std::vector<std::string> parts;
      if (t.built_sessions > 0) {
        parts.push_back(
            l.Tr("When pain builds during a session, make that session shorter or lighter."));
      }
      if (t.still_rising_sessions > 0) {
        parts.push_back(l.Tr(
            "After a session that is still rising an hour later and into the next morning, make "
            "the next one lighter."));
      }
      if (parts.empty()) parts.push_back(l.Tr("Keep the load where it is for now."));
      parts.push_back(l.Tr("Keep checking in on all three windows."));
      if (!named.empty()) parts.push_back(NamedFactorStep(named, nights));
      std::string step;
      for (const std::string& p : parts) step += (step.empty() ? "" : " ") + p;
      return step;
    }
    case HeldBack::kCreeping: {
      std::string step =
          EffectBlamesExercise(t, s)
              ? l.Tr(
                    "Your mornings are rising. Keep the load where it is, and look at what else "
                    "changed: sitting, sleep, stress. If it goes on, talk to a clinician.")
              : l.Tr(
                    "Your mornings are rising on rest days too. Look at what else changed: "
                    "sitting, sleep, stress. If it goes on, talk to a clinician.");
      step += " " + l.Tr("Keep recording all three windows and the day's other loads.");
      if (!named.empty()) step += " " + NamedFactorStep(named, nights);
      return step;
    }
    case HeldBack::kKeepsRising:
      break;  // the referral alone, before any of this
  }
  return l.Tr("Keep checking in.");
}

}  // namespace

std::string NextStepWords(const Reading& r, const Settings& s) {
  const Trend& t = r.trend;
  // Pain that keeps rising: the referral alone, nothing that waits to see.
  if (FindAlert(r, AlertKind::kKeepsRising)) {
    return L().Tr("Talk to a clinician about your rising pain. Answer the safety questions again.");
  }
  std::vector<std::string> steps;
  const std::vector<const SessionReading*> sharp = SharpSessions(r);
  if (!sharp.empty()) steps.push_back(SharpStep(r, sharp));
  const std::vector<std::string> off = SettingOff(r);
  bool exercise_factor = false;
  bool nights = false;
  bool effort = false;  // harder sessions are what went with higher mornings
  const std::vector<std::string> named = NamedFactors(r, s, &exercise_factor, &nights, &effort);
  const Locale& l = L();
  // TRANSLATORS: an effort is rated 0 to 10 (how hard a session was).
  const std::string effort_step =
      effort ? l.Tr("Keep the effort at about 5 until the mornings settle.") : "";
  switch (t.verdict) {
    case Verdict::kHelpful:
      steps.push_back(l.Tr(
          "Keep going. Progress gradually, a little more time or load at a time. Keep checking "
          "in on the three windows, so that a change shows early."));
      break;
    case Verdict::kStirringUp: {
      std::string ease;
      if (!off.empty()) {
        // TRANSLATORS: {activities} lists the activities setting the back off; {n} counts them.
        ease = l.Ntr(
            "Ease the load for a while, above all {activities}: lighter, shorter or less often, "
            "or swap it for something that has not set your back off.",
            "Ease the load for a while, above all {activities}: lighter, shorter or less often, "
            "or swap them for something that has not set your back off.",
            static_cast<int64_t>(off.size()), {Arg("activities", JoinAnd(off))});
      } else if (!named.empty() && exercise_factor) {
        // TRANSLATORS: {factors} names what went with higher mornings.
        ease = l.Tr("Ease the load for a while, above all {factors}.",
                    {Arg("factors", NamedPhrase(named))});
        if (effort) ease += " " + effort_step;
      } else {
        ease = l.Tr("Ease the load for a while.");
      }
      if (!named.empty() && !exercise_factor) {
        // TRANSLATORS: {factors} names what went with higher mornings; {n} counts them.
        ease +=
            " " + l.Ntr("Look at {factors} too: mornings were more often higher after it.",
                        "Look at {factors} too: mornings were more often higher after them.",
                        static_cast<int64_t>(named.size()), {Arg("factors", NamedPhrase(named))});
      }
      steps.push_back(ease);
      steps.push_back(l.Tr(
          "Keep checking in: the next week or two will show whether that settles your mornings. "
          "If it does not, talk to a clinician."));
      break;
    }
    case Verdict::kMixed: {
      // Sharp pain and an activity setting it off are each named, with what to change; else the
      // one thing to do about the most pressing of what holds it back.
      if (!off.empty()) steps.push_back(ActivityStep(off));
      if (!sharp.empty() || !off.empty()) {
        if (off.empty()) steps.push_back(MixedStep(r, s, HeldBack::kSharp, named, nights));
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
        steps.push_back(MixedStep(r, s, h, named, nights));
        break;
      }
      if (effort && !steps.empty()) steps.push_back(effort_step);
      break;
    }
    case Verdict::kNotEnoughData: {
      if (!off.empty()) steps.push_back(ActivityStep(off));
      std::vector<std::string> need;
      if (t.mornings_needed > 0) {
        need.push_back(l.Ntr("{n} more morning", "{n} more mornings", t.mornings_needed));
      }
      if (t.session_days_needed > 0) {
        need.push_back(l.Ntr("{n} more exercise day followed by a recorded morning",
                             "{n} more exercise days followed by a recorded morning",
                             t.session_days_needed));
      }
      if (t.recorded_days_needed > 0) {
        need.push_back(l.Ntr("{n} more day with an entry (the good days too)",
                             "{n} more days with an entry (the good days too)",
                             t.recorded_days_needed));
      }
      if (!r.usual.pain) need.push_back(l.Tr("a morning after a day without exercise"));
      if (need.empty()) need.push_back(l.Tr("a few more days"));
      // TRANSLATORS: {needs} lists what to record.
      steps.push_back(l.Tr("Record {needs} to get a first reading of the trend.",
                           {Arg("needs", JoinAnd(need))}));
      steps.push_back(l.Tr("Check in on waking, during and about an hour after each session."));
      break;
    }
  }
  std::string out;
  for (const std::string& step : steps) out += (out.empty() ? "" : " ") + step;
  return out;
}

}  // namespace backsignal
