#!/usr/bin/env python3
"""Push reminders are sent exactly once: two `serve` processes on one PostgreSQL share 1,000 due
reminders and the test push service receives each exactly once (both processes sending); a
server killed with SIGKILL mid-send, restarted, loses none and resends no acknowledged one
(only those in flight at the kill may arrive twice, at most the sender's concurrency of them).
Counts are taken at the test push service (tests/push/push_service.mjs), which decrypts each
message and checks its VAPID token. usage: push_exactly_once_test.py BINARY"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request
import uuid
from collections import Counter

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from server_fixture import Server  # noqa: E402
PG = os.environ.get("BACKSIGNAL_TEST_PG")
IN_FLIGHT = 8  # requests to push services at once (serve --push-concurrency)


class PushService:
    """The test push service, as a process of its own."""

    def __init__(self):
        self.proc = subprocess.Popen(["node", os.path.join(HERE, "push", "push_service.mjs")],
                                     stdout=subprocess.PIPE, text=True)
        self.url = json.loads(self.proc.stdout.readline())["url"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read())

    def subscribe(self):
        return self.call("POST", "/subscribe", {})

    def tags(self):
        """Every message received, by its reminder's tag; and every rejection."""
        state = self.call("GET", "/state")
        tags = Counter(m["payload"]["tag"] for d in state.values() for m in d["messages"])
        rejected = [r for d in state.values() for r in d["rejected"]]
        return tags, rejected

    def close(self):
        self.proc.kill()
        self.proc.wait()


def wait_for(predicate, seconds):
    end = time.time() + seconds
    while time.time() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return predicate()


def sent_metric(server):
    _, text, _ = server.request("GET", "/metrics")
    text = text.decode() if isinstance(text, bytes) else str(text)
    for line in text.splitlines():
        if line.startswith('backsignal_push_messages_total{outcome="sent"}'):
            return int(line.split()[-1])
    return 0


@unittest.skipUnless(PG, "no PostgreSQL server (BACKSIGNAL_TEST_PG unset)")
class TwoSendersTest(unittest.TestCase):
    def test_two_processes_send_each_of_1000_due_reminders_exactly_once(self):
        push = PushService()
        schema = "push_" + uuid.uuid4().hex[:8]
        psql = ["psql", PG, "-qtAX", "-v", "ON_ERROR_STOP=1"]
        subprocess.run(psql + ["-c", f"CREATE SCHEMA {schema}"], check=True, capture_output=True)
        url = PG + "&options=-csearch_path%3D" + schema
        flags = ["--accounts", "--push-test-loopback", "--push-poll-ms", "100"]
        one, two = Server(BIN, db=url, extra=flags), Server(BIN, db=url, extra=flags)
        starters = [threading.Thread(target=s.start) for s in (one, two)]
        for t in starters:
            t.start()
        for t in starters:
            t.join()
        try:
            # Ten people with a device each, and 100 reminders each due now, made at once.
            now = int(time.time())
            sql = [f"SET search_path = {schema};", "BEGIN;"]
            for i in range(10):
                sub = push.subscribe()
                sql.append(
                    "WITH p AS (INSERT INTO people (usual_morning_pain) VALUES (NULL) RETURNING id), "
                    "s AS (INSERT INTO push_subscriptions (person_id, endpoint, p256dh, auth, device, "
                    f"created_at) SELECT id, '{sub['endpoint']}', '{sub['keys']['p256dh']}', "
                    f"'{sub['keys']['auth']}', 'phone {i}', {now} FROM p RETURNING person_id) "
                    "INSERT INTO push_reminders (person_id, kind, date, slot, due_at, state, created_at) "
                    f"SELECT person_id, 'test', '2026-12-01', g, {now - 1}, 'pending', {now} "
                    "FROM s, generate_series(1, 100) g;")
            sql.append("COMMIT;")
            subprocess.run(psql + ["-c", "\n".join(sql)], check=True, capture_output=True)
            started = time.time()
            total = wait_for(lambda: sum(push.tags()[0].values()) >= 1000, 90)
            took = time.time() - started
            time.sleep(1.0)  # anything sent twice would arrive meanwhile
            tags, rejected = push.tags()
            self.assertTrue(total, f"only {sum(tags.values())} of 1000 arrived")
            self.assertEqual(rejected, [])
            self.assertEqual(len(tags), 1000)
            self.assertEqual(max(tags.values()), 1, [t for t, n in tags.items() if n > 1][:5])
            by_one, by_two = sent_metric(one), sent_metric(two)
            self.assertEqual(by_one + by_two, 1000)
            self.assertGreater(by_one, 0, "process one sent none")
            self.assertGreater(by_two, 0, "process two sent none")
            print(f"1000 reminders in {took:.1f} s: {by_one} sent by one process, {by_two} by the "
                  "other, each once")
        finally:
            one.close()
            two.close()
            push.close()


