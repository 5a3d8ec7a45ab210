// A reading in one voice (reading.md §5). Every sentence is made here from the Reading's
// numbers; each claim is one the counts beside it support, and nothing counted against
// exercise is offered as support for it.
#include "backsignal/words/words.h"

#include <algorithm>
#include <cmath>

#include "phrases.h"

namespace backsignal {
namespace {

using namespace words_detail;

// What speaks for a helpful range, and what is worth watching without deciding the verdict.
// Flares, strain and sharp sessions are never support (§5).
struct Signals {
  std::vector<std::string> support;
  std::vector<std::string> watch;
  // Said here, so the evidence does not say it again.
  bool comfort = false;
  bool strain = false;
};

Signals SignalsOf(const Reading& r, const Settings& s) {
  const Trend& t = r.trend;
  Signals out;
  if (t.session_days > 0) {
    const bool settled_most = t.raised_days * 2 <= t.session_days;
    if (settled_most) out.support.push_back(SettledClaim(t));
    if (t.flared_days == 0) {
      if (!settled_most) out.support.push_back(FlaredClaim(t));  // else the evidence says it
    } else if (*t.flared_share <= s.helpful_share) {
      out.watch.push_back(FlaredClaim(t));
    }
    if (*t.raised_share > s.stirring_share && !EffectBlamesExercise(t, s)) {
      out.watch.push_back(RaisedClaim(t) + ", but " + EffectClaim(t));
    }
  }
  switch (t.baseline) {
    case Baseline::kImproving:
      out.support.push_back("your mornings this fortnight are " + Points(*t.baseline_change) +
                            " lower than the fortnight before");
      break;
    case Baseline::kStable:
      out.support.push_back("your mornings are steady against the fortnight before");
      break;
    case Baseline::kCreeping:
    case Baseline::kUnknown:
      break;
  }
  // Comfort is how much each session itself raised the pain (§3), not how high it started.
  if (t.comfort == Comfort::kMoreComfortable) {
    out.support.push_back("sessions raise your pain less and less over the weeks");
    out.comfort = true;
  } else if (t.comfort == Comfort::kSteady) {
    out.support.push_back("sessions raise your pain about as much as before");
    out.comfort = true;
  }
  if (t.strain_sessions > 0) {
    if (t.strained_sessions == 0) {
      out.support.push_back(
          t.strain_sessions == 1
              ? "your one session did not build up or keep rising into the next morning"
              : "none of your " + std::to_string(t.strain_sessions) +
                    " sessions built up or kept rising into the next morning");
      out.strain = true;
    } else if (*t.strained_share <= s.strain_share) {
      out.watch.push_back(HeldBackWords(HeldBack::kStrain, r, s));
      out.strain = true;
    }
  }
  return out;
}

std::string Sentence(const std::string& s) { return Capital(s) + "."; }

// Claims that may hold commas and colons of their own, listed: "a; b; and c".
std::string JoinList(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += (i + 1 == parts.size()) ? "; and " : "; ";
    out += parts[i];
  }
  return out;
}

// What the explanation (and the list of what holds it back) already says of comfort and strain.
struct Said {
  bool comfort = false;
  bool strain = false;
  bool flares = false;  // what holds a mixed reading back counts them, with what they are
};

Said VerdictWords(const Reading& r, const Settings& s, ReadingWords& w) {
  const Trend& t = r.trend;
  const Signals sig = SignalsOf(r, s);
  Said said;
  switch (t.verdict) {
    case Verdict::kHelpful:
      w.title = "Exercise looks to be within a helpful range";
      w.explanation = "Exercise seems to be within a helpful range for your mid back right now: " +
                      (sig.support.empty() ? std::string("nothing counts against it so far")
                                           : JoinList(sig.support)) +
                      ".";
      if (!sig.watch.empty()) w.explanation += " Worth watching: " + JoinList(sig.watch) + ".";
      w.explanation += " That is a reading of the pattern so far, not a promise.";
      said = {sig.comfort, sig.strain};
      break;
    case Verdict::kStirringUp: {
      w.title = "Exercise may be stirring things up";
      std::vector<std::string> reasons;
      if (*t.raised_share > s.stirring_share && EffectBlamesExercise(t, s)) {
        std::string claim = RaisedClaim(t);
        if (t.exercise_effect) claim += ", and " + EffectClaim(t);
        reasons.push_back(claim);
      }
      if (t.comfort == Comfort::kLessComfortable) {
        reasons.push_back("sessions have been raising your pain more and more over the weeks");
        said.comfort = true;
      }
      w.explanation =
          "The pattern suggests the load is more than your mid back is absorbing well right now: " +
          JoinAnd(reasons) + ".";
      break;
    }
    case Verdict::kMixed: {
      w.title = "Mixed: not clearly helpful, not clearly stirring things up";
      w.explanation = "The signals pull different ways.";
      if (!sig.support.empty()) {
        w.explanation += " For a helpful range: " + JoinList(sig.support) + ".";
      }
      // What pulls against them: its own list (held_back), on every surface.
      for (HeldBack h : t.held_back_by) w.held_back.push_back(Sentence(HeldBackWords(h, r, s)));
      said.comfort = sig.comfort;
      said.strain = std::find(t.held_back_by.begin(), t.held_back_by.end(), HeldBack::kStrain) !=
                        t.held_back_by.end() ||
                    (sig.strain && t.strained_sessions == 0);
      said.flares = std::find(t.held_back_by.begin(), t.held_back_by.end(), HeldBack::kFlares) !=
                    t.held_back_by.end();
      break;
    }
    case Verdict::kNotEnoughData: {
      w.title = "Not enough data yet";
      std::vector<std::string> need;
      if (t.mornings_needed > 0) {
        need.push_back(Plural(t.mornings_needed, "more morning", "more mornings") +
                       " in the last " + Num(s.trend_days) + " days");
      }
      if (t.session_days_needed > 0) {
        need.push_back(Plural(t.session_days_needed, "more exercise day", "more exercise days") +
                       " with the morning after recorded");
      }
      if (t.recorded_days_needed > 0) {
        need.push_back(Plural(t.recorded_days_needed, "more day", "more days") +
                       " with an entry in the last " + Num(s.trend_days) +
                       " days (a reading needs most days, the good ones too)");
      }
      if (!r.usual.pain) {
        need.push_back(
            "a morning after a day without exercise, or your usual morning, to compare with");
      }
      w.explanation =
          "One session is never a verdict: the pattern over a week or two is what "
          "tells. To read it, backsignal needs " +
          JoinAnd(need) + ".";
      break;
    }
  }
  return said;
}

void EvidenceWords(const Reading& r, const Settings& s, const Said& said, ReadingWords& w) {
  const Trend& t = r.trend;
  const std::string worse = " (" + Num(s.significant_change) + " or more points above your usual)";
  const std::string higher =
      " (" + Num(s.noticeably_higher) + " or more points above, flares included)";
  if (said.flares) {
    // The flares are held back, once: here only the higher mornings they are counted among.
    w.evidence.push_back(Sentence(RaisedClaim(t) + higher));
  } else if (t.session_days == 1) {
    w.evidence.push_back(Sentence(FlaredClaim(t) + worse));
    w.evidence.push_back(Sentence(RaisedClaim(t) + higher));
  } else if (t.session_days > 1) {
    // One line: the significant ones, and the noticeable ones they are counted among.
    w.evidence.push_back(Sentence(
        FlaredClaim(t) + worse + "; " +
        (t.raised_days == 0 ? std::string("none") : OfTimes(t.raised_days, t.session_days)) +
        " by a noticeably higher one" + higher));
  }
  if (t.exercise_effect) {
    w.evidence.push_back(Sentence(EffectClaim(t) + " (" + std::to_string(t.effect_after_mornings) +
                                  " and " + std::to_string(t.effect_rest_mornings) +
                                  " mornings in the last " + Num(s.trend_days) + " days)"));
  }
  if (t.baseline_change) {
    w.evidence.push_back("Your typical morning this fortnight: pain " + Num(*t.baseline_now) +
                         ", against " + Num(*t.baseline_before) + " the fortnight before (" +
                         (t.baseline_basis == BaselineBasis::kRestMornings
                              ? "mornings after rest days"
                              : "all mornings, as too few followed rest days") +
                         ").");
  } else {
    w.evidence.push_back(
        "Your mornings over two fortnights: too few yet to compare this fortnight with the one "
        "before.");
  }
  // Comfort is how much each session itself raised the pain (§3), not how high it started.
  switch (said.comfort ? Comfort::kUnknown : t.comfort) {
    case Comfort::kLessComfortable:
      w.evidence.push_back("Sessions over four weeks: raising your pain more and more.");
      break;
    case Comfort::kMoreComfortable:
      w.evidence.push_back("Sessions over four weeks: raising your pain less and less.");
      break;
    case Comfort::kSteady:
      w.evidence.push_back("Sessions over four weeks: raising your pain about as much as before.");
      break;
    case Comfort::kUnknown:
      if (said.comfort) break;
      w.evidence.push_back(
          "Sessions over four weeks: too few rated at their start and after to see a trend.");
      break;
  }
  if (t.strain_sessions > 0 && !said.strain) {
    const std::string sessions = t.strain_sessions == 1
                                     ? std::string("your one session")
                                     : "your " + std::to_string(t.strain_sessions) + " sessions";
    const std::string when = " in the last " + Num(s.trend_days) + " days";
    w.evidence.push_back(
        t.strained_sessions == 0
            ? Sentence((t.strain_sessions == 1 ? sessions : "none of " + sessions) + when +
                       (t.strain_sessions == 1
                            ? " did not build up, was not sharp, and did not keep rising into "
                              "the next morning"
                            : " built up, was sharp, or kept rising into the next morning"))
        : t.strain_sessions == 1 ? Sentence(sessions + when + ": it " + StrainKinds(t).substr(2))
                                 : Sentence("of " + sessions + when + ", " + StrainKinds(t)));
  }
}

void CautionWords(const Reading& r, const Settings& s, ReadingWords& w) {
  const Trend& t = r.trend;
  if (t.missing_mornings >= 2 && t.missing_mornings * 10 > t.exercise_days * 3) {
    w.cautions.push_back(
        OfTimes(t.missing_mornings, t.exercise_days) + " exercise days in the last " +
        Num(s.trend_days) +
        " days have no morning after recorded, so this reading is less sure than it looks. "
        "Check in on waking after exercise days.");
  }
  // Painkillers: only when the mornings after exercise were covered more often than the rest
  // mornings (someone who takes them every day is compared like with like), and not already
  // said as what holds the reading back.
  const bool said = std::find(t.held_back_by.begin(), t.held_back_by.end(),
                              HeldBack::kPainkillers) != t.held_back_by.end();
  if (t.covered_mornings > 0 && !said &&
      !(t.rest_covered_share &&
        *t.rest_covered_share * t.session_days >= t.covered_mornings - 1e-9)) {
    const int k = t.covered_mornings, n = t.session_days;
    const std::string which =
        n == 1   ? "your one morning after exercise"
        : k == n ? "all " + std::to_string(n) + " of your mornings after exercise"
                 : std::to_string(k) + " of your " + std::to_string(n) + " mornings after exercise";
    w.cautions.push_back(Capital(which) + " in the last " + Num(s.trend_days) +
                         " days came after painkillers taken the day or evening before, which "
                         "can hide a flare: " +
                         (k == 1 ? "that morning" : "those mornings") +
                         " may look better than your back is.");
  }
  if (r.usual.pain_source == UsualSource::kStated) {
    w.cautions.push_back(
        "Your usual morning is the one you stated. Your own mornings after days without exercise "
        "will take its place once there are " +
        Num(s.baseline_min_mornings) + " of them in the last four weeks.");
  }
  if (!r.non_default_settings.empty()) {
    w.cautions.push_back(
        "Some thresholds were changed from the defaults for this reading (see Settings).");
  }
}

void AlertsWords(const Reading& r, ReadingWords& w) {
  for (const Alert& a : r.alerts) {
    AlertWords out{a.kind, a.date, "", false};
    switch (a.kind) {
      case AlertKind::kModifyOrStop: {
        std::string what = "the session";
        for (const SessionReading& sr : r.sessions) {
          if (sr.date == a.date && sr.number == a.session_number) what = SessionName(r, sr);
        }
        out.text = "Sharp or catching pain during " + what +
                   ". That is a signal to modify or stop that movement, not to push through.";
        break;
      }
      case AlertKind::kRepeatedWorseMornings: {
        std::vector<std::string> dates;
        for (Date d : a.dates) dates.push_back(PersonDate(d));
        out.text = "The last " + std::to_string(a.dates.size()) + " exercise days (" +
                   JoinAnd(dates) +
                   ") were each followed by a significantly worse morning. A pattern that "
                   "repeats suggests the load is more than your mid back is absorbing right "
                   "now: ease it, and look at what else loaded your back those days.";
        break;
      }
      case AlertKind::kKeepsRising:
        out.see_clinician = true;
        out.text = Sentence(a.rise ? KeepsRisingClaim(*a.rise) : "your mornings keep rising") +
                   " Pain that keeps rising is a reason to talk to a clinician, whatever the "
                   "exercise, and to answer the safety questions again.";
        break;
      case AlertKind::kMorningShift:
        out.text = "Since " + PersonDate(a.date) +
                   ", your mornings after rest days have run above your usual: an early sign, "
                   "before the two-week reading. Look at what changed (load, sitting, sleep, "
                   "stress).";
        break;
    }
    w.alerts.push_back(std::move(out));
  }
}

void UsualWords(const Reading& r, const Settings& s, ReadingWords& w) {
  const UsualAt& u = r.usual;
  if (!u.pain) {
    w.usual =
        "Your usual morning is not known yet: record a morning after a day without "
        "exercise, or your usual morning.";
  } else {
    w.usual = "Your usual morning: pain " + Num(*u.pain);
    if (u.stiffness) w.usual += ", stiffness " + Num(*u.stiffness);
    w.usual += u.pain_source == UsualSource::kStated
                   ? ", as you stated it."
                   : ", from your mornings after days without exercise.";
  }
  const Progress& p = r.progress;
  if (p.now && (p.four_weeks_before || p.eight_weeks_before)) {
    w.progress = "Your usual morning over the weeks: ";
    if (p.eight_weeks_before) w.progress += Num(*p.eight_weeks_before) + " eight weeks ago, ";
    if (p.four_weeks_before) w.progress += Num(*p.four_weeks_before) + " four weeks ago, ";
    w.progress += "and " + Num(*p.now) + " now: ";
    const double first = p.eight_weeks_before ? *p.eight_weeks_before : *p.four_weeks_before;
    w.progress += ChangeWords(first, *p.now, s.noticeably_higher) + ".";
  }
}

void ActivitiesWords(const Reading& r, ReadingWords& w) {
  if (r.activities.size() < 2) return;
  for (const ActivityReading& a : r.activities) {
    std::string text = a.name + ": " + Plural(a.days, "day", "days") + "; the morning after ";
    text += a.raised_days == 0   ? "never higher"
            : a.raised_days == 1 ? "higher once"
                                 : "higher " + std::to_string(a.raised_days) + " times";
    if (a.flared_days > 0) {
      text += a.flared_days == 1 ? ", flared once"
                                 : ", flared " + std::to_string(a.flared_days) + " times";
    }
    if (a.setting_off) text += ": this one seems to be setting your back off";
    w.activities.push_back({a.name, text + ".", a.setting_off});
  }
}

}  // namespace

void SessionsWords(const Reading& r, const Settings& s, ReadingWords& w);
void AssociationsWords(const Reading& r, const Settings& s, ReadingWords& w);
std::string NextStepWords(const Reading& r, const Settings& s);

ReadingWords WordsFor(const Reading& r, const Settings& s, const Voice& voice) {
  ReadingWords w;
  const Said said = VerdictWords(r, s, w);
  EvidenceWords(r, s, said, w);
  CautionWords(r, s, w);
  AlertsWords(r, w);
  UsualWords(r, s, w);
  ActivitiesWords(r, w);
  SessionsWords(r, s, w);
  AssociationsWords(r, s, w);
  w.next_step = NextStepWords(r, s);
  w.as_of = "As of " + PersonDate(r.as_of, true) + ": the last " + Num(s.trend_days) +
            " days, from " + PersonDate(r.window_start) + ".";
  return InVoice(std::move(w), voice);
}

}  // namespace backsignal
