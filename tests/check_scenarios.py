#!/usr/bin/env python3
"""The project's own scenario check: import each diary into a fresh database through the CLI,
read it as of the expected date, and compare every field named in expect.json. Sessions in
expect.json are keyed by date (the first session of that date); alerts, when given, must match
exactly (every kind). `named_factors` lists the associations that clear the bar to be named,
exactly; `flared_sessions_say` is a phrase that the words beside every flared session in the
last two weeks must hold; `next_step_says` a phrase the next step must hold. Also checks the reading against tests/reference/reference_reading.py.

usage: check_scenarios.py BINARY SCENARIO_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference"))
import reference_reading  # noqa: E402


def subset(expect, got, path="$"):
    if isinstance(expect, dict):
        if not isinstance(got, dict):
            return [f"{path}: expected an object, got {got!r}"]
        out = []
        for k, v in expect.items():
            out += [f"{path}.{k}: missing"] if k not in got else subset(v, got[k], f"{path}.{k}")
        return out
    if isinstance(expect, (int, float)) and not isinstance(expect, bool) and isinstance(got, (int, float)):
        return [] if abs(expect - got) < 0.011 else [f"{path}: expected {expect}, got {got}"]
    return [] if expect == got else [f"{path}: expected {expect!r}, got {got!r}"]


def check(binary, folder, tmp):
    exp = json.load(open(os.path.join(folder, "expect.json")))
    diary_path = os.path.join(folder, "diary.json")
    db = os.path.join(tmp, os.path.basename(folder) + ".db")
    p = subprocess.run([binary, "--db", db, "import", diary_path], capture_output=True, text=True)
    if p.returncode:
        return [f"import exited {p.returncode}: {p.stderr.strip()[:300]}"]
    p = subprocess.run([binary, "--db", db, "read", "--json", "--as-of", exp["as_of"]],
                       capture_output=True, text=True)
    if p.returncode:
        return [f"read exited {p.returncode}: {p.stderr.strip()[:300]}"]
    got = json.loads(p.stdout)
    # "rules" is the least version of the reading rules a scenario needs: a later engine meets it.
    if exp.get("rules", 1) > got.get("rules", 1):
        return [f"needs rules {exp['rules']}; the engine reports {got.get('rules')}"]
    own = ("sessions", "alerts", "named_factors", "flared_sessions_say", "next_step_says", "rules")
    errs = subset({k: v for k, v in exp.items() if k not in own}, got)
    if "named_factors" in exp:
        named = sorted(a["factor"] for a in got.get("associations", []) if a["clears_bar"])
        if named != sorted(exp["named_factors"]):
            errs.append(f"named factors: expected {exp['named_factors']}, got {named}")
    if "next_step_says" in exp and exp["next_step_says"] not in got["words"]["next_step"]:
        errs.append(f"next step: {exp['next_step_says']!r} not in {got['words']['next_step']!r}")
    if "flared_sessions_say" in exp:
        words = {(w["date"], w["number"]): w for w in got["words"]["sessions"]}
        window = got["trend"]["window"]["from"]
        for s in got["sessions"]:
            if s["response"] != "flared" or s["date"] < window:
                continue
            w = words.get((s["date"], s["number"]), {})
            if exp["flared_sessions_say"] not in w.get("also", ""):
                errs.append(f"words beside the flared session of {s['date']}: {w.get('also')!r}")
    first = {}
    for s in got.get("sessions", []):
        first.setdefault(s.get("date"), s)
    for date, fields in exp.get("sessions", {}).items():
        errs += subset(fields, first.get(date, {}), f"sessions[{date}]")
    if "alerts" in exp:
        spec_kinds = ("modify_or_stop", "repeated_worse_mornings", "keeps_rising")  # morning_shift: unit tests
        g = sorted((a["kind"], a["date"]) for a in got.get("alerts", []) if a["kind"] in spec_kinds)
        if g != sorted((a["kind"], a["date"]) for a in exp["alerts"]):
            errs.append(f"alerts: expected {exp['alerts']}, got {got.get('alerts')}")
    ref = reference_reading.read(json.load(open(diary_path)), exp["as_of"])
    errs += [f"reference: {e}" for e in subset(ref["trend"], got["trend"], "trend")]
    return errs


def main():
    binary = os.path.abspath(sys.argv[1])
    root = sys.argv[2]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(root)):
            folder = os.path.join(root, name)
            if not os.path.isdir(folder):
                continue
            errs = check(binary, folder, tmp)
            if errs:
                failed += 1
                print(f"FAIL {name}: " + "; ".join(errs))
            else:
                passed += 1
    print(f"{passed} passed, {failed} failed")
    if passed + failed == 0:
        print(f"no scenarios found in {root}: that is a failure, not a pass")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
