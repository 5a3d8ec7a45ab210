#!/usr/bin/env python3
"""Writes the seed corpora of the workout fuzz targets (fuzz/corpus/workouts_*): an ordinary
file of each format, and small versions of each hostile shape issue 22 found (a zip whose
entries share one stream, a zip bomb, thousands of workouts, deep nesting, a Health Connect
"table" that is an endless view, a WAL-mode database, a row of commas, a session of empty
arrays, a long activity name). The files are small and committed; run this again after changing
tests/workout_files.py.

usage: fuzz/workout_seeds.py
"""
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))
import workout_files as wf  # noqa: E402

SAMPLES = os.path.join(HERE, "..", "tests", "workouts")


def sample(name):
    with open(os.path.join(SAMPLES, name), "rb") as f:
        return f.read()


def write(target, name, data):
    folder = os.path.join(HERE, "corpus", "workouts_" + target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def db(rows=(), wal=False, table_sql=wf.HC_TABLE):
    with tempfile.TemporaryDirectory() as tmp:
        return wf.health_connect_db(os.path.join(tmp, "hc.db"), rows, wal, table_sql)


def main():
    long_name = "x" * 3000 + "\u00e9" * 500
    write("apple", "many_workouts.xml", wf.apple_export(300))
    write("apple", "deep.xml", wf.nested(100, b"HealthData", b"Workout"))
    write("apple", "long_name.xml",
          b'<HealthData><Workout workoutActivityType="HKWorkoutActivityType' + b"Y" * 4000 +
          b'" duration="30" startDate="2026-11-02 18:00:00 +0000"/></HealthData>')
    write("gpx", "deep.gpx", wf.nested(100))
    write("gpx", "long_name.gpx", wf.gpx(long_name, kind=""))
    write("gpx", "tokyo.gpx", wf.gpx("evening paddle", "2026-11-07T16:02:00Z", "2026-11-07T16:47:00Z"))
    write("tcx", "deep.tcx", wf.nested(100, b"TrainingCenterDatabase", b"Activities"))
    write("tcx", "run.tcx", wf.tcx())
    write("tcx", "many.tcx", b"<TrainingCenterDatabase><Activities>" +
          wf.tcx().split(b"<Activities>")[1].split(b"</Activities>")[0] * 200 +
          b"</Activities></TrainingCenterDatabase>")
    swim = (wf.NOV_2 * 1000, 32400, wf.NOV_2 * 1000 + 2700000, 74, None)
    physio = (wf.NOV_2 * 1000 + 86400000, -39600, wf.NOV_2 * 1000 + 87600000, 0, long_name)
    write("health_connect", "export.db", db([swim, physio]))
    write("health_connect", "wal.db", db([swim], wal=True))
    write("health_connect", "endless_view.db", db(table_sql=wf.HC_ENDLESS_VIEW))
    write("health_connect", "no_table.db", db(table_sql="CREATE TABLE other (x)"))
    write("google_fit", "arrays.json", wf.fit_arrays(2000))
    write("google_fit", "top_array.json", b"[" + b"[]," * 500 + b"[]]")
    write("google_fit", "deep.json", b'{"a":' * 100 + b"1" + b"}" * 100)
    write("google_fit", "long_activity.json", wf.fit_session(activity=long_name))
    write("google_fit", "twice.json", wf.fit_session()[:-1] + b',"startTime":"2026-11-09T19:00:00Z"}')
    write("strava", "commas.csv", wf.strava_commas(20000))
    write("strava", "long_type.csv", wf.strava([("Nov 2, 2026, 6:00:05 PM", "x", long_name, 1800)]))
    write("strava", "quoted.csv", wf.strava([("Nov 2, 2026, 6:00:05 PM", '"a ""b"", c"', "Swim", 1800)]))
    write("zip", "overlapping.zip", wf.overlapping_zip(20, 1))
    write("zip", "bomb.zip", wf.apple_bomb_zip(3))
    # The same stream, its directory saying it inflates to 100 bytes.
    stream, crc, _ = wf.deflated_repeat(b"<HealthData>", b" " * (1 << 20), 3, b"</HealthData>\n")
    write("zip", "lying_bomb.zip", wf.raw_zip([("apple_health_export/export.xml", stream, crc, 100, 8)]))
    write("zip", "many_entries.zip", wf.zip_of({f"f{i}.txt": b"" for i in range(500)}))
    write("zip", "apple.zip", wf.zip_of({"apple_health_export/export.xml": sample("apple_export.xml")}))
    write("zip", "deep_gpx.zip", wf.zip_of({"route.gpx": wf.nested(5000)}))
    write("zip", "eight_exports.zip",
          wf.zip_of({f"part{i}/export.xml": wf.apple_export(50, i * 100) for i in range(8)}))
    write("zip", "health_connect.zip", wf.zip_of({"health_connect_export.db": db([swim])}))
    write("zip", "takeout.zip", wf.zip_of({
        "Takeout/Fit/All Sessions/s.json": sample("google_fit_session.json"),
        "Takeout/Fit/Activities/r.tcx": sample("run.tcx")}))
    write("zip", "strava.zip", wf.zip_of({"activities.csv": sample("activities.csv")}))


if __name__ == "__main__":
    main()
