"""An independent, deliberately plain implementation of spec/reading.md (version 2), in exact
arithmetic.

It shares no code with the C++ engine: it reads the diary JSON, follows the spec's sentences one
by one, and is used by differential.py (and check_scenarios.py) to check the engine.
"""
import datetime as dt
import itertools
from fractions import Fraction as F

ONE = dt.timedelta(days=1)


def _d(s):
    return dt.date.fromisoformat(s)


def _f(x):
    return F(x).limit_denominator(2)


def _median(values):
    v = sorted(values)
    n = len(v)
    if n % 2:
        return v[n // 2]
    return (v[n // 2 - 1] + v[n // 2]) / 2


def _theil_sen(points):
    slopes = [F(7) * (y2 - y1) / (x2 - x1)
              for (x1, y1), (x2, y2) in itertools.combinations(points, 2) if x1 != x2]
    return _median(slopes) if slopes else None


def _recorded(day):
    """§0: the date holds a morning, a context or note that is not empty, or a session."""
    if day is None:
        return False
    return bool(day.get("morning") or day.get("context") or day.get("note") or day.get("sessions"))


def read(diary, as_of):
    A = _d(as_of)
    days = {_d(d["date"]): d for d in diary["days"] if _d(d["date"]) <= A}

    def recorded(x):
        return _recorded(days.get(x))

    def has_session(x):
        return bool(days.get(x, {}).get("sessions"))

    def morning(x):
        return days.get(x, {}).get("morning")

    def rest_morning(x):
        """§0: a morning on x when x-1 is recorded and has no session."""
        return morning(x) is not None and recorded(x - ONE) and not has_session(x - ONE)

    def level(first, last, key, rest_only):
        vals = []
        x = first
        while x <= last:
            mo = morning(x)
            if mo is not None and key in mo and (not rest_only or rest_morning(x)):
                vals.append(_f(mo[key]))
            x += ONE
        return _median(vals) if len(vals) >= 3 else None

    def usual(m, key, stated=True):
        """§1, rules 1 to 4 (3 only when `stated`). Returns (value, source)."""
        for back in (14, 28):
            v = level(m - dt.timedelta(days=back), m - ONE, key, True)
            if v is not None:
                return v, "rest_mornings"
        name = "usual_morning_pain" if key == "pain" else "usual_morning_stiffness"
        if stated and name in diary:
            return _f(diary[name]), "stated"
        return None, None

    def morning_signal(m):
        mo = morning(m)
        if mo is None:
            return "unknown"
        up, _ = usual(m, "pain")
        us, _ = usual(m, "stiffness")
        dp = _f(mo["pain"]) - up if up is not None else None
        ds = _f(mo["stiffness"]) - us if us is not None and "stiffness" in mo else None
        if (dp is not None and dp >= 2) or (ds is not None and ds >= 2):
            return "worse"
        if (dp is not None and dp >= 1) or (ds is not None and ds >= 1):
            return "higher"
        if dp is not None and dp <= -1:
            return "better"
        if dp is not None or ds is not None:
            return "usual"
        return "unknown"

    RESPONSE = {"worse": "flared", "higher": "raised", "usual": "settled", "better": "settled"}

    def response(d):
        return RESPONSE.get(morning_signal(d + ONE), "unknown")

    def during_signal(s):
        du = s.get("during", {})
        if du.get("sharp") is True:
            return "sharp"
        if du.get("pattern") == "building" or (
                "start" in du and "end" in du and _f(du["end"]) - _f(du["start"]) >= 2):
            return "building"
        return "stable" if du else "unknown"

    def hour_after_signal(s):
        du = s.get("during", {})
        ha = s.get("hour_after", {})
        ref = du.get("end", du.get("start"))
        if ha.get("tighter") is True or ("pain" in ha and ref is not None and _f(ha["pain"]) - _f(ref) >= 1):
            return "rising"
        if "pain" in ha and ref is not None:
            return "settling"
        return "unknown"

    def confounders(d):
        c = days[d].get("context", {})
        out = []
        if "sitting_hours" in c and c["sitting_hours"] >= 6:
            out.append("sitting")
        if c.get("prolonged_position") is True:
            out.append("prolonged_position")
        if "upper_body_tension" in c and c["upper_body_tension"] >= 6:
            out.append("upper_body_tension")
        # Additive (diary-format.md): the night before the morning after, and that day's stress.
        nxt = days.get(d + ONE, {}).get("context", {})
        if "sleep_hours" in nxt and nxt["sleep_hours"] < 6:
            out.append("short_sleep")
        if "stress" in c and c["stress"] >= 6:
            out.append("stress")
        return out

    def painkillers(x):
        return days.get(x, {}).get("context", {}).get("painkillers") is True

    W0, W1 = A - dt.timedelta(days=13), A          # W
    P0, P1 = A - dt.timedelta(days=27), A - dt.timedelta(days=14)  # W'
    C0 = A - dt.timedelta(days=27)

    # §3 session days, shares, missing mornings
    session_days = flared = raised = missing = on_painkillers = after_exercise = 0
    d = W0 - ONE
    while d + ONE <= A:
        if has_session(d):
            if morning(d + ONE) is None:
                missing += 1
            else:
                after_exercise += 1
                on_painkillers += painkillers(d + ONE)
            r = response(d)
            if r != "unknown":
                session_days += 1
                flared += r == "flared"
                raised += r in ("flared", "raised")
        d += ONE
    flared_share = F(flared, session_days) if session_days else None
    raised_share = F(raised, session_days) if session_days else None

    # exercise effect
    after, rest = [], []
    mornings_in_w = 0
    x = W0
    while x <= W1:
        mo = morning(x)
        if mo is not None:
            mornings_in_w += 1
            if has_session(x - ONE):
                after.append(_f(mo["pain"]))
            elif rest_morning(x):
                rest.append(_f(mo["pain"]))
        x += ONE
    effect = _median(after) - _median(rest) if len(after) >= 3 and len(rest) >= 3 else None

    # baseline
    change, basis = None, None
    now, then = level(W0, W1, "pain", True), level(P0, P1, "pain", True)
    if now is not None and then is not None:
        change, basis = now - then, "rest_mornings"
    else:
        now, then = level(W0, W1, "pain", False), level(P0, P1, "pain", False)
        if now is not None and then is not None:
            change, basis = now - then, "all_mornings"
    if change is None:
        baseline = "unknown"
    elif change >= 1:
        baseline = "creeping"
    elif change <= -1:
        baseline = "improving"
    else:
        baseline = "stable"

    # strain, comfort, sessions, modify_or_stop
    sessions, alerts = [], []
    strain_known = strained = 0
    cpoints = []
    for day_date in sorted(days):
        if not (C0 <= day_date <= A):
            continue
        for s in days[day_date].get("sessions", []):
            ds, hs = during_signal(s), hour_after_signal(s)
            m = morning_signal(day_date + ONE)
            sessions.append({"date": day_date.isoformat(), "time": s.get("time"), "during": ds,
                             "hour_after": hs, "morning": m, "response": RESPONSE.get(m, "unknown"),
                             "confounders": confounders(day_date),
                             "morning_painkillers": painkillers(day_date + ONE)})
            vals = [s.get("during", {}).get("start"), s.get("during", {}).get("end"),
                    s.get("hour_after", {}).get("pain")]
            vals = [_f(v) for v in vals if v is not None]
            if vals:
                cpoints.append(((day_date - A).days, max(vals)))
            if day_date >= W0:
                if ds == "sharp":
                    alerts.append({"kind": "modify_or_stop", "date": day_date.isoformat()})
                if ds != "unknown" or hs != "unknown":
                    strain_known += 1
                    strained += ds in ("building", "sharp") or hs == "rising"
    strained_share = F(strained, strain_known) if strain_known else None
    cslope = None
    if len(cpoints) >= 4 and len({p[0] for p in cpoints}) >= 2:
        cslope = _theil_sen(cpoints)
    if cslope is None:
        comfort = "unknown"
    elif cslope >= F(1, 2):
        comfort = "less_comfortable"
    elif cslope <= F(-1, 2):
        comfort = "more_comfortable"
    else:
        comfort = "steady"

    # progress, §4 alerts
    p_now = usual(A + ONE, "pain", stated=False)[0]
    p_four = usual(A - dt.timedelta(days=27), "pain", stated=False)[0]
    p_eight = usual(A - dt.timedelta(days=55), "pain", stated=False)[0]
    known = [x for x in sorted(days) if x + ONE <= A and has_session(x) and response(x) != "unknown"]
    last = known[-3:]
    if len(last) == 3 and all(response(x) == "flared" for x in last):
        alerts.append({"kind": "repeated_worse_mornings", "date": last[-1].isoformat()})
    if p_now is not None and p_four is not None and p_now - p_four >= 2:
        alerts.append({"kind": "keeps_rising", "date": A.isoformat()})
    kinds = {a["kind"] for a in alerts}

    # verdict
    if session_days < 4 or mornings_in_w < 7:
        verdict = "not_enough_data"
    elif (raised_share > F(1, 2) and (effect is None or effect >= 1)) or comfort == "less_comfortable":
        verdict = "stirring_up"
    elif (flared_share <= F(1, 4) and baseline != "creeping"
          and (strained_share is None or strained_share <= F(1, 2))
          and not kinds & {"keeps_rising", "repeated_worse_mornings"}):
        verdict = "helpful"
    else:
        verdict = "mixed"

    def num(v):
        return None if v is None else float(v)

    up, source = usual(A + ONE, "pain")
    return {
        "rules": 2,
        "as_of": A.isoformat(),
        "usual_morning_pain": num(up),
        "usual_source": source,
        "progress": {"now": num(p_now), "four_weeks_before": num(p_four), "eight_weeks_before": num(p_eight)},
        "trend": {"verdict": verdict, "baseline": baseline, "comfort": comfort,
                  "session_days": session_days, "flared_days": flared, "raised_days": raised,
                  "flared_share": num(flared_share), "raised_share": num(raised_share),
                  "strained_share": num(strained_share), "missing_mornings": missing,
                  "painkiller_mornings": on_painkillers, "mornings_after_exercise": after_exercise,
                  "exercise_effect": num(effect), "baseline_change": num(change),
                  "baseline_basis": basis, "comfort_slope_per_week": num(cslope)},
        "sessions": sessions,
        "alerts": alerts,
    }
