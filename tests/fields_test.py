#!/usr/bin/env python3
"""A fall or an injury, the diary's newest context field (core/fields.h), on every surface: the
command line, the API, CSV, the report; recording one brings the safety questions back at once.
usage: fields_test.py BINARY"""
import csv
import datetime
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_fixture import Server  # noqa: E402

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"

SAFETY_QUESTIONS = ["chest_breathless", "chest_heart", "tearing", "legs_bladder", "chest_exertion",
                    "cough_blood", "breathing_calf", "unsteady_numb_band", "age_at_onset",
                    "bones_steroids_strain", "immune_infection_surgery", "fever_unwell", "weight_loss",
                    "night_pain", "cancer_history", "eating_jaundice_urine", "band_rash", "injury"]


def run(*args, stdin=None):
    env = dict(os.environ)
    env.pop("BACKSIGNAL_DB", None)
    return subprocess.run([BIN, *args], capture_output=True, text=True, env=env, input=stdin)


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "diary.db")

    def tearDown(self):
        self.tmp.cleanup()

    def cli(self, *args, **kw):
        return run("--db", self.db, *args, **kw)

    @staticmethod
    def tomorrow():
        return (datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=1)).isoformat()

    def answer_safety(self):
        self.assertEqual(self.cli("reminders", "--time-zone", "UTC").returncode, 0)
        p = self.cli("safety", stdin="\n".join("no" for _ in SAFETY_QUESTIONS) + "\n")
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_a_fall_is_recorded_said_back_exported_and_asks_the_safety_questions_at_once(self):
        self.assertIn("--injury", run("context", "--help").stdout)
        self.assertIn("--no-injury", run("context", "--help").stdout)
        self.answer_safety()
        self.assertNotIn("SAFETY CHECK", self.cli("morning", "3").stdout)  # answered today
        # Dated after the day of the answers (a check-in may be a day ahead): due until answered.
        tomorrow = self.tomorrow()
        p = self.cli("context", "--injury", "fall", "--stress", "4", "--date", tomorrow)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("a fall", p.stdout)
        self.assertIn("SAFETY CHECK", p.stdout)
        self.assertIn("You recorded a fall or an injury", p.stdout)
        self.assertIn("backsignal safety", p.stdout)
        # Every surface that asks for the questions says so: read, and the screen's status.
        read = self.cli("read")
        self.assertIn("You recorded a fall or an injury", read.stdout)
        self.assertIn("You recorded a fall or an injury", self.cli("safety", "--status").stdout)
        day = json.loads(self.cli("show", "--date", tomorrow).stdout)["days"][0]
        self.assertEqual(day["context"], {"stress": 4, "injury": "fall"})
        # CSV: its own column, read back the same.
        rows = list(csv.DictReader(io.StringIO(self.cli("export", "--format", "csv").stdout)))
        self.assertEqual([r["injury"] for r in rows if r["date"] == day["date"]], ["fall"])
        # Answering the questions again (yes to the injury question) is what it asked for.
        answers = ["yes" if q == "injury" else "no" for q in SAFETY_QUESTIONS]
        p = self.cli("safety", stdin="\n".join(answers) + "\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn("You recorded a fall", self.cli("safety", "--status").stdout)
        # Taking it out again.
        today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        self.assertEqual(self.cli("safety", "--cleared-on", today).returncode, 0)
        p = self.cli("context", "--no-injury", "--date", tomorrow)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(self.cli("show", "--date", tomorrow).stdout)["days"][0]["context"],
                         {"stress": 4})

    def test_a_fall_on_the_day_of_the_answers_is_asked_about_by_its_check_in_only(self):
        self.answer_safety()
        p = self.cli("context", "--injury", "other")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("an injury", p.stdout)
        self.assertIn("You recorded a fall or an injury", p.stdout)
        self.answer_safety()  # answered after it: covered, no loop of asking
        self.assertNotIn("Due again", self.cli("safety", "--status").stdout)

    def test_a_fall_dated_before_the_answers_is_covered_by_them(self):
        p = self.cli("context", "--injury", "other", "--date", "yesterday")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.answer_safety()
        self.assertNotIn("Due again", self.cli("safety", "--status").stdout)

    def test_a_bad_injury_is_refused_naming_the_option_and_what_is_expected(self):
        p = self.cli("context", "--injury", "broken")
        self.assertEqual(p.returncode, 2)
        self.assertIn('--injury: "broken" is not an injury; expected fall or other', p.stderr)
        path = os.path.join(self.tmp.name, "d.json")
        with open(path, "w") as f:
            json.dump({"format": "backsignal-diary", "version": 1,
                       "days": [{"date": "2026-11-02", "context": {"injury": True}}]}, f)
        p = self.cli("import", path)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("days[0].context.injury", p.stderr)

    def test_the_report_shows_a_fall_and_that_the_questions_are_due(self):
        self.answer_safety()
        self.assertEqual(self.cli("context", "--injury", "fall", "--date", "yesterday").returncode, 0)
        self.assertEqual(self.cli("context", "--injury", "other", "--date", self.tomorrow()).returncode, 0)
        out = os.path.join(self.tmp.name, "r.html")
        self.assertEqual(self.cli("report", "--out", out).returncode, 0)
        with open(out) as f:
            html = f.read()
        self.assertRegex(html, r"<b>Falls or injuries:</b> a fall on [^,]+ and another injury on ")
        self.assertIn("they recorded a fall or an injury since answering them", html)


class PinnedNoteCliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "diary.db")

    def tearDown(self):
        self.tmp.cleanup()

    def cli(self, *args, **kw):
        return run("--db", self.db, *args, **kw)

    def test_a_pinned_note_is_on_every_report_whatever_its_dates_and_in_every_format(self):
        self.assertIn("--pin", run("note", "--help").stdout)
        p = self.cli("note", "GP says osteopenia", "--pin", "--date", "2025-01-10")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("pinned", p.stdout)
        self.assertEqual(self.cli("note", "long day", "--date", "2025-01-11").returncode, 0)
        self.assertEqual(self.cli("morning", "3").returncode, 0)
        out = os.path.join(self.tmp.name, "r.html")
        self.assertEqual(self.cli("report", "--out", out).returncode, 0)
        with open(out) as f:
            html = f.read()
        self.assertIn("Pinned notes", html)
        self.assertIn("GP says osteopenia", html)
        self.assertNotIn("long day", html)  # not pinned, and outside the report's dates
        exported = json.loads(self.cli("export").stdout)
        pinned = [d for d in exported["days"] if d.get("note_pinned")]
        self.assertEqual([(d["date"], d["note"]) for d in pinned], [("2025-01-10", "GP says osteopenia")])
        rows = list(csv.DictReader(io.StringIO(self.cli("export", "--format", "csv").stdout)))
        self.assertEqual({r["date"]: r["note_pinned"] for r in rows if r["note"]},
                         {"2025-01-10": "true", "2025-01-11": ""})
        # Unpinned, and a pin with no note is refused naming where.
        self.assertEqual(self.cli("note", "GP says osteopenia", "--unpin", "--date", "2025-01-10").returncode, 0)
        self.assertNotIn("note_pinned", self.cli("show", "--date", "2025-01-10").stdout)
        path = os.path.join(self.tmp.name, "d.json")
        with open(path, "w") as f:
            json.dump({"format": "backsignal-diary", "version": 1,
                       "days": [{"date": "2025-02-01", "morning": {"pain": 2}, "note_pinned": True}]}, f)
        p = self.cli("import", path)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("days[0].note_pinned: a pin needs a note", p.stderr)


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(BIN).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def req(self, *a, **k):
        return self.server.request(*a, **k)

    def test_the_api_takes_a_fall_serves_its_field_and_says_the_questions_are_due(self):
        status, fields, _ = self.req("GET", "/api/v1/fields")
        self.assertEqual(status, 200)
        injury = [f for f in fields["context"] if f["name"] == "injury"][0]
        self.assertEqual((injury["control"], injury["rescreens"]), ("choice", True))
        self.assertEqual([c["name"] for c in injury["choices"]], ["fall", "other"])
        no = {q: False for q in SAFETY_QUESTIONS}
        self.assertEqual(self.req("PUT", "/api/v1/safety", {"answers": no})[0], 200)
        _, state, _ = self.req("GET", "/api/v1/safety/state")
        self.assertIsNone(state["due"])
        _, screen, _ = self.req("GET", "/api/v1/safety")
        self.assertIn("fall_or_injury", screen["reasons"])
        self.assertEqual(self.req("PUT", "/api/v1/profile", {"time_zone": "UTC"})[0], 200)
        # A day after the answers' (a check-in may be a day ahead): due until answered again.
        date = (datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=1)).isoformat()
        status, body, _ = self.req("PUT", f"/api/v1/days/{date}/context", {"injury": "bump"})
        self.assertEqual(status, 400)
        self.assertIn("injury", json.dumps(body))
        status, body, _ = self.req("PUT", f"/api/v1/days/{date}/context", {"injury": "fall"})
        self.assertEqual(status, 200, body)
        self.assertEqual(body["day"]["context"], {"injury": "fall"})
        self.assertTrue(body["safety_again"])
        _, state, _ = self.req("GET", "/api/v1/safety/state")
        self.assertEqual(state["due"], "fall_or_injury")
        self.assertIn("You recorded a fall or an injury", state["prompt"])
        self.assertIn("recorded a fall or an injury", state["due_for_clinician"])
        # A note pinned through the API, kept when the text is corrected without saying.
        status, body, _ = self.req("PUT", f"/api/v1/days/{date}/note", {"note": "GP says osteopenia", "pinned": True})
        self.assertEqual((status, body["day"]["note_pinned"]), (200, True), body)
        status, body, _ = self.req("PUT", f"/api/v1/days/{date}/note", {"note": "GP: osteopenia"})
        self.assertTrue(body["day"]["note_pinned"])
        status, body, _ = self.req("PUT", f"/api/v1/days/{date}/note", {"note": "x", "pinned": "yes"})
        self.assertEqual(status, 400)
        self.assertIn("pinned", json.dumps(body))
        # Saying it again changes nothing new: no second "at once".
        status, body, _ = self.req("PUT", f"/api/v1/days/{date}/context", {"injury": "fall"})
        self.assertNotIn("safety_again", body)


if __name__ == "__main__":
    unittest.main()
