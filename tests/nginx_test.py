#!/usr/bin/env python3
"""HTTPS in front, with Debian's real nginx: a self-signed certificate, nginx terminating TLS in
front of `serve --accounts --secure-cookies --trust-proxy`. Through it: sign up, sign in, check
in and read; cookies are __Host- and Secure; the throttle sees the client address nginx
forwards (clients come from 127.0.0.2 and 127.0.0.3, nginx from 127.0.0.1), and a forged
X-Forwarded-For from the client does not move it; nginx does not pass /metrics on.

usage: nginx_test.py BINARY  (skips, saying so, when nginx or openssl is not installed)
"""
import http.client
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
from server_fixture import Server  # noqa: E402

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Client:
    """An HTTPS client from a chosen loopback address, keeping its cookies and CSRF token."""

    def __init__(self, port, ca, source):
        self.port, self.source = port, source
        self.ctx = ssl.create_default_context(cafile=ca)
        self.cookies = {}
        self.set_cookie = []
        self.csrf = None

    def req(self, method, path, body=None, headers=None):
        c = http.client.HTTPSConnection("localhost", self.port, context=self.ctx, timeout=10,
                                        source_address=(self.source, 0))
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        payload = r.read()
        for v in r.headers.get_all("Set-Cookie") or []:
            self.set_cookie.append(v)
            name, _, rest = v.partition("=")
            self.cookies[name] = rest.split(";")[0]
        c.close()
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError:
            parsed = payload.decode(errors="replace")
        if isinstance(parsed, dict) and "csrf" in parsed:
            self.csrf = parsed["csrf"]
        return r.status, parsed


@unittest.skipUnless(NGINX and shutil.which("openssl"), "nginx or openssl is not installed")
class Nginx(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        cls.cert, key = os.path.join(d, "cert.pem"), os.path.join(d, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                        "-keyout", key, "-out", cls.cert], check=True, capture_output=True)
        cls.server = Server(BIN, extra=["--accounts", "--secure-cookies", "--trust-proxy",
                                        "--host", "localhost"]).start()
        cls.port = free_port()
        for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.makedirs(os.path.join(d, sub))
        conf = os.path.join(d, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""
{'user root root;' if os.geteuid() == 0 else ''}
daemon off;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {d}/client_body;
  proxy_temp_path {d}/proxy;
  fastcgi_temp_path {d}/fastcgi;
  uwsgi_temp_path {d}/uwsgi;
  scgi_temp_path {d}/scgi;
  client_max_body_size 32m;
  server {{
    listen 127.0.0.1:{cls.port} ssl;
    server_name localhost;
    ssl_certificate {cls.cert};
    ssl_certificate_key {key};
    ssl_protocols TLSv1.2 TLSv1.3;
    location = /metrics {{ return 404; }}
    location / {{
      proxy_pass http://127.0.0.1:{cls.server.port};
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto https;
    }}
  }}
}}
""")
        cls.nginx = subprocess.Popen([NGINX, "-p", d, "-c", conf], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", cls.port), timeout=0.2).close()
                break
            except OSError:
                if cls.nginx.poll() is not None:
                    raise RuntimeError("nginx exited: " + cls.nginx.stderr.read().decode())
                time.sleep(0.05)

    @classmethod
    def tearDownClass(cls):
        cls.nginx.terminate()
        cls.nginx.wait(10)
        cls.server.close()
        cls.tmp.cleanup()

    def test_1_sign_up_sign_in_check_in_and_read_through_tls(self):
        a = Client(self.port, self.cert, "127.0.0.2")
        status, body = a.req("POST", "/api/v1/auth/signup",
                             {"username": "maria", "password": "correct horse battery",
                              "role": "person", "setup_code": self.server.setup_code})
        self.assertEqual(status, 201, body)
        session = [c for c in a.set_cookie if c.startswith("__Host-")]
        self.assertTrue(session, a.set_cookie)
        for c in session:
            self.assertIn("Secure", c)
            self.assertIn("Path=/", c)
            self.assertNotIn("Domain=", c)
        b = Client(self.port, self.cert, "127.0.0.2")
        status, body = b.req("POST", "/api/v1/auth/signin", {"username": "maria", "password": "correct horse battery"})
        self.assertEqual(status, 200, body)
        status, body = b.req("GET", "/api/v1/me")
        self.assertEqual(status, 200)
        status, body = b.req("PUT", "/api/v1/days/2026-11-20/morning", {"pain": 3})
        self.assertEqual(status, 200, body)
        status, body = b.req("GET", "/api/v1/reading")
        self.assertEqual(status, 200)
        self.assertIn("words", body)
        self.assertEqual(b.req("GET", "/metrics")[0], 404)

    def test_2_the_throttle_sees_the_forwarded_client_and_ignores_forged_hops(self):
        c = Client(self.port, self.cert, "127.0.0.2")
        c.req("POST", "/api/v1/auth/signup", {"username": "lee", "password": "another good one",
                                              "role": "person"})
        wrong = {"username": "lee", "password": "not the password"}
        attacker = Client(self.port, self.cert, "127.0.0.2")
        statuses = [attacker.req("POST", "/api/v1/auth/signin", wrong,
                                 headers={"X-Forwarded-For": f"198.51.100.{i}"})[0] for i in range(7)]
        self.assertEqual(statuses[:5], [401] * 5, statuses)
        self.assertEqual(statuses[5:], [429, 429], "a forged X-Forwarded-For did not move the throttle")
        # Another client (127.0.0.3) is not the one throttled: the server saw the forwarded
        # address, not nginx's 127.0.0.1.
        other = Client(self.port, self.cert, "127.0.0.3")
        self.assertEqual(other.req("POST", "/api/v1/auth/signin",
                                   {"username": "lee", "password": "another good one"})[0], 200)


if __name__ == "__main__":
    unittest.main()
