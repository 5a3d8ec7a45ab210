#!/usr/bin/env python3
"""End-to-end tests of the command line, as a person uses it. usage: cli_test.py BINARY"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
HERE = os.path.dirname(os.path.abspath(__file__))
SCEN = os.path.join(HERE, "scenarios")


def run(*args, env=None, stdin=None):
    e = dict(os.environ)
    e.pop("BACKSIGNAL_DB", None)
    if env:
        e.update(env)
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=e, input=stdin)


def dump(db):
    """Every row of the database, to check that a refused input changed nothing."""
    con = sqlite3.connect(db)
    try:
        return list(con.iterdump())
    finally:
        con.close()


SAFETY_QUESTIONS = ["chest_breathless", "chest_heart", "tearing", "legs_bladder", "chest_exertion",
                    "cough_blood", "breathing_calf", "unsteady_numb_band", "age_at_onset",
                    "bones_steroids_strain", "immune_infection_surgery", "fever_unwell", "weight_loss",
                    "night_pain", "cancer_history", "cancer_new_pain", "eating_jaundice_urine",
                    "band_rash", "injury"]

GOOD_DAY = {"date": "2026-11-02", "morning": {"pain": 3}}


def diary(days, **top):
    d = {"format": "backsignal-diary", "version": 1}
    d.update(top)
    d["days"] = days
    return d


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "diary.db")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, content):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w") as f:
            f.write(content if isinstance(content, str) else json.dumps(content))
        return path

    def cli(self, *args, **kw):
        return run("--db", self.db, *args, **kw)

    def read_json(self, *args):
        p = self.cli("read", "--json", *args)
        self.assertEqual(p.returncode, 0, p.stderr)
        return json.loads(p.stdout)

    # --- help and usage ---

    def test_every_command_has_help_with_examples(self):
        for cmd in ["import", "export", "read", "morning", "session", "after", "context", "note",
                    "show", "delete", "usual", "settings", "report", "reminders", "serve", "token", "account",
                    "safety"]:
            p = run(cmd, "--help")
            self.assertEqual(p.returncode, 0, cmd)
            self.assertIn("Examples:", p.stdout, cmd)
            self.assertIn("Exit codes", p.stdout, cmd)
        p = run("--help")
        self.assertEqual(p.returncode, 0)
        self.assertIn("morning", p.stdout)

    def test_usage_errors_exit_1(self):
        self.assertEqual(run().returncode, 1)
        self.assertEqual(run("morning").returncode, 1)
        self.assertEqual(run("export", "--format", "xml").returncode, 1)
        self.assertEqual(run("report", "--weeks", "3").returncode, 1)
        self.assertEqual(run("session", "--sharp", "--no-sharp").returncode, 1)

    # --- import: every kind of bad diary is refused, naming the path, nothing stored ---

    def test_bad_diaries_are_refused_with_the_path_and_nothing_changes(self):
        ok = self.write("ok.json", diary([GOOD_DAY]))
        self.assertEqual(self.cli("import", ok).returncode, 0)
        before = dump(self.db)
        cases = {
            "score above 10": (diary([{"date": "2026-11-05", "morning": {"pain": 11}}]), "days[0].morning.pain"),
            "not in steps of 0.5": (diary([{"date": "2026-11-05", "morning": {"pain": 2.3}}]), "days[0].morning.pain"),
            "negative": (diary([{"date": "2026-11-05", "context": {"upper_body_tension": -1}}]), "days[0].context.upper_body_tension"),
            "wrong type": (diary([{"date": "2026-11-05", "morning": {"pain": "3"}}]), "days[0].morning.pain"),
            "NaN": ('{"format":"backsignal-diary","version":1,"days":[{"date":"2026-11-05","morning":{"pain":NaN}}]}', "not valid JSON"),
            "impossible date": (diary([{"date": "2026-02-30"}]), "days[0].date"),
            "duplicate date": (diary([{"date": "2026-11-05"}, {"date": "2026-11-05", "note": "x"}]), "days[1].date"),
            "unknown key": (diary([{"date": "2026-11-05", "mood": 3}]), "days[0].mood"),
            "unknown load": (diary([{"date": "2026-11-05", "sessions": [{"load": ["twist"]}]}]), "days[0].sessions[0].load[0]"),
            "unknown pattern": (diary([{"date": "2026-11-05", "sessions": [{"during": {"pattern": "up"}}]}]), "days[0].sessions[0].during.pattern"),
            "wrong format": ({"format": "other", "version": 1, "days": []}, "format"),
            "wrong version": ({"format": "backsignal-diary", "version": 2, "days": []}, "version"),
            "truncated": ('{"format": "backsignal-diary", "version": 1, "days": [{"date": "2026-11-05"', "line 1"),
            "empty morning": (diary([{"date": "2026-11-05", "morning": {}}]), "days[0].morning.pain"),
            "good and bad together": (diary([{"date": "2026-11-06", "morning": {"pain": 2}},
                                             {"date": "2026-11-07", "morning": {"pain": 12}}]), "days[1].morning.pain"),
            "bad csv": ("date,morning_pain\n2026-11-05,11\n", "line 2, morning_pain"),
        }
        for name, (content, path) in cases.items():
            with self.subTest(name):
                f = self.write("bad.json", content)
                p = self.cli("import", f)
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertIn(path, p.stderr)
                self.assertIn("nothing was stored", p.stderr)
                self.assertEqual(dump(self.db), before)

    def test_clashing_dates_are_refused_unless_replace(self):
        self.assertEqual(self.cli("import", self.write("a.json", diary([GOOD_DAY]))).returncode, 0)
        before = dump(self.db)
        clash = self.write("b.json", diary([{"date": "2026-11-02", "morning": {"pain": 6}},
                                            {"date": "2026-11-03", "morning": {"pain": 4}}]))
        p = self.cli("import", clash)
        self.assertEqual(p.returncode, 3)
        self.assertIn("2026-11-02", p.stderr)
        self.assertIn("--replace", p.stderr)
        self.assertEqual(dump(self.db), before)
        p = self.cli("import", clash, "--replace")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("1 replaced", p.stdout)
        exported = json.loads(self.cli("export").stdout)
        self.assertEqual([d["morning"]["pain"] for d in exported["days"]], [6, 4])

    def test_same_file_twice_is_unchanged_not_duplicated(self):
        f = self.write("a.json", diary([GOOD_DAY]))
        self.cli("import", f)
        p = self.cli("import", f)
        self.assertEqual(p.returncode, 0)
        self.assertIn("1 already there unchanged", p.stdout)

    def test_import_from_standard_input(self):
        p = self.cli("import", "-", stdin=json.dumps(diary([GOOD_DAY])))
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_missing_file_and_missing_database(self):
        self.assertEqual(self.cli("import", "/nonexistent/x.json").returncode, 4)
        p = self.cli("read")
        self.assertEqual(p.returncode, 4)
        self.assertIn("no diary at", p.stderr)
        self.assertFalse(os.path.exists(self.db))

    # --- export and round trips ---

    def test_export_json_and_csv_round_trip_through_import(self):
        src = os.path.join(SCEN, "one_bad_day_sitting", "diary.json")
        self.assertEqual(self.cli("import", src).returncode, 0)
        as_json = self.cli("export").stdout
        csv_path = os.path.join(self.tmp.name, "out.csv")
        self.assertEqual(self.cli("export", "--format", "csv", "--out", csv_path).returncode, 0)
        days = [d["date"] for d in json.loads(as_json)["days"]]
        self.assertEqual(days, sorted(days))
        for path in [self.write("again.json", as_json), csv_path]:
            db2 = os.path.join(self.tmp.name, os.path.basename(path) + ".db")
            self.assertEqual(run("--db", db2, "import", path).returncode, 0)
            self.assertEqual(run("--db", db2, "export").stdout, as_json)
            self.assertEqual(run("--db", db2, "read", "--json", "--as-of", "2026-10-26").stdout,
                             self.cli("read", "--json", "--as-of", "2026-10-26").stdout)

    # --- check-ins ---

    def test_fhir_ics_and_all_exports(self):
        self.assertEqual(self.cli("import", self.write("d.json", diary([GOOD_DAY]))).returncode, 0)
        p = self.cli("export", "--format", "fhir")
        self.assertEqual(p.returncode, 0, p.stderr)
        bundle = json.loads(p.stdout)
        self.assertEqual((bundle["resourceType"], bundle["type"]), ("Bundle", "collection"))
        self.assertEqual(bundle["entry"][0]["resource"]["resourceType"], "Patient")
        p = self.cli("export", "--format", "ics")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith("BEGIN:VCALENDAR"))
        out = os.path.join(self.tmp.name, "all.json")
        p = self.cli("export", "--format", "all", "--out", out)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(out) as f:
            everything = json.load(f)
        self.assertEqual(everything["format"], "backsignal-export")
        self.assertEqual(everything["diary"], json.loads(self.cli("export").stdout))

    def test_reminders_time_zone_and_wake_time(self):
        p = self.cli("reminders", "--time-zone", "Asia/Kolkata", "--wake", "06:15")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Asia/Kolkata", p.stdout)
        self.assertIn("06:15", p.stdout)
        ics = self.cli("export", "--format", "ics").stdout
        self.assertRegex(ics, r"DTSTART;TZID=Asia/Kolkata:\d{8}T061500\r?\n")
        for bad in (["--time-zone", "Nowhere/Atlantis"], ["--wake", "25:00"]):
            p = self.cli("reminders", *bad)
            self.assertEqual(p.returncode, 2, bad)
            self.assertIn(bad[1], p.stderr)
        self.assertIn("06:15", self.cli("reminders").stdout)  # nothing changed by the refusals

    def test_report_is_one_self_contained_file(self):
        self.assertEqual(self.cli("import", os.path.join(SCEN, "stirring_up_mornings", "diary.json")).returncode, 0)
        out = os.path.join(self.tmp.name, "report.html")
        p = self.cli("report", "--weeks", "4", "--out", out)
        self.assertEqual(p.returncode, 0, p.stderr)
        with open(out) as f:
            html = f.read()
        self.assertIn("4-week report", html)
        self.assertIn("stirring things up", html)
        self.assertNotIn("<script", html)
        p = self.cli("report", "--as-of", "2026-02-30")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--as-of", p.stderr)

    def test_a_day_in_1850_is_refused_by_every_command_that_writes_a_day(self):
        # Issue 21: the years a diary holds are the service's rule, the same for every door (the
        # API test checks the routes).
        self.assertEqual(self.cli("morning", "3", "--date", "2026-11-20").returncode, 0)
        before = dump(self.db)
        as_csv = self.cli("export", "--format", "csv").stdout.replace("2026-11-20", "1850-01-01")
        self.assertIn("1850-01-01", as_csv)
        commands = [
            ("import", self.write("old.json", diary([{"date": "1850-01-01", "morning": {"pain": 2}}]))),
            ("import", self.write("old.csv", as_csv)),
            ("import", self.write("weekly.json", diary([], weekly=[{"date": "1850-01-01", "peg": {
                "pain": 3, "enjoyment": 2, "activity": 4}}], flares=[{"date": "1850-01-01", "pain": 5}]))),
            ("morning", "3", "--date", "1850-01-01"),
            ("context", "--sitting", "2", "--date", "1850-01-01"),
            ("note", "long ago", "--date", "1850-01-01"),
            ("session", "--date", "1850-01-01", "--time", "18:00", "--minutes", "30"),
            ("after", "3", "--date", "1850-01-01"),
            ("weekly", "--date", "1850-01-01", "--peg", "5,4,6"),
            ("flare", "7", "--date", "1850-01-01"),
        ]
        for args in commands:
            with self.subTest(command=" ".join(args)):
                p = self.cli(*args)
                self.assertNotEqual(p.returncode, 0, p.stdout)
                self.assertIn("1850", p.stderr)
        self.assertEqual(dump(self.db), before)

    def test_a_day_of_check_ins(self):
        p = self.cli("morning", "3", "--stiffness", "4", "--date", "2026-11-20")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Recorded the morning of 2026-11-20: pain 3, stiffness 4", p.stdout)
        self.assertIn("Next:", p.stdout)
        p = self.cli("session", "--date", "2026-11-20", "--time", "18:00", "--minutes", "40",
                     "--activity", "swimming", "--load", "rotation,arms_away", "--start", "3",
                     "--end", "5")
        self.assertEqual(p.returncode, 0, p.stderr)
        # The session in the words the page shows too: its start and its end, not a bare time.
        self.assertIn("Recorded session 1 of 2026-11-20: swimming, started 18:00, ended 18:40 (40 min).",
                      p.stdout)
        self.assertIn("building", p.stdout)
        self.assertIn("Next: the hour-after check-in, from about 19:40.", p.stdout)
        p = self.cli("after", "6", "--tighter", "--date", "2026-11-20")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Still rising", p.stdout)
        p = self.cli("context", "--sitting", "7", "--prolonged", "--tension", "6", "--date", "2026-11-20")
        self.assertEqual(p.returncode, 0, p.stderr)
        p = self.cli("note", "long day at the desk", "--date", "2026-11-20")
        self.assertEqual(p.returncode, 0, p.stderr)
        day = json.loads(self.cli("show", "--date", "2026-11-20").stdout)["days"][0]
        self.assertEqual(day["morning"], {"pain": 3, "stiffness": 4})
        self.assertEqual(day["context"], {"sitting_hours": 7, "prolonged_position": True, "upper_body_tension": 6})
        s = day["sessions"][0]
        self.assertEqual(s["load"], ["rotation", "arms_away"])
        self.assertEqual(s["during"], {"start": 3, "end": 5})
        self.assertEqual(s["hour_after"], {"pain": 6, "tighter": True})
        self.assertEqual(day["note"], "long day at the desk")
        r = self.read_json()
        self.assertEqual(r["sessions"][0]["during"], "building")
        self.assertEqual(r["sessions"][0]["hour_after"], "rising")
        self.assertEqual(r["sessions"][0]["confounders"], ["sitting", "prolonged_position", "upper_body_tension"])

    def answer_safety(self, yes=()):
        """Answers the screen from a script: one line a question, in order."""
        lines = []
        for q in SAFETY_QUESTIONS:
            if q == "cancer_new_pain" and "cancer_history" not in yes:
                continue
            lines.append("yes" if q in yes else "no")
        return self.cli("safety", stdin="\n".join(lines) + "\n")

    def age_safety_answers(self, days):
        con = sqlite3.connect(self.db)
        with con:
            con.execute("UPDATE safety SET answered_at = answered_at - ?", (days * 86400,))
        con.close()

    def test_the_safety_check_is_due_at_first_use_and_again_with_pain_building_with_breathing(self):
        p = self.cli("morning", "3", "--date", "2026-11-20")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("SAFETY CHECK", p.stdout)
        self.assertIn("backsignal safety", p.stdout)
        self.assertIn("not answered", self.cli("safety", "--status").stdout)
        p = self.answer_safety()
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("no red flags", p.stdout)
        self.assertNotIn("SAFETY CHECK", self.cli("morning", "3", "--date", "2026-11-21").stdout)
        # Building with heavy breathing under load asks again, but not twice in a week.
        p = self.cli("session", "--date", "2026-11-21", "--load", "breathing_under_load", "--pattern", "building")
        self.assertNotIn("SAFETY CHECK", p.stdout)
        self.age_safety_answers(8)
        p = self.cli("session", "--date", "2026-11-21", "--load", "breathing_under_load", "--pattern", "building")
        self.assertIn("SAFETY CHECK", p.stdout)
        self.assertIn("heavy breathing", p.stdout)

    def test_read_says_when_the_safety_questions_are_unanswered_or_due_again(self):
        self.cli("import", os.path.join(SCEN, "slow_rise_over_eight_weeks", "diary.json"))
        text = " ".join(self.cli("read").stdout.split())
        self.assertIn("SAFETY QUESTIONS You have not answered the safety questions yet", text)
        self.assertIn("Answer them with: backsignal safety", text)
        self.assertEqual(self.answer_safety().returncode, 0)
        self.assertNotIn("SAFETY QUESTIONS", self.cli("read").stdout)
        # A week on, pain that keeps rising asks them again, and says why.
        self.age_safety_answers(8)
        text = " ".join(self.cli("read").stdout.split())
        self.assertIn("The safety questions are due again. Your usual morning has been rising", text)
        self.assertIn("Answer them with: backsignal safety", text)
        # The machine form is the reading alone.
        self.assertEqual(self.read_json()["rules"], 3)

    def test_a_red_flag_stops_check_ins_and_import_until_a_clearance(self):
        self.assertEqual(self.cli("morning", "3", "--date", "2026-11-20").returncode, 0)
        p = self.answer_safety(yes=("cancer_history",))  # a history alone does not stop anyone
        self.assertIn("no red flags", p.stdout)
        p = self.answer_safety(yes=("cancer_history", "cancer_new_pain"))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("see a clinician soon", p.stdout)
        self.assertIn("paused", p.stdout)
        before = dump(self.db)
        p = self.cli("morning", "4", "--date", "2026-11-21")
        self.assertEqual(p.returncode, 6, p.stderr)
        self.assertIn("clinician", p.stderr)
        path = self.write("d.json", diary([{"date": "2026-11-01", "morning": {"pain": 2}}]))
        self.assertEqual(self.cli("import", path).returncode, 6)
        self.assertEqual(dump(self.db), before)
        # A slip in the answers is refused by name and stores nothing.
        p = self.cli("safety", stdin="no\nmaybe\n")
        self.assertEqual(p.returncode, 2)
        self.assertIn('"maybe" is not yes or no', p.stderr)
        self.assertEqual(dump(self.db), before)
        # Deleting is allowed; a clearance ends the stop and the report shows it.
        self.assertEqual(self.cli("delete", "morning", "--date", "2026-11-20").returncode, 0)
        self.assertNotEqual(self.cli("safety", "--cleared-on", "2999-01-01").returncode, 0)
        p = self.cli("safety", "--cleared-on", "today")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(self.cli("morning", "4", "--date", "2026-11-21").returncode, 0)
        self.assertEqual(self.cli("import", path).returncode, 0)
        self.assertIn("cleared you", self.cli("safety", "--status").stdout)
        report = self.cli("report").stdout
        self.assertIn("Red-flag screen answered on", report)
        self.assertIn("clearance was recorded", report)

    def test_sharp_pain_prints_the_advice_at_once(self):
        self.cli("morning", "3", "--date", "2026-11-19")  # past the first-use safety check
        p = self.cli("session", "--sharp", "--date", "2026-11-20")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith("STOP OR MODIFY"))
        self.assertIn("modify or stop", p.stdout)
        text = self.cli("read").stdout
        self.assertLess(text.index("ALERTS"), text.index("VERDICT"))

    def test_corrections_and_deletions(self):
        self.cli("morning", "3", "--date", "2026-11-20")
        p = self.cli("morning", "4", "--date", "2026-11-20")
        self.assertIn("Corrected", p.stdout)
        self.assertIn("was pain 3", p.stdout)
        self.cli("session", "--start", "2", "--date", "2026-11-20")
        self.cli("session", "--start", "5", "--date", "2026-11-20")
        p = self.cli("session", "--edit", "1", "--end", "4", "--date", "2026-11-20")
        self.assertEqual(p.returncode, 0, p.stderr)
        day = json.loads(self.cli("show", "--date", "2026-11-20").stdout)["days"][0]
        self.assertEqual(day["morning"]["pain"], 4)
        self.assertEqual(day["sessions"][0]["during"], {"start": 2, "end": 4})
        self.assertEqual(self.cli("delete", "session", "--session", "2", "--date", "2026-11-20").returncode, 0)
        self.assertEqual(self.cli("delete", "morning", "--date", "2026-11-20").returncode, 0)
        p = self.cli("delete", "morning", "--date", "2026-11-20")
        self.assertEqual(p.returncode, 4)
        self.assertIn("no morning check-in", p.stderr)
        self.assertEqual(self.cli("session", "--edit", "3", "--end", "1", "--date", "2026-11-20").returncode, 4)
        self.assertEqual(self.cli("delete", "day", "--date", "2026-11-20").returncode, 0)
        self.assertIn("Nothing recorded", self.cli("show", "--date", "2026-11-20").stdout)

    def test_hour_after_without_a_session_is_not_found(self):
        self.cli("morning", "3", "--date", "2026-11-20")
        p = self.cli("after", "3", "--date", "2026-11-20")
        self.assertEqual(p.returncode, 4)
        self.assertIn("record the session first", p.stderr)

    def test_bad_check_in_values_are_refused_and_store_nothing(self):
        self.cli("morning", "3", "--date", "2026-11-20")
        before = dump(self.db)
        for args, needle in [
            (["morning", "11"], "PAIN: 11 is above the top of the scale"),
            (["morning", "3", "--stiffness", "2.2"], "--stiffness: 2.2 is not in steps of 0.5"),
            (["morning", "three"], "PAIN: \"three\" is not a number"),
            (["morning", "3", "--date", "2026-02-30"], "--date"),
            (["session", "--minutes", "0"], "--minutes"),
            (["session", "--time", "25:00"], "--time"),
            (["session", "--load", "twist"], "--load"),
            (["session", "--pattern", "up"], "--pattern"),
            (["context", "--sitting", "30"], "--sitting"),
            (["context"], "give at least one"),
            (["after"], "give the pain"),
            (["note", "x" * 2001], "2001 characters"),
            (["delete", "everything"], "not something to delete"),
        ]:
            with self.subTest(args):
                p = self.cli(*args)
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertIn(needle, p.stderr)
                self.assertEqual(dump(self.db), before)

    def test_usual_morning_statement(self):
        self.assertEqual(self.cli("usual", "--pain", "3").returncode, 0)
        self.cli("session", "--start", "2", "--date", "2026-11-20")
        self.cli("morning", "5", "--date", "2026-11-21")
        r = self.read_json()
        self.assertEqual(r["sessions"][0]["morning"], "worse")
        self.assertEqual(json.loads(self.cli("export").stdout)["usual_morning_pain"], 3)

    # --- read ---

    def test_read_text_follows_the_article(self):
        self.cli("import", os.path.join(SCEN, "one_bad_day_sitting", "diary.json"))
        text = self.cli("read", "--as-of", "2026-10-26").stdout
        self.assertIn("VERDICT: Exercise looks to be within a helpful range", text)
        self.assertIn("1 of 7 exercise days was followed by a significantly worse morning", text)
        self.assertIn("USUAL MORNING\n  Your usual morning: pain", text)
        self.assertIn("unusual for you: the higher morning may be from them, not the session", " ".join(text.split()))

    def test_not_enough_data_says_how_much_more(self):
        self.cli("morning", "3", "--date", "2026-11-20")
        text = self.cli("read").stdout
        self.assertIn("VERDICT: Not enough data yet", text)
        self.assertIn("6 more mornings", text)
        self.assertIn("4 more exercise days", text)
        self.assertIn("One session is never a verdict", text)

    def test_read_json_matches_the_spec_shape(self):
        self.cli("import", os.path.join(SCEN, "helpful_steady", "diary.json"))
        r = self.read_json("--as-of", "2026-10-25")
        self.assertEqual(r["as_of"], "2026-10-25")
        self.assertEqual(r["rules"], 3)
        for k in ["usual_morning_pain", "usual_source", "progress", "trend", "activities",
                  "sessions", "alerts", "words"]:
            self.assertIn(k, r)
        for k in ["verdict", "held_back_by", "baseline", "comfort", "session_days", "flared_days",
                  "raised_days", "recorded_days", "flared_share", "raised_share", "strained_share",
                  "sharp_sessions", "built_sessions", "still_rising_sessions", "missing_mornings",
                  "exercise_effect", "baseline_change", "baseline_basis", "comfort_slope_per_week",
                  "covered_mornings", "rest_covered_share", "masked"]:
            self.assertIn(k, r["trend"])
        for k in ["date", "time", "activity", "during", "hour_after", "morning", "response",
                  "strain", "confounders", "unusual_confounders"]:
            self.assertIn(k, r["sessions"][0])
        self.assertNotIn("baseline_slope_per_week", r["trend"])

    def test_as_of_is_validated(self):
        self.cli("morning", "3", "--date", "2026-11-20")
        p = self.cli("read", "--as-of", "yesterday-ish")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--as-of", p.stderr)

    # --- settings ---

    def test_settings_from_flags_and_file_change_the_reading_and_say_so(self):
        self.cli("import", os.path.join(SCEN, "every_session_two_up", "diary.json"))
        default = self.read_json("--as-of", "2026-11-01")
        self.assertEqual(default["trend"]["flared_days"], 7)
        self.assertEqual(default["non_default_settings"], [])
        r = json.loads(self.cli("--set", "significant_change=2.5", "read", "--json", "--as-of", "2026-11-01").stdout)
        self.assertEqual(r["trend"]["flared_days"], 0)
        self.assertEqual(r["non_default_settings"], ["significant_change"])
        self.assertIn("Some thresholds were changed from the defaults",
                      self.cli("--set", "significant_change=2.5", "read").stdout)
        f = self.write("settings.json", {"significant_change": 2.5})
        r2 = json.loads(self.cli("--settings", f, "read", "--json", "--as-of", "2026-11-01").stdout)
        self.assertEqual(r2["trend"], r["trend"])
        for bad in ["significant_change=5", "nonsense=1", "significant_change"]:
            p = self.cli("--set", bad, "read")
            self.assertEqual(p.returncode, 2, bad)
        p = run("--set", "sitting_hours=8", "settings")
        self.assertIn("sitting_hours = 8  (default 6)", p.stdout)

    def test_settings_stored_with_the_diary(self):
        self.cli("import", os.path.join(SCEN, "every_session_two_up", "diary.json"))
        p = self.cli("settings", "set", "significant_change", "2.5")
        self.assertEqual(p.returncode, 0, p.stderr)
        r = self.read_json("--as-of", "2026-11-01")
        self.assertEqual(r["non_default_settings"], ["significant_change"])
        self.assertEqual(r["trend"]["flared_days"], 0)
        self.assertIn("significant_change = 2.5  (default 2)", self.cli("settings").stdout)
        # The command line wins over the stored value, for that run only.
        r = json.loads(self.cli("--set", "significant_change=2", "read", "--json", "--as-of", "2026-11-01").stdout)
        self.assertEqual(r["trend"]["flared_days"], 7)
        for bad in (["settings", "set", "significant_change", "9"], ["settings", "set", "nonsense", "1"],
                    ["settings", "set", "helpful_share", "0.5"], ["settings", "frob"]):
            self.assertEqual(self.cli(*bad).returncode, 2, bad)
        self.assertEqual(self.cli("settings", "reset").returncode, 0)
        self.assertEqual(self.read_json("--as-of", "2026-11-01")["non_default_settings"], [])

    # --- serve ---

    def test_stored_thresholds_decide_what_a_check_in_says(self):
        # Structure issue, defect 1: the check-in and the reading use the same thresholds.
        self.assertEqual(self.cli("settings", "set", "building_rise", "4").returncode, 0)
        p = self.cli("session", "--date", "2026-11-02", "--start", "3", "--end", "5")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("During: stable", p.stdout)
        self.assertNotIn("building", p.stdout)
        self.assertEqual(self.read_json()["sessions"][0]["during"], "stable")
        # The morning after is judged with the stored thresholds too.
        self.assertEqual(self.cli("settings", "set", "significant_change", "3").returncode, 0)
        for d in ("2026-10-28", "2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01"):
            self.assertEqual(self.cli("morning", "2", "--date", d).returncode, 0)
        p = self.cli("morning", "4.5", "--date", "2026-11-03")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("This is the morning after your session of Mon 2 Nov", p.stdout)
        self.assertNotIn("significantly worse", p.stdout)

    def test_text_that_is_not_utf8_is_refused_and_stores_nothing(self):
        # Structure issue, defect 3: a byte that is not UTF-8 never reaches the diary.
        self.assertEqual(self.cli("morning", "3", "--date", "2026-11-02").returncode, 0)
        before = dump(self.db)
        bad = b"swim\xff".decode("utf-8", "surrogateescape")
        for args in (["session", "--date", "2026-11-02", "--activity", bad],
                     ["note", bad, "--date", "2026-11-02"]):
            p = self.cli(*args)
            self.assertEqual(p.returncode, 2, args)
            self.assertIn("not valid UTF-8", p.stderr)
        self.assertEqual(dump(self.db), before)
        self.assertEqual(self.cli("export").returncode, 0)

    def test_serve_refuses_a_non_loopback_address(self):
        for addr in ["0.0.0.0:0", "192.0.2.1:8080", "[::]:0"]:
            p = self.cli("serve", "--listen", addr)
            self.assertEqual(p.returncode, 2, addr)
            self.assertIn("not a loopback address", p.stderr)
        p = self.cli("serve", "--listen", "nonsense")
        self.assertEqual(p.returncode, 2)
        self.assertIn("HOST:PORT", p.stderr)

    # --- where the database is ---

    def test_default_database_location(self):
        xdg = os.path.join(self.tmp.name, "xdg")
        self.assertEqual(run("morning", "3", env={"XDG_DATA_HOME": xdg}).returncode, 0)
        self.assertTrue(os.path.exists(os.path.join(xdg, "backsignal", "diary.db")))
        env_db = os.path.join(self.tmp.name, "env.db")
        self.assertEqual(run("morning", "3", env={"BACKSIGNAL_DB": env_db}).returncode, 0)
        self.assertTrue(os.path.exists(env_db))
        home = os.path.join(self.tmp.name, "home")
        os.makedirs(home)
        env = {"HOME": home, "XDG_DATA_HOME": ""}
        self.assertEqual(run("morning", "3", env=env).returncode, 0)
        self.assertTrue(os.path.exists(os.path.join(home, ".local", "share", "backsignal", "diary.db")))


if __name__ == "__main__":
    unittest.main(verbosity=1)
