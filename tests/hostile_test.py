#!/usr/bin/env python3
"""Hostile input against `backsignal serve`: each is refused (4xx or closed), the server's memory
stays under 50 MB, and other clients are served meanwhile. usage: hostile_test.py BINARY"""
import os
import socket
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_fixture import Server  # noqa: E402

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
# 50 MB, unless the environment says otherwise (0: not checked, as under the sanitizers).
MEMORY_LIMIT_KB = int(os.environ.get("BACKSIGNAL_MEMORY_LIMIT_MB", "50")) * 1024 or 1 << 40
READ_TIMEOUT = 3  # seconds, given to the server for this test


def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    return s


def read_status(s):
    """The status code of the response on socket s, or None when the server closed it."""
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                return None
            data += chunk
    except (ConnectionResetError, socket.timeout):
        return None
    return int(data.split(b" ")[1])


class HostileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(BIN, extra=["--read-timeout", str(READ_TIMEOUT)]).start()

    @classmethod
    def tearDownClass(cls):
        peak = cls.server.rss_kb("VmHWM")
        cls.server.close()
        print(f"server peak resident memory: {peak / 1024:.1f} MB")
        assert peak < MEMORY_LIMIT_KB, f"peak memory {peak} kB"

    def healthy(self):
        start = time.time()
        status, body, _ = self.server.request("GET", "/healthz", timeout=5)
        self.assertEqual(status, 200)
        return time.time() - start

    def assert_memory(self):
        self.assertLess(self.server.rss_kb("VmHWM"), MEMORY_LIMIT_KB)

    def test_50mb_chunked_body_is_refused_early(self):
        s = connect(self.server.port)
        s.sendall(b"PUT /api/v1/diary HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"x" * 65536
        sent = 0
        refused = False
        try:
            while sent < 50 * 1024 * 1024:
                s.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            refused = True
        status = read_status(s)
        s.close()
        self.assertTrue(refused or status == 413, f"status {status}")
        self.assertLess(sent, 50 * 1024 * 1024, "the server read the whole 50 MB")
        self.healthy()
        self.assert_memory()

    def test_50mb_content_length_is_refused_before_reading(self):
        s = connect(self.server.port)
        s.sendall(b"PUT /api/v1/diary HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 52428800\r\n\r\n")
        self.assertEqual(read_status(s), 413)
        s.close()
        self.assert_memory()

    def test_1mb_header_is_refused(self):
        s = connect(self.server.port)
        try:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * (1024 * 1024) + b"\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        status = read_status(s)
        s.close()
        self.assertIn(status, (431, None))
        self.healthy()
        self.assert_memory()

    def test_many_headers_are_refused(self):
        s = connect(self.server.port)
        try:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-A: b\r\n" * 20000 + b"\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.assertIn(read_status(s), (431, None))
        s.close()

    def test_slow_clients_are_cut_off_while_others_are_served(self):
        stop = threading.Event()
        closed_after = []

        def slow(partial):
            s = connect(self.server.port)
            start = time.time()
            try:
                for b in partial:
                    if stop.is_set():
                        break
                    s.sendall(bytes([b]))
                    time.sleep(1)
                # the server should have closed the connection by now
                s.settimeout(READ_TIMEOUT + 5)
                s.recv(1)
            except OSError:
                pass
            closed_after.append(time.time() - start)
            s.close()

        head = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"z" * 40
        body = (b"PUT /api/v1/days/2026-11-20/morning HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                b"Content-Length: 40\r\n\r\n{\"pain\": 3" + b" " * 30)
        threads = [threading.Thread(target=slow, args=(head,)) for _ in range(20)]
        threads += [threading.Thread(target=slow, args=(body,)) for _ in range(20)]
        for t in threads:
            t.start()
        # Meanwhile, others are served promptly.
        for _ in range(10):
            self.assertLess(self.healthy(), 1.0)
            time.sleep(0.2)
        for t in threads:
            t.join(READ_TIMEOUT + 60)
        stop.set()
        self.assertEqual(len(closed_after), 40)
        # Each was cut off near the read timeout, long before its ~40-150 s of trickling ended.
        self.assertLess(max(closed_after), READ_TIMEOUT + 6)
        self.assert_memory()

    def test_malformed_json_and_wrong_content_type(self):
        status, body, _ = self.server.request("PUT", "/api/v1/days/2026-11-20/morning", raw=b'{"pain": ',
                                              content_type="application/json")
        self.assertEqual(status, 400)
        status, _, _ = self.server.request("PUT", "/api/v1/days/2026-11-20/morning", raw=b'{"pain": 3}',
                                           content_type="text/plain")
        self.assertEqual(status, 415)
        status, _, _ = self.server.request("PUT", "/api/v1/diary", raw=b"\xff\xfe\x00garbage",
                                           content_type="application/json")
        self.assertEqual(status, 400)

    def test_malformed_http_is_refused(self):
        s = connect(self.server.port)
        s.sendall(b"THIS IS NOT HTTP\r\n\r\n")
        self.assertIn(read_status(s), (400, None))
        s.close()
        s = connect(self.server.port)
        s.sendall(b"POST /api/v1/days/2026-11-20/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\nzz\r\n")
        self.assertIn(read_status(s), (400, None))
        s.close()
        self.healthy()

    def test_no_internal_text_leaks(self):
        status, body, _ = self.server.request("GET", "/api/v1/days/9999-99-99")
        self.assertEqual(status, 404)
        text = str(body)
        for leak in ("what()", "exception", "sqlite", "/tmp/", "boost"):
            self.assertNotIn(leak, text.lower())


if __name__ == "__main__":
    unittest.main(verbosity=1)
