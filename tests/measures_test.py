#!/usr/bin/env python3
"""The weekly questions (PEG, PSFS) and flares on the command line and through the API
(docs/measures.md): each refused with its place, stored, said back, exported and imported
again, due on the chosen day, and set against four and eight weeks before in the report.
usage: measures_test.py BINARY"""
import datetime
import json
import os
import subprocess
import sys
import tempfile
import unittest

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_fixture import Server  # noqa: E402

TODAY = datetime.date.today()


def day(n):
    return (TODAY - datetime.timedelta(days=n)).isoformat()


class Cli:
    def __init__(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "diary.db")

    def run(self, *args, stdin=None):
        p = subprocess.run([BIN, "--db", self.db, *args], capture_output=True, text=True, input=stdin)
        return p.returncode, p.stdout, p.stderr


class CliTest(unittest.TestCase):
    def test_weekly_answers_are_said_back_and_late_ones_fill_a_past_week(self):
        c = Cli()
        self.assertEqual(c.run("weekly")[0], 4)  # no diary yet: nothing is made by looking
        c.run("morning", "3")
        code, out, _ = c.run("weekly")
        self.assertEqual(code, 0)
        self.assertIn("Due today", out)  # never answered: at once
        code, out, err = c.run("weekly", "--date", day(28), "--peg", "6,6,6", "--psfs",
                               "reaching overhead=3", "sitting for an hour=4")
        self.assertEqual(code, 0, err)
        self.assertIn("PEG 6 (pain 6, enjoyment of life 6, general activity 6)", out)
        self.assertIn("Function (PSFS) 3.5 of 10: reaching overhead 3, sitting for an hour 4", out)
        code, out, err = c.run("weekly", "--peg", "4,4,5", "--psfs", "Reaching overhead=6",
                               "sitting for an hour=5")
        self.assertEqual(code, 0, err)
        self.assertIn("PEG 4.3 (pain 4, enjoyment of life 4, general activity 5)", out)  # not 4.30
        code, out, _ = c.run("weekly")
        self.assertIn("answered for this week", out)
        self.assertIn("Your activities: Reaching overhead, sitting for an hour", out)
        # +3 and +1 over two activities: 2 on the average, better; +3 on one: better.
        self.assertRegex(out, r"four weeks before 3\.5 \([^)]*\): \+2, better")
        self.assertRegex(out, r"Reaching overhead: 6; four weeks before 3 \([^)]*\): \+3, better")
        self.assertRegex(out, r"sitting for an hour: 5; four weeks before 4 \([^)]*\): \+1, about the same")

    def test_bad_answers_are_refused_with_what_and_where_and_nothing_is_stored(self):
        c = Cli()
        for args, words in ((["--peg", "5,4"], "has 2 items"),
                            (["--peg", "5,4,11"], "item 3: 11 is above the top of the scale"),
                            (["--peg", "5,4.5,1"], "not a whole number"),
                            (["--psfs", "reaching overhead"], "has no score"),
                            (["--psfs", "a=1", "b=1", "c=1", "d=1", "e=1", "f=1"], "at most 5"),
                            (["--psfs", "a=1", "A=2"], "given twice"),
                            (["--date", day(-3), "--peg", "1,1,1"], "in the future")):
            code, _, err = c.run("weekly", *args)
            self.assertEqual(code, 2, (args, err))
            self.assertIn(words, err, args)
        code, out, _ = c.run("export", "--format", "json")
        self.assertNotIn("weekly", json.loads(out))

    def test_a_flare_is_stored_beside_the_day_never_as_a_morning(self):
        c = Cli()
        code, out, err = c.run("flare", "7", "--time", "14:20", "--sharp", "--note", "lifting the kettle")
        self.assertEqual(code, 0, err)
        self.assertIn("Flare at 14:20: pain 7, sharp or catching", out)
        self.assertIn("Sharp or catching pain is a reason to stop", out)
        self.assertIn("Saved as flare 1 of", out)
        self.assertEqual(c.run("flare", "11")[0], 2)
        self.assertEqual(c.run("flare", "4", "--time", "25:00")[0], 2)
        doc = json.loads(c.run("export", "--format", "json")[1])
        self.assertEqual(doc["days"], [])
        self.assertEqual(doc["flares"], [{"date": TODAY.isoformat(), "time": "14:20", "pain": 7,
                                          "sharp": True, "note": "lifting the kettle"}])

    def test_the_diary_file_round_trips_and_a_clash_is_refused_whole(self):
        c = Cli()
        diary = {"format": "backsignal-diary", "version": 1, "days": [],
                 "weekly": [{"date": day(7), "peg": {"pain": 5, "enjoyment": 4, "activity": 6},
                             "psfs": [{"activity": "carrying a bag", "score": 4}]}],
                 "flares": [{"date": day(3), "pain": 6.5}]}
        code, _, err = c.run("import", "-", stdin=json.dumps(diary))
        self.assertEqual(code, 0, err)
        out = json.loads(c.run("export", "--format", "json")[1])
        self.assertEqual(out["weekly"], diary["weekly"])
        self.assertEqual(out["flares"], diary["flares"])
        diary["weekly"][0]["peg"]["pain"] = 9
        code, _, err = c.run("import", "-", stdin=json.dumps(diary))
        self.assertEqual(code, 3, err)
        self.assertIn("weekly " + day(7), err)
        bad = {"format": "backsignal-diary", "version": 1, "days": [],
               "weekly": [{"date": day(7), "peg": {"pain": 5, "enjoyment": 4}}],
               "flares": [{"date": day(3)}]}
        code, _, err = c.run("import", "-", stdin=json.dumps(bad))
        self.assertEqual(code, 2)
        self.assertIn("weekly[0].peg.activity: missing", err)
        self.assertIn("flares[0].pain: missing", err)

    def test_the_chosen_day_is_kept(self):
        c = Cli()
        code, out, err = c.run("weekly", "--day", "Monday")
        self.assertEqual(code, 0, err)
        self.assertIn("due on mondays", out)
        self.assertEqual(c.run("weekly", "--day", "someday")[0], 2)

    def test_the_report_sets_now_against_four_weeks_before_and_lists_flares(self):
        c = Cli()
        c.run("weekly", "--date", day(28), "--peg", "6,6,6", "--psfs", "carrying a bag=7")
        c.run("weekly", "--date", day(1), "--peg", "4,4,4", "--psfs", "carrying a bag=5")
        c.run("flare", "6", "--date", day(2), "--time", "09:15", "--note", "after the drive")
        c.run("morning", "3", "--date", day(1))
        code, out, err = c.run("report", "--weeks", "2", "--out", "-")
        self.assertEqual(code, 0, err)
        self.assertIn("Function and pain over the weeks", out)
        self.assertRegex(out, r"four weeks before 7 \([^)]*\): \u22122, worse")
        self.assertRegex(out, r"PEG 4 \(pain 4, enjoyment of life 4, general activity 4\) on [^;]*; four weeks "
                              r"before 6 \([^)]*\): \u22122, better")
        self.assertIn("Flare: pain 6</span> &middot; after the drive", out)


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(BIN).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def req(self, method, path, body=None, headers=None):
        return self.server.request(method, path, body, headers=headers)[:2]

    def test_weekly_answers_put_read_and_deleted(self):
        status, data = self.req("GET", "/api/v1/measures")
        self.assertEqual(status, 200)
        self.assertEqual(data["weekly_day"], "sunday")
        self.assertIn("reaching overhead", data["questions"]["suggestions"])
        status, data = self.req("PUT", f"/api/v1/weekly/{day(35)}",
                                {"psfs": [{"activity": "sleeping on my side", "score": 3}]})
        self.assertEqual(status, 200, data)
        status, data = self.req("PUT", f"/api/v1/weekly/{day(7)}",
                                {"peg": {"pain": 3, "enjoyment": 2, "activity": 4},
                                 "psfs": [{"activity": "sleeping on my side", "score": 4}]})
        self.assertEqual(status, 200, data)
        self.assertIn("PEG 3 (pain 3, enjoyment of life 2, general activity 4)", data["words"]["lines"])
        status, data = self.req("GET", "/api/v1/measures")
        self.assertEqual(data["activities"], ["sleeping on my side"])
        self.assertEqual(data["trend"]["psfs"]["four_weeks"]["verdict"], "about_the_same")
        self.assertEqual(data["trend"]["psfs"]["four_weeks"]["change"], 1)
        self.assertFalse(data["trend"]["function_worse"])
        for body, where in (({"peg": {"pain": 3, "enjoyment": 2}}, "peg.activity"),
                            ({"psfs": [{"activity": "", "score": 3}]}, "psfs[0].activity"),
                            ({"psfs": [{"activity": "a", "score": 3.5}]}, "psfs[0].score"),
                            ({}, "holds no answer"),
                            ({"pgs": 1}, "pgs: unknown key")):
            status, data = self.req("PUT", f"/api/v1/weekly/{day(1)}", body)
            self.assertEqual(status, 400, body)
            self.assertIn(where, json.dumps(data), body)
        self.assertEqual(self.req("DELETE", f"/api/v1/weekly/{day(7)}")[0], 200)
        self.assertEqual(self.req("DELETE", f"/api/v1/weekly/{day(7)}")[0], 404)

    def test_a_flare_sent_twice_with_one_key_is_stored_once(self):
        key = {"Idempotency-Key": "flare-0001"}
        body = {"pain": 5, "time": "11:00", "sharp": False}
        status, first = self.req("POST", f"/api/v1/days/{day(2)}/flares", body, key)
        self.assertEqual(status, 201, first)
        status, again = self.req("POST", f"/api/v1/days/{day(2)}/flares", body, key)
        self.assertEqual(status, 201, again)
        self.assertEqual(again["number"], first["number"])
        status, data = self.req("POST", f"/api/v1/days/{day(2)}/flares", {"pain": 6}, key)
        self.assertEqual(status, 409, data)
        flares = [f for f in self.req("GET", "/api/v1/measures")[1]["flares"] if f["date"] == day(2)]
        self.assertEqual(len(flares), 1)
        self.assertEqual(self.req("POST", f"/api/v1/days/{day(2)}/flares", {"pain": 12})[0], 400)
        self.assertEqual(self.req("DELETE", f"/api/v1/days/{day(2)}/flares/{first['number']}")[0], 200)
        self.assertEqual(self.req("DELETE", f"/api/v1/days/{day(2)}/flares/9")[0], 404)

    def test_the_weekly_day_is_part_of_the_profile(self):
        status, data = self.req("PUT", "/api/v1/profile", {"weekly_day": "wednesday"})
        self.assertEqual(status, 200, data)
        self.assertEqual(data["weekly_day_in_force"], "wednesday")
        self.assertEqual(self.req("GET", "/api/v1/measures")[1]["weekly_day"], "wednesday")
        status, data = self.req("PUT", "/api/v1/profile", {"weekly_day": "caturday"})
        self.assertEqual(status, 400)
        self.req("PUT", "/api/v1/profile", {"weekly_day": None})


