#!/usr/bin/env python3
"""The reminders API and CLI (docs/reminders.md, docs/api.md): bodies refused with their path,
at most 10 devices, a test reminder needs a device, an API token cannot subscribe, the public
key only, a new wake time moves the morning, `backsignal reminders` shows and changes the same,
and deleting an account or turning reminders off leaves no push row of the person.
usage: push_api_test.py BINARY"""
import os
import sqlite3
import subprocess
import sys
import unittest

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_fixture import Server  # noqa: E402
from security_test import Client, PASSWORD  # noqa: E402

# RFC 8291's example browser key and secret: a valid P-256 point and a 16-byte secret.
KEYS = {"p256dh": "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
        "auth": "BTBZMqHH6r4Tts7J_aSIgg"}


class RemindersApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(BIN, extra=["--accounts", "--no-push"]).start()
        cls.admin = Client(cls.server)
        cls.admin.signup("admin", code=cls.server.setup_code)

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def device(self, c, n, **extra):
        body = {"endpoint": f"https://push.example.net/d/{n}", "keys": KEYS, **extra}
        return c.req("POST", "/api/v1/reminders/devices", body)

    def test_bodies_are_checked_and_a_person_has_at_most_ten_devices(self):
        c = Client(self.server)
        c.signup("tess")
        status, data, _ = c.req("GET", "/api/v1/reminders")
        self.assertEqual(status, 200)
        self.assertRegex(data["vapid_public_key"], r"^[A-Za-z0-9_-]{87}$")
        self.assertNotIn("private", str(data).lower())
        self.assertEqual((data["hour_after"], data["morning"]), (True, True))
        self.assertEqual(data["quiet_hours"], {"start": "22:00", "end": "07:00"})
        for body, detail in (
                ({"endpoint": "https://push.example.net/x"}, "keys"),
                ({"endpoint": "https://push.example.net/x", "keys": {"p256dh": 3, "auth": "x"}}, "keys.p256dh"),
                ({"endpoint": "https://push.example.net/x", "keys": KEYS, "colour": "red"}, "colour"),
                ({"endpoint": "http://push.example.net/x", "keys": KEYS}, "https"),
                ({"endpoint": "https://192.168.1.10/x", "keys": KEYS}, "not public"),
                ({"endpoint": "https://push.example.net/x", "keys": {**KEYS, "p256dh": "AAAA"}}, "P-256")):
            status, data, _ = c.req("POST", "/api/v1/reminders/devices", body)
            self.assertEqual(status, 400, body)
            self.assertIn(detail, str(data), body)
        self.assertEqual(c.req("POST", "/api/v1/reminders/test")[0], 404)  # no device yet
        for n in range(10):
            self.assertEqual(self.device(c, n, device=f"phone {n}")[0], 201)
        status, data, _ = self.device(c, 10)
        self.assertEqual(status, 409, data)
        self.assertEqual(self.device(c, 3, device="phone 3 again")[0], 201)  # the same device again
        devices = c.req("GET", "/api/v1/reminders")[1]["devices"]
        self.assertEqual(len(devices), 10)
        self.assertEqual(c.req("POST", "/api/v1/reminders/test")[0], 202)
        # Removing one, by id and by endpoint; another person's id is not found.
        other = Client(self.server)
        other.signup("otto")
        self.assertEqual(other.req("DELETE", f"/api/v1/reminders/devices/{devices[0]['id']}")[0], 404)
        self.assertEqual(c.req("DELETE", "/api/v1/reminders/devices/" + "9" * 30)[0], 404)
        self.assertEqual(c.req("DELETE", f"/api/v1/reminders/devices/{devices[0]['id']}")[0], 200)
        self.assertEqual(c.req("POST", "/api/v1/reminders/devices/remove",
                               {"endpoint": devices[1]["endpoint"]})[0], 200)
        self.assertEqual(len(c.req("GET", "/api/v1/reminders")[1]["devices"]), 8)
        # Off everywhere: every device, and every reminder not yet sent.
        status, data, _ = c.req("DELETE", "/api/v1/reminders/devices")
        self.assertEqual((status, data["devices"], data["pending"]), (200, [], []))

    def test_choices_are_kept_and_checked(self):
        c = Client(self.server)
        c.signup("quinn")
        status, data, _ = c.req("PUT", "/api/v1/reminders", {"morning": False, "quiet_hours": {"start": "21:30", "end": "06:45"}})
        self.assertEqual(status, 200, data)
        self.assertEqual((data["hour_after"], data["morning"], data["quiet_hours"]),
                         (True, False, {"start": "21:30", "end": "06:45"}))
        self.assertIsNone(c.req("PUT", "/api/v1/reminders", {"quiet_hours": None})[1]["quiet_hours"])
        for bad in ({"morning": "yes"}, {"quiet_hours": {"start": "25:00", "end": "07:00"}},
                    {"quiet_hours": {"start": "22:00"}}, {"loud": True}, []):
            status, data, _ = c.req("PUT", "/api/v1/reminders", bad)
            self.assertEqual(status, 400, bad)
        self.assertEqual(c.req("GET", "/api/v1/reminders")[1]["morning"], False)  # unchanged

    def test_an_api_token_reads_but_cannot_subscribe(self):
        c = Client(self.server)
        c.signup("tina")
        token = c.req("POST", "/api/v1/tokens", {"name": "script", "scope": "diary"})[1]["token"]
        t = Client(self.server)
        t.bearer = token
        self.assertEqual(t.req("GET", "/api/v1/reminders")[0], 200)
        self.assertEqual(self.device(t, 1)[0], 403)
        self.assertEqual(t.req("POST", "/api/v1/reminders/test")[0], 403)

    def test_a_new_wake_time_moves_the_morning_reminder(self):
        c = Client(self.server)
        c.signup("wade")
        c.req("PUT", "/api/v1/profile", {"time_zone": "UTC", "wake_time": "07:00"})
        self.assertEqual(self.device(c, 77)[0], 201)
        first = c.req("GET", "/api/v1/reminders")[1]["pending"]
        self.assertEqual([p["kind"] for p in first], ["morning"])
        c.req("PUT", "/api/v1/profile", {"wake_time": "08:30"})
        second = c.req("GET", "/api/v1/reminders")[1]["pending"]
        self.assertEqual([p["kind"] for p in second], ["morning"])
        self.assertEqual((second[0]["due_at"] - first[0]["due_at"]) % 86400, 5400)

    def test_all_my_data_holds_the_reminder_choices_and_devices_but_no_endpoint_or_key(self):
        c = Client(self.server)
        c.signup("ruth")
        c.req("PUT", "/api/v1/profile", {"time_zone": "UTC", "wake_time": "07:00"})
        c.req("PUT", "/api/v1/reminders", {"hour_after": False, "quiet_hours": {"start": "21:30", "end": "06:45"}})
        self.assertEqual(self.device(c, 55, device="Ruth's phone")[0], 201)
        status, everything, _ = c.req("GET", "/api/v1/account/export")
        self.assertEqual(status, 200, everything)
        r = everything["reminders"]
        self.assertEqual((r["hour_after"], r["morning"], r["quiet_hours"]),
                         (False, True, {"start": "21:30", "end": "06:45"}))
        self.assertEqual([(d["device"], d["push_service"]) for d in r["devices"]],
                         [("Ruth's phone", "push.example.net")])
        self.assertIsNone(r["devices"][0]["last_sent_at"])
        self.assertEqual(r["pending"], 1)  # the next morning
        text = str(everything)
        for secret in ("/d/55", KEYS["p256dh"], KEYS["auth"]):
            self.assertNotIn(secret, text)

    def test_deleting_the_account_leaves_no_push_row(self):
        c = Client(self.server)
        c.signup("gwen")
        self.assertEqual(self.device(c, 99)[0], 201)
        c.req("POST", f"/api/v1/days/{'2026-11-20'}/sessions", {"time": "18:00"})
        self.assertEqual(c.req("POST", "/api/v1/reminders/test")[0], 202)
        self.assertEqual(c.req("PUT", "/api/v1/reminders", {"morning": False})[0], 200)
        with sqlite3.connect(self.server.db) as db:
            person = db.execute("SELECT person_id FROM push_subscriptions WHERE endpoint LIKE '%/d/99'").fetchone()[0]
            for table in ("push_prefs", "push_subscriptions", "push_reminders"):
                n = db.execute(f"SELECT COUNT(*) FROM {table} WHERE person_id = ?", (person,)).fetchone()[0]
                self.assertGreater(n, 0, f"{table} had nothing to delete")
        self.assertEqual(c.req("POST", "/api/v1/account/delete", {"password": PASSWORD})[0], 200)
        with sqlite3.connect(self.server.db) as db:
            for table in ("push_prefs", "push_subscriptions", "push_reminders"):
                n = db.execute(f"SELECT COUNT(*) FROM {table} WHERE person_id = ?", (person,)).fetchone()[0]
                self.assertEqual(n, 0, table)
            self.assertEqual(db.execute(
                "SELECT COUNT(*) FROM push_deliveries d LEFT JOIN push_reminders r ON r.id = d.reminder_id "
                "WHERE r.id IS NULL").fetchone()[0], 0)


