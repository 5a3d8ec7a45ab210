#!/usr/bin/env python3
"""Workouts imported as sessions, end to end through the CLI: each sample format in tests/workouts
(and the zips an export comes as, made here: Apple Health's export.zip, Health Connect's zip with
its database, a Google Takeout of Fit, a Strava bulk export) gives the expected sessions;
importing twice changes nothing; a workout merges with a session already typed; loads are only
recorded with --accept-loads; a foreign file is refused naming it; and a synthetic Apple Health
export of more than 200 MB is streamed (the CLI's peak resident memory stays under 100 MB).
Every format lands at the person's hour in zones either side of the date line (Tokyo, Kiritimati
+14, Pago Pago -11), through the CLI and through the HTTP route, and one workout given by every
source is one session (issue 20, #3).

usage: workouts_test.py BINARY
"""
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workout_files as wf  # noqa: E402
from server_fixture import Server  # noqa: E402

BIN = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/backsignal"
# The sanitizers' shadow memory is not the importer's: the bound is checked in the plain build
# (BACKSIGNAL_MEMORY_LIMIT_MB=0 under them, as for the hostile-input test).
MEMORY_LIMIT_KB = int(os.environ.get("BACKSIGNAL_MEMORY_LIMIT_MB", "100")) * 1024 or 1 << 40
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "workouts")


def sample(name):
    with open(os.path.join(SAMPLES, name), "rb") as f:
        return f.read()


