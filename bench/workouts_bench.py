#!/usr/bin/env python3
"""The import of a large Apple Health export: a synthetic export.zip whose export.xml is 200 MB
(or SIZE_MB), made here, imported into a fresh diary by the CLI. Prints the seconds and the
CLI's peak resident memory (the goal: under 30 s and under 100 MB).

usage: workouts_bench.py BINARY [SIZE_MB]
"""
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
sys.argv, binary, size_mb = sys.argv[:1], os.path.abspath(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 200
import workouts_test  # noqa: E402  (its generator of large exports)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        xml = os.path.join(tmp, "export.xml")
        n = workouts_test.write_large_export(xml, size_mb * 1024 * 1024)
        archive = os.path.join(tmp, "export.zip")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            z.write(xml, "apple_health_export/export.xml")
        xml_mb = os.path.getsize(xml) / 1048576
        zip_mb = os.path.getsize(archive) / 1048576
        os.remove(xml)
        db = os.path.join(tmp, "diary.db")
        subprocess.run([binary, "--db", db, "reminders", "--time-zone", "UTC"], check=True, capture_output=True)
        start = time.monotonic()
        p = subprocess.run([binary, "--db", db, "import-workouts", archive], capture_output=True, text=True)
        seconds = time.monotonic() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if p.returncode != 0 or f"{n} added" not in p.stdout:
            print(p.stdout[-500:], p.stderr, file=sys.stderr)
            return 1
        print(f"workouts import: export.zip of {zip_mb:.0f} MB ({xml_mb:.0f} MB of XML, {n} workouts): "
              f"{seconds:.1f} s, peak resident memory {peak_mb:.0f} MB (goals: < 30 s, < 100 MB)")
        return 0 if seconds < 30 and peak_mb < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
