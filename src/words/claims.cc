// The claims the words are made of, each from the reading's own counts: what decided a verdict,
// what holds it back, and how a session or an activity is named.
#include <algorithm>
#include <cmath>

#include "backsignal/words/words.h"
#include "phrases.h"

namespace backsignal::words_detail {
namespace {

// "3 of 7 exercise days were", "your one exercise day was", "none of your 7 exercise days was".
// `worse`: followed by a significantly worse morning, else by a noticeably higher one.
std::string DaysFollowed(int k, int n, bool worse) {
  const Locale& l = L();
  if (worse) {
    if (k == 0) {
      if (n == 1)
        return l.Tr("your one exercise day was not followed by a significantly worse morning");
      // TRANSLATORS: {n} counts exercise days (2 or more).
      return l.Ntr("none of your {n} exercise days was followed by a significantly worse morning",
                   "none of your {n} exercise days was followed by a significantly worse morning",
                   n);
    }
    if (n == 1) return l.Tr("1 of 1 exercise day was followed by a significantly worse morning");
    // TRANSLATORS: {k} of {n} exercise days; the form follows {k}.
    return l.Ntr("{k} of {total} exercise days was followed by a significantly worse morning",
                 "{k} of {total} exercise days were followed by a significantly worse morning", k,
                 {Arg("k", k), Arg("total", n)});
  }
  if (k == 0) {
    if (n == 1)
      return l.Tr("your one exercise day was not followed by a noticeably higher morning");
    return l.Ntr("none of your {n} exercise days was followed by a noticeably higher morning",
                 "none of your {n} exercise days was followed by a noticeably higher morning", n);
  }
  if (n == 1) return l.Tr("1 of 1 exercise day was followed by a noticeably higher morning");
  // TRANSLATORS: {k} of {total} exercise days; the form follows {k}.
  return l.Ntr("{k} of {total} exercise days was followed by a noticeably higher morning",
               "{k} of {total} exercise days were followed by a noticeably higher morning", k,
               {Arg("k", k), Arg("total", n)});
}

}  // namespace

bool EffectBlamesExercise(const Trend& t, const Settings& s) {
  return !t.exercise_effect || *t.exercise_effect >= s.exercise_effect;
}

const Alert* FindAlert(const Reading& r, AlertKind kind) {
  for (const Alert& a : r.alerts) {
    if (a.kind == kind) return &a;
  }
  return nullptr;
}

std::string FlaredClaim(const Trend& t) {
  return DaysFollowed(t.flared_days, t.session_days, true);
}

std::string RaisedClaim(const Trend& t) {
  return DaysFollowed(t.raised_days, t.session_days, false);
}

std::string SettledClaim(const Trend& t) {
  const int settled = t.session_days - t.raised_days;
  const Locale& l = L();
  if (settled == t.session_days) {
    if (t.session_days == 1) {
      return l.Tr("your one exercise day was followed by a morning within your usual range");
    }
    // TRANSLATORS: {n} counts exercise days (2 or more).
    return l.Ntr(
        "all {n} of your exercise days were followed by a morning within your usual range or "
        "better",
        "all {n} of your exercise days were followed by a morning within your usual range or "
        "better",
        t.session_days);
  }
  // TRANSLATORS: {k} of {total} exercise days; the form follows {k}.
  return l.Ntr(
      "{k} of {total} exercise days was followed by a morning within your usual range or better",
      "{k} of {total} exercise days were followed by a morning within your usual range or better",
      settled, {Arg("k", settled), Arg("total", t.session_days)});
}

std::string EffectClaim(const Trend& t) {
  const double e = *t.exercise_effect;
  if (std::fabs(e) < 0.25) {
    return L().Tr("mornings after exercise were much like mornings after rest days");
  }
  // TRANSLATORS: {points} is "1 point", "1.5 points".
  return e > 0 ? L().Tr("mornings after exercise sat {points} above mornings after rest days",
                        {Arg("points", Points(e))})
               : L().Tr("mornings after exercise sat {points} below mornings after rest days",
                        {Arg("points", Points(e))});
}

std::string CreepingClaim(const Trend& t, const Settings& s) {
  const Arg points("points", Points(*t.baseline_change));
  if (!t.exercise_effect || *t.exercise_effect < s.exercise_effect) {
    // TRANSLATORS: {points} is "1 point", "1.5 points".
    return L().Tr(
        "your mornings this fortnight are {points} higher than the fortnight before: they are "
        "rising on rest days too, so exercise alone does not explain it",
        {points});
  }
  return L().Tr("your mornings this fortnight are {points} higher than the fortnight before",
                {points});
}

std::string KeepsRisingClaim(const Rise& rise) {
  const Locale& l = L();
  // TRANSLATORS: {from} and {to} are pain scores.
  const Args args = {Arg("from", Num(rise.from)), Arg("to", Num(rise.to))};
  if (rise.all_mornings) {
    return rise.weeks == 8
               ? l.Tr("your mornings have risen from {from} to {to} over eight weeks", args)
               : l.Tr("your mornings have risen from {from} to {to} over four weeks", args);
  }
  return rise.weeks == 8
             ? l.Tr("your usual morning has risen from {from} to {to} in eight weeks", args)
             : l.Tr("your usual morning has risen from {from} to {to} in four weeks", args);
}

std::string RepeatedClaim(const Alert& a) {
  // TRANSLATORS: {n} counts exercise days (2 or more).
  return L().Ntr("the last {n} exercise days were each followed by a significantly worse morning",
                 "the last {n} exercise days were each followed by a significantly worse morning",
                 static_cast<int64_t>(a.dates.size()));
}

std::string MaskedClaim(const Trend& t) {
  const Locale& l = L();
  // TRANSLATORS: {k} of {total} rest mornings came after painkillers; the form follows {k}.
  std::string rest =
      t.rest_mornings == 0 ? l.Tr("there was no rest morning to compare with")
      : t.rest_covered == 0
          ? l.Tr("none of your rest mornings was after them")
          : l.Ntr("{k} of your {total} rest mornings was after them",
                  "{k} of your {total} rest mornings were after them", t.rest_covered,
                  {Arg("k", t.rest_covered), Arg("total", t.rest_mornings)});
  // TRANSLATORS: {k} of {total} mornings after exercise; {n} all of them.
  const std::string which =
      t.covered_mornings == t.session_days
          ? (t.session_days == 1 ? l.Tr("your one morning after exercise")
                                 : l.Ntr("all {n} of your mornings after exercise",
                                         "all {n} of your mornings after exercise", t.session_days))
          : l.Tr("{k} of your {total} mornings after exercise",
                 {Arg("k", t.covered_mornings), Arg("total", t.session_days)});
  // TRANSLATORS: {which} says which mornings after exercise; {rest} how the rest mornings
  // compare.
  return l.Tr(
      "{which} came after painkillers taken the day or evening before, and {rest}: they may hide "
      "how the sessions land",
      {Arg("which", which), Arg("rest", rest)});
}

std::string StrainKinds(const Trend& t, bool one_session) {
  const Locale& l = L();
  std::vector<std::string> kinds;
  if (one_session) {
    if (t.built_sessions > 0) kinds.push_back(l.Tr("built up during the session"));
    if (t.sharp_sessions > 0) kinds.push_back(l.Tr("was sharp or catching"));
    if (t.still_rising_sessions > 0) {
      kinds.push_back(l.Tr("was still rising an hour later and not settled by the next morning"));
    }
    return JoinAnd(kinds);
  }
  // TRANSLATORS: {n} counts sessions of the ones just named.
  if (t.built_sessions > 0) {
    kinds.push_back(l.Ntr("{n} built up during the session", "{n} built up during the session",
                          t.built_sessions));
  }
  if (t.sharp_sessions > 0) {
    kinds.push_back(
        l.Ntr("{n} was sharp or catching", "{n} were sharp or catching", t.sharp_sessions));
  }
  if (t.still_rising_sessions > 0) {
    kinds.push_back(l.Ntr("{n} was still rising an hour later and not settled by the next morning",
                          "{n} were still rising an hour later and not settled by the next morning",
                          t.still_rising_sessions));
  }
  return JoinAnd(kinds);
}

std::string SessionName(const Reading& r, const SessionReading& sr) {
  const auto on_date = std::count_if(r.sessions.begin(), r.sessions.end(),
                                     [&](const SessionReading& x) { return x.date == sr.date; });
  const Session& x = *sr.session;
  const Locale& l = L();
  // TRANSLATORS: {activity} is the activity as the person typed it; {date} a date ("Tue 3
  // Nov"); {time} a time of day ("18:00"); {number} the session's number that day.
  const Arg day("date", PersonDate(sr.date));
  const Arg activity("activity", sr.activity ? *sr.activity : "");
  if (on_date <= 1) {
    return sr.activity ? l.Tr("{activity} on {date}", {activity, day})
                       : l.Tr("the session on {date}", {day});
  }
  if (x.time) {
    const Arg time("time", x.time->ToString());
    return sr.activity ? l.Tr("{activity} at {time} on {date}", {activity, time, day})
                       : l.Tr("the session at {time} on {date}", {time, day});
  }
  std::string which;
  switch (sr.number) {
    case 1:
      which = l.Tr("the first session");
      break;
    case 2:
      which = l.Tr("the second session");
      break;
    case 3:
      which = l.Tr("the third session");
      break;
    case 4:
      which = l.Tr("the fourth session");
      break;
    case 5:
      which = l.Tr("the fifth session");
      break;
    default:
      which = l.Tr("session number {number}", {Arg("number", sr.number)});
      break;
  }
  // TRANSLATORS: {which} is "the second session".
  return sr.activity ? l.Tr("{which} ({activity}) on {date}", {Arg("which", which), activity, day})
                     : l.Tr("{which} on {date}", {Arg("which", which), day});
}

std::vector<const SessionReading*> SharpSessions(const Reading& r) {
  std::vector<const SessionReading*> out;
  for (const Alert& a : r.alerts) {
    if (a.kind != AlertKind::kModifyOrStop) continue;
    for (const SessionReading& sr : r.sessions) {
      if (sr.date == a.date && sr.number == a.session_number) out.push_back(&sr);
    }
  }
  return out;
}

std::string ActivitiesClaim(const Reading& r) {
  std::vector<std::string> off, others;
  for (const ActivityReading& a : r.activities) {
    const Locale& l = L();
    // TRANSLATORS: {activity} is the activity's name; {count} is "3 of 4".
    const Args args = {Arg("activity", a.name), Arg("count", OfTimes(a.raised_days, a.days))};
    if (!a.setting_off) {
      others.push_back(l.Tr("after {activity}, {count}", args));
    } else if (off.empty()) {
      off.push_back(l.Tr("the mornings after {activity} were higher {count} times", args));
    } else {
      off.push_back(l.Tr("after {activity} {count}", args));
    }
  }
  if (off.empty()) return "";
  std::string out = JoinAnd(off);
  for (const std::string& o : others) {
    out = L().Tr("{first}; {second}", {Arg("first", out), Arg("second", o)});
  }
  return out;
}

std::string HeldBackWords(HeldBack h, const Reading& r, const Settings& s) {
  const Trend& t = r.trend;
  switch (h) {
    case HeldBack::kFlares:  // with what a flare is: the evidence then counts the higher ones
      return L().Tr("{claim} ({points} or more points above your usual)",
                    {Arg("claim", FlaredClaim(t)), Arg("points", Num(s.significant_change))});
    case HeldBack::kCreeping:
      return CreepingClaim(t, s);
    case HeldBack::kStrain:
      // TRANSLATORS: {kinds} lists how the sessions strained.
      if (t.strain_sessions == 1) {
        return L().Tr("your one session {kinds}", {Arg("kinds", StrainKinds(t, true))});
      }
      return L().Ntr("of your {n} sessions, {kinds}", "of your {n} sessions, {kinds}",
                     t.strain_sessions, {Arg("kinds", StrainKinds(t))});
    case HeldBack::kSharp: {
      std::vector<std::string> names;
      for (const SessionReading* sr : SharpSessions(r)) names.push_back(SessionName(r, *sr));
      // TRANSLATORS: {sessions} names the sessions ("swimming on Tue 3 Nov").
      return L().Tr("sharp or catching pain during {sessions}", {Arg("sessions", JoinAnd(names))});
    }
    case HeldBack::kActivity:
      return ActivitiesClaim(r);
    case HeldBack::kPainkillers:
      return MaskedClaim(t);
    case HeldBack::kKeepsRising: {
      const Alert* a = FindAlert(r, AlertKind::kKeepsRising);
      return a && a->rise ? KeepsRisingClaim(*a->rise) : L().Tr("your mornings keep rising");
    }
    case HeldBack::kRepeatedWorseMornings: {
      const Alert* a = FindAlert(r, AlertKind::kRepeatedWorseMornings);
      return a ? RepeatedClaim(*a) : FlaredClaim(t);
    }
  }
  return "";
}

}  // namespace backsignal::words_detail
