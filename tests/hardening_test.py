#!/usr/bin/env python3
"""The 24 findings of the attack on the running service (issue 12), one test or more each,
numbered as the issue numbers them. Each failed on the code before the fix. Runs against
SQLite, and the PostgreSQL ones when BACKSIGNAL_TEST_PG names a server.
usage: hardening_test.py BINARY"""
import json
import os
import random
import re
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid

# The binary first: security_test, imported for its client, takes argv[1] too.
BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_fixture import Server  # noqa: E402
from security_test import PASSWORD, Client  # noqa: E402
PG = os.environ.get("BACKSIGNAL_TEST_PG", "")
MEMORY_LIMIT_KB = int(os.environ.get("BACKSIGNAL_MEMORY_LIMIT_MB", "50")) * 1024 or 1 << 40
D = "/api/v1/days/2026-11-20"


def run(*args, db=None, stdin=None, timeout=30, **kw):
    cmd = [BIN] + (["--db", db] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, input=stdin, timeout=timeout, **kw)


def raw(port, data, source="127.0.0.1", timeout=5):
    """Sends bytes on a fresh connection and returns everything the server answers."""
    s = socket.socket()
    s.bind((source, 0))
    s.settimeout(timeout)
    s.connect(("127.0.0.1", port))
    s.sendall(data)
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
    return out


def send_all_then_read(port, data):
    """Sends data (the server may answer and close before it is all sent) and reads the answer."""
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        s.sendall(data)
    except (BrokenPipeError, ConnectionResetError):
        pass
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
    return out


def pg_schema_url():
    schema = "hard_" + uuid.uuid4().hex[:8]
    subprocess.run(["psql", PG, "-qc", f"CREATE SCHEMA {schema}"], check=True, capture_output=True)
    return PG + "&options=-csearch_path%3D" + schema, schema


