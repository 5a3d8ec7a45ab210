"""An independent, deliberately plain implementation of spec/reading.md, in exact arithmetic.

It shares no code with the C++ engine: it reads the diary JSON, follows the spec's sentences one
by one, and is used by differential.py to check the engine on many random diaries.
"""
import datetime as dt
import itertools
from fractions import Fraction as F


def _d(s):
    return dt.date.fromisoformat(s)


def _median(values):
    v = sorted(values)
    n = len(v)
    if n % 2:
        return v[n // 2]
    return (v[n // 2 - 1] + v[n // 2]) / 2


def _theil_sen(points):
    slopes = [F(7) * (y2 - y1) / (x2 - x1)
              for (x1, y1), (x2, y2) in itertools.combinations(points, 2) if x1 != x2]
    if not slopes:
        return None
    return _median(slopes)


def read(diary, as_of):
    A = _d(as_of)
    days = {_d(d["date"]): d for d in diary["days"] if _d(d["date"]) <= A}

    def has_session(x):
        return x in days and len(days[x].get("sessions", [])) > 0

    def morning(x):
        return days.get(x, {}).get("morning")

    def usual(m, key, declared_key):
        rest, allv = [], []
        for k in range(1, 15):
            x = m - dt.timedelta(days=k)
            mo = morning(x)
            if mo is None or key not in mo:
                continue
            allv.append(F(mo[key]).limit_denominator(2))
            if not has_session(x - dt.timedelta(days=1)):
                rest.append(F(mo[key]).limit_denominator(2))
        if len(rest) >= 3:
            return _median(rest)
        if len(allv) >= 3:
            return _median(allv)
        if declared_key in diary:
            return F(diary[declared_key]).limit_denominator(2)
        return None

    def morning_signal(m):
        mo = morning(m)
        if mo is None:
            return "unknown"
        up = usual(m, "pain", "usual_morning_pain")
        us = usual(m, "stiffness", "usual_morning_stiffness")
        pain = F(mo["pain"]).limit_denominator(2)
        compared = worse = better = False
        if up is not None:
            compared = True
            if pain - up >= 2:
                worse = True
            if pain - up <= -1:
                better = True
        if us is not None and "stiffness" in mo:
            compared = True
            if F(mo["stiffness"]).limit_denominator(2) - us >= 2:
                worse = True
        if worse:
            return "worse"
        if better:
            return "better"
        return "usual" if compared else "unknown"

    def response(d):
        m = morning_signal(d + dt.timedelta(days=1))
        return {"worse": "flared", "usual": "settled", "better": "settled"}.get(m, "unknown")

    def during_signal(s):
        du = s.get("during", {})
        if du.get("sharp") is True:
            return "sharp"
        if du.get("pattern") == "building" or (
                "start" in du and "end" in du and F(du["end"]) - F(du["start"]) >= 2):
            return "building"
        if du:
            return "stable"
        return "unknown"

    def hour_after_signal(s):
        du = s.get("during", {})
        ha = s.get("hour_after", {})
        ref = du.get("end", du.get("start"))
        if ha.get("tighter") is True or ("pain" in ha and ref is not None and ha["pain"] > ref):
            return "rising"
        if "pain" in ha and ref is not None:
            return "settling"
        return "unknown"

    def confounders(d):
        c = days[d].get("context", {})
        out = []
        if c.get("sitting_hours", 0) >= 6 and "sitting_hours" in c:
            out.append("sitting")
        if c.get("prolonged_position") is True:
            out.append("prolonged_position")
        if "upper_body_tension" in c and c["upper_body_tension"] >= 6:
            out.append("upper_body_tension")
        return out

    W0 = A - dt.timedelta(days=13)
    C0 = A - dt.timedelta(days=27)

    session_days = flared = 0
    d = W0 - dt.timedelta(days=1)
    while d < A:
        if has_session(d):
            r = response(d)
            if r != "unknown":
                session_days += 1
                flared += r == "flared"
        d += dt.timedelta(days=1)
    share = F(flared, session_days) if session_days else None

    mornings = [((x - A).days, F(morning(x)["pain"]).limit_denominator(2))
                for x in sorted(days) if W0 <= x <= A and morning(x) is not None]
    bslope = _theil_sen(mornings) if len(mornings) >= 7 else None
    if bslope is None:
        baseline = "unknown"
    elif bslope >= F(1, 2):
        baseline = "creeping"
    elif bslope <= F(-1, 2):
        baseline = "improving"
    else:
        baseline = "stable"

    cpoints = []
    for x in sorted(days):
        if not (C0 <= x <= A):
            continue
        for s in days[x].get("sessions", []):
            vals = [s.get("during", {}).get("start"), s.get("during", {}).get("end"),
                    s.get("hour_after", {}).get("pain")]
            vals = [F(v).limit_denominator(2) for v in vals if v is not None]
            if vals:
                cpoints.append(((x - A).days, max(vals)))
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

    if session_days < 4 or len(mornings) < 7:
        verdict = "not_enough_data"
    elif share > F(1, 2) or (baseline == "creeping" and (share >= F(1, 4) or comfort == "less_comfortable")):
        verdict = "stirring_up"
    elif share <= F(1, 4) and baseline != "creeping" and comfort != "less_comfortable":
        verdict = "helpful"
    else:
        verdict = "mixed"

    sessions = []
    alerts = []
    for x in sorted(days):
        if not (C0 <= x <= A):
            continue
        for s in days[x].get("sessions", []):
            ds = during_signal(s)
            m = morning_signal(x + dt.timedelta(days=1))
            sessions.append({
                "date": x.isoformat(), "time": s.get("time"), "during": ds,
                "hour_after": hour_after_signal(s), "morning": m,
                "response": {"worse": "flared", "usual": "settled", "better": "settled"}.get(m, "unknown"),
                "confounders": confounders(x)})
            if ds == "sharp" and x >= W0:
                alerts.append({"kind": "modify_or_stop", "date": x.isoformat()})

    known = [x for x in sorted(days) if x < A and has_session(x) and response(x) != "unknown"]
    last = known[-3:]
    if len(last) == 3 and all(response(x) == "flared" for x in last):
        alerts.append({"kind": "repeated_worse_mornings", "date": last[-1].isoformat()})

    up = usual(A + dt.timedelta(days=1), "pain", "usual_morning_pain")
    return {
        "as_of": A.isoformat(),
        "usual_morning_pain": None if up is None else float(up),
        "trend": {"verdict": verdict, "baseline": baseline, "comfort": comfort,
                  "session_days": session_days, "flared_days": flared,
                  "flared_share": None if share is None else float(share),
                  "baseline_slope_per_week": None if bslope is None else float(bslope),
                  "comfort_slope_per_week": None if cslope is None else float(cslope)},
        "sessions": sessions,
        "alerts": alerts,
    }