class ClinicianTest(unittest.TestCase):
    """A clinician reads a person's measures in words about them, read only; another person's
    are not theirs to read."""

    @classmethod
    def setUpClass(cls):
        from security_test import Client  # noqa: E402
        cls.server = Server(BIN, extra=["--accounts", "--no-push"]).start()
        cls.sam = Client(cls.server)
        cls.sam.signup("sam", code=cls.server.setup_code)
        cls.clin = Client(cls.server)
        cls.clin.signup("dr.k", role="clinician")
        cls.other = Client(cls.server)
        cls.other.signup("otto")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_a_clinician_reads_the_trend_about_the_person_and_cannot_write(self):
        self.assertEqual(self.sam.req("PUT", "/api/v1/profile", {"display_name": "Sam"})[0], 200)
        for n, score in ((29, 7), (1, 4)):
            status, data, _ = self.sam.req("PUT", f"/api/v1/weekly/{day(n)}",
                                           {"psfs": [{"activity": "carrying a bag", "score": score}]})
            self.assertEqual(status, 200, data)
        _, invite, _ = self.sam.req("POST", "/api/v1/shares/invites")
        status, data, _ = self.clin.req("POST", "/api/v1/clinician/redeem", {"code": invite["code"]})
        self.assertEqual(status, 200, data)
        pid = data["person"]
        status, view, _ = self.clin.req("GET", f"/api/v1/people/{pid}/measures")
        self.assertEqual(status, 200, view)
        self.assertTrue(view["trend"]["function_worse"])
        self.assertRegex(view["words"]["psfs"][0], r"four weeks before 7 \([^)]*\): \u22123, worse")
        status, _, _ = self.clin.req("PUT", f"/api/v1/people/{pid}/weekly/{day(0)}", {"peg": {"pain": 1, "enjoyment": 1, "activity": 1}})
        self.assertEqual(status, 405)
        self.assertEqual(self.other.req("GET", f"/api/v1/people/{pid}/measures")[0], 404)
        # The clinician's list names function getting worse, with the change it saw.
        status, people, _ = self.clin.req("GET", "/api/v1/clinician/people")
        self.assertEqual(status, 200, people)
        (row,) = [p for p in people["people"] if p["person"] == pid]
        self.assertIn("function_worse", row["needs"])
        self.assertEqual(row["function"]["average"], 4)
        self.assertEqual(row["function"]["change"], -3)
        self.assertEqual(row["function"]["verdict"], "worse")
        self.assertTrue(row["function"]["worse"])
        self.assertEqual(row["function"]["since"], day(29))


if __name__ == "__main__":
    unittest.main()
