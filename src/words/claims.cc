// The claims the words are made of, each from the reading's own counts: what decided a verdict,
// what holds it back, and how a session or an activity is named.
#include <algorithm>
#include <cmath>

#include "backsignal/words/words.h"
#include "phrases.h"

namespace backsignal::words_detail {
namespace {

// "3 of 7 exercise days were", "your one exercise day was", "none of your 7 exercise days was".
std::string DaysFollowed(int k, int n, const std::string& morning) {
  if (k == 0) {
    if (n == 1) return "your one exercise day was not followed by " + morning;
    return "none of your " + std::to_string(n) + " exercise days was followed by " + morning;
  }
  return OfTimes(k, n) + (n == 1 ? " exercise day" : " exercise days") +
         (k == 1 ? " was" : " were") + " followed by " + morning;
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
  return DaysFollowed(t.flared_days, t.session_days, "a significantly worse morning");
}

std::string RaisedClaim(const Trend& t) {
  return DaysFollowed(t.raised_days, t.session_days, "a noticeably higher morning");
}

std::string SettledClaim(const Trend& t) {
  const int settled = t.session_days - t.raised_days;
  if (settled == t.session_days) {
    if (t.session_days == 1) {
      return "your one exercise day was followed by a morning within your usual range";
    }
    return "all " + std::to_string(t.session_days) +
           " of your exercise days were followed by a morning within your usual range or better";
  }
  return OfTimes(settled, t.session_days) + " exercise days" + (settled == 1 ? " was" : " were") +
         " followed by a morning within your usual range or better";
}

std::string EffectClaim(const Trend& t) {
  const double e = *t.exercise_effect;
  if (std::fabs(e) < 0.25) return "mornings after exercise were much like mornings after rest days";
  return "mornings after exercise sat " + Points(e) + (e > 0 ? " above" : " below") +
         " mornings after rest days";
}

std::string CreepingClaim(const Trend& t, const Settings& s) {
  std::string claim = "your mornings this fortnight are " + Points(*t.baseline_change) +
                      " higher than the fortnight before";
  if (!t.exercise_effect || *t.exercise_effect < s.exercise_effect) {
    claim += ": they are rising on rest days too, so exercise alone does not explain it";
  }
  return claim;
}

std::string KeepsRisingClaim(const Rise& rise) {
  const std::string when = rise.weeks == 8 ? "eight weeks" : "four weeks";
  if (rise.all_mornings) {
    return "your mornings have risen from " + Num(rise.from) + " to " + Num(rise.to) + " over " +
           when;
  }
  return "your usual morning has risen from " + Num(rise.from) + " to " + Num(rise.to) + " in " +
         when;
}

std::string RepeatedClaim(const Alert& a) {
  return "the last " + std::to_string(a.dates.size()) +
         " exercise days were each followed by a significantly worse morning";
}

std::string MaskedClaim(const Trend& t) {
  std::string rest = t.rest_covered == 0 ? "none of your rest mornings was"
                                         : std::to_string(t.rest_covered) + " of your " +
                                               std::to_string(t.rest_mornings) + " rest mornings " +
                                               (t.rest_covered == 1 ? "was" : "were");
  if (t.rest_mornings == 0) rest = "there was no rest morning to compare with";
  const std::string which =
      t.covered_mornings == t.session_days
          ? (t.session_days == 1
                 ? std::string("your one morning after exercise")
                 : "all " + std::to_string(t.session_days) + " of your mornings after exercise")
          : std::to_string(t.covered_mornings) + " of your " + std::to_string(t.session_days) +
                " mornings after exercise";
  return which + " came after painkillers taken the day or evening before, and " + rest +
         (t.rest_mornings == 0 ? "" : " after them") + ": they may hide how the sessions land";
}

std::string StrainKinds(const Trend& t) {
  std::vector<std::string> kinds;
  auto kind = [&](int n, const char* one, const char* many) {
    if (n > 0) kinds.push_back(std::to_string(n) + " " + (n == 1 ? one : many));
  };
  kind(t.built_sessions, "built up during the session", "built up during the session");
  kind(t.sharp_sessions, "was sharp or catching", "were sharp or catching");
  kind(t.still_rising_sessions,
       "was still rising an hour later and not settled by the next morning",
       "were still rising an hour later and not settled by the next morning");
  return JoinAnd(kinds);
}

std::string SessionName(const Reading& r, const SessionReading& sr) {
  const auto on_date = std::count_if(r.sessions.begin(), r.sessions.end(),
                                     [&](const SessionReading& x) { return x.date == sr.date; });
  const Session& x = *sr.session;
  const std::string day = " on " + PersonDate(sr.date);
  if (on_date <= 1) return (sr.activity ? *sr.activity : std::string("the session")) + day;
  if (x.time) {
    return (sr.activity ? *sr.activity + " at " : "the session at ") + x.time->ToString() + day;
  }
  static const char* kOrdinal[] = {"first", "second", "third", "fourth", "fifth"};
  const std::string which =
      sr.number <= 5 ? std::string(kOrdinal[sr.number - 1]) : "number " + std::to_string(sr.number);
  return "the " + which + " session" + (sr.activity ? " (" + *sr.activity + ")" : "") + day;
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
    const std::string counts = OfTimes(a.raised_days, a.days);
    if (!a.setting_off) {
      others.push_back("after " + a.name + ", " + counts);
    } else if (off.empty()) {
      off.push_back("the mornings after " + a.name + " were higher " + counts + " times");
    } else {
      off.push_back("after " + a.name + " " + counts);
    }
  }
  if (off.empty()) return "";
  std::string out = JoinAnd(off);
  for (const std::string& o : others) out += "; " + o;
  return out;
}

std::string HeldBackWords(HeldBack h, const Reading& r, const Settings& s) {
  const Trend& t = r.trend;
  switch (h) {
    case HeldBack::kFlares:  // with what a flare is: the evidence then counts the higher ones
      return FlaredClaim(t) + " (" + Num(s.significant_change) +
             " or more points above your usual)";
    case HeldBack::kCreeping:
      return CreepingClaim(t, s);
    case HeldBack::kStrain:
      if (t.strain_sessions == 1) return "your one session " + StrainKinds(t).substr(2);
      return "of your " + std::to_string(t.strain_sessions) + " sessions, " + StrainKinds(t);
    case HeldBack::kSharp: {
      std::vector<std::string> names;
      for (const SessionReading* sr : SharpSessions(r)) names.push_back(SessionName(r, *sr));
      return "sharp or catching pain during " + JoinAnd(names);
    }
    case HeldBack::kActivity:
      return ActivitiesClaim(r);
    case HeldBack::kPainkillers:
      return MaskedClaim(t);
    case HeldBack::kKeepsRising: {
      const Alert* a = FindAlert(r, AlertKind::kKeepsRising);
      return a && a->rise ? KeepsRisingClaim(*a->rise) : "your mornings keep rising";
    }
    case HeldBack::kRepeatedWorseMornings: {
      const Alert* a = FindAlert(r, AlertKind::kRepeatedWorseMornings);
      return a ? RepeatedClaim(*a) : FlaredClaim(t);
    }
  }
  return "";
}

}  // namespace backsignal::words_detail
