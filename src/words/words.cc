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
      // TRANSLATORS: {claim} counts the exercise days followed by a higher morning; {but} says
      // how mornings after exercise compare with mornings after rest days.
      out.watch.push_back(
          L().Tr("{claim}, but {but}", {Arg("claim", RaisedClaim(t)), Arg("but", EffectClaim(t))}));
    }
  }
  switch (t.baseline) {
    case Baseline::kImproving:
      // TRANSLATORS: {points} is "1 point", "1.5 points".
      out.support.push_back(
          L().Tr("your mornings this fortnight are {points} lower than the "
                 "fortnight before",
                 {Arg("points", Points(*t.baseline_change))}));
      break;
    case Baseline::kStable:
      out.support.push_back(L().Tr("your mornings are steady against the fortnight before"));
      break;
    case Baseline::kCreeping:
    case Baseline::kUnknown:
      break;
  }
  // Comfort is how much each session itself raised the pain (§3), not how high it started.
  if (t.comfort == Comfort::kMoreComfortable) {
    out.support.push_back(L().Tr("sessions raise your pain less and less over the weeks"));
    out.comfort = true;
  } else if (t.comfort == Comfort::kSteady) {
    out.support.push_back(L().Tr("sessions raise your pain about as much as before"));
    out.comfort = true;
  }
  if (t.strain_sessions > 0) {
    if (t.strained_sessions == 0) {
      out.support.push_back(
          t.strain_sessions == 1
              ? L().Tr("your one session did not build up or keep rising into the next morning")
              // TRANSLATORS: {n} is the number of sessions, always 2 or more.
              : L().Ntr("none of your {n} sessions built up or kept rising into the next morning",
                        "none of your {n} sessions built up or kept rising into the next morning",
                        t.strain_sessions));
      out.strain = true;
    } else if (*t.strained_share <= s.strain_share) {
      out.watch.push_back(HeldBackWords(HeldBack::kStrain, r, s));
      out.strain = true;
    }
  }
  return out;
}

std::string Sentence(const std::string& s) {
  // TRANSLATORS: a sentence made of a claim: {claim} with its first letter capitalised.
  return L().Tr("{claim}.", {Arg("claim", Capital(s))});
}