class LocalServerTest(unittest.TestCase):
    """One person's server on loopback (no accounts), on SQLite."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(BIN).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def req(self, *a, **k):
        return self.server.request(*a, **k)

    # 1. Deep JSON: refused before it is built, in every reader, with memory kept low.
    def test_01_deeply_nested_json_is_refused_in_every_reader_and_memory_stays_low(self):
        deep = b"[" * (2 << 20)
        host = f"127.0.0.1:{self.server.port}".encode()
        for method, path in (("PUT", "/api/v1/diary"), ("POST", "/api/v1/diary/import"), ("PUT", f"{D}/morning"),
                             ("PUT", f"{D}/context"), ("POST", f"{D}/sessions"), ("PUT", "/api/v1/settings"),
                             ("PUT", "/api/v1/profile"), ("PUT", "/api/v1/safety")):
            head = (f"{method} {path} HTTP/1.1\r\n".encode() + b"Host: " + host + b"\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(deep)}\r\nConnection: close\r\n\r\n".encode())
            answer = send_all_then_read(self.server.port, head + deep)
            self.assertRegex(answer[:12], rb"HTTP/1.1 4(00|13)", path)
        nested = json.dumps({"pain": 3, "x": json.loads("[" * 70 + "]" * 70)}).encode()
        status, body, _ = self.req("PUT", f"{D}/morning", raw=nested, content_type="application/json")
        self.assertEqual(status, 400)
        self.assertIn("nest", json.dumps(body))
        self.assertLess(self.server.rss_kb("VmHWM"), MEMORY_LIMIT_KB)

    # 8. DNS rebinding: only loopback names and the listen address as Host; no cross-origin writes.
    def test_08_a_foreign_host_or_origin_is_refused(self):
        status, _, _ = self.req("GET", "/api/v1/diary", headers={"Host": "attacker.example"})
        self.assertIn(status, (400, 421))
        for host in ("localhost", f"127.0.0.1:{self.server.port}", f"localhost:{self.server.port}"):
            self.assertEqual(self.req("GET", "/healthz", headers={"Host": host})[0], 200, host)
        status, _, _ = self.req("PUT", f"{D}/note", {"note": "from elsewhere"},
                                headers={"Origin": "http://attacker.example"})
        self.assertEqual(status, 403)
        status, _, _ = self.req("PUT", f"{D}/note", {"note": "from elsewhere"},
                                headers={"Sec-Fetch-Site": "cross-site"})
        self.assertEqual(status, 403)
        self.assertNotEqual((self.req("GET", D)[1] or {}).get("note"), "from elsewhere")

    # 9. An unknown Transfer-Encoding is a 400 and the connection closes: nothing smuggled.
    def test_09_an_unknown_transfer_encoding_is_refused_and_nothing_is_smuggled(self):
        host = f"127.0.0.1:{self.server.port}".encode()
        for te in (b"xchunked", b"chunked, xyz"):
            smuggled = b"GET /api/v1/diary HTTP/1.1\r\nHost: " + host + b"\r\n\r\n"
            req = (b"POST /api/v1/diary/import HTTP/1.1\r\nHost: " + host + b"\r\nContent-Type: application/json\r\n"
                   b"Transfer-Encoding: " + te + b"\r\n\r\n" + smuggled)
            answer = raw(self.server.port, req)
            self.assertTrue(answer.startswith(b"HTTP/1.1 400"), answer[:80])
            self.assertEqual(answer.count(b"HTTP/1.1 "), 1, "a second, smuggled answer")

    # 10. One address cannot take every connection: others are still served.
    def test_10_one_address_holding_many_idle_connections_does_not_lock_others_out(self):
        held = []
        try:
            for _ in range(150):
                s = socket.socket()
                s.settimeout(5)
                try:
                    s.connect(("127.0.0.1", self.server.port))
                except OSError:
                    break
                held.append(s)
            start = time.time()
            answer = raw(self.server.port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                         source="127.0.0.2")
            self.assertTrue(answer.startswith(b"HTTP/1.1 200"), answer[:60])
            self.assertLess(time.time() - start, 2)
        finally:
            for s in held:
                s.close()
            # The server frees the places as it reads each close, a moment later (under ASan the
            # next test's first request found them still taken, and was reset): the next test
            # begins once this address is served again.
            deadline = time.time() + 10
            while time.time() < deadline:
                try:
                    if raw(self.server.port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           b"Connection: close\r\n\r\n").startswith(b"HTTP/1.1 200"):
                        break
                except OSError:
                    pass
                time.sleep(0.05)

    # 11. CSV formula injection, in the export the clinician downloads too.
    def test_11_csv_cells_that_are_formulas_are_defused_and_come_back_whole(self):
        for text in ("=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(A1)", "=1+1"):
            self.assertEqual(self.req("PUT", f"{D}/note", {"note": text})[0], 200)
            status, csv, resp = self.req("GET", "/api/v1/export?format=csv")
            csv = csv.decode() if isinstance(csv, bytes) else csv
            cells = [c for line in csv.splitlines()[1:] for c in line.split(",")]
            self.assertFalse(any(c and c[0] in "=+@" for c in cells), text)
            diary = self.req("GET", "/api/v1/diary")[1]
            with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
                f.write(csv)
            try:
                db = os.path.join(self.server.tmp.name, f"rt-{uuid.uuid4().hex[:6]}.db")
                self.assertEqual(run("import", f.name, db=db).returncode, 0)
                back = json.loads(run("export", db=db).stdout)
                self.assertEqual([d.get("note") for d in back["days"]], [d.get("note") for d in diary["days"]])
            finally:
                os.unlink(f.name)

    # 15. U+0000 in any text is refused, on every store alike.
    def test_15_a_nul_character_in_text_is_refused(self):
        status, body, _ = self.req("PUT", f"{D}/note", {"note": "before\u0000AFTER"})
        self.assertEqual(status, 400)
        self.assertEqual(self.req("POST", f"{D}/sessions", {"activity": "swim\u0000"})[0], 400)

    # 24. Dates: 1900 to 2200, and a check-in at most a day ahead of the person's today.
    def test_24_extreme_and_future_dates_are_refused(self):
        self.assertEqual(self.req("PUT", "/api/v1/days/9999-12-31/morning", {"pain": 3})[0], 400)
        self.assertEqual(self.req("POST", "/api/v1/days/1850-01-01/sessions", {"minutes": 3})[0], 400)
        far = time.strftime("%Y-%m-%d", time.localtime(time.time() + 5 * 86400))
        status, body, _ = self.req("PUT", f"/api/v1/days/{far}/morning", {"pain": 3})
        self.assertEqual(status, 400)
        self.assertIn("future", body["error"]["message"])
        diary = {"format": "backsignal-diary", "version": 1, "days": [{"date": "9999-12-31", "sessions": [{"time": "10:00"}]}]}
        self.assertEqual(self.req("POST", "/api/v1/diary/import", diary)[0], 400)


class AccountsServerTest(unittest.TestCase):
    """A server with accounts on SQLite."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(BIN, extra=["--accounts"]).start()
        cls.admin = Client(cls.server)
        cls.admin.signup("admin", code=cls.server.setup_code)

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def fresh(self, name=None):
        c = Client(self.server)
        c.signup(name or "u" + uuid.uuid4().hex[:8])
        return c

    # 6. In-session password guesses are throttled, and never lock the owner out of signing in.
    def test_06_wrong_current_passwords_are_throttled_without_locking_the_owner_out(self):
        c = self.fresh("guessed")
        statuses = [c.req("POST", "/api/v1/auth/password", {"current": f"wrong guess {i}!", "new": "another long password"})[0]
                    for i in range(15)]
        self.assertIn(429, statuses)
        self.assertEqual(c.req("POST", "/api/v1/auth/password", {"current": PASSWORD, "new": "another long password"})[0], 429)
        statuses = [c.req("POST", "/api/v1/account/delete", {"password": f"wrong {i}!!"})[0] for i in range(8)]
        self.assertIn(429, statuses)
        owner = Client(self.server)
        status, _, _ = owner.req("POST", "/api/v1/auth/signin", {"username": "guessed", "password": PASSWORD})
        self.assertEqual(status, 200)

    # 7. Tokens: scoped, expiring, dead after a password change, no account management.
    def test_07_tokens_are_scoped_expire_and_die_with_the_password(self):
        c = self.fresh()
        status, tok, _ = c.req("POST", "/api/v1/tokens", {"name": "script", "scope": "read"})
        self.assertEqual(status, 201)
        listed = c.req("GET", "/api/v1/tokens")[1]["tokens"][0]
        self.assertGreater(listed["expires_at"], time.time() + 80 * 86400)
        self.assertLess(listed["expires_at"], time.time() + 100 * 86400)
        reader = Client(self.server)
        reader.bearer = tok["token"]
        self.assertEqual(reader.req("GET", "/api/v1/reading")[0], 200)
        self.assertEqual(reader.req("PUT", f"{D}/morning", {"pain": 3})[0], 403)
        status, tok2, _ = c.req("POST", "/api/v1/tokens", {"name": "full", "scope": "diary"})
        writer = Client(self.server)
        writer.bearer = tok2["token"]
        self.assertEqual(writer.req("PUT", f"{D}/morning", {"pain": 3})[0], 200)
        for method, path, body in (("POST", "/api/v1/tokens", {"name": "more"}), ("POST", "/api/v1/shares/invites", None),
                                   ("POST", "/api/v1/calendar-feed", None),
                                   ("POST", "/api/v1/auth/password", {"current": PASSWORD, "new": "a new long password"})):
            self.assertEqual(writer.req(method, path, body)[0], 403, path)
        self.assertEqual(c.req("POST", "/api/v1/auth/password", {"current": PASSWORD, "new": "a new long password"})[0], 200)
        self.assertEqual(writer.req("GET", "/api/v1/reading")[0], 401)
        self.assertEqual(reader.req("GET", "/api/v1/reading")[0], 401)

    # 13. A large body is refused on the head before it is read, when not signed in.
    def test_13_a_large_body_is_refused_before_it_is_read_without_a_session(self):
        host = f"127.0.0.1:{self.server.port}".encode()
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=5)
        s.sendall(b"PUT /api/v1/diary HTTP/1.1\r\nHost: " + host + b"\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 8000000\r\n\r\n" + b"[" * 1000)
        answer = s.recv(4096)
        s.close()
        self.assertTrue(answer.startswith(b"HTTP/1.1 401"), answer[:60])

    # 20. Health data is for its owner only.
    def test_20_the_database_and_its_folder_are_private(self):
        db = self.server.db
        self.assertEqual(stat.S_IMODE(os.stat(db).st_mode), 0o600)
        for suffix in ("-wal", "-shm"):
            if os.path.exists(db + suffix):
                self.assertEqual(stat.S_IMODE(os.stat(db + suffix).st_mode) & 0o077, 0, suffix)

    # 21. A deleted account's text is gone from the database file and its write-ahead log.
    def test_21_a_deleted_accounts_text_leaves_no_trace_in_the_files(self):
        c = self.fresh()
        marker = "secret-" + uuid.uuid4().hex
        self.assertEqual(c.req("PUT", f"{D}/note", {"note": marker})[0], 200)
        self.assertEqual(c.req("POST", "/api/v1/account/delete", {"password": PASSWORD})[0], 200)
        for suffix in ("", "-wal"):
            path = self.server.db + suffix
            if os.path.exists(path):
                with open(path, "rb") as f:
                    self.assertFalse(marker.encode() in f.read(), f"the deleted note is still in {path}")


