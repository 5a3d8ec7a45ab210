"""Starts `backsignal serve` on a free loopback port for a test, and stops it.

The server's standard error (its log) is read as it comes, by a thread, into `log()`: a pipe
left unread fills at 64 KB, and the server's next log line then blocks the thread writing it,
and every request that logs after it, for good (a test under load that loses its database
connections logs more than that)."""
import collections
import http.client
import json
import os
import re
import signal
import subprocess
import tempfile
import threading
import time


class Server:
    def __init__(self, binary, db=None, extra=()):
        self.binary = binary
        self.tmp = tempfile.TemporaryDirectory()
        self.db = db or os.path.join(self.tmp.name, "diary.db")
        self.extra = list(extra)
        self.proc = None
        self.port = None
        self.setup_code = None  # the first account's sign-up code, when serve printed one
        self.log_lines = collections.deque(maxlen=2000)  # the last lines of its standard error
        self.log_reader = None

    def start(self):
        self.proc = subprocess.Popen(
            [self.binary, "--db", self.db, "serve", "--listen", "127.0.0.1:0", *self.extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.log_reader = threading.Thread(target=self._read_log, args=(self.proc.stderr,), daemon=True)
        self.log_reader.start()
        deadline = time.time() + 10
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            code = re.search(r"#signup=([A-Za-z0-9_-]+)", line)
            if code:
                self.setup_code = code.group(1)
                continue
            m = re.search(r"Open http://[0-9.]+:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
                return self
            if self.proc.poll() is not None:
                self.log_reader.join(5)
                raise RuntimeError("server exited: " + self.log())
        raise RuntimeError("server did not start: " + self.log())

    def _read_log(self, stream):
        for line in stream:
            self.log_lines.append(line)

    def log(self):
        """The last 2,000 lines the server wrote to its standard error."""
        return "".join(self.log_lines)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.log_reader:
            self.log_reader.join(5)

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def close(self):
        self.stop()
        self.tmp.cleanup()

    def rss_kb(self, field="VmRSS"):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return None

    def request(self, method, path, body=None, content_type="application/json", headers=None,
                raw=None, timeout=10):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
        if data is not None and content_type:
            h["Content-Type"] = content_type
        try:
            conn.request(method, path, body=data, headers=h)
            resp = conn.getresponse()
            payload = resp.read()
        finally:
            conn.close()
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError:
            parsed = payload
        return resp.status, parsed, resp
