#!/usr/bin/env python3
"""The HTTP API: every endpoint and every error status, and the API's reading against the CLI's
on every scenario. usage: api_test.py BINARY"""
import datetime
import json
import os
import subprocess
import sys
import tempfile
import unittest
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_fixture import Server  # noqa: E402

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
SCEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scenarios")
D = "/api/v1/days/2026-11-20"


def load(path):
    with open(path) as f:
        return json.load(f)


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(BIN).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def setUp(self):
        status, _, _ = self.req("PUT", "/api/v1/diary", {"format": "backsignal-diary", "version": 1, "days": []})
        self.assertEqual(status, 200)

    def req(self, *a, **k):
        return self.server.request(*a, **k)

    def test_workouts_from_a_file(self):
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "workouts", "run.tcx"), "rb") as f:
            tcx = f.read()
        # The run is at 07:15Z: 16:15 in Tokyo (issue 20: it was stored at 07:15).
        self.assertEqual(self.req("PUT", "/api/v1/profile", {"time_zone": "Asia/Tokyo"})[0], 200)
        status, body, _ = self.req("POST", "/api/v1/workouts?dry_run=true&name=run.tcx", raw=tcx,
                                   content_type="application/octet-stream")
        self.assertEqual(status, 200, body)
        self.assertEqual((body["format"], body["dry_run"], body["added"]), ("TCX", True, 1))
        self.assertEqual(body["workouts"][0]["outcome"], "added")
        self.assertEqual(self.req("GET", "/api/v1/days/2026-11-03")[0], 404)  # nothing stored
        status, body, _ = self.req("POST", "/api/v1/workouts?name=run.tcx", raw=tcx,
                                   content_type="application/octet-stream")
        self.assertEqual((status, body["added"]), (200, 1))
        _, day, _ = self.req("GET", "/api/v1/days/2026-11-03")
        self.assertEqual(day["sessions"], [{"time": "16:15", "minutes": 32, "activity": "running"}])
        status, body, _ = self.req("POST", "/api/v1/workouts?name=run.tcx", raw=tcx,
                                   content_type="application/octet-stream")
        self.assertEqual((body["added"], body["unchanged"]), (0, 1))
        status, body, _ = self.req("POST", "/api/v1/workouts?name=notes.txt", raw=b"hello",
                                   content_type="text/plain")
        self.assertEqual(status, 400)
        self.assertIn("notes.txt: not a workout file", body["error"]["message"])

    def test_healthz(self):
        status, body, _ = self.req("GET", "/healthz")
        self.assertEqual((status, body), (200, {"status": "ok"}))

    def test_morning_put_get_delete(self):
        status, body, _ = self.req("PUT", f"{D}/morning", {"pain": 3, "stiffness": 4.5})
        self.assertEqual(status, 200)
        self.assertEqual(body["day"]["morning"], {"pain": 3, "stiffness": 4.5})
        status, body, _ = self.req("GET", D)
        self.assertEqual((status, body["morning"]["pain"]), (200, 3))
        status, body, _ = self.req("PUT", f"{D}/morning", {"pain": 5})
        self.assertEqual(body["day"]["morning"], {"pain": 5})  # a correction replaces the morning
        self.assertEqual(self.req("DELETE", f"{D}/morning")[0], 200)
        self.assertEqual(self.req("GET", D)[0], 404)
        self.assertEqual(self.req("DELETE", f"{D}/morning")[0], 404)

    def test_session_during_hour_after_and_edits(self):
        status, body, _ = self.req("POST", f"{D}/sessions", {"time": "18:00", "minutes": 40, "activity": "swim",
                                                            "load": ["rotation"], "during": {"start": 3, "end": 5}})
        self.assertEqual(status, 201)
        self.assertEqual(body["session"], 1)
        self.assertEqual(body["signals"]["during"], "building")
        status, body, _ = self.req("PUT", f"{D}/sessions/1/hour_after", {"pain": 6, "tighter": False})
        self.assertEqual((status, body["signals"]["hour_after"]), (200, "rising"))
        status, body, _ = self.req("PATCH", f"{D}/sessions/1", {"during": {"end": 6}, "minutes": 45})
        self.assertEqual(status, 200)
        s = body["day"]["sessions"][0]
        self.assertEqual((s["minutes"], s["during"], s["activity"]), (45, {"start": 3, "end": 6}, "swim"))
        self.assertEqual(self.req("DELETE", f"{D}/sessions/1/hour_after")[0], 200)
        self.assertEqual(self.req("DELETE", f"{D}/sessions/1/hour_after")[0], 404)
        self.assertEqual(self.req("POST", f"{D}/sessions", {})[0], 201)
        self.assertEqual(self.req("DELETE", f"{D}/sessions/1")[0], 200)
        _, day, _ = self.req("GET", D)
        self.assertEqual(len(day["sessions"]), 1)
        self.assertEqual(self.req("PATCH", f"{D}/sessions/9", {"minutes": 5})[0], 404)
        self.assertEqual(self.req("PUT", f"{D}/sessions/9/hour_after", {"pain": 1})[0], 404)

    def test_stored_thresholds_decide_a_check_ins_signals(self):
        # Structure issue, defect 1: the check-in's answer and the reading agree.
        self.assertEqual(self.req("PUT", "/api/v1/settings", {"building_rise": 4})[0], 200)
        try:
            status, body, _ = self.req("POST", f"{D}/sessions", {"during": {"start": 3, "end": 5}})
            self.assertEqual((status, body["signals"]["during"]), (201, "stable"))
            status, reading, _ = self.req("GET", "/api/v1/reading")
            self.assertEqual(reading["sessions"][0]["during"], "stable")
        finally:
            self.req("PUT", "/api/v1/settings", {})

    def test_the_reading_follows_a_check_in_made_by_the_command_line(self):
        # The server keeps readings in memory: a write by another process on the same file
        # must show at once.
        self.assertEqual(self.req("PUT", f"{D}/morning", {"pain": 3})[0], 200)
        self.assertEqual(self.req("GET", "/api/v1/reading")[1]["as_of"], "2026-11-20")
        p = subprocess.run([BIN, "--db", self.server.db, "morning", "6", "--date", "2026-11-21"],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        reading = self.req("GET", "/api/v1/reading")[1]
        self.assertEqual((reading["as_of"], reading["mornings"][-1]["pain"]), ("2026-11-21", 6))

    def test_sharp_pain_returns_the_advice(self):
        status, body, _ = self.req("POST", f"{D}/sessions", {"during": {"sharp": True}})
        self.assertEqual(status, 201)
        self.assertIn("modify or stop", body["signals"]["advice"])
        _, reading, _ = self.req("GET", "/api/v1/reading")
        self.assertEqual(reading["alerts"][0]["kind"], "modify_or_stop")

    def test_safety_screen_stops_every_surface_until_cleared(self):
        status, screen, _ = self.req("GET", "/api/v1/safety")
        self.assertEqual(status, 200)
        ids = [q["id"] for q in screen["questions"]]
        self.assertIn("tearing", ids)
        self.assertEqual(set(screen["advice"]), {"clear", "soon", "same_day", "emergency"})
        no = {q["id"]: False for q in screen["questions"] if not q["follows"]}
        # Missing and unknown answers are refused by name, and nothing is stored.
        status, body, _ = self.req("PUT", "/api/v1/safety", {"answers": {"cough_blood": True}})
        self.assertEqual(status, 400)
        self.assertTrue(any("night_pain: not answered" in d for d in body["error"]["details"]))
        self.assertFalse(self.req("GET", "/api/v1/safety/state")[1]["answered"])
        status, body, _ = self.req("PUT", "/api/v1/safety", {"answers": dict(no, tearing="yes")})
        self.assertEqual(status, 400)
        try:
            # An emergency yes is enough alone: no one in an emergency answers ten more questions.
            status, state, _ = self.req("PUT", "/api/v1/safety", {"answers": {"chest_breathless": False, "tearing": True}})
            self.assertEqual((status, state["outcome"], state["stopped"]), (200, "emergency", True))
            status, state, _ = self.req("PUT", "/api/v1/safety", {"answers": dict(no, cough_blood=True)})
            self.assertEqual((status, state["outcome"], state["stopped"]), (200, "same_day", True))
            self.assertIn("today", state["advice"])
            # The API refuses check-ins and imports; the CLI on the same database does too.
            status, body, _ = self.req("PUT", f"{D}/morning", {"pain": 3})
            self.assertEqual(status, 403)
            self.assertIn("clinician", body["error"]["message"])
            diary = {"format": "backsignal-diary", "version": 1, "days": [{"date": "2026-11-01", "morning": {"pain": 2}}]}
            self.assertEqual(self.req("POST", "/api/v1/diary/import", diary)[0], 403)
            self.assertEqual(self.req("PUT", "/api/v1/diary", diary)[0], 403)
            p = subprocess.run([BIN, "--db", self.server.db, "morning", "3", "--date", "2026-11-20"],
                               capture_output=True, text=True)
            self.assertNotEqual(p.returncode, 0)
            self.assertIn("safety check", p.stderr)
            self.assertEqual(self.req("GET", D)[0], 404)
            # A clearance in the future is refused; today's ends the stop.
            self.assertEqual(self.req("POST", "/api/v1/safety/clearance", {"date": "2999-01-01"})[0], 400)
            self.assertEqual(self.req("POST", "/api/v1/safety/clearance", {"date": "soon"})[0], 400)
            self.assertEqual(self.req("POST", "/api/v1/safety/clearance", {"date": "2026-01-01"})[0], 400)
            # Today in the person's own zone (another test may have set Pacific/Auckland, where
            # the date is ahead of the machine's for half the day).
            zone = self.req("GET", "/api/v1/profile")[1].get("time_zone") or None
            today = (datetime.datetime.now(ZoneInfo(zone)).date() if zone else datetime.date.today()).isoformat()
            status, state, _ = self.req("POST", "/api/v1/safety/clearance", {"date": today})
            self.assertEqual(status, 200, state)
            self.assertFalse(state["stopped"], state)
            self.assertEqual(self.req("PUT", f"{D}/morning", {"pain": 3})[0], 200)
        finally:
            self.assertEqual(self.req("PUT", "/api/v1/safety", {"answers": no})[0], 200)
        status, state, _ = self.req("GET", "/api/v1/safety/state")
        self.assertEqual((state["answered"], state["outcome"], state["stopped"]), (True, "clear", False))

    def test_a_check_in_sent_twice_with_one_key_is_stored_once(self):
        key = {"Idempotency-Key": "5b0e2f9c-1c1d-4f7e-9d4a-0a9a3c1e7b11"}
        first = self.req("POST", f"{D}/sessions", {"minutes": 30, "during": {"sharp": True}}, headers=key)
        again = self.req("POST", f"{D}/sessions", {"minutes": 30, "during": {"sharp": True}}, headers=key)
        self.assertEqual((first[0], again[0]), (201, 201))
        self.assertEqual(again[1]["session"], first[1]["session"])
        self.assertEqual(again[2].getheader("Idempotent-Replayed"), "true")
        self.assertIn("modify or stop", again[1]["signals"]["advice"])  # the same answer
        self.assertEqual(len(self.req("GET", D)[1]["sessions"]), 1)
        # The same key with another request is a mistake, not a repeat.
        status, body, _ = self.req("POST", f"{D}/sessions", {"minutes": 31}, headers=key)
        self.assertEqual(status, 409)
        self.assertIn("Idempotency-Key", body["error"]["message"])
        self.assertEqual(self.req("PUT", f"{D}/morning", {"pain": 3}, headers={"Idempotency-Key": "has space"})[0], 400)
        self.assertEqual(len(self.req("GET", D)[1]["sessions"]), 1)
        # A keyed delete sent twice: the second is answered as the first, not 404.
        dkey = {"Idempotency-Key": "delete-1"}
        self.assertEqual(self.req("DELETE", f"{D}/sessions/1", headers=dkey)[0], 200)
        self.assertEqual(self.req("DELETE", f"{D}/sessions/1", headers=dkey)[0], 200)

    def test_context_and_note(self):
        status, body, _ = self.req("PUT", f"{D}/context", {"sitting_hours": 7.5, "prolonged_position": True})
        self.assertEqual((status, body["day"]["context"]), (200, {"sitting_hours": 7.5, "prolonged_position": True}))
        status, body, _ = self.req("PUT", f"{D}/note", {"note": "desk day; \"quotes\" and 'DROP TABLE days;--"})
        self.assertEqual(body["day"]["note"], "desk day; \"quotes\" and 'DROP TABLE days;--")
        self.assertEqual(self.req("DELETE", f"{D}/note")[0], 200)
        self.assertEqual(self.req("DELETE", f"{D}/context")[0], 200)
        self.assertEqual(self.req("DELETE", D)[0], 404)  # nothing left

    def test_every_check_in_and_listed_day_carry_the_words_every_surface_shows(self):
        # Issue 20 #18, #12: one voice for a check-in: the server's words, a session's start and end.
        status, body, _ = self.req("POST", "/api/v1/days/2026-11-05/sessions",
                                   {"time": "06:19", "minutes": 40, "activity": "swimming",
                                    "during": {"start": 3, "end": 6, "pattern": "building"}})
        self.assertEqual(status, 201)
        self.assertEqual(body["words"]["lines"][:2],
                         ["Swimming, started 06:19, ended 06:59 (40 min).", "During: 3 to 6, building."])
        self.assertEqual(body["words"]["next"], "Next: the hour-after check-in, from about 07:59.")
        self.assertIn("builds steadily", body["words"]["meaning"])
        _, body, _ = self.req("PUT", "/api/v1/days/2026-11-05/sessions/1/hour_after", {"pain": 5, "tighter": True})
        self.assertEqual(body["words"]["lines"], ["Pain 5, tighter than before."])
        _, body, _ = self.req("PUT", "/api/v1/days/2026-11-05/morning", {"pain": 4, "stiffness": 2.5})
        self.assertEqual(body["words"]["lines"], ["Pain 4, stiffness 2.5."])
        _, body, _ = self.req("GET", "/api/v1/days?from=2026-11-05&to=2026-11-05")
        words = body["days"][0]["words"]
        self.assertEqual(words["morning"], "Pain 4, stiffness 2.5.")
        self.assertEqual(words["sessions"][0]["hour_after"], "Pain 5, tighter than before.")
        self.assertEqual(words["sessions"][0]["due"], "From about 07:59.")
        self.assertEqual(words["context"], "")
        self.assertNotIn("words", self.req("DELETE", "/api/v1/days/2026-11-05/morning")[1])

    def test_the_safety_screen_names_the_number_for_the_persons_country(self):
        # Issue 20 #13: every country's number, from the person's zone; where none is known, said so.
        for zone, country, numbers in (("Asia/Tokyo", "Japan", ["119"]), ("Europe/Paris", "France", ["112", "15"]),
                                       ("Asia/Seoul", "Korea (South)", [])):
            self.assertEqual(self.req("PUT", "/api/v1/profile", {"time_zone": zone})[0], 200)
            _, state, _ = self.req("GET", "/api/v1/safety/state")
            self.assertEqual((state["emergency"]["country"], state["emergency"]["numbers"]), (country, numbers))
            self.assertEqual(state["emergency"]["known"], bool(numbers))
            _, screen, _ = self.req("GET", "/api/v1/safety")
            if numbers:
                self.assertIn(f"call {' or '.join(numbers)} now", screen["advice"]["emergency"])
            else:
                self.assertIn("does not know it for Korea (South)", screen["advice"]["emergency"])

    def test_days_list_newest_first_and_range(self):
        for d in ("2026-11-01", "2026-11-03", "2026-11-02"):
            self.req("PUT", f"/api/v1/days/{d}/morning", {"pain": 2})
        _, body, _ = self.req("GET", "/api/v1/days")
        self.assertEqual([d["date"] for d in body["days"]], ["2026-11-03", "2026-11-02", "2026-11-01"])
        _, body, _ = self.req("GET", "/api/v1/days?from=2026-11-02&to=2026-11-02")
        self.assertEqual([d["date"] for d in body["days"]], ["2026-11-02"])
        self.assertEqual(self.req("GET", "/api/v1/days?from=yesterday")[0], 400)

    def test_whole_diary_put_get_and_import(self):
        diary = load(os.path.join(SCEN, "helpful_steady", "diary.json"))
        status, body, _ = self.req("PUT", "/api/v1/diary", diary)
        self.assertEqual(status, 200)
        _, exported, _ = self.req("GET", "/api/v1/diary")
        self.assertEqual(len(exported["days"]), len(diary["days"]))
        clash = {"format": "backsignal-diary", "version": 1, "days": [{"date": exported["days"][0]["date"], "morning": {"pain": 9}}]}
        status, body, _ = self.req("POST", "/api/v1/diary/import", clash)
        self.assertEqual(status, 409)
        self.assertIn(exported["days"][0]["date"], body["error"]["details"])
        status, body, _ = self.req("POST", "/api/v1/diary/import?replace=true", clash)
        self.assertEqual((status, body["replaced"]), (200, 1))

    def test_a_day_in_1850_is_refused_by_every_route_that_writes_a_day(self):
        # Issue 21: PUT /api/v1/diary stored 1850-01-01 while the import refused it; the check
        # lives once, in the service, for every door.
        self.req("PUT", f"{D}/morning", {"pain": 3})
        _, before, _ = self.req("GET", "/api/v1/diary")
        old = "/api/v1/days/1850-01-01"
        diary = {"format": "backsignal-diary", "version": 1,
                 "days": [{"date": "1850-01-01", "morning": {"pain": 2}}]}
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "workouts", "run.tcx"), "rb") as f:
            tcx = f.read().replace(b"2026-", b"1850-")
        # The weekly questions and flares a whole diary carries (beside its days) too.
        measures = {"format": "backsignal-diary", "version": 1, "days": [],
                    "weekly": [{"date": "1850-01-01", "peg": {"pain": 3, "enjoyment": 2, "activity": 4}}],
                    "flares": [{"date": "1850-01-01", "pain": 5}]}
        writes = [
            ("PUT", "/api/v1/diary", diary, {}),
            ("POST", "/api/v1/diary/import", diary, {}),
            ("POST", "/api/v1/diary/import?replace=true", diary, {}),
            ("PUT", "/api/v1/diary", measures, {}),
            ("POST", "/api/v1/diary/import", measures, {}),
            ("POST", "/api/v1/workouts?name=run.tcx", None,
             {"raw": tcx, "content_type": "application/octet-stream"}),
            ("PUT", f"{old}/morning", {"pain": 3}, {}),
            ("PUT", f"{old}/context", {"sitting_hours": 2}, {}),
            ("PUT", f"{old}/note", {"note": "long ago"}, {}),
            ("POST", f"{old}/sessions", {"time": "18:00", "minutes": 30, "activity": "walk"}, {}),
            ("PATCH", f"{old}/sessions/1", {"minutes": 20}, {}),
            ("PUT", f"{old}/sessions/1/hour_after", {"pain": 3}, {}),
            ("DELETE", old, None, {}),
            ("DELETE", f"{old}/morning", None, {}),
            ("DELETE", f"{old}/context", None, {}),
            ("DELETE", f"{old}/note", None, {}),
            ("DELETE", f"{old}/sessions/1", None, {}),
            ("DELETE", f"{old}/sessions/1/hour_after", None, {}),
            ("PUT", "/api/v1/weekly/1850-01-01", {"peg": {"pain": 3, "enjoyment": 2, "activity": 4}}, {}),
            ("DELETE", "/api/v1/weekly/1850-01-01", None, {}),
            ("POST", f"{old}/flares", {"pain": 5}, {}),
            ("DELETE", f"{old}/flares/1", None, {}),
        ]
        for method, path, body, extra in writes:
            with self.subTest(route=f"{method} {path}"):
                status, answer, _ = self.req(method, path, body, **extra)
                self.assertEqual(status, 400, answer)
                said = answer["error"]["message"] + " ".join(answer["error"].get("details", []))
                self.assertIn("1850", said)
                self.assertIn("outside the years a diary holds (1900 to 2200)", said)
        _, after, _ = self.req("GET", "/api/v1/diary")
        self.assertEqual(before, after)

    def test_bad_diary_is_refused_with_paths_and_nothing_changes(self):
        self.req("PUT", f"{D}/morning", {"pain": 3})
        _, before, _ = self.req("GET", "/api/v1/diary")
        bad = {"format": "backsignal-diary", "version": 1,
               "days": [{"date": "2026-11-21", "morning": {"pain": 2}}, {"date": "2026-02-30", "morning": {"pain": 11}}]}
        status, body, _ = self.req("PUT", "/api/v1/diary", bad)
        self.assertEqual(status, 400)
        self.assertIn("days[1].date: \"2026-02-30\" (a string) is not a real calendar date", body["error"]["details"])
        self.assertIn("days[1].morning.pain: 11 is above the top of the scale (0 to 10)", body["error"]["details"])
        self.assertEqual(self.req("POST", "/api/v1/diary/import", bad)[0], 400)
        _, after, _ = self.req("GET", "/api/v1/diary")
        self.assertEqual(before, after)

    def test_error_statuses(self):
        # 400: invalid values, malformed JSON, bad dates in queries
        status, body, _ = self.req("PUT", f"{D}/morning", {"pain": 11})
        self.assertEqual((status, body["error"]["details"]), (400, ["pain: 11 is above the top of the scale (0 to 10)"]))
        status, body, _ = self.req("PUT", f"{D}/morning", raw=b'{"pain": 3', content_type="application/json")
        self.assertEqual(status, 400)
        self.assertIn("not valid JSON", body["error"]["details"][0])
        self.assertEqual(self.req("PUT", f"{D}/morning", {"pain": 3, "mood": 1})[0], 400)
        self.assertEqual(self.req("PUT", f"{D}/morning", {})[0], 400)
        self.assertEqual(self.req("POST", f"{D}/sessions", {"load": ["twist"]})[0], 400)
        self.assertEqual(self.req("GET", "/api/v1/reading?as_of=2026-02-30")[0], 400)
        # 404: unknown paths, impossible dates, session numbers
        self.assertEqual(self.req("GET", "/api/v1/nothing")[0], 404)
        self.assertEqual(self.req("GET", "/api/v1/days/2026-02-30")[0], 404)
        self.assertEqual(self.req("GET", "/api/v1/days/2026-11-20/sessions/x")[0], 404)
        self.assertEqual(self.req("GET", "/no/such/page")[0], 404)
        # 405 with Allow
        status, _, resp = self.req("POST", "/api/v1/reading", {})
        self.assertEqual(status, 405)
        self.assertEqual(resp.getheader("Allow"), "GET")
        self.assertEqual(self.req("DELETE", "/api/v1/diary")[0], 405)
        # 415: a body that is not JSON
        self.assertEqual(self.req("PUT", f"{D}/morning", raw=b"pain=3", content_type="application/x-www-form-urlencoded")[0], 415)
        self.assertEqual(self.req("PUT", f"{D}/morning", raw=b'{"pain":3}', content_type="text/plain")[0], 415)
        # 413: a body over the limit for its route
        self.assertEqual(self.req("PUT", f"{D}/morning", raw=b"x" * 70000, content_type="application/json")[0], 413)

    def test_page_and_assets(self):
        status, body, resp = self.req("GET", "/")
        self.assertEqual(status, 200)
        self.assertIn("text/html", resp.getheader("Content-Type"))
        self.assertIn("default-src 'self'", resp.getheader("Content-Security-Policy"))
        for path in ("/assets/main.js", "/assets/pages/today.js", "/assets/app.css", "/assets/uPlot.iife.min.js",
                     "/assets/uPlot.min.css", "/manifest.webmanifest"):
            status, _, resp = self.req("GET", path, headers={"Accept-Encoding": "gzip"})
            self.assertEqual(status, 200, path)
            self.assertEqual(resp.getheader("Content-Encoding"), "gzip", path)
        status, _, resp = self.req("GET", "/assets/icon-192.png")
        self.assertEqual((status, resp.getheader("Content-Type")), (200, "image/png"))
        self.assertEqual(self.req("GET", "/assets/pages/nothing.js")[0], 404)
        # The service worker, with the assets' version and every asset it caches for offline use.
        status, body, resp = self.req("GET", "/sw.js")
        self.assertEqual(status, 200)
        self.assertIn("javascript", resp.getheader("Content-Type"))
        text = body.decode() if isinstance(body, bytes) else str(body)
        self.assertRegex(text, r"^const VERSION = '[0-9a-f]{16}';")
        self.assertIn("'/assets/pages/today.js'", text)

    def test_exports_in_every_format(self):
        diary = load(os.path.join(SCEN, "mixed_two_flares", "diary.json"))
        self.assertEqual(self.req("PUT", "/api/v1/diary", diary)[0], 200)
        for fmt, ctype, ext in (("json", "application/json", ".json"), ("csv", "text/csv", ".csv"),
                                ("fhir", "application/fhir+json", "-fhir.json"),
                                ("ics", "text/calendar", ".ics"), ("all", "application/json", "-all-data.json")):
            status, body, resp = self.req("GET", f"/api/v1/export?format={fmt}")
            self.assertEqual(status, 200, fmt)
            self.assertTrue(resp.getheader("Content-Type").startswith(ctype), fmt)
            self.assertRegex(resp.getheader("Content-Disposition"), r'^attachment; filename="backsignal-\d{4}-\d{2}-\d{2}' + ext + '"$')
        _, everything, _ = self.req("GET", "/api/v1/export?format=all")
        _, stored, _ = self.req("GET", "/api/v1/diary")
        self.assertEqual(everything["diary"], stored)
        status, body, _ = self.req("GET", "/api/v1/export?format=pdf")
        self.assertEqual(status, 400)
        self.assertIn("pdf", body["error"]["message"])

    def test_report_page(self):
        self.assertEqual(self.req("PUT", "/api/v1/diary", load(os.path.join(SCEN, "stirring_up_mornings", "diary.json")))[0], 200)
        status, body, resp = self.req("GET", "/report?weeks=4")
        self.assertEqual(status, 200)
        self.assertIn("text/html", resp.getheader("Content-Type"))
        self.assertIn("default-src 'none'", resp.getheader("Content-Security-Policy"))
        html = body.decode()
        self.assertIn("4-week report", html)
        self.assertIn("stirring things up", html)
        self.assertEqual(self.req("GET", "/report?weeks=3")[0], 400)
        self.assertEqual(self.req("GET", "/report?as_of=2026-13-01")[0], 400)
        self.assertEqual(self.req("POST", "/report")[0], 405)

    def test_profile_and_calendar_feed(self):
        status, body, _ = self.req("PUT", "/api/v1/profile", {"time_zone": "Pacific/Auckland", "wake_time": "05:50"})
        self.assertEqual(status, 200)
        self.assertEqual((body["time_zone"], body["wake_time"]), ("Pacific/Auckland", "05:50"))
        status, body, _ = self.req("PUT", "/api/v1/profile", {"display_name": "Sam"})
        self.assertEqual((status, body["display_name"], body["time_zone"]), (200, "Sam", "Pacific/Auckland"))  # a patch
        self.assertIsNone(self.req("PUT", "/api/v1/profile", {"display_name": None})[1]["display_name"])
        for bad in ({"time_zone": "Mars/Olympus"}, {"wake_time": "5:50"}, {"wake_time": 550}, {"alarm": True},
                    {"display_name": "x" * 61}, {"display_name": 5}, {"keeps_diary": "yes"}):
            status, body, _ = self.req("PUT", "/api/v1/profile", bad)
            self.assertEqual(status, 400, bad)
            self.assertTrue(body["error"]["details"], bad)
        _, body, _ = self.req("GET", "/api/v1/profile")
        self.assertEqual((body["time_zone"], body["wake_time"]), ("Pacific/Auckland", "05:50"))  # refusals changed nothing
        status, body, _ = self.req("PUT", "/api/v1/profile", {"wake_time": None})
        self.assertEqual((body["wake_time"], body["wake_time_in_force"]), (None, "07:00"))
        # The feed: published (the secret shown once), fetched, renewed, revoked.
        self.assertEqual(self.req("GET", "/api/v1/calendar-feed")[1], {"published": False})
        status, body, _ = self.req("POST", "/api/v1/calendar-feed")
        self.assertEqual(status, 201)
        path = body["path"]
        status, ics, resp = self.req("GET", path)
        self.assertEqual(status, 200)
        self.assertTrue(resp.getheader("Content-Type").startswith("text/calendar"))
        self.assertIn(b"TZID=Pacific/Auckland", ics)
        self.assertEqual(self.req("GET", "/api/v1/calendar-feed")[1], {"published": True})
        _, again, _ = self.req("POST", "/api/v1/calendar-feed")
        self.assertEqual(self.req("GET", path)[0], 404)
        self.assertEqual(self.req("GET", again["path"])[0], 200)
        self.assertEqual(self.req("GET", again["path"][:-5] + "x.ics")[0], 404)
        self.assertEqual(self.req("DELETE", "/api/v1/calendar-feed")[0], 200)
        self.assertEqual(self.req("GET", again["path"])[0], 404)
        self.assertEqual(self.req("GET", "/calendar/.ics")[0], 404)

    def test_settings(self):
        _, body, _ = self.req("GET", "/api/v1/settings")
        names = {s["name"]: s for s in body["settings"]}
        self.assertEqual(names["significant_change"]["value"], 2)
        status, body, _ = self.req("PUT", "/api/v1/settings", {"significant_change": 2.5})
        self.assertEqual(status, 200)
        self.assertEqual({s["name"]: s["value"] for s in body["settings"]}["significant_change"], 2.5)
        _, reading, _ = self.req("GET", "/api/v1/reading")
        self.assertEqual(reading["non_default_settings"], ["significant_change"])
        status, body, _ = self.req("PUT", "/api/v1/settings", {"significant_change": 5})
        self.assertEqual(status, 400)
        self.assertIn("significant_change: 5 is outside its bounds (1.5 to 3)", body["error"]["details"])
        self.assertEqual(self.req("PUT", "/api/v1/settings", {})[0], 200)
        _, reading, _ = self.req("GET", "/api/v1/reading")
        self.assertEqual(reading["non_default_settings"], [])

    def test_reading_equals_the_cli_on_every_scenario(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name in sorted(os.listdir(SCEN)):
                with self.subTest(name):
                    path = os.path.join(SCEN, name, "diary.json")
                    as_of = load(os.path.join(SCEN, name, "expect.json"))["as_of"]
                    self.assertEqual(self.req("PUT", "/api/v1/diary", load(path))[0], 200)
                    _, api, _ = self.req("GET", f"/api/v1/reading?as_of={as_of}")
                    db = os.path.join(tmp, name + ".db")
                    subprocess.run([BIN, "--db", db, "import", path], check=True, capture_output=True)
                    cli = json.loads(subprocess.run([BIN, "--db", db, "read", "--json", "--as-of", as_of],
                                                    check=True, capture_output=True, text=True).stdout)
                    self.assertEqual(api, cli)


if __name__ == "__main__":
    unittest.main(verbosity=1)
