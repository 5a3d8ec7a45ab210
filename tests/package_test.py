#!/usr/bin/env python3
"""The Debian package (`make deb`): what it holds, the runtime libraries it pulls by name, the
service's settings as a conffile, that it installs (apt resolves it; unpacked, the binary runs
and prints its version), that the systemd unit passes `systemd-analyze verify` and scores "OK"
or better in `systemd-analyze security`. Booting the unit needs systemd as PID 1, which a CI
container does not have (docs/operations.md).

usage: package_test.py PATH.deb
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

DEB = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else None


def run(*args, **kw):
    return subprocess.run(list(args), capture_output=True, text=True, **kw)


@unittest.skipUnless(DEB and shutil.which("dpkg-deb"), "no package given, or no dpkg-deb")
class Package(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.root = os.path.join(cls.tmp.name, "root")
        subprocess.run(["dpkg-deb", "-x", DEB, cls.root], check=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_contents(self):
        files = run("dpkg-deb", "-c", DEB).stdout
        for path in ("./usr/bin/backsignal", "./usr/share/man/man1/backsignal.1.gz",
                     "./usr/lib/systemd/system/backsignal.service", "./etc/backsignal/backsignal.conf",
                     "./usr/share/doc/backsignal/operations.md"):
            self.assertIn(path, files)
        self.assertRegex(files, r"-rwxr-xr-x root/root +\d+ .* \./usr/bin/backsignal")
        control = run("dpkg-deb", "-I", DEB).stdout
        self.assertIn("conffiles", control)
        self.assertEqual(run("dpkg-deb", "--ctrl-tarfile", DEB).returncode, 0)
        conffiles = subprocess.run(f"dpkg-deb --ctrl-tarfile '{DEB}' | tar -xO ./conffiles", shell=True,
                                   capture_output=True, text=True).stdout
        self.assertEqual(conffiles.split(), ["/etc/backsignal/backsignal.conf"])

    def test_runtime_libraries_by_name(self):
        depends = run("dpkg-deb", "-f", DEB, "Depends").stdout
        for lib in ("libsqlite3-0", "libpq5", "libsodium23", "libssl3", "libexpat1", "libzip4", "libdate-tz3", "tzdata"):
            self.assertRegex(depends, rf"\b{re.escape(lib)}\b")
        # Everything the binary links is one of them (or the C and C++ runtimes).
        ldd = run("ldd", os.path.join(self.root, "usr/bin/backsignal")).stdout
        self.assertNotIn("not found", ldd)

    def test_it_installs_and_runs(self):
        if shutil.which("apt-get"):
            sim = run("apt-get", "install", "--simulate", DEB)
            self.assertEqual(sim.returncode, 0, sim.stderr)
            self.assertIn("Inst backsignal", sim.stdout)
        out = run(os.path.join(self.root, "usr/bin/backsignal"), "--version")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertRegex(out.stdout, r"^backsignal \d+\.\d+\.\d+")
        man = run("gzip", "-dc", os.path.join(self.root, "usr/share/man/man1/backsignal.1.gz")).stdout
        self.assertIn(".TH BACKSIGNAL 1", man)
        self.assertIn("import\\-workouts", man)  # troff escapes the hyphen

    @unittest.skipUnless(shutil.which("systemd-analyze"), "no systemd-analyze")
    def test_the_unit_verifies_and_is_hardened(self):
        unit = os.path.join(self.root, "usr/lib/systemd/system/backsignal.service")
        with open(unit) as f:
            text = f.read()
        for key in ("DynamicUser=yes", "StateDirectory=backsignal", "ProtectSystem=strict", "ProtectHome=yes",
                    "PrivateTmp=yes", "NoNewPrivileges=yes", "RestrictAddressFamilies=", "SystemCallFilter=",
                    "EnvironmentFile=-/etc/backsignal/backsignal.conf"):
            self.assertIn(key, text)
        # verify checks the command exists: point it at the unpacked binary.
        here = os.path.join(self.tmp.name, "backsignal.service")
        with open(here, "w") as f:
            f.write(text.replace("/usr/bin/backsignal", os.path.join(self.root, "usr/bin/backsignal")))
        v = run("systemd-analyze", "verify", "--man=no", here)
        self.assertEqual((v.returncode, v.stdout + v.stderr), (0, ""))
        s = run("systemd-analyze", "security", "--offline=yes", here)
        m = re.search(r"Overall exposure level for backsignal.service: ([0-9.]+) (\w+)", s.stdout + s.stderr)
        self.assertIsNotNone(m, s.stdout + s.stderr)
        self.assertIn(m.group(2), ("OK", "SAFE"), m.group(0))
        print(f"\nsystemd-analyze security: {m.group(0)}", file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
