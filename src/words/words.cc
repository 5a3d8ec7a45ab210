// A reading in one voice (reading.md §5). Every sentence is made here from the Reading's
// numbers; each claim is one the counts beside it support.
#include "backsignal/words/words.h"

#include <algorithm>
#include <cmath>

#include "phrases.h"

namespace backsignal {
namespace {

using namespace words_detail;

bool HasAlert(const Reading& r, AlertKind kind) {
  return std::any_of(r.alerts.begin(), r.alerts.end(),
                     [kind](const Alert& a) { return a.kind == kind; });
}

const Alert* FindAlert(const Reading& r, AlertKind kind) {
  for (const Alert& a : r.alerts) {
    if (a.kind == kind) return &a;
  }
  return nullptr;
}

// The exercise effect lets exercise be blamed (it is not known, or mornings after exercise
// stand above mornings after rest).
bool EffectBlamesExercise(const Trend& t, const Settings& s) {
  return !t.exercise_effect || *t.exercise_effect >= s.exercise_effect;
}

std::string FlaredClaim(const Trend& t) {
  if (t.flared_days == 0) {
    if (t.session_days == 1) {
      return "your one exercise day was not followed by a significantly worse morning";
    }
    return "none of your " + Plural(t.session_days, "exercise day was", "exercise days were") +
           " followed by a significantly worse morning";
  }
  return OfTimes(t.flared_days, t.session_days) +
         (t.session_days == 1 ? " exercise day" : " exercise days") +
         (t.flared_days == 1 ? " was" : " were") + " followed by a significantly worse morning";
}

std::string RaisedClaim(const Trend& t) {
  if (t.raised_days == 0) {
    if (t.session_days == 1) {
      return "your one exercise day was not followed by a noticeably higher morning";
    }
    return "none of your " + Plural(t.session_days, "exercise day was", "exercise days were") +
           " followed by a noticeably higher morning";
  }
  return OfTimes(t.raised_days, t.session_days) +
         (t.session_days == 1 ? " exercise day" : " exercise days") +
         (t.raised_days == 1 ? " was" : " were") + " followed by a noticeably higher morning";
}

std::string StrainClaim(const Trend& t) {
  if (t.strained_sessions == 0) {
    if (t.strain_sessions == 1) {
      return "your one session did not build up, catch, or keep rising an hour later";
    }
    return "none of your " + Plural(t.strain_sessions, "session", "sessions") +
           " built up, caught, or kept rising an hour later";
  }
  return OfTimes(t.strained_sessions, t.strain_sessions) +
         (t.strain_sessions == 1 ? " session" : " sessions") +
         (t.strained_sessions == 1 ? " built up, caught, or was" : " built up, caught, or were") +
         " still rising an hour later";
}

std::string EffectClaim(const Trend& t) {
  const double e = *t.exercise_effect;
  if (std::fabs(e) < 0.25) return "mornings after exercise were much like mornings after rest days";
  return "mornings after exercise sat " + Points(e) + (e > 0 ? " above" : " below") +
         " mornings after rest days";
}

// The signals that point towards exercise being within a helpful range, and those against.
struct Signals {
  std::vector<std::string> for_helpful;
  std::vector<std::string> against;
};

Signals SignalsOf(const Reading& r, const Settings& s) {
  const Trend& t = r.trend;
  Signals out;
  if (t.session_days > 0) {
    (*t.flared_share <= s.helpful_share ? out.for_helpful : out.against).push_back(FlaredClaim(t));
    if (*t.raised_share > s.stirring_share) {
      if (EffectBlamesExercise(t, s)) {
        out.against.push_back(RaisedClaim(t));
      } else {
        out.for_helpful.push_back(RaisedClaim(t) + ", but " + EffectClaim(t));
      }
    }
  }
  switch (t.baseline) {
    case Baseline::kCreeping: {
      std::string claim = "your mornings this fortnight are " + Points(*t.baseline_change) +
                          " higher than the fortnight before";
      if (!t.exercise_effect || *t.exercise_effect < s.exercise_effect) {
        claim += ": they are rising on rest days too, so exercise alone does not explain it";
      }
      out.against.push_back(claim);
      break;
    }
    case Baseline::kImproving:
      out.for_helpful.push_back("your mornings this fortnight are " + Points(*t.baseline_change) +
                                " lower than the fortnight before");
      break;
    case Baseline::kStable:
      out.for_helpful.push_back("your mornings are steady against the fortnight before");
      break;
    case Baseline::kUnknown:
      break;
  }
  if (t.comfort == Comfort::kLessComfortable) {
    out.against.push_back("sessions have been getting less comfortable over the weeks");
  } else if (t.comfort == Comfort::kMoreComfortable) {
    out.for_helpful.push_back("sessions have been getting more comfortable over the weeks");
  }
  if (t.strained_share) {
    (*t.strained_share <= s.strain_share ? out.for_helpful : out.against).push_back(StrainClaim(t));
  }
  if (const Alert* a = FindAlert(r, AlertKind::kRepeatedWorseMornings)) {
    out.against.push_back("the last " + std::to_string(a->dates.size()) +
                          " exercise days were each followed by a significantly worse morning");
  }
  if (HasAlert(r, AlertKind::kKeepsRising)) {
    out.against.push_back("your usual morning has risen by " +
                          Points(*r.progress.now - *r.progress.four_weeks_before) +
                          " in four weeks");
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

void VerdictWords(const Reading& r, const Settings& s, ReadingWords& w) {
  const Trend& t = r.trend;
  const Signals sig = SignalsOf(r, s);
  switch (t.verdict) {
    case Verdict::kHelpful:
      w.title = "Exercise looks to be within a helpful range";
      w.explanation = "Exercise seems to be within a helpful range for your mid back right now: " +
                      JoinList(sig.for_helpful) +
                      ". That is a reading of the pattern so far, not a promise.";
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
        reasons.push_back("sessions have been getting less comfortable over the weeks");
      }
      w.explanation =
          "The pattern suggests the load is more than your mid back is absorbing well right now: " +
          JoinAnd(reasons) + ".";
      break;
    }
    case Verdict::kMixed:
      w.title = "Mixed: not clearly helpful, not clearly stirring things up";
      w.explanation = "The signals pull different ways.";
      if (!sig.for_helpful.empty()) {
        w.explanation += " For a helpful range: " + JoinList(sig.for_helpful) + ".";
      }
      if (!sig.against.empty()) w.explanation += " Against: " + JoinList(sig.against) + ".";
      break;
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
}

void EvidenceWords(const Reading& r, const Settings& s, ReadingWords& w) {
  const Trend& t = r.trend;
  if (t.session_days > 0) {
    w.evidence.push_back(Sentence(FlaredClaim(t) + " (" + Num(s.significant_change) +
                                  " or more points above your usual)"));
    w.evidence.push_back(Sentence(RaisedClaim(t) + " (" + Num(s.noticeably_higher) +
                                  " or more points above, flares included)"));
  }
  if (t.exercise_effect) {
    w.evidence.push_back(
        Sentence(EffectClaim(t) + " in the last " + Num(s.trend_days) + " days (" +
                 Plural(t.effect_after_mornings, "morning", "mornings") + " after exercise, " +
                 Plural(t.effect_rest_mornings, "morning", "mornings") + " after rest)"));
  }
  if (t.baseline_change) {
    w.evidence.push_back("Your typical morning this fortnight: pain " + Num(*t.baseline_now) +
                         ", against " + Num(*t.baseline_before) + " the fortnight before (" +
                         (t.baseline_basis == BaselineBasis::kRestMornings
                              ? "mornings after days without exercise"
                              : "all mornings, as too few followed days without exercise") +
                         ").");
  } else {
    w.evidence.push_back(
        "Your mornings over two fortnights: too few yet to compare this fortnight with the one "
        "before.");
  }
  switch (t.comfort) {
    case Comfort::kLessComfortable:
      w.evidence.push_back("Sessions over four weeks: getting less comfortable.");
      break;
    case Comfort::kMoreComfortable:
      w.evidence.push_back("Sessions over four weeks: getting more comfortable.");
      break;
    case Comfort::kSteady:
      w.evidence.push_back("Sessions over four weeks: about as comfortable as before.");
      break;
    case Comfort::kUnknown:
      w.evidence.push_back("Sessions over four weeks: too few rated yet to see a trend.");
      break;
  }
  if (t.strain_sessions > 0) w.evidence.push_back(Sentence(StrainClaim(t)));
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
  if (t.painkiller_mornings > 0) {
    const int k = t.painkiller_mornings, n = t.mornings_after_exercise;
    const std::string which =
        n == 1   ? "your one morning after exercise"
        : k == n ? "all " + std::to_string(n) + " of your mornings after exercise"
                 : std::to_string(k) + " of your " + std::to_string(n) + " mornings after exercise";
    w.cautions.push_back("On " + which + " in the last " + Num(s.trend_days) +
                         " days you had taken painkillers, which can hide a flare: " +
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
      case AlertKind::kModifyOrStop:
        out.text = PersonDate(a.date) + ": sharp or catching pain during session " +
                   std::to_string(a.session_number) +
                   ". That is a signal to modify or stop that movement, not to push through.";
        break;
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
        out.text = "Your usual morning has risen from " + Num(*r.progress.four_weeks_before) +
                   " to " + Num(*r.progress.now) +
                   " in four weeks. Pain that keeps rising is a reason to talk to a clinician, "
                   "whatever the exercise.";
        break;
      case AlertKind::kMorningShift:
        out.text = "Since " + PersonDate(a.date) +
                   ", your mornings after days without exercise have been running above your "
                   "usual morning: a sustained shift, noticed before the two-week reading. Look "
                   "at what changed (load, sitting, sleep, stress) and keep checking in.";
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
  if (p.now && p.four_weeks_before) {
    w.progress = "Your usual morning over the weeks: ";
    if (p.eight_weeks_before) w.progress += Num(*p.eight_weeks_before) + " eight weeks ago, ";
    w.progress += Num(*p.four_weeks_before) + " four weeks ago, and " + Num(*p.now) + " now";
    const double first = p.eight_weeks_before ? *p.eight_weeks_before : *p.four_weeks_before;
    w.progress += *p.now < first   ? ": coming down."
                  : *p.now > first ? ": going up."
                                   : ": about the same.";
  }
  (void)s;
}

}  // namespace

void SessionsWords(const Reading& r, const Settings& s, ReadingWords& w);
void AssociationsWords(const Reading& r, const Settings& s, ReadingWords& w);
std::string NextStepWords(const Reading& r, const Settings& s);

ReadingWords WordsFor(const Reading& r, const Settings& s, const Voice& voice) {
  ReadingWords w;
  VerdictWords(r, s, w);
  EvidenceWords(r, s, w);
  CautionWords(r, s, w);
  AlertsWords(r, w);
  UsualWords(r, s, w);
  SessionsWords(r, s, w);
  AssociationsWords(r, s, w);
  w.next_step = NextStepWords(r, s);
  w.as_of = "As of " + PersonDate(r.as_of, true) + ": the last " + Num(s.trend_days) +
            " days, from " + PersonDate(r.window_start) + ".";
  return InVoice(std::move(w), voice);
}

}  // namespace backsignal
