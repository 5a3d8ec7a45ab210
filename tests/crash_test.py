#!/usr/bin/env python3
"""Crash test: kill -9 the server in the middle of a write load; after a restart every check-in
that was acknowledged is there. usage: crash_test.py BINARY"""
import datetime as dt
import http.client
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_fixture import Server  # noqa: E402

BIN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else "build/backsignal"
WRITERS = 16


def main():
    server = Server(BIN).start()
    acked = {}  # date -> pain acknowledged
    lock = threading.Lock()
    stop = threading.Event()

    def writer(w):
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        i = 0
        while not stop.is_set():
            date = (dt.date(2000, 1, 1) + dt.timedelta(days=w * 100000 // WRITERS + i)).isoformat()
            pain = (i % 20) / 2
            try:
                conn.request("PUT", f"/api/v1/days/{date}/morning", body=json.dumps({"pain": pain}),
                             headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                resp.read()
                if resp.status == 200:
                    with lock:
                        acked[date] = pain
            except (OSError, http.client.HTTPException):
                return  # the server is gone
            i += 1

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    time.sleep(2.0)
    server.kill9()  # in the middle of the load
    stop.set()
    for t in threads:
        t.join()
    with lock:
        snapshot = dict(acked)
    print(f"{len(snapshot)} check-ins acknowledged before kill -9")

    restarted = Server(BIN, db=server.db).start()
    _, diary, _ = restarted.request("GET", "/api/v1/diary")
    stored = {d["date"]: d["morning"]["pain"] for d in diary["days"] if "morning" in d}
    missing = [d for d, p in snapshot.items() if stored.get(d) != p]
    restarted.close()
    server.close()
    if not snapshot:
        print("no check-in was acknowledged: the load did not run")
        print("0 passed, 1 failed")
        return 1
    if missing:
        print(f"{len(missing)} acknowledged check-ins lost, e.g. {missing[:5]}")
        print("0 passed, 1 failed")
        return 1
    print(f"all {len(snapshot)} acknowledged check-ins survived ({len(stored)} stored)")
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