class LastAccountTest(unittest.TestCase):
    # 22. Deleting the last account prints a new setup code; sign-up works without a restart.
    def test_22_deleting_the_last_account_opens_setup_again(self):
        server = Server(BIN, extra=["--accounts"]).start()
        try:
            only = Client(server)
            only.signup("only", code=server.setup_code)
            self.assertEqual(only.req("POST", "/api/v1/account/delete", {"password": PASSWORD})[0], 200)
            code = None
            deadline = time.time() + 5
            while time.time() < deadline and not code:
                m = re.search(r"#signup=([A-Za-z0-9_-]+)", server.proc.stdout.readline())
                code = m and m.group(1)
            self.assertTrue(code, "a new setup code is printed")
            self.assertNotEqual(code, server.setup_code)
            Client(server).signup("next", code=code)
        finally:
            server.close()


class ProxyTest(unittest.TestCase):
    # 14. Behind a proxy, the last hop across every X-Forwarded-For line is the client.
    def test_14_a_forged_first_forwarded_line_does_not_beat_the_throttle(self):
        server = Server(BIN, extra=["--accounts", "--trust-proxy"]).start()
        try:
            Client(server).signup("admin", code=server.setup_code)
            host = f"127.0.0.1:{server.port}".encode()
            statuses = []
            for i in range(25):
                body = json.dumps({"username": f"nobody{i}", "password": "wrong password!"}).encode()
                req = (b"POST /api/v1/auth/signin HTTP/1.1\r\nHost: " + host + b"\r\nContent-Type: application/json\r\n"
                       + f"X-Forwarded-For: 10.{i}.{i}.{i}\r\nX-Forwarded-For: 203.0.113.7\r\n".encode()
                       + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
                statuses.append(int(raw(server.port, req).split(b" ")[1]))
            self.assertIn(429, statuses)
        finally:
            server.close()


@unittest.skipUnless(PG, "no PostgreSQL server (BACKSIGNAL_TEST_PG unset)")
class PostgresTest(unittest.TestCase):
    # 4. A storage error answers a generic message: no table, connection string or person id.
    def test_04_raw_database_errors_do_not_reach_clients(self):
        url, schema = pg_schema_url()
        server = Server(BIN, db=url, extra=["--accounts"]).start()
        try:
            c = Client(server)
            c.signup("admin", code=server.setup_code)
            subprocess.run(["psql", PG, "-qc", f"DROP TABLE {schema}.days CASCADE"], check=True, capture_output=True)
            status, body, _ = c.req("PUT", f"{D}/morning", {"pain": 3})
            self.assertEqual(status, 503)
            text = json.dumps(body)
            for leak in ("days", "relation", "postgres", "host=", "person", schema):
                self.assertNotIn(leak, text)
        finally:
            server.close()

    # 5. At most 5 password verifications per window, across two processes.
    def test_05_forty_parallel_wrong_sign_ins_across_two_processes_verify_at_most_five(self):
        url, _ = pg_schema_url()
        one = Server(BIN, db=url, extra=["--accounts"]).start()
        two = Server(BIN, db=url, extra=["--accounts"]).start()
        try:
            Client(one).signup("admin", code=one.setup_code)
            Client(one).signup("target")
            statuses = []

            def attempt(server):
                statuses.append(Client(server).req("POST", "/api/v1/auth/signin",
                                                   {"username": "target", "password": "wrong password!"})[0])

            threads = [threading.Thread(target=attempt, args=(one if i % 2 else two,)) for i in range(40)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            # 401: a verification was made and failed; 429: refused before verifying.
            self.assertLessEqual(statuses.count(401), 5, statuses)
            self.assertEqual(statuses.count(401) + statuses.count(429), 40, statuses)
        finally:
            one.close()
            two.close()

    # 15. PostgreSQL cut text at U+0000: now refused before it gets there.
    def test_15_a_nul_character_is_refused_on_postgres_too(self):
        url, _ = pg_schema_url()
        server = Server(BIN, db=url, extra=["--accounts"]).start()
        try:
            c = Client(server)
            c.signup("admin", code=server.setup_code)
            self.assertEqual(c.req("PUT", f"{D}/note", {"note": "before\u0000AFTER"})[0], 400)
        finally:
            server.close()


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "data", "diary.db")

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    # 1. Deep JSON in a file: refused quickly, without eating memory.
    def test_01_a_deeply_nested_file_is_refused(self):
        f = self.path("deep.json")
        with open(f, "w") as out:
            out.write("[" * (8 << 20))
        small = self.path("small.json")
        with open(small, "w") as out:
            out.write("[" * 64)

        def peak_kb(path):
            p = subprocess.run(["/usr/bin/time", "-f", "%M", BIN, "--db", self.db, "import", path], capture_output=True, text=True, timeout=30)
            self.assertEqual(p.returncode, 2, p.stderr)
            return int(p.stderr.strip().splitlines()[-1])

        # Measured against the same refusal of a 64-byte file, so the bound holds in a
        # sanitizer build too (ASan's shadow memory alone is tens of MB): the 8 MB file may
        # cost its own bytes a few times over, never a frame per bracket.
        extra_kb = peak_kb(f) - peak_kb(small)
        self.assertLess(extra_kb, 64 * 1024, f"{extra_kb} kB more than a 64-byte file")

    # 2. iCalendar export of stored text that is not UTF-8 finishes in under a second.
    def test_02_the_ics_export_finishes_on_any_stored_text(self):
        self.assertEqual(run("session", "--date", "2026-11-20", "--time", "10:00", "--activity", "swim", db=self.db).returncode, 0)
        con = sqlite3.connect(self.db)
        with con:
            con.execute("UPDATE sessions SET activity = CAST(? AS TEXT)", (b"\x80" * 300,))
        con.close()
        start = time.time()
        p = run("export", "--format", "ics", db=self.db, timeout=10)
        self.assertLess(time.time() - start, 1.0)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(all(len(line) <= 75 for line in p.stdout.split(b"\r\n")))

    # 3. A password in the database URL is never printed.
    def test_03_database_credentials_are_redacted_in_every_message(self):
        for url in ("postgresql://user:Secret12@127.0.0.1:1/db", "postgresql://user@127.0.0.1:1/db?password=Secret12",
                    "postgres://127.0.0.1:1/db?user=u&password=Secret12&sslmode=disable"):
            for args in (("read",), ("--user", "x", "read"), ("serve", "--listen", "127.0.0.1:0", "--accounts")):
                p = run(*args, db=url, timeout=20)
                self.assertNotEqual(p.returncode, 0)
                self.assertNotIn(b"Secret12", p.stdout + p.stderr, (url, args))

    # 12. --out onto a FIFO or a device writes through it, and never replaces it.
    def test_12_out_onto_a_fifo_or_device_writes_in_place(self):
        self.assertEqual(run("morning", "3", "--date", "2026-11-20", db=self.db).returncode, 0)
        fifo = self.path("pipe")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
        reader.start()
        p = run("export", "--format", "csv", "--out", fifo, db=self.db)
        reader.join(10)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))
        self.assertIn(b"2026-11-20", got[0])
        self.assertFalse(os.path.exists(fifo + ".tmp"))
        if os.geteuid() == 0:
            dev = self.path("null")
            os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
            self.assertEqual(run("report", "--out", dev, db=self.db).returncode, 0)
            self.assertTrue(stat.S_ISCHR(os.stat(dev).st_mode), "the device is still a device")

    # 17. Reading commands work on a database the user cannot write.
    def test_17_a_read_only_database_can_be_read(self):
        self.assertEqual(run("morning", "3", "--date", "2026-11-20", db=self.db).returncode, 0)
        os.chmod(self.db, 0o444)
        os.chmod(os.path.dirname(self.db), 0o555)
        as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
        os.chmod(self.tmp.name, 0o755)
        try:
            for args in (("read",), ("export",), ("show", "--date", "2026-11-20")):
                p = subprocess.run(as_user + [BIN, "--db", self.db, *args], capture_output=True, timeout=20)
                self.assertEqual(p.returncode, 0, (args, p.stderr))
        finally:
            os.chmod(os.path.dirname(self.db), 0o700)

    # 18. Two servers starting at once on a new SQLite file both start.
    def test_18_two_servers_starting_together_on_a_new_file_both_start(self):
        for i in range(4):
            db = self.path(f"new-{i}.db")
            servers = [Server(BIN, db=db) for _ in range(2)]
            errors = []

            def start(s):
                try:
                    s.start()
                except RuntimeError as e:
                    errors.append(str(e))

            threads = [threading.Thread(target=start, args=(s,)) for s in servers]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            for s in servers:
                s.close()
            self.assertEqual(errors, [])

    # 19. Odd --db values are refused, and nothing is created for them.
    def test_19_odd_database_locations_are_refused(self):
        for url in ("pgsql://user:Secret12@host/db", "file:diary.db?mode=memory", "/dev/null", "mysql://x/y"):
            p = run("read", db=url)
            self.assertNotEqual(p.returncode, 0, url)
            self.assertNotIn(b"Secret12", p.stderr)
        self.assertFalse(os.path.exists("/dev/null-journal"))
        self.assertFalse(os.path.exists(os.path.join(os.getcwd(), "pgsql:")))

    # 20. Files and folders the CLI makes are its owner's only.
    def test_20_new_files_are_0600_and_new_folders_0700(self):
        self.assertEqual(run("morning", "3", "--date", "2026-11-20", db=self.db).returncode, 0)
        self.assertEqual(stat.S_IMODE(os.stat(self.db).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.dirname(self.db)).st_mode), 0o700)
        for args, out in ((("export", "--format", "csv"), "x.csv"), (("report",), "r.html")):
            self.assertEqual(run(*args, "--out", self.path(out), db=self.db).returncode, 0)
            self.assertEqual(stat.S_IMODE(os.stat(self.path(out)).st_mode), 0o600, out)

    # 23. Endless input is capped; errors writing the output are not success.
    def test_23_endless_input_and_a_full_output_fail_cleanly(self):
        p = run("import", "/dev/zero", db=self.db, timeout=30)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn(b"MB", p.stderr)
        self.assertEqual(run("morning", "3", "--date", "2026-11-20", db=self.db).returncode, 0)
        with open("/dev/full", "wb") as full:
            p = subprocess.run([BIN, "--db", self.db, "read"], stdout=full, stderr=subprocess.PIPE, timeout=20)
        self.assertNotEqual(p.returncode, 0)
        out = self.path("sub/none/x.csv")
        p = run("export", "--out", out, db=self.db)
        self.assertNotEqual(p.returncode, 0)
        self.assertFalse(os.path.exists(out + ".tmp"))

    # 24. Dates on the command line.
    def test_24_far_dates_are_refused_on_the_command_line(self):
        p = run("session", "--date", "9999-12-31", "--time", "10:00", db=self.db)
        self.assertEqual(p.returncode, 2)
        far = time.strftime("%Y-%m-%d", time.localtime(time.time() + 5 * 86400))
        self.assertEqual(run("morning", "3", "--date", far, db=self.db).returncode, 2)
        self.assertEqual(run("read", "--as-of", "9999-01-01", db=self.db).returncode, 2)


if __name__ == "__main__":
    unittest.main()
