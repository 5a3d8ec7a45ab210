#!/usr/bin/env python3
"""Running it for real: a backup taken while 16 writers check in for 10 s passes its integrity
check, restores, and holds every check-in acknowledged before it began; restore refuses a
damaged file and a newer schema, keeping what was there; `serve --backup-dir` takes a daily
backup and keeps N; /metrics counts the requests made, by route and status, with latencies and
the group commit's batches, and answers this machine only; serve takes its options from the
environment (as the systemd unit gives them).

usage: operations_test.py BINARY
"""
import datetime
import http.client
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
from server_fixture import Server  # noqa: E402


def put_morning(port, date, pain):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("PUT", f"/api/v1/days/{date}/morning", body=json.dumps({"pain": pain}),
              headers={"Content-Type": "application/json"})
    r = c.getresponse()
    r.read()
    c.close()
    return r.status


def get(port, path, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", path, headers=headers or {})
    r = c.getresponse()
    body = r.read().decode()
    c.close()
    return r.status, body


class Operations(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def cli(self, db, *args, ok=True):
        p = subprocess.run([BIN, "--db", db, *args], capture_output=True, text=True)
        if ok:
            self.assertEqual(p.returncode, 0, p.stderr)
        return p

    def test_a_backup_under_write_load_holds_every_acknowledged_check_in(self):
        server = Server(BIN).start()
        try:
            acked = []  # (time acknowledged, date, pain)
            lock = threading.Lock()
            stop = threading.Event()

            def writer(w):
                n = 0
                while not stop.is_set():
                    date = (datetime.date(2001, 1, 1) + datetime.timedelta(days=w * 3000 + n)).isoformat()
                    pain = (n % 20) / 2
                    if put_morning(server.port, date, pain) == 200:
                        with lock:
                            acked.append((time.monotonic(), date, pain))
                    n += 1

            threads = [threading.Thread(target=writer, args=(w,)) for w in range(16)]
            for t in threads:
                t.start()
            time.sleep(5)
            began = time.monotonic()
            backup = self.path("backup.db")
            p = subprocess.run([BIN, "--db", server.db, "backup", "--out", backup], capture_output=True, text=True)
            ended = time.monotonic()
            time.sleep(max(0, 10 - (time.monotonic() - began) - 5))
            stop.set()
            for t in threads:
                t.join()
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("passed its integrity check", p.stdout)
            before = [a for a in acked if a[0] < began]
            self.assertGreater(len(before), 100, "the writers were writing")
            restored = self.path("restored.db")
            self.cli(restored, "restore", backup)
            days = {d["date"]: d["morning"]["pain"] for d in json.loads(self.cli(restored, "export").stdout)["days"]}
            lost = [(d, v) for _, d, v in before if days.get(d) != v]
            self.assertEqual(lost, [], f"{len(lost)} acknowledged check-ins missing from the backup")
            # Nothing the backup holds was never acknowledged (it is a snapshot, not a mix).
            self.assertLessEqual(len(days), len(acked))
            print(f"\nbackup under load: {len(acked)} check-ins acknowledged in 10 s by 16 writers; "
                  f"{len(before)} before the backup began, all in it; backup took {ended - began:.2f} s",
                  file=sys.stderr)

            # /metrics counted every check-in, by route and status.
            status, text = get(server.port, "/metrics")
            self.assertEqual(status, 200)
            m = re.search(r'backsignal_http_requests_total\{method="PUT",route="/api/v1/days/\{date\}/morning",status="200"\} (\d+)', text)
            self.assertIsNotNone(m, text[:2000])
            self.assertEqual(int(m.group(1)), len(acked))
            self.assertIn('backsignal_http_request_duration_seconds_bucket{route="/api/v1/days/{date}/morning",le="+Inf"} ', text)
            batches = int(re.search(r"backsignal_commit_batch_writes_count (\d+)", text).group(1))
            writes = int(re.search(r"backsignal_commit_batch_writes_sum (\d+)", text).group(1))
            self.assertGreaterEqual(writes, len(acked))
            self.assertLess(batches, writes, "concurrent check-ins share commits")
            self.assertIn("backsignal_database_errors_total 0", text)
            # Only this machine: through a proxy, the client is the forwarded one.
        finally:
            server.close()

    def test_metrics_answer_this_machine_only(self):
        server = Server(BIN, extra=["--accounts", "--trust-proxy"]).start()
        try:
            status, _ = get(server.port, "/metrics", {"X-Forwarded-For": "203.0.113.9"})
            self.assertEqual(status, 404)
            status, text = get(server.port, "/metrics")
            self.assertEqual(status, 200)
            self.assertIn("# TYPE backsignal_http_requests_total counter", text)
        finally:
            server.close()

    def test_restore_checks_before_it_replaces_anything(self):
        db = self.path("diary.db")
        self.cli(db, "morning", "3", "--date", "2026-11-02")
        backup = self.path("b.db")
        self.cli(db, "backup", "--out", backup)
        self.assertEqual(os.stat(backup).st_mode & 0o777, 0o600)
        self.cli(db, "morning", "7", "--date", "2026-11-03")
        # A damaged backup: refused, nothing replaced.
        damaged = self.path("damaged.db")
        with open(backup, "rb") as f:
            data = bytearray(f.read())
        data[100:4096] = b"\x00" * (4096 - 100)
        with open(damaged, "wb") as f:
            f.write(data)
        p = self.cli(db, "restore", damaged, ok=False)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("nothing was replaced", p.stderr)
        # A newer schema: refused.
        newer = self.path("newer.db")
        self.cli(db, "backup", "--out", newer)
        c = sqlite3.connect(newer)
        c.execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')")
        c.commit()
        c.close()
        p = self.cli(db, "restore", newer, ok=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("newer than this backsignal knows", p.stderr)
        self.assertEqual(len(json.loads(self.cli(db, "export").stdout)["days"]), 2)
        # The good one: back to one day, and the two-day diary kept aside.
        out = self.cli(db, "restore", backup).stdout
        self.assertIn(".before-restore", out)
        self.assertEqual([d["date"] for d in json.loads(self.cli(db, "export").stdout)["days"]], ["2026-11-02"])
        self.assertEqual(len(json.loads(self.cli(db + ".before-restore", "export").stdout)["days"]), 2)
        # PostgreSQL has its own tools.
        p = self.cli(db, "--db", "postgresql://x@127.0.0.1:1/x", "backup", "--out", self.path("pg.db"), ok=False)

    def test_serve_takes_a_daily_backup_and_keeps_n_from_the_environment(self):
        backups = self.path("backups")
        os.makedirs(backups)
        for day in range(1, 9):  # older ones, to be pruned
            open(os.path.join(backups, f"backsignal-2020-01-0{day}.db"), "w").close()
        env = dict(os.environ, BACKSIGNAL_BACKUP_DIR=backups, BACKSIGNAL_BACKUP_KEEP="3",
                   BACKSIGNAL_LISTEN="127.0.0.1:0")
        db = self.path("diary.db")
        self.cli(db, "morning", "4")
        proc = subprocess.Popen([BIN, "--db", db, "serve"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=env)
        try:
            deadline = time.time() + 10
            today = f"backsignal-{datetime.date.today().isoformat()}.db"
            while time.time() < deadline and today not in os.listdir(backups):
                time.sleep(0.1)
            time.sleep(0.3)
            files = sorted(os.listdir(backups))
            self.assertIn(today, files)
            self.assertEqual(len(files), 3, files)
            self.assertEqual(json.loads(self.cli(os.path.join(backups, today), "export").stdout)["days"][0]["morning"]["pain"], 4)
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    unittest.main()