class KilledSenderTest(unittest.TestCase):
    def test_a_sender_killed_mid_send_loses_none_and_resends_no_acknowledged_one(self):
        push = PushService()
        tmp = tempfile.TemporaryDirectory()
        db = os.path.join(tmp.name, "diary.db")
        clock = os.path.join(tmp.name, "clock")
        with open(clock, "w") as f:
            f.write("0")
        flags = ["--push-test-loopback", "--push-poll-ms", "100", "--test-clock", clock]
        server = Server(BIN, db=db, extra=flags).start()
        try:
            sub = push.subscribe()
            # Each answer takes 100 ms, so that sends are in flight when the kill comes.
            push.call("POST", f"/program/{sub['id']}", {"responses": [{"delay": 100}] * 400})
            status, _, _ = server.request("POST", "/api/v1/reminders/devices",
                                          {"endpoint": sub["endpoint"], "keys": sub["keys"]})
            self.assertEqual(status, 201)
            now = int(time.time())
            with sqlite3.connect(db, timeout=10) as c:
                c.executemany(
                    "INSERT INTO push_reminders (person_id, kind, date, slot, due_at, state, "
                    "created_at) VALUES (1, 'test', '2026-12-01', ?, ?, 'pending', ?)",
                    [(i, now - 1, now) for i in range(1, 201)])
                # By their ids: the server may have planned a morning reminder of its own first.
                expected = {f"test-{r}" for (r,) in c.execute(
                    "SELECT id FROM push_reminders WHERE kind = 'test'")}
            self.assertEqual(len(expected), 200)
            wait_for(lambda: sum(push.tags()[0].values()) >= 60, 30)
            server.kill9()
            with sqlite3.connect(db, timeout=10) as c:
                acknowledged = {f"test-{r}" for (r,) in c.execute(
                    "SELECT reminder_id FROM push_deliveries WHERE state = 'sent'")} & expected
            arrived_before = sum(push.tags()[0].values())
            self.assertLess(len(acknowledged), 200, "the kill came after everything was sent")
            # Restarted later than the dead sender's lease: its claimed deliveries are taken up.
            with open(clock, "w") as f:
                f.write("300")
            server = Server(BIN, db=db, extra=flags).start()
            wait_for(lambda: expected <= set(push.tags()[0]), 60)
            time.sleep(1.0)
            tags, rejected = push.tags()
            self.assertEqual(rejected, [])
            tags = Counter({t: n for t, n in tags.items() if t.startswith("test-")})
            self.assertEqual(set(tags) - expected, set(), "a push that is none of the 200 arrived")
            self.assertEqual(expected - set(tags), set(), "a reminder was lost")
            for tag in acknowledged:
                self.assertEqual(tags[tag], 1, f"{tag} was acknowledged and sent again")
            twice = [t for t, n in tags.items() if n > 1]
            self.assertLessEqual(len(twice), IN_FLIGHT, twice)
            self.assertLessEqual(max(tags.values()), 2)
            print(f"killed after {arrived_before} arrived ({len(acknowledged)} acknowledged): "
                  f"all 200 arrived, {len(twice)} in flight at the kill arrived twice")
        finally:
            server.close()
            push.close()
            tmp.cleanup()


if __name__ == "__main__":
    unittest.main(verbosity=2)
