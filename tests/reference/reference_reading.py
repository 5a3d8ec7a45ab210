"""An independent, deliberately plain implementation of spec/reading.md (version 3), in exact
arithmetic.

It shares no code with the C++ engine: it reads the diary JSON, follows the spec's sentences one
by one, and is used by differential.py (and check_scenarios.py) to check the engine. Where the
project adds to the spec (the short_sleep and stress confounders of docs/reading.md), it follows
docs/reading.md.
"""
import datetime as dt
import itertools
from fractions import Fraction as F

ONE = dt.timedelta(days=1)
WS = " \t\n\v\f\r"  # §0: U+0020 and U+0009..U+000D, nothing else


def _d(s):
    return dt.date.fromisoformat(s)


def _f(x):
    return F(x).limit_denominator(2)


def _days(n):
    return dt.timedelta(days=n)


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


def activity_name(text):
    """§0: runs of the six white-space characters made one space, trimmed, ASCII letters lower."""
    if text is None:
        return None
    words, cur = [], ""
    for ch in text:
        if ch in WS:
            if cur:
                words.append(cur)
            cur = ""
        else:
            cur += ch.lower() if "A" <= ch <= "Z" else ch
    if cur:
        words.append(cur)
    return " ".join(words) or None


def _context_has_something(c):
    """§0: a context with at least one field that is not an empty list."""
    return any(not (isinstance(v, list) and len(v) == 0) for v in (c or {}).values())


def _recorded(day):
    """§0: a morning; a context that is not empty; a note of at least one character; a session."""
    if day is None:
        return False
    note = day.get("note")
    return bool(day.get("morning") or _context_has_something(day.get("context"))
                or (note is not None and len(note) >= 1) or day.get("sessions"))


