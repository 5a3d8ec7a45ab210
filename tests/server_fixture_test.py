#!/usr/bin/env python3
"""The test fixture that runs `backsignal serve` (server_fixture.py), against a stand-in server
that logs as much as it likes: a server that writes more than a pipe holds (64 KB) to its
standard error keeps answering, and what it wrote is there for a failing test to show.
(multi_process_postgres hung under AddressSanitizer this way: the server's log of lost
database connections passed 64 KB, nobody read it, and its next line blocked it.)
usage: server_fixture_test.py"""
import os
import stat
import sys
import tempfile
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_fixture import Server  # noqa: E402

# Answers every request with 200 and writes LOG_BYTES of log lines to standard error first, as
# `serve` does when each request fails on its database; prints the line `serve` prints.
STAND_IN = textwrap.dedent("""\
    #!{python}
    import http.server, json, os, sys
    LOG_BYTES = int(os.environ.get("LOG_BYTES", "16384"))
    if os.environ.get("EXIT_AT_ONCE"):
        sys.stderr.write("backsignal: cannot open the database\\n")
        sys.exit(1)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            line = "backsignal serve: database lost: server closed the connection unexpectedly\\n"
            sys.stderr.write(line * (LOG_BYTES // len(line) + 1))
            sys.stderr.flush()
            body = json.dumps({{"path": self.path}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"Open http://127.0.0.1:{{server.server_port}}/ in a browser. Ctrl-C stops it.", flush=True)
    server.serve_forever()
    """)


class ServerFixtureTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.binary = os.path.join(self.dir.name, "serve")
        with open(self.binary, "w") as f:
            f.write(STAND_IN.format(python=sys.executable))
        os.chmod(self.binary, os.stat(self.binary).st_mode | stat.S_IXUSR)
        self.addCleanup(self.dir.cleanup)

    def test_a_server_that_logs_more_than_a_pipe_holds_keeps_answering(self):
        server = Server(self.binary).start()
        try:
            # 40 requests of 16 KB of log each: 640 KB, ten times what an unread pipe takes.
            for i in range(40):
                status, body, _ = server.request("GET", f"/{i}", timeout=5)
                self.assertEqual((status, body), (200, {"path": f"/{i}"}))
        finally:
            server.close()
        self.assertIn("server closed the connection unexpectedly", server.log())
        self.assertLessEqual(len(server.log().splitlines()), 2000)

    def test_a_server_that_exits_at_start_says_why(self):
        os.environ["EXIT_AT_ONCE"] = "1"
        self.addCleanup(os.environ.pop, "EXIT_AT_ONCE")
        server = Server(self.binary)
        with self.assertRaisesRegex(RuntimeError, "server exited: backsignal: cannot open the database"):
            server.start()
        server.close()


if __name__ == "__main__":
    unittest.main()
