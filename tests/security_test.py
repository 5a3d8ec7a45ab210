#!/usr/bin/env python3
"""Accounts and sharing, attacked: person B gets 404 for everything of A's (ids guessed too),
CSRF, cookie flags, Argon2id, throttling, sign-out, account deletion, SQL injection strings, API
tokens, and who may see whom. Runs against SQLite, and against PostgreSQL when
BACKSIGNAL_TEST_PG names a server. usage: security_test.py BINARY"""
import http.client
import json
import os
import sqlite3
import subprocess
import sys
import time
import unittest
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_fixture import Server  # noqa: E402

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
PASSWORD = "correct horse battery"
INJECTIONS = ["'; DROP TABLE days; --", "\" OR 1=1 --", "Robert'); DROP TABLE accounts;--",
              "1; DELETE FROM people", "$1 || pg_sleep(5)", "%' OR '%'='", "\\'; SELECT * FROM auth_sessions; --"]


class Client:
    """A browser-like client: keeps its session cookie and CSRF token."""

    def __init__(self, server):
        self.server = server
        self.cookie = None
        self.csrf = None
        self.bearer = None

    def req(self, method, path, body=None, csrf=True, headers=None, raw=None):
        h = dict(headers or {})
        if self.cookie:
            h["Cookie"] = self.cookie
        if self.bearer:
            h["Authorization"] = "Bearer " + self.bearer
        if csrf and self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        status, data, resp = self.server.request(method, path, body, headers=h, raw=raw)
        set_cookie = resp.getheader("Set-Cookie")
        if set_cookie:
            value = set_cookie.split(";")[0]
            self.cookie = None if value.endswith("=") else value
        if isinstance(data, dict) and "csrf" in data:
            self.csrf = data["csrf"]
        return status, data, resp

    def signup(self, username, role="person", code=None):
        body = {"username": username, "password": PASSWORD, "role": role}
        if code:
            body["setup_code"] = code
        status, data, _ = self.req("POST", "/api/v1/auth/signup", body)
        assert status == 201, (status, data)
        return data