class RemindersCliTest(unittest.TestCase):
    def setUp(self):
        self.server = Server(BIN, extra=["--no-push"]).start()

    def tearDown(self):
        self.server.close()

    def cli(self, *args):
        return subprocess.run([BIN, "--db", self.server.db, "reminders", *args], capture_output=True, text=True)

    def test_the_cli_shows_and_changes_what_the_page_does(self):
        p = self.cli()
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Push reminders: off (no device", p.stdout)
        self.assertIn("quiet hours: 22:00 to 07:00", p.stdout)
        self.assertEqual(self.cli("--test").returncode, 4)  # no device
        status, _, _ = self.server.request("POST", "/api/v1/reminders/devices",
                                           {"endpoint": "https://push.example.net/cli", "keys": KEYS, "device": "Firefox on Android"})
        self.assertEqual(status, 201)
        p = self.cli("--quiet", "21:30-07:30", "--morning", "off", "--time-zone", "UTC", "--wake", "06:00")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("on for 1 device", p.stdout)
        self.assertIn("morning: off", p.stdout)
        self.assertIn("quiet hours: 21:30 to 07:30", p.stdout)
        self.assertRegex(p.stdout, r"device \d+: Firefox on Android")
        self.assertEqual(self.server.request("GET", "/api/v1/reminders")[1]["quiet_hours"],
                         {"start": "21:30", "end": "07:30"})
        p = self.cli("--test")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("next: test", p.stdout)
        for bad in (["--quiet", "late"], ["--quiet", "22:00-25:00"], ["--morning", "maybe"]):
            self.assertNotEqual(self.cli(*bad).returncode, 0, bad)
        self.assertEqual(self.cli("--remove-device", "9999").returncode, 4)
        p = self.cli("--off")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Push reminders: off", p.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