class Workouts(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.db = os.path.join(self.tmp.name, "diary.db")
        self.cli("reminders", "--time-zone", "Europe/London")

    def tearDown(self):
        self.tmp.cleanup()

    def cli(self, *args, ok=True):
        p = subprocess.run([BIN, "--db", self.db, *args], capture_output=True, text=True)
        if ok:
            self.assertEqual(p.returncode, 0, p.stderr)
        return p

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def sessions(self):
        days = json.loads(self.cli("export").stdout)["days"]
        return [(d["date"], s.get("time"), s.get("minutes"), s.get("activity"), tuple(s.get("load", [])))
                for d in days for s in d.get("sessions", [])]

    def test_each_sample_format(self):
        expected = {
            "apple_export.xml": [("2026-11-02", "18:00", 43, "swimming", ()),
                                 ("2026-11-04", "07:30", 35, "traditional strength training", ()),
                                 ("2026-11-06", "18:10", 25, "rowing", ()),
                                 ("2026-11-08", "23:40", 30, "yoga", ())],
            "ride.gpx": [("2026-11-07", "16:02", 45, "kayaking", ())],
            "run.tcx": [("2026-11-03", "07:15", 32, "running", ())],
            "activities.csv": [("2026-11-01", "09:30", 90, "rock climb", ()),
                               ("2026-11-04", "17:45", 60, "tennis", ()),
                               ("2026-11-06", "18:10", 25, "rowing", ())],
            "google_fit_session.json": [("2026-11-09", "18:00", 40, "swimming pool", ())],
        }
        for name, want in expected.items():
            with self.subTest(name):
                os.remove(self.db)
                self.cli("reminders", "--time-zone", "Europe/London")
                out = self.cli("import-workouts", os.path.join(SAMPLES, name)).stdout
                self.assertIn(f"{len(want)} added", out)
                self.assertEqual(self.sessions(), want)
                again = self.cli("import-workouts", os.path.join(SAMPLES, name)).stdout
                self.assertIn(f"0 added, 0 filled in, {len(want)} already there", again)
                self.assertEqual(self.sessions(), want)

    def test_the_zips_exports_come_as(self):
        apple = self.path("export.zip")
        with zipfile.ZipFile(apple, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("apple_health_export/export.xml", sample("apple_export.xml"))
            z.writestr("apple_health_export/export_cda.xml", "<ClinicalDocument/>")
            z.writestr("apple_health_export/workout-routes/route_2026-11-06_7.35pm.gpx", sample("ride.gpx").replace(b"<trk>", b"<trk><!-- a route, not a workout -->"))
        # Health Connect: its database, with the table and columns Android writes.
        db = self.path("health_connect_export.db")
        c = sqlite3.connect(db)
        c.execute("CREATE TABLE exercise_session_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, "
                  "last_modified_time INTEGER, client_record_id TEXT, app_info_id INTEGER, "
                  "start_time INTEGER NOT NULL, start_zone_offset INTEGER, end_time INTEGER NOT NULL, "
                  "end_zone_offset INTEGER, local_date INTEGER, notes TEXT, exercise_type INTEGER NOT NULL, "
                  "title TEXT, has_route INTEGER)")
        # 2026-11-05 07:00 UTC, recorded at +01:00 (a trip): 08:00 there, 45 min of pool swimming;
        # and 2026-11-06 12:00 UTC, 20 min of type 0 (other) titled "Physio exercises".
        c.execute("INSERT INTO exercise_session_record_table (start_time, start_zone_offset, end_time, "
                  "end_zone_offset, exercise_type, title) VALUES (1793862000000, 3600, 1793864700000, 3600, 74, NULL)")
        c.execute("INSERT INTO exercise_session_record_table (start_time, start_zone_offset, end_time, "
                  "end_zone_offset, exercise_type, title) VALUES (1793966400000, 0, 1793967600000, 0, 0, 'Physio exercises')")
        c.commit()
        c.close()
        hc = self.path("Health Connect.zip")
        with zipfile.ZipFile(hc, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(db, "health_connect_export.db")
        takeout = self.path("takeout-20261110.zip")
        with zipfile.ZipFile(takeout, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("Takeout/Fit/All Sessions/2026-11-09T18_00_00.000Z_SWIMMING_POOL.json", sample("google_fit_session.json"))
            z.writestr("Takeout/Fit/Activities/2026-11-03T07_15_00.000Z_Running.tcx", sample("run.tcx"))
            z.writestr("Takeout/Fit/Daily activity metrics/2026-11-09.csv", "Start time,End time\n")
        strava = self.path("export_12345.zip")
        with zipfile.ZipFile(strava, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("activities.csv", sample("activities.csv"))
            z.writestr("profile.csv", "Athlete ID\n1\n")
        self.cli("import-workouts", apple)
        self.assertEqual([s[3] for s in self.sessions()],
                         ["swimming", "traditional strength training", "rowing", "yoga"])
        out = self.cli("import-workouts", hc).stdout
        self.assertIn("(Health Connect): 2 workouts", out)
        self.assertIn(("2026-11-05", "08:00", 45, "pool swimming", ()), self.sessions())
        self.assertIn(("2026-11-06", "12:00", 20, "Physio exercises", ()), self.sessions())
        out = self.cli("import-workouts", takeout).stdout
        self.assertIn("(Google Fit): 2 workouts", out)
        # Strava's row of 6 Nov is the watch's rowing already imported from Apple Health.
        out = self.cli("import-workouts", strava).stdout
        self.assertIn("2 added, 0 filled in, 1 already there", out)
        self.assertEqual(len(self.sessions()), 4 + 2 + 2 + 2)

    def test_a_session_already_typed_is_filled_in_never_duplicated(self):
        self.cli("session", "--date", "2026-11-02", "--time", "18:20", "--activity", "pool, slow lengths",
                 "--start", "2", "--end", "3")
        out = self.cli("import-workouts", os.path.join(SAMPLES, "apple_export.xml")).stdout
        self.assertIn("filled in session 1 of that day", out)
        day = json.loads(self.cli("show", "--date", "2026-11-02").stdout)["days"][0]
        self.assertEqual(len(day["sessions"]), 1)
        s = day["sessions"][0]
        self.assertEqual((s["time"], s["activity"], s["minutes"]), ("18:20", "pool, slow lengths", 43))
        self.assertEqual(s["during"], {"start": 2, "end": 3})

    def test_a_session_typed_without_a_time_is_filled_in_too(self):
        self.cli("session", "--date", "2026-11-03", "--start", "2", "--end", "2")
        self.cli("import-workouts", os.path.join(SAMPLES, "run.tcx"))
        day = json.loads(self.cli("show", "--date", "2026-11-03").stdout)["days"][0]
        self.assertEqual([(s.get("time"), s.get("minutes"), s.get("activity")) for s in day["sessions"]],
                         [("07:15", 32, "running")])
        self.assertEqual(day["sessions"][0]["during"], {"start": 2, "end": 2})

    def test_loads_are_recorded_only_when_the_person_says_so(self):
        out = self.cli("import-workouts", os.path.join(SAMPLES, "apple_export.xml"), "--dry-run").stdout
        self.assertIn("nothing was stored", out)
        self.assertEqual(self.sessions(), [])
        out = self.cli("import-workouts", os.path.join(SAMPLES, "apple_export.xml")).stdout
        self.assertIn("suggested loads: sustained rotation", out)
        self.assertTrue(all(s[4] == () for s in self.sessions()))
        self.cli("import-workouts", os.path.join(SAMPLES, "apple_export.xml"), "--accept-loads")
        self.assertEqual(self.sessions()[0][4], ("rotation", "breathing_under_load", "arms_away"))
        self.assertEqual(self.sessions()[3][4], ())  # yoga: nothing obvious

    def test_foreign_and_damaged_files_are_refused_naming_them(self):
        bad = self.path("notes.txt")
        with open(bad, "w") as f:
            f.write("went swimming on tuesday\n")
        p = self.cli("import-workouts", bad, ok=False)
        self.assertEqual(p.returncode, 2)
        self.assertIn("notes.txt: not a workout file backsignal knows", p.stderr)
        z = self.path("empty.zip")
        with zipfile.ZipFile(z, "w") as zf:
            zf.writestr("readme.txt", "hello")
        p = self.cli("import-workouts", z, ok=False)
        self.assertIn("empty.zip: a zip without workouts", p.stderr)
        self.assertEqual(self.sessions(), [])

    def test_a_200_mb_apple_export_is_streamed(self):
        xml = self.path("export.xml")
        n = write_large_export(xml, 200 * 1024 * 1024)
        self.assertGreaterEqual(os.path.getsize(xml), 200 * 1024 * 1024)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        out = self.cli("import-workouts", xml).stdout
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        self.assertIn(f"{n} added", out)
        # ru_maxrss of children is the largest of them; the CLI is the largest here.
        self.assertLess(max(peak_kb, before), MEMORY_LIMIT_KB, f"peak resident memory {peak_kb} KB")


# Each sample's sessions in three zones far from UTC, either side of the date line: the instants
# of the files (ride.gpx 16:02Z on 7 Nov, run.tcx 07:15Z on 3 Nov, ...) at the person's hour.
ZONES = {
    "Asia/Tokyo": {
        "apple_export.xml": [("2026-11-03", "03:00", 43, "swimming"),
                             ("2026-11-04", "16:30", 35, "traditional strength training"),
                             ("2026-11-07", "03:10", 25, "rowing"), ("2026-11-09", "08:40", 30, "yoga")],
        "ride.gpx": [("2026-11-08", "01:02", 45, "kayaking")],
        "run.tcx": [("2026-11-03", "16:15", 32, "running")],
        "activities.csv": [("2026-11-01", "18:30", 90, "rock climb"), ("2026-11-05", "02:45", 60, "tennis"),
                           ("2026-11-07", "03:10", 25, "rowing")],
        "google_fit_session.json": [("2026-11-10", "03:00", 40, "swimming pool")],
        "health_connect.zip": [("2026-11-08", "01:02", 45, "paddling")],
    },
    "Pacific/Kiritimati": {
        "apple_export.xml": [("2026-11-03", "08:00", 43, "swimming"),
                             ("2026-11-04", "21:30", 35, "traditional strength training"),
                             ("2026-11-07", "08:10", 25, "rowing"), ("2026-11-09", "13:40", 30, "yoga")],
        "ride.gpx": [("2026-11-08", "06:02", 45, "kayaking")],
        "run.tcx": [("2026-11-03", "21:15", 32, "running")],
        "activities.csv": [("2026-11-01", "23:30", 90, "rock climb"), ("2026-11-05", "07:45", 60, "tennis"),
                           ("2026-11-07", "08:10", 25, "rowing")],
        "google_fit_session.json": [("2026-11-10", "08:00", 40, "swimming pool")],
        "health_connect.zip": [("2026-11-08", "06:02", 45, "paddling")],
    },
    "Pacific/Pago_Pago": {
        "apple_export.xml": [("2026-11-02", "07:00", 43, "swimming"),
                             ("2026-11-03", "20:30", 35, "traditional strength training"),
                             ("2026-11-06", "07:10", 25, "rowing"), ("2026-11-08", "12:40", 30, "yoga")],
        "ride.gpx": [("2026-11-07", "05:02", 45, "kayaking")],
        "run.tcx": [("2026-11-02", "20:15", 32, "running")],
        "activities.csv": [("2026-10-31", "22:30", 90, "rock climb"), ("2026-11-04", "06:45", 60, "tennis"),
                           ("2026-11-06", "07:10", 25, "rowing")],
        "google_fit_session.json": [("2026-11-09", "07:00", 40, "swimming pool")],
        "health_connect.zip": [("2026-11-07", "05:02", 45, "paddling")],
    },
}
# Each zone's offset in November (none of them changes its clocks).
OFFSETS = {"Asia/Tokyo": 9 * 3600, "Pacific/Kiritimati": 14 * 3600, "Pacific/Pago_Pago": -11 * 3600}
KAYAK = 1794067331  # 2026-11-07 16:02:11 UTC, 45 minutes: ride.gpx's


def health_connect_zip(folder, offset):
    """Health Connect's export zip of the kayak (paddling), recorded at `offset` seconds."""
    db = os.path.join(folder, f"hc-{offset}.db")
    data = wf.health_connect_db(db, [(KAYAK * 1000, offset, (KAYAK + 2719) * 1000, 46, None)])
    os.remove(db)
    return wf.zip_of({"health_connect_export.db": data})


def the_kayak_from_every_source(folder, hc_offset):
    """The same 45 minutes of kayaking as each source writes it: {file name: bytes}."""
    return {
        "ride.gpx": sample("ride.gpx"),
        "kayak.tcx": wf.tcx("2026-11-07T16:02:11Z", 2719, "Other"),
        "activities.csv": wf.strava([("Nov 7, 2026, 4:02:11 PM", "Evening kayak", "Kayaking", 2719)]),
        "kayak.json": wf.fit_session("2026-11-07T16:02:11.000Z", "2026-11-07T16:47:30.000Z", "kayaking"),
        # Apple writes the exporting phone's offset, whatever it was at the workout.
        "export.xml": (b'<HealthData><Workout workoutActivityType="HKWorkoutActivityTypePaddleSports" '
                       b'duration="45.3" durationUnit="min" startDate="2026-11-08 01:02:11 +0900"/></HealthData>'),
        "health_connect.zip": health_connect_zip(folder, hc_offset),
    }


class WorkoutZones(unittest.TestCase):
    """Issue 20 #3: with the person's zone Asia/Tokyo, a GPX kayak at 16:02Z was stored at 16:02
    on 7 Nov (01:02 on 8 Nov there), a TCX run at 07:15Z at 07:15."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def files(self, zone):
        out = {name: sample(name) for name in ZONES[zone] if name != "health_connect.zip"}
        out["health_connect.zip"] = health_connect_zip(self.tmp.name, OFFSETS[zone])
        return out

    def cli(self, db, *args):
        p = subprocess.run([BIN, "--db", db, *args], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def stored(self, db):
        days = json.loads(self.cli(db, "export"))["days"]
        return [(d["date"], s.get("time"), s.get("minutes"), s.get("activity"))
                for d in days for s in d.get("sessions", [])]

    def test_every_format_at_the_persons_hour_through_the_cli(self):
        for zone, expected in ZONES.items():
            for name, data in self.files(zone).items():
                with self.subTest(zone=zone, file=name):
                    db = os.path.join(self.tmp.name, "diary.db")
                    if os.path.exists(db):
                        os.remove(db)
                    self.cli(db, "reminders", "--time-zone", zone)
                    path = os.path.join(self.tmp.name, name)
                    with open(path, "wb") as f:
                        f.write(data)
                    self.cli(db, "import-workouts", path)
                    self.assertEqual(self.stored(db), expected[name])

    def test_every_format_at_the_persons_hour_through_the_http_route(self):
        server = Server(BIN).start()
        try:
            for zone, expected in ZONES.items():
                for name, data in self.files(zone).items():
                    with self.subTest(zone=zone, file=name):
                        self.assertEqual(server.request("PUT", "/api/v1/diary", {
                            "format": "backsignal-diary", "version": 1, "days": []})[0], 200)
                        self.assertEqual(server.request("PUT", "/api/v1/profile", {"time_zone": zone})[0], 200)
                        status, body, _ = server.request("POST", f"/api/v1/workouts?name={name}", raw=data,
                                                         content_type="application/octet-stream")
                        self.assertEqual(status, 200, body)
                        answered = [(w["date"], w["time"], w["minutes"], w["activity"]) for w in body["workouts"]]
                        self.assertEqual(answered, expected[name])
                        stored = []
                        for date in sorted({w[0] for w in expected[name]}):
                            status, day, _ = server.request("GET", f"/api/v1/days/{date}")
                            self.assertEqual(status, 200, day)
                            stored += [(date, s["time"], s["minutes"], s["activity"]) for s in day["sessions"]]
                        self.assertEqual(stored, expected[name])
        finally:
            server.close()
            server.proc.stdout.close()
            server.proc.stderr.close()

    def test_one_workout_from_every_source_is_one_session(self):
        # In Pago Pago the kayak is 05:02 on 7 Nov; Health Connect recorded it in Tokyo (+09:00,
        # 01:02 on 8 Nov there): still the same workout, not a second session on another date.
        for zone, hc_offset, want in (("Pacific/Pago_Pago", 9 * 3600, ("2026-11-07", "05:02")),
                                      ("Pacific/Kiritimati", 14 * 3600, ("2026-11-08", "06:02")),
                                      ("Asia/Tokyo", 9 * 3600, ("2026-11-08", "01:02"))):
            with self.subTest(zone=zone):
                db = os.path.join(self.tmp.name, "diary.db")
                if os.path.exists(db):
                    os.remove(db)
                self.cli(db, "reminders", "--time-zone", zone)
                for name, data in the_kayak_from_every_source(self.tmp.name, hc_offset).items():
                    path = os.path.join(self.tmp.name, name)
                    with open(path, "wb") as f:
                        f.write(data)
                    self.cli(db, "import-workouts", path)
                sessions = self.stored(db)
                self.assertEqual(len(sessions), 1, sessions)
                self.assertEqual(sessions[0][:2], want)
                # All six in one zip: one workout too.
                os.remove(db)
                self.cli(db, "reminders", "--time-zone", zone)
                every = os.path.join(self.tmp.name, "every.zip")
                with open(every, "wb") as f:
                    files = the_kayak_from_every_source(self.tmp.name, hc_offset)
                    f.write(wf.zip_of({"a/ride.gpx": files["ride.gpx"], "b/kayak.tcx": files["kayak.tcx"],
                                       "activities.csv": files["activities.csv"],
                                       "Fit/All Sessions/kayak.json": files["kayak.json"],
                                       "apple_health_export/export.xml": files["export.xml"]}))
                self.assertIn("1 added", self.cli(db, "import-workouts", every))
                self.assertEqual(len(self.stored(db)), 1)


def write_large_export(path, size):
    """An Apple Health export.xml of at least `size` bytes: heart rate and step Records (as real
    ones are mostly), with a workout every day. Returns the number of workouts."""
    head = sample("apple_export.xml").split(b"<HealthData")[0]
    record = ('<Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" sourceVersion="10.1" '
              'unit="count/min" creationDate="{d} {h:02d}:{m:02d}:11 +0000" startDate="{d} {h:02d}:{m:02d}:09 +0000" '
              'endDate="{d} {h:02d}:{m:02d}:09 +0000" value="{v}"><MetadataEntry key="HKMetadataKeySyncIdentifier" '
              'value="{sync:032x}"/></Record>\n')
    workouts = 0
    import datetime as dt
    import random
    rng = random.Random(7)  # values that compress like real ones, not like a repeated line
    day = dt.date(2020, 1, 1)
    with open(path, "wb") as f:
        f.write(head + b'<HealthData locale="en_GB">\n <ExportDate value="2026-11-10 07:12:44 +0000"/>\n')
        written = f.tell()
        while written < size:
            d = day.isoformat()
            chunk = "".join(record.format(d=d, h=m // 60 % 24, m=m % 60, v=rng.randint(48, 181),
                                          sync=rng.getrandbits(128)) for m in range(600))
            chunk += (f'<Workout workoutActivityType="HKWorkoutActivityTypeSwimming" duration="40" durationUnit="min" '
                      f'sourceName="Watch" startDate="{d} 18:00:00 +0000" endDate="{d} 18:40:00 +0000"/>\n')
            data = chunk.encode()
            f.write(data)
            written += len(data)
            workouts += 1
            day += dt.timedelta(days=1)
        f.write(b"</HealthData>\n")
    return workouts


if __name__ == "__main__":
    unittest.main()
