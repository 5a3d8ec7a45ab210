#!/usr/bin/env python3
"""Several `serve` processes on one PostgreSQL make one service: what is written through one is
read through the other; a session cookie from one works on the other; sign-in throttling counts
across both; concurrent writes to one person's day through both lose nothing.
Needs BACKSIGNAL_TEST_PG (the test scripts start a private server). usage: multi_process_test.py BINARY"""
import os
import subprocess
import sys
import threading
import unittest
import uuid

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_fixture import Server  # noqa: E402
from security_test import Client, PASSWORD  # noqa: E402
PG = os.environ.get("BACKSIGNAL_TEST_PG")


@unittest.skipUnless(PG, "no PostgreSQL server (BACKSIGNAL_TEST_PG unset)")
class TwoProcessesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        schema = "multi_" + uuid.uuid4().hex[:8]
        subprocess.run(["psql", PG, "-qc", f"CREATE SCHEMA {schema}"], check=True, capture_output=True)
        url = PG + "&options=-csearch_path%3D" + schema
        # Both start at once: one migrates, the other waits for it.
        cls.one = Server(BIN, db=url)
        cls.two = Server(BIN, db=url)
        starters = [threading.Thread(target=s.start) for s in (cls.one, cls.two)]
        for t in starters:
            t.start()
        for t in starters:
            t.join()
        assert cls.one.port and cls.two.port
        # Either process's printed code makes the first account (the administrator).
        Client(cls.two).signup("admin", code=cls.one.setup_code)

    @classmethod
    def tearDownClass(cls):
        cls.one.close()
        cls.two.close()

    def on(self, server, client):
        """The same client (its cookie and CSRF token) talking to another process."""
        c = Client(server)
        c.cookie, c.csrf, c.bearer = client.cookie, client.csrf, client.bearer
        return c

    def test_one_service_across_processes(self):
        a = Client(self.one)
        a.signup("alice")
        self.assertEqual(a.req("PUT", "/api/v1/days/2026-11-20/morning", {"pain": 4, "stiffness": 5})[0], 200)
        # Written through one, read through the other, with the same session.
        a2 = self.on(self.two, a)
        status, day, _ = a2.req("GET", "/api/v1/days/2026-11-20")
        self.assertEqual((status, day["morning"]), (200, {"pain": 4, "stiffness": 5}))
        self.assertEqual(a2.req("PUT", "/api/v1/days/2026-11-21/note", {"note": "via two"})[0], 200)
        self.assertEqual(a.req("GET", "/api/v1/days/2026-11-21")[1]["note"], "via two")
        # Signing out through two ends the session for one too.
        b = Client(self.two)
        b.signup("bob")
        self.assertEqual(self.on(self.one, b).req("GET", "/api/v1/reading")[0], 200)
        self.assertEqual(b.req("POST", "/api/v1/auth/signout")[0], 200)
        self.assertEqual(self.on(self.one, Client(self.one)).req("GET", "/api/v1/reading")[0], 401)
        old = Client(self.one)
        old.cookie = b.cookie
        self.assertEqual(old.req("GET", "/api/v1/reading")[0], 401)

    def test_throttling_counts_across_processes(self):
        c = Client(self.one)
        c.signup("tess")
        for i in range(5):
            server = self.one if i % 2 else self.two
            self.assertEqual(Client(server).req("POST", "/api/v1/auth/signin", {"username": "tess", "password": "wrong password!"})[0], 401)
        self.assertEqual(Client(self.one).req("POST", "/api/v1/auth/signin", {"username": "tess", "password": PASSWORD})[0], 429)
        self.assertEqual(Client(self.two).req("POST", "/api/v1/auth/signin", {"username": "tess", "password": PASSWORD})[0], 429)

    def test_concurrent_writes_through_both_lose_nothing(self):
        c = Client(self.one)
        c.signup("busy")
        errors = []

        def add(server, n):
            me = self.on(server, c)
            for i in range(n):
                status = me.req("POST", "/api/v1/days/2026-11-22/sessions", {"minutes": 10 + i})[0]
                if status != 201:
                    errors.append(status)

        threads = [threading.Thread(target=add, args=(s, 25)) for s in (self.one, self.two, self.one, self.two)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        status, day, _ = self.on(self.two, c).req("GET", "/api/v1/days/2026-11-22")
        self.assertEqual(len(day["sessions"]), 100)

    def test_sharing_made_through_one_is_seen_through_the_other(self):
        p = Client(self.one)
        p.signup("pia")
        d = Client(self.two)
        d.signup("dr.two", role="clinician")
        code = p.req("POST", "/api/v1/shares/invites")[1]["code"]
        person = d.req("POST", "/api/v1/clinician/redeem", {"code": code})[1]["person"]
        self.assertEqual(self.on(self.one, d).req("GET", f"/api/v1/people/{person}/reading")[0], 200)
        shares = p.req("GET", "/api/v1/shares")[1]["shares"]
        self.assertEqual(self.on(self.two, p).req("DELETE", f"/api/v1/shares/{shares[0]['clinician_id']}")[0], 200)
        self.assertEqual(self.on(self.one, d).req("GET", f"/api/v1/people/{person}/reading")[0], 404)


if __name__ == "__main__":
    unittest.main()