class SecurityTest(unittest.TestCase):
    extra = ()

    @classmethod
    def setUpClass(cls):
        cls.server = Server(BIN, db=cls.location(), extra=["--accounts", *cls.extra]).start()
        cls.a = Client(cls.server)
        cls.a.signup("alice", code=cls.server.setup_code)
        cls.b = Client(cls.server)
        cls.b.signup("bob")
        cls.clin = Client(cls.server)
        cls.clin.signup("dr.lee", role="clinician")
        # Alice's diary: a morning, a session, a note.
        for path, body in (("/api/v1/days/2026-11-20/morning", {"pain": 3}),
                           ("/api/v1/days/2026-11-20/note", {"note": "alice private note"})):
            assert cls.a.req("PUT", path, body)[0] == 200
        assert cls.a.req("POST", "/api/v1/days/2026-11-20/sessions", {"time": "18:00", "activity": "alice swim"})[0] == 201
        cls.a_person = cls.person_of("alice")

    @classmethod
    def location(cls):
        return None  # a SQLite file in the fixture's folder

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    @classmethod
    def person_of(cls, username):
        if cls.server.db.startswith("postgres"):
            return None
        with sqlite3.connect(cls.server.db) as db:
            return db.execute("SELECT person_id FROM accounts WHERE username = ?", (username,)).fetchone()[0]

    def test_the_first_account_needed_the_printed_code(self):
        stranger = Client(self.server)
        # Accounts exist now: the code is no longer needed, but a new first account cannot be made.
        status, data, _ = stranger.req("GET", "/api/v1/me")
        self.assertEqual((status, data["signed_in"], data["needs_setup"]), (200, False, False))

    def test_b_gets_404_for_everything_of_as_guessed_ids_too(self):
        # B's own diary holds nothing of A's.
        status, data, _ = self.b.req("GET", "/api/v1/days")
        self.assertEqual(status, 200)
        self.assertNotIn("2026-11-20", [d["date"] for d in data["days"]])
        self.assertEqual(self.b.req("GET", "/api/v1/days/2026-11-20")[0], 404)
        status, diary, _ = self.b.req("GET", "/api/v1/diary")
        self.assertNotIn("alice", json.dumps(diary))
        # Every person id, guessed: nothing through /people, /report, for a person or a clinician.
        own = {c: c.req("GET", "/api/v1/me")[1]["person"] for c in (self.b, self.clin)}
        for pid in list(range(0, 30)) + [2**31, -1]:
            for who in (self.b, self.clin):
                if pid == own[who]:
                    continue  # their own diary
                for path in ("reading", "days", "diary", "settings", "export?format=fhir", "days/2026-11-20"):
                    self.assertEqual(who.req("GET", f"/api/v1/people/{pid}/{path}")[0], 404, (pid, path))
                self.assertEqual(who.req("GET", f"/report?person={pid}")[0], 404, pid)
        # Writes to A's data: no way in.
        for pid in range(0, 10):
            self.assertIn(self.b.req("PUT", f"/api/v1/people/{pid}/days/2026-11-20/morning", {"pain": 9})[0], (404, 405))
            self.assertEqual(self.b.req("DELETE", f"/api/v1/shares/{pid}")[0], 404)
            self.assertEqual(self.b.req("DELETE", f"/api/v1/shares/invites/{pid}")[0], 404)
            self.assertEqual(self.b.req("DELETE", f"/api/v1/tokens/{pid}")[0], 404)
        # A's data is untouched.
        status, day, _ = self.a.req("GET", "/api/v1/days/2026-11-20")
        self.assertEqual((status, day["morning"]["pain"]), (200, 3))

    def test_the_pages_tell_nothing_either(self):
        status, body, _ = self.b.req("GET", "/report")
        self.assertEqual(status, 200)
        self.assertNotIn(b"alice", body)
        anonymous = Client(self.server)
        self.assertEqual(anonymous.req("GET", "/report")[0], 401)
        self.assertEqual(anonymous.req("GET", "/api/v1/reading")[0], 401)
        self.assertEqual(anonymous.req("GET", "/api/v1/export?format=all")[0], 401)
        self.assertEqual(anonymous.req("GET", "/")[0], 200)  # the page itself, to sign in

    def test_sharing_gives_read_only_access_until_revoked(self):
        a, clin = self.a, self.clin
        status, invite, _ = a.req("POST", "/api/v1/shares/invites")
        self.assertEqual(status, 201)
        # A person account cannot redeem; the clinician can, once.
        self.assertEqual(self.b.req("POST", "/api/v1/clinician/redeem", {"code": invite["code"]})[0], 403)
        status, data, _ = clin.req("POST", "/api/v1/clinician/redeem", {"code": invite["code"].lower()})
        self.assertEqual((status, data["username"]), (200, "alice"))
        pid = data["person"]
        self.assertEqual(clin.req("POST", "/api/v1/clinician/redeem", {"code": invite["code"]})[0], 404)
        status, people, _ = clin.req("GET", "/api/v1/clinician/people")
        self.assertIn("alice", [p["username"] for p in people["people"]])
        # People are named as they chose; a clinician keeps no diary until they start one.
        self.assertEqual(a.req("PUT", "/api/v1/profile", {"display_name": "Alice Moreau"})[0], 200)
        people = clin.req("GET", "/api/v1/clinician/people")[1]["people"]
        self.assertEqual([p["display_name"] for p in people if p["username"] == "alice"], ["Alice Moreau"])
        self.assertEqual((a.req("GET", "/api/v1/me")[1]["keeps_diary"], clin.req("GET", "/api/v1/me")[1]["keeps_diary"]), (True, False))
        self.assertEqual(clin.req("PUT", "/api/v1/profile", {"keeps_diary": True})[0], 200)
        self.assertTrue(clin.req("GET", "/api/v1/me")[1]["keeps_diary"])
        self.assertEqual(clin.req("PUT", "/api/v1/profile", {"keeps_diary": None})[0], 200)
        self.assertEqual(clin.req("GET", f"/api/v1/people/{pid}/reading")[0], 200)
        self.assertEqual(clin.req("GET", f"/report?person={pid}")[0], 200)
        # Read only: no method but GET.
        self.assertEqual(clin.req("PUT", f"/api/v1/people/{pid}/days/2026-11-21/morning", {"pain": 9})[0], 405)
        self.assertEqual(clin.req("PUT", f"/api/v1/people/{pid}/settings", {})[0], 405)
        self.assertEqual(clin.req("GET", f"/api/v1/people/{pid}/profile")[0], 404)
        # Bob still sees nothing.
        self.assertEqual(self.b.req("GET", f"/api/v1/people/{pid}/reading")[0], 404)
        # A sees who can see, and revokes.
        status, shares, _ = a.req("GET", "/api/v1/shares")
        dr = [s for s in shares["shares"] if s["clinician"] == "dr.lee"][0]
        self.assertEqual(a.req("DELETE", f"/api/v1/shares/{dr['clinician_id']}")[0], 200)
        self.assertEqual(clin.req("GET", f"/api/v1/people/{pid}/reading")[0], 404)
        self.assertNotIn("alice", [p["username"] for p in clin.req("GET", "/api/v1/clinician/people")[1]["people"]])

    def test_a_cookie_post_without_its_csrf_token_is_refused(self):
        for headers in ({}, {"X-CSRF-Token": "wrong"}):
            status, _, _ = self.a.req("PUT", "/api/v1/days/2026-11-22/morning", {"pain": 4}, csrf=False, headers=headers)
            self.assertEqual(status, 403)
        self.assertEqual(self.a.req("GET", "/api/v1/days/2026-11-22")[0], 404, "nothing was stored")
        self.assertEqual(self.a.req("POST", "/api/v1/tokens", {"name": "x"}, csrf=False)[0], 403)
        self.assertEqual(self.a.req("POST", "/api/v1/auth/signout", csrf=False)[0], 403)
        self.assertEqual(self.a.req("PUT", "/api/v1/days/2026-11-22/morning", {"pain": 4})[0], 200)
        self.assertEqual(self.a.req("DELETE", "/api/v1/days/2026-11-22/morning")[0], 200)

    def test_cookie_flags(self):
        c = Client(self.server)
        status, _, resp = c.req("POST", "/api/v1/auth/signin", {"username": "bob", "password": PASSWORD})
        self.assertEqual(status, 200)
        cookie = resp.getheader("Set-Cookie")
        for flag in ("HttpOnly", "SameSite=Lax", "Path=/"):
            self.assertIn(flag, cookie)
        self.assertEqual("Secure" in cookie, "--secure-cookies" in self.extra)
        self.assertTrue(cookie.startswith("__Host-") == ("--secure-cookies" in self.extra))

    def test_the_stored_password_is_an_argon2id_hash(self):
        if self.server.db.startswith("postgres"):
            self.skipTest("checked on SQLite")
        with sqlite3.connect(self.server.db) as db:
            hashes = [r[0] for r in db.execute("SELECT password_hash FROM accounts")]
        self.assertTrue(hashes)
        for h in hashes:
            self.assertTrue(h.startswith("$argon2id$v=19$m=65536,t=2,p=1$"), h)
            self.assertNotIn(PASSWORD, h)

    def test_throttling_engages_per_account_and_per_address(self):
        c = Client(self.server)
        c.signup("tess")
        t = Client(self.server)
        first = time.monotonic()
        for _ in range(5):
            self.assertEqual(t.req("POST", "/api/v1/auth/signin", {"username": "tess", "password": "wrong password!"})[0], 401)
        status, _, resp = t.req("POST", "/api/v1/auth/signin", {"username": "tess", "password": PASSWORD})
        self.assertEqual(status, 429, "even the right password waits")
        # Until the first failure of the window is 15 minutes old: less what has passed since,
        # which is seconds in the sanitizer builds (each failure verifies an Argon2id hash).
        passed = time.monotonic() - first
        self.assertIn(int(resp.getheader("Retry-After")), range(int(900 - passed) - 1, 901))
        # Per address: failures spread over many usernames.
        for i in range(14):
            t.req("POST", "/api/v1/auth/signin", {"username": f"nobody{i}", "password": "wrong password!"})
        status, _, _ = t.req("POST", "/api/v1/auth/signin", {"username": "bob", "password": PASSWORD})
        self.assertEqual(status, 429)

    def test_sign_out_ends_the_session_on_the_server(self):
        c = Client(self.server)
        c.signup("sam")
        old = c.cookie
        self.assertEqual(c.req("GET", "/api/v1/reading")[0], 200)
        self.assertEqual(c.req("POST", "/api/v1/auth/signout")[0], 200)
        replay = Client(self.server)
        replay.cookie = old
        self.assertEqual(replay.req("GET", "/api/v1/reading")[0], 401)

    def test_changing_the_password_signs_out_other_sessions(self):
        c = Client(self.server)
        c.signup("pat")
        other = Client(self.server)
        self.assertEqual(other.req("POST", "/api/v1/auth/signin", {"username": "pat", "password": PASSWORD})[0], 200)
        self.assertEqual(c.req("POST", "/api/v1/auth/password", {"current": "wrong wrong wrong", "new": "a new long password"})[0], 403)
        self.assertEqual(c.req("POST", "/api/v1/auth/password", {"current": PASSWORD, "new": "a new long password"})[0], 200)
        self.assertEqual(other.req("GET", "/api/v1/reading")[0], 401)
        self.assertEqual(c.req("GET", "/api/v1/reading")[0], 200)

    def test_api_tokens(self):
        status, tok, _ = self.b.req("POST", "/api/v1/tokens", {"name": "nightly"})
        self.assertEqual(status, 201)
        script = Client(self.server)
        script.bearer = tok["token"]
        self.assertEqual(script.req("PUT", "/api/v1/days/2026-11-23/morning", {"pain": 2})[0], 200, "no CSRF for a token")
        self.assertEqual(script.req("GET", "/api/v1/days/2026-11-23")[0], 200)
        self.assertEqual(self.b.req("DELETE", f"/api/v1/tokens/{tok['id']}")[0], 200)
        self.assertEqual(script.req("GET", "/api/v1/reading")[0], 401)
        script.bearer = "bst_guess"
        self.assertEqual(script.req("GET", "/api/v1/reading")[0], 401)

    def test_a_token_name_is_kept_whole_or_refused_never_cut_inside_a_character(self):
        # Structure issue, defect 4: a name cut at 100 bytes broke "all my data" for good.
        c = Client(self.server)
        c.signup("tina")
        name = "x" + "\u00e9" * 60  # 61 characters, 121 bytes
        status, tok, _ = c.req("POST", "/api/v1/tokens", {"name": name})
        self.assertEqual((status, tok["name"]), (201, name))
        status, body, _ = c.req("POST", "/api/v1/tokens", {"name": "\u00e9" * 101})
        self.assertEqual(status, 400)
        self.assertIn("name", body["error"]["message"])
        status, everything, _ = c.req("GET", "/api/v1/account/export")
        self.assertEqual(status, 200)
        self.assertEqual([t["name"] for t in everything["api_tokens"]], [name])

    def test_sql_injection_strings_are_stored_verbatim_and_do_nothing(self):
        c = Client(self.server)
        c.signup("inj")
        for i, text in enumerate(INJECTIONS):
            date = f"2026-10-{i + 1:02d}"
            self.assertEqual(c.req("PUT", f"/api/v1/days/{date}/note", {"note": text})[0], 200)
            self.assertEqual(c.req("POST", f"/api/v1/days/{date}/sessions", {"activity": text})[0], 201)
            self.assertEqual(c.req("POST", "/api/v1/tokens", {"name": text})[0], 201)
            self.assertEqual(c.req("PUT", "/api/v1/profile", {"time_zone": text})[0], 400)
            # As usernames and passwords: refused or failing, never anything else.
            self.assertIn(Client(self.server).req("POST", "/api/v1/auth/signin", {"username": text, "password": text})[0], (401, 429))
            self.assertIn(Client(self.server).req("POST", "/api/v1/auth/signup", {"username": text, "password": text + "xxxxxxxxxx"})[0], (400, 429))
            self.assertEqual(c.req("GET", f"/api/v1/people/{quote(text, safe='')}/reading")[0], 404)
        for i, text in enumerate(INJECTIONS):
            status, day, _ = c.req("GET", f"/api/v1/days/2026-10-{i + 1:02d}")
            self.assertEqual((day["note"], day["sessions"][0]["activity"]), (text, text))
        names = [t["name"] for t in c.req("GET", "/api/v1/tokens")[1]["tokens"]]
        self.assertEqual(names, INJECTIONS)
        # Everyone else is still there.
        self.assertEqual(self.a.req("GET", "/api/v1/days/2026-11-20")[1]["note"], "alice private note")

    def test_deleting_an_account_leaves_no_row_of_theirs(self):
        c = Client(self.server)
        c.signup("gone")
        person = self.person_of("gone")
        c.req("PUT", "/api/v1/days/2026-11-01/morning", {"pain": 3})
        c.req("POST", "/api/v1/days/2026-11-01/sessions", {"activity": "x"})
        c.req("PUT", "/api/v1/settings", {"significant_change": 2.5})
        c.req("PUT", "/api/v1/profile", {"time_zone": "Europe/Paris"})
        c.req("POST", "/api/v1/calendar-feed")
        c.req("POST", "/api/v1/tokens", {"name": "t"})
        _, inv, _ = c.req("POST", "/api/v1/shares/invites")
        c.req("POST", "/api/v1/shares/invites")
        self.clin.req("POST", "/api/v1/clinician/redeem", {"code": inv["code"]})
        Client(self.server).req("POST", "/api/v1/auth/signin", {"username": "gone", "password": "wrong password!"})
        self.assertEqual(c.req("POST", "/api/v1/account/delete", {"password": "not it at all"})[0], 403)
        status, _, resp = c.req("POST", "/api/v1/account/delete", {"password": PASSWORD})
        self.assertEqual(status, 200)
        self.assertIn("Max-Age=0", resp.getheader("Set-Cookie"))
        self.assertEqual(c.req("GET", "/api/v1/reading")[0], 401)
        if person is None:
            return
        with sqlite3.connect(self.server.db) as db:
            tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
                for col, value in (("person_id", person), ("id", person if table == "people" else None)):
                    if col in cols and value is not None:
                        n = db.execute(f"SELECT COUNT(*) FROM {table} WHERE {col} = ?", (value,)).fetchone()[0]
                        self.assertEqual(n, 0, f"{table}.{col}")
                rows = db.execute(f"SELECT * FROM {table}").fetchall()
                self.assertFalse(any("gone" in str(r) for r in rows), table)

    def test_an_operator_lists_accounts_and_sets_a_forgotten_password(self):
        c = Client(self.server)
        c.signup("forgetful")
        db = self.server.db
        p = subprocess.run([BIN, "--db", db, "account", "list"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("alice  person  administrator", p.stdout)
        self.assertIn("dr.lee  clinician", p.stdout)
        p = subprocess.run([BIN, "--db", db, "--user", "forgetful", "account", "set-password"],
                           input="short\n", capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        p = subprocess.run([BIN, "--db", db, "--user", "forgetful", "account", "set-password"],
                           input="a brand new password\n", capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(c.req("GET", "/api/v1/reading")[0], 401, "their sessions ended")
        again = Client(self.server)
        self.assertEqual(again.req("POST", "/api/v1/auth/signin", {"username": "forgetful", "password": "a brand new password"})[0], 200)

    def test_only_the_administrator_lists_accounts(self):
        status, data, _ = self.a.req("GET", "/api/v1/admin/accounts")
        self.assertEqual(status, 200)
        self.assertIn("bob", [x["username"] for x in data["accounts"]])
        self.assertNotIn("diary", json.dumps(data))
        self.assertEqual(self.b.req("GET", "/api/v1/admin/accounts")[0], 403)
        self.assertEqual(self.clin.req("GET", "/api/v1/admin/accounts")[0], 403)

    def test_export_of_all_my_data(self):
        status, data, resp = self.a.req("GET", "/api/v1/account/export")
        self.assertEqual(status, 200)
        self.assertEqual(data["account"]["username"], "alice")
        self.assertEqual(data["diary"]["days"][0]["note"], "alice private note")
        self.assertIn("attachment", resp.getheader("Content-Disposition"))


class SecureCookieTest(SecurityTest):
    extra = ("--secure-cookies",)


class NetworkBindingTest(unittest.TestCase):
    def test_a_network_address_needs_accounts(self):
        p = subprocess.run([BIN, "--db", "memory:", "serve", "--listen", "0.0.0.0:0"], capture_output=True, text=True, timeout=10)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--accounts", p.stderr)


PG = os.environ.get("BACKSIGNAL_TEST_PG")
if PG:
    class PostgresSecurityTest(SecurityTest):
        @classmethod
        def location(cls):
            import uuid
            schema = "sec_" + uuid.uuid4().hex[:8]
            subprocess.run(["psql", PG, "-qc", f"CREATE SCHEMA {schema}"], check=True, capture_output=True)
            return PG + "&options=-csearch_path%3D" + schema


if __name__ == "__main__":
    unittest.main()