def read(diary, as_of):
    A = _d(as_of)
    days = {_d(d["date"]): d for d in diary["days"] if _d(d["date"]) <= A}

    def recorded(x):
        return _recorded(days.get(x))

    def has_session(x):
        return bool(days.get(x, {}).get("sessions"))

    def morning(x):
        return days.get(x, {}).get("morning")

    def context(x):
        return days.get(x, {}).get("context", {}) or {}

    def rest_morning(x):
        """§0: a morning on x when x-1 is recorded and has no session."""
        return morning(x) is not None and recorded(x - ONE) and not has_session(x - ONE)

    def covered(m):
        """§0: the context of m-1 has painkillers: true (a painkiller_name alone means true)."""
        c = context(m - ONE)
        return c.get("painkillers") is True or "painkiller_name" in c

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
            v = level(m - _days(back), m - ONE, key, True)
            if v is not None:
                return v, "rest_mornings"
        name = "usual_morning_pain" if key == "pain" else "usual_morning_stiffness"
        if stated and name in diary:
            return _f(diary[name]), "stated"
        return None, None

    def morning_signal(m):
        """§2 morning after, with the low-pain floor of 2."""
        mo = morning(m)
        if mo is None:
            return "unknown"
        up, _ = usual(m, "pain")
        us, _ = usual(m, "stiffness")
        pain = _f(mo["pain"])
        stiff = _f(mo["stiffness"]) if "stiffness" in mo else None
        dp = pain - up if up is not None else None
        ds = stiff - us if us is not None and stiff is not None else None
        if (dp is not None and dp >= 2 and pain > 2) or (ds is not None and ds >= 2 and stiff > 2):
            return "worse"
        if (dp is not None and dp >= 1 and pain > 2) or (ds is not None and ds >= 1 and stiff > 2):
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

    def strain(ds, hs, resp):
        """§2 strain, the first that applies."""
        if ds == "sharp":
            return "sharp"
        if ds == "building":
            return "built"
        if hs == "rising" and resp != "settled":
            return "still_rising"
        return None

    def confounders(d):
        """§2, then the project's additive ones (docs/reading.md)."""
        c = context(d)
        out = []
        if "sitting_hours" in c and c["sitting_hours"] >= 6:
            out.append("sitting")
        if c.get("prolonged_position") is True:
            out.append("prolonged_position")
        if "upper_body_tension" in c and c["upper_body_tension"] >= 6:
            out.append("upper_body_tension")
        # The night before the morning after (recorded on d+1, when d+1 is not after A).
        nxt = context(d + ONE) if d + ONE <= A else {}
        if "sleep_hours" in nxt and nxt["sleep_hours"] < 6:
            out.append("short_sleep")
        if "stress" in c and c["stress"] >= 6:
            out.append("stress")
        return out

    W0, W1 = A - _days(13), A                  # W
    P0, P1 = A - _days(27), A - _days(14)      # W'
    C0 = A - _days(27)                         # comfort, sessions, unusual confounders

    # §2 unusual: present on fewer than half (strictly) of the recorded dates in [A-27, A].
    recorded_4w = [x for x in (C0 + _days(i) for i in range(28)) if recorded(x)]
    present = {}
    for x in recorded_4w:
        for c in confounders(x):
            present[c] = present.get(c, 0) + 1

    def unusual(c):
        return F(present.get(c, 0)) < F(len(recorded_4w), 2)

    # §3 session days, shares, missing mornings, covered mornings
    session_days = flared = raised = missing = covered_n = 0
    d = W0 - ONE
    while d + ONE <= A:
        if has_session(d):
            if morning(d + ONE) is None:
                missing += 1
            r = response(d)
            if r != "unknown":
                session_days += 1
                flared += r == "flared"
                raised += r in ("flared", "raised")
                covered_n += covered(d + ONE)
        d += ONE
    flared_share = F(flared, session_days) if session_days else None
    raised_share = F(raised, session_days) if session_days else None

    # exercise effect, recorded days, rest mornings covered
    after, rest = [], []
    mornings_in_w = recorded_days = rest_covered = 0
    x = W0
    while x <= W1:
        recorded_days += recorded(x)
        mo = morning(x)
        if mo is not None:
            mornings_in_w += 1
            if has_session(x - ONE):
                after.append(_f(mo["pain"]))
            elif rest_morning(x):
                rest.append(_f(mo["pain"]))
                rest_covered += covered(x)
        x += ONE
    effect = _median(after) - _median(rest) if len(after) >= 3 and len(rest) >= 3 else None
    rest_covered_share = F(rest_covered, len(rest)) if rest else None
    masked = (covered_n >= 2 and F(covered_n, session_days) > F(1, 2)
              and (rest_covered_share is None or rest_covered_share < F(1, 2)))

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

    # sessions, strain, comfort from the rise, modify_or_stop
    sessions, alerts = [], []
    strain_known = strained = 0
    kinds = {"sharp": 0, "built": 0, "still_rising": 0}
    rises = []
    for day_date in sorted(days):
        if not (C0 <= day_date <= A):
            continue
        for s in days[day_date].get("sessions", []):
            ds, hs = during_signal(s), hour_after_signal(s)
            m = morning_signal(day_date + ONE)
            resp = RESPONSE.get(m, "unknown")
            st = strain(ds, hs, resp)
            conf = confounders(day_date)
            sessions.append({"date": day_date.isoformat(), "time": s.get("time"),
                             "activity": activity_name(s.get("activity")), "during": ds,
                             "hour_after": hs, "morning": m, "response": resp, "strain": st,
                             "confounders": conf,
                             "unusual_confounders": [c for c in conf if unusual(c)],
                             "morning_covered": covered(day_date + ONE)})
            du, ha = s.get("during", {}), s.get("hour_after", {})
            tops = [_f(v) for v in (du.get("end"), ha.get("pain")) if v is not None]
            if "start" in du and tops:
                rises.append(((day_date - A).days, max(tops) - _f(du["start"])))
            if day_date >= W0:
                if ds == "sharp":
                    alerts.append({"kind": "modify_or_stop", "date": day_date.isoformat()})
                if ds != "unknown" or hs != "unknown":
                    strain_known += 1
                    if st is not None:
                        strained += 1
                        kinds[st] += 1
    strained_share = F(strained, strain_known) if strain_known else None
    cslope = None
    if len(rises) >= 4 and len({p[0] for p in rises}) >= 2:
        cslope = _theil_sen(rises)
    if cslope is None:
        comfort = "unknown"
    elif cslope >= F(1, 2):
        comfort = "less_comfortable"
    elif cslope <= F(-1, 2):
        comfort = "more_comfortable"
    else:
        comfort = "steady"

    # each activity on its own: dates in with a session of it and a known response
    acts = {}
    x = A - _days(28)
    while x <= A - ONE:
        if has_session(x) and response(x) != "unknown":
            r = response(x)
            for name in {activity_name(s.get("activity")) for s in days[x]["sessions"]} - {None}:
                a = acts.setdefault(name, {"name": name, "days": 0, "raised_days": 0,
                                           "flared_days": 0, "raised_in_w": False})
                a["days"] += 1
                a["raised_days"] += r in ("flared", "raised")
                a["flared_days"] += r == "flared"
                a["raised_in_w"] |= r in ("flared", "raised") and x + ONE >= W0
        x += ONE
    activities = []
    for a in acts.values():
        a["setting_off"] = (a["raised_days"] >= 3 and F(a["raised_days"], a["days"]) > F(1, 2)
                            and a["raised_in_w"])
        del a["raised_in_w"]
        if a["days"] >= 2:
            activities.append(a)
    activities.sort(key=lambda a: (-a["days"], [ord(c) for c in a["name"]]))

    # progress, §4 alerts
    p_now = usual(A + ONE, "pain", stated=False)[0]
    p_four = usual(A - _days(27), "pain", stated=False)[0]
    p_eight = usual(A - _days(55), "pain", stated=False)[0]
    known = [x for x in sorted(days) if x + ONE <= A and has_session(x) and response(x) != "unknown"]
    last = known[-3:]
    if len(last) == 3 and all(response(x) == "flared" for x in last):
        alerts.append({"kind": "repeated_worse_mornings", "date": last[-1].isoformat()})

    def risen(before, end_before):
        if p_now is not None and before is not None:
            return p_now - before >= 2
        a = level(A - _days(13), A, "pain", False)
        b = level(end_before - _days(13), end_before, "pain", False)
        return a is not None and b is not None and a - b >= 2

    if risen(p_four, A - _days(28)) or risen(p_eight, A - _days(56)):
        alerts.append({"kind": "keeps_rising", "date": A.isoformat()})
    kinds_alerted = {a["kind"] for a in alerts}

    # verdict
    held = []
    if session_days < 4 or mornings_in_w < 7 or recorded_days < 8:
        verdict = "not_enough_data"
    elif (raised_share > F(1, 2) and (effect is None or effect >= 1)) or comfort == "less_comfortable":
        verdict = "stirring_up"
    else:
        for cond, name in ((flared_share > F(1, 4), "flares"),
                           (baseline == "creeping", "creeping"),
                           (strained_share is not None and strained_share > F(1, 2), "strain"),
                           ("modify_or_stop" in kinds_alerted, "sharp"),
                           (any(a["setting_off"] for a in activities), "activity"),
                           (masked, "painkillers"),
                           ("keeps_rising" in kinds_alerted, "keeps_rising"),
                           ("repeated_worse_mornings" in kinds_alerted, "repeated_worse_mornings")):
            if cond:
                held.append(name)
        verdict = "mixed" if held else "helpful"

    def num(v):
        return None if v is None else float(v)

    up, source = usual(A + ONE, "pain")
    return {
        "rules": 3,
        "as_of": A.isoformat(),
        "usual_morning_pain": num(up),
        "usual_source": source,
        "progress": {"now": num(p_now), "four_weeks_before": num(p_four), "eight_weeks_before": num(p_eight)},
        "trend": {"verdict": verdict, "held_back_by": held, "baseline": baseline, "comfort": comfort,
                  "session_days": session_days, "flared_days": flared, "raised_days": raised,
                  "recorded_days": recorded_days,
                  "flared_share": num(flared_share), "raised_share": num(raised_share),
                  "strained_share": num(strained_share), "sharp_sessions": kinds["sharp"],
                  "built_sessions": kinds["built"], "still_rising_sessions": kinds["still_rising"],
                  "missing_mornings": missing, "exercise_effect": num(effect),
                  "baseline_change": num(change), "baseline_basis": basis,
                  "comfort_slope_per_week": num(cslope), "covered_mornings": covered_n,
                  "rest_covered_share": num(rest_covered_share), "masked": masked},
        "activities": activities,
        "sessions": sessions,
        "alerts": alerts,
    }