// Claims that may hold commas and colons of their own, listed: "a; b; and c".
std::string JoinList(const std::vector<std::string>& parts) {
  if (parts.empty()) return "";
  std::string out = parts.front();
  for (size_t i = 1; i < parts.size(); ++i) {
    out = i + 1 == parts.size()
              // TRANSLATORS: the last of a list of claims that hold commas of their own.
              ? L().TrC("list", "{items}; and {last}", {Arg("items", out), Arg("last", parts[i])})
              : L().TrC("list", "{items}; {item}", {Arg("items", out), Arg("item", parts[i])});
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
      w.title = L().Tr("Exercise looks to be within a helpful range");
      // TRANSLATORS: {support} lists what speaks for a helpful range.
      w.explanation = L().Tr(
          "Exercise seems to be within a helpful range for your mid back right now: {support}.",
          {Arg("support", sig.support.empty() ? L().Tr("nothing counts against it so far")
                                              : JoinList(sig.support))});
      if (!sig.watch.empty()) {
        // TRANSLATORS: {watch} lists what is worth watching.
        w.explanation +=
            " " + L().Tr("Worth watching: {watch}.", {Arg("watch", JoinList(sig.watch))});
      }
      w.explanation += " " + L().Tr("That is a reading of the pattern so far, not a promise.");
      said = {sig.comfort, sig.strain};
      break;
    case Verdict::kStirringUp: {
      w.title = L().Tr("Exercise may be stirring things up");
      std::vector<std::string> reasons;
      if (*t.raised_share > s.stirring_share && EffectBlamesExercise(t, s)) {
        std::string claim = RaisedClaim(t);
        if (t.exercise_effect) {
          // TRANSLATORS: two claims about the mornings after exercise, joined.
          claim =
              L().Tr("{claim}, and {effect}", {Arg("claim", claim), Arg("effect", EffectClaim(t))});
        }
        reasons.push_back(claim);
      }
      if (t.comfort == Comfort::kLessComfortable) {
        reasons.push_back(
            L().Tr("sessions have been raising your pain more and more over the weeks"));
        said.comfort = true;
      }
      // TRANSLATORS: {reasons} lists what suggests it.
      w.explanation = L().Tr(
          "The pattern suggests the load is more than your mid back is absorbing well right now: "
          "{reasons}.",
          {Arg("reasons", JoinAnd(reasons))});
      break;
    }
    case Verdict::kMixed: {
      w.title = L().Tr("Mixed: not clearly helpful, not clearly stirring things up");
      w.explanation = L().Tr("The signals pull different ways.");
      if (!sig.support.empty()) {
        // TRANSLATORS: {support} lists what speaks for a helpful range.
        w.explanation += " " + L().Tr("For a helpful range: {support}.",
                                      {Arg("support", JoinList(sig.support))});
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
      w.title = L().Tr("Not enough data yet");
      std::vector<std::string> need;
      const Arg days("days", Num(s.trend_days));
      if (t.mornings_needed > 0) {
        // TRANSLATORS: {days} is the reading's window in days (14).
        need.push_back(L().Ntr("{n} more morning in the last {days} days",
                               "{n} more mornings in the last {days} days", t.mornings_needed,
                               {days}));
      }
      if (t.session_days_needed > 0) {
        need.push_back(L().Ntr("{n} more exercise day with the morning after recorded",
                               "{n} more exercise days with the morning after recorded",
                               t.session_days_needed));
      }
      if (t.recorded_days_needed > 0) {
        // TRANSLATORS: {days} is the reading's window in days (14).
        need.push_back(L().Ntr(
            "{n} more day with an entry in the last {days} days (a reading needs most days, the "
            "good ones too)",
            "{n} more days with an entry in the last {days} days (a reading needs most days, the "
            "good ones too)",
            t.recorded_days_needed, {days}));
      }
      if (!r.usual.pain) {
        need.push_back(L().Tr(
            "a morning after a day without exercise, or your usual morning, to compare with"));
      }
      // TRANSLATORS: {needs} lists what is still needed.
      w.explanation = L().Tr(
          "One session is never a verdict: the pattern over a week or two is what tells. To read "
          "it, backsignal needs {needs}.",
          {Arg("needs", JoinAnd(need))});
      break;
    }
  }
  return said;
}

void EvidenceWords(const Reading& r, const Settings& s, const Said& said, ReadingWords& w) {
  const Trend& t = r.trend;
  const Locale& l = L();
  // TRANSLATORS: {claim} counts exercise days followed by a worse morning; {points} is a
  // threshold number ("2").
  const auto worse = [&](const std::string& claim) {
    return l.Tr("{claim} ({points} or more points above your usual)",
                {Arg("claim", claim), Arg("points", Num(s.significant_change))});
  };
  // TRANSLATORS: {claim} counts exercise days followed by a higher morning; {points} is a
  // threshold number ("1").
  const auto higher = [&](const std::string& claim) {
    return l.Tr("{claim} ({points} or more points above, flares included)",
                {Arg("claim", claim), Arg("points", Num(s.noticeably_higher))});
  };
  if (said.flares) {
    // The flares are held back, once: here only the higher mornings they are counted among.
    w.evidence.push_back(Sentence(higher(RaisedClaim(t))));
  } else if (t.session_days == 1) {
    w.evidence.push_back(Sentence(worse(FlaredClaim(t))));
    w.evidence.push_back(Sentence(higher(RaisedClaim(t))));
  } else if (t.session_days > 1) {
    // One line: the significant ones, and the noticeable ones they are counted among.
    // TRANSLATORS: {count} is "none" or "3 of 7" (exercise days followed by a higher morning).
    const std::string also =
        higher(l.Tr("{count} by a noticeably higher one",
                    {Arg("count", t.raised_days == 0 ? l.Tr("none")
                                                     : OfTimes(t.raised_days, t.session_days))}));
    // TRANSLATORS: two claims about the same exercise days, joined.
    w.evidence.push_back(Sentence(
        l.Tr("{first}; {second}", {Arg("first", worse(FlaredClaim(t))), Arg("second", also)})));
  }
  if (t.exercise_effect) {
    // TRANSLATORS: {claim} compares mornings after exercise with mornings after rest; {after}
    // and {rest} count those mornings; {days} is the window in days (14).
    w.evidence.push_back(
        Sentence(l.Tr("{claim} ({after} and {rest} mornings in the last {days} days)",
                      {Arg("claim", EffectClaim(t)), Arg("after", t.effect_after_mornings),
                       Arg("rest", t.effect_rest_mornings), Arg("days", Num(s.trend_days))})));
  }
  if (t.baseline_change) {
    // TRANSLATORS: {now} and {before} are pain scores; {basis} is which mornings they come from.
    w.evidence.push_back(l.Tr(
        "Your typical morning this fortnight: pain {now}, against {before} the fortnight before "
        "({basis}).",
        {Arg("now", Num(*t.baseline_now)), Arg("before", Num(*t.baseline_before)),
         Arg("basis", t.baseline_basis == BaselineBasis::kRestMornings
                          ? l.Tr("mornings after rest days")
                          : l.Tr("all mornings, as too few followed rest days"))}));
  } else {
    w.evidence.push_back(l.Tr(
        "Your mornings over two fortnights: too few yet to compare this fortnight with the one "
        "before."));
  }
  // Comfort is how much each session itself raised the pain (§3), not how high it started.
  switch (said.comfort ? Comfort::kUnknown : t.comfort) {
    case Comfort::kLessComfortable:
      w.evidence.push_back(l.Tr("Sessions over four weeks: raising your pain more and more."));
      break;
    case Comfort::kMoreComfortable:
      w.evidence.push_back(l.Tr("Sessions over four weeks: raising your pain less and less."));
      break;
    case Comfort::kSteady:
      w.evidence.push_back(
          l.Tr("Sessions over four weeks: raising your pain about as much as before."));
      break;
    case Comfort::kUnknown:
      if (said.comfort) break;
      w.evidence.push_back(
          l.Tr("Sessions over four weeks: too few rated at their start and after to see a trend."));
      break;
  }
  if (t.strain_sessions > 0 && !said.strain) {
    const Arg days("days", Num(s.trend_days));
    const Arg kinds("kinds", StrainKinds(t));
    // TRANSLATORS: {days} is the window in days (14); {kinds} lists how sessions strained
    // ("2 built up during the session and 1 was sharp or catching"); {n} counts sessions.
    w.evidence.push_back(
        t.strained_sessions == 0
            ? Sentence(t.strain_sessions == 1
                           ? l.Tr("your one session in the last {days} days did not build up, was "
                                  "not sharp, and did not keep rising into the next morning",
                                  {days})
                           : l.Ntr("none of your {n} sessions in the last {days} days built up, "
                                   "was sharp, or kept rising into the next morning",
                                   "none of your {n} sessions in the last {days} days built up, "
                                   "was sharp, or kept rising into the next morning",
                                   t.strain_sessions, {days}))
        : t.strain_sessions == 1
            ? Sentence(l.Tr("your one session in the last {days} days: it {kinds}",
                            {days, Arg("kinds", StrainKinds(t, true))}))
            : Sentence(l.Ntr("of your {n} sessions in the last {days} days, {kinds}",
                             "of your {n} sessions in the last {days} days, {kinds}",
                             t.strain_sessions, {days, kinds})));
  }
}

void CautionWords(const Reading& r, const Settings& s, ReadingWords& w) {
  const Trend& t = r.trend;
  if (t.missing_mornings >= 2 && t.missing_mornings * 10 > t.exercise_days * 3) {
    // TRANSLATORS: {count} is "3 of 7"; {days} the window in days (14).
    w.cautions.push_back(L().Tr(
        "{count} exercise days in the last {days} days have no morning after recorded, so this "
        "reading is less sure than it looks. Check in on waking after exercise days.",
        {Arg("count", OfTimes(t.missing_mornings, t.exercise_days)),
         Arg("days", Num(s.trend_days))}));
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
    const Locale& l = L();
    const Arg days("days", Num(s.trend_days));
    // TRANSLATORS: {days} is the window in days (14); {n} the mornings after exercise; {k} how
    // many of them came after painkillers.
    w.cautions.push_back(
        n == 1 ? l.Tr("Your one morning after exercise in the last {days} days came after "
                      "painkillers taken the day or evening before, which can hide a flare: that "
                      "morning may look better than your back is.",
                      {days})
        : k == n
            ? l.Ntr("All {n} of your mornings after exercise in the last {days} days came after "
                    "painkillers taken the day or evening before, which can hide a flare: those "
                    "mornings may look better than your back is.",
                    "All {n} of your mornings after exercise in the last {days} days came after "
                    "painkillers taken the day or evening before, which can hide a flare: those "
                    "mornings may look better than your back is.",
                    n, {days})
            : l.Ntr("{k} of your {n} mornings after exercise in the last {days} days came after "
                    "painkillers taken the day or evening before, which can hide a flare: that "
                    "morning may look better than your back is.",
                    "{k} of your {n} mornings after exercise in the last {days} days came after "
                    "painkillers taken the day or evening before, which can hide a flare: those "
                    "mornings may look better than your back is.",
                    k, {days, Arg("k", k), Arg("n", n)}));
  }
  if (r.usual.pain_source == UsualSource::kStated) {
    // TRANSLATORS: {count} is how many such mornings are needed (3).
    w.cautions.push_back(L().Tr(
        "Your usual morning is the one you stated. Your own mornings after days without exercise "
        "will take its place once there are {count} of them in the last four weeks.",
        {Arg("count", Num(s.baseline_min_mornings))}));
  }
  if (!r.non_default_settings.empty()) {
    w.cautions.push_back(
        L().Tr("Some thresholds were changed from the defaults for this reading (see Settings)."));
  }
}

void AlertsWords(const Reading& r, ReadingWords& w) {
  for (const Alert& a : r.alerts) {
    AlertWords out{a.kind, a.date, "", false};
    switch (a.kind) {
      case AlertKind::kModifyOrStop: {
        std::string what = L().Tr("the session");
        for (const SessionReading& sr : r.sessions) {
          if (sr.date == a.date && sr.number == a.session_number) what = SessionName(r, sr);
        }
        // TRANSLATORS: {session} names a session ("swimming on Tue 3 Nov").
        out.text = L().Tr(
            "Sharp or catching pain during {session}. That is a signal to modify or stop that "
            "movement, not to push through.",
            {Arg("session", what)});
        break;
      }
      case AlertKind::kRepeatedWorseMornings: {
        std::vector<std::string> dates;
        for (Date d : a.dates) dates.push_back(PersonDate(d));
        // TRANSLATORS: {n} is the number of exercise days (2 or more); {dates} lists them.
        out.text = L().Ntr(
            "The last {n} exercise days ({dates}) were each followed by a significantly worse "
            "morning. A pattern that repeats suggests the load is more than your mid back is "
            "absorbing right now: ease it, and look at what else loaded your back those days.",
            "The last {n} exercise days ({dates}) were each followed by a significantly worse "
            "morning. A pattern that repeats suggests the load is more than your mid back is "
            "absorbing right now: ease it, and look at what else loaded your back those days.",
            static_cast<int64_t>(a.dates.size()), {Arg("dates", JoinAnd(dates))});
        break;
      }
      case AlertKind::kKeepsRising:
        out.see_clinician = true;
        out.text =
            Sentence(a.rise ? KeepsRisingClaim(*a.rise) : L().Tr("your mornings keep rising")) +
            " " +
            L().Tr(
                "Pain that keeps rising is a reason to talk to a clinician, whatever "
                "the exercise, and to answer the safety questions again.");
        break;
      case AlertKind::kMorningShift:
        // TRANSLATORS: {date} is a date ("Tue 3 Nov").
        out.text = L().Tr(
            "Since {date}, your mornings after rest days have run above your usual: an early "
            "sign, before the two-week reading. Look at what changed (load, sitting, sleep, "
            "stress).",
            {Arg("date", PersonDate(a.date))});
        break;
    }
    w.alerts.push_back(std::move(out));
  }
}

void UsualWords(const Reading& r, const Settings& s, ReadingWords& w) {
  const UsualAt& u = r.usual;
  const Locale& l = L();
  if (!u.pain) {
    w.usual = l.Tr(
        "Your usual morning is not known yet: record a morning after a day without exercise, or "
        "your usual morning.");
  } else {
    // TRANSLATORS: {pain} and {stiffness} are scores out of 10.
    const Args args = {Arg("pain", Num(*u.pain)),
                       Arg("stiffness", u.stiffness ? Num(*u.stiffness) : "")};
    if (u.pain_source == UsualSource::kStated) {
      w.usual = u.stiffness ? l.Tr(
                                  "Your usual morning: pain {pain}, stiffness {stiffness}, as you "
                                  "stated it.",
                                  args)
                            : l.Tr("Your usual morning: pain {pain}, as you stated it.", args);
    } else {
      w.usual = u.stiffness ? l.Tr(
                                  "Your usual morning: pain {pain}, stiffness {stiffness}, from "
                                  "your mornings after days without exercise.",
                                  args)
                            : l.Tr(
                                  "Your usual morning: pain {pain}, from your mornings after "
                                  "days without exercise.",
                                  args);
    }
  }
  const Progress& p = r.progress;
  if (p.now && (p.four_weeks_before || p.eight_weeks_before)) {
    const double first = p.eight_weeks_before ? *p.eight_weeks_before : *p.four_weeks_before;
    // TRANSLATORS: {eight}, {four} and {now} are pain scores; {change} is "going up", "coming
    // down" or "about the same".
    const Args args = {Arg("eight", p.eight_weeks_before ? Num(*p.eight_weeks_before) : ""),
                       Arg("four", p.four_weeks_before ? Num(*p.four_weeks_before) : ""),
                       Arg("now", Num(*p.now)),
                       Arg("change", ChangeWords(first, *p.now, s.noticeably_higher))};
    if (p.eight_weeks_before && p.four_weeks_before) {
      w.progress = l.Tr(
          "Your usual morning over the weeks: {eight} eight weeks ago, {four} four "
          "weeks ago, and {now} now: {change}.",
          args);
    } else if (p.eight_weeks_before) {
      w.progress = l.Tr(
          "Your usual morning over the weeks: {eight} eight weeks ago, and {now} "
          "now: {change}.",
          args);
    } else {
      w.progress = l.Tr(
          "Your usual morning over the weeks: {four} four weeks ago, and {now} now: "
          "{change}.",
          args);
    }
  }
}

void ActivitiesWords(const Reading& r, ReadingWords& w) {
  if (r.activities.size() < 2) return;
  for (const ActivityReading& a : r.activities) {
    const Locale& l = L();
    // TRANSLATORS: {activity} is the activity's name as the person typed it.
    std::string text =
        l.Ntr("{activity}: {n} day", "{activity}: {n} days", a.days, {Arg("activity", a.name)});
    // TRANSLATORS: how often the morning after this activity was higher than usual.
    const std::string higher =
        a.raised_days == 0 ? l.Tr("the morning after never higher")
                           // TRANSLATORS: English says "once" for one; a form may leave {n} out.
                           : l.Ntr("the morning after higher once",
                                   "the morning after higher {n} times", a.raised_days);
    // TRANSLATORS: {first} is the activity and its days; {second} how often the morning after
    // was higher.
    text = l.Tr("{first}; {second}", {Arg("first", text), Arg("second", higher)});
    if (a.flared_days > 0) {
      // TRANSLATORS: {text} is the line so far; {n} how many mornings after it flared.
      text = l.Ntr("{text}, flared once", "{text}, flared {n} times", a.flared_days,
                   {Arg("text", text)});
    }
    if (a.setting_off) {
      text = l.Tr("{text}: this one seems to be setting your back off", {Arg("text", text)});
    }
    w.activities.push_back({a.name, l.Tr("{claim}.", {Arg("claim", text)}), a.setting_off});
  }
}

}  // namespace

void SessionsWords(const Reading& r, const Settings& s, ReadingWords& w);
void AssociationsWords(const Reading& r, const Settings& s, ReadingWords& w);
std::string NextStepWords(const Reading& r, const Settings& s);

ReadingWords WordsFor(const Reading& r, const Settings& s, const Voice& voice, const Locale& loc) {
  const LocaleScope scope(loc);
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
  // TRANSLATORS: {date} is the reading's date with its year; {days} the window in days (14);
  // {from} the window's first date.
  w.as_of = loc.Tr("As of {date}: the last {days} days, from {from}.",
                   {Arg("date", PersonDate(r.as_of, true)), Arg("days", Num(s.trend_days)),
                    Arg("from", PersonDate(r.window_start))});
  return RetoldInVoice(std::move(w), voice, loc);
}

}  // namespace backsignal
