"""Workout files made on the spot, ordinary and hostile, for the tests and the fuzz seeds
(fuzz/workout_seeds.py makes small ones): zips written byte by byte where Python's zipfile will
not (an entry whose stream inflates 1 GiB, a directory whose entries share one stream), Apple
Health exports of many workouts, nested XML, Health Connect databases (a real table, a view, WAL
mode), a Strava CSV of commas and a Google Fit session of empty arrays.

Nothing here is large on disk: a stream of 1 GiB is one deflated chunk repeated.
"""
import sqlite3
import struct
import zipfile
import io
import zlib

# 2026-11-02 18:00:00 UTC
NOV_2 = 1793642400


def deflated_repeat(head, chunk, times, tail):
    """A raw deflate stream of head + chunk * times + tail, made from one compressed chunk
    repeated (each piece starts from an empty dictionary, so they concatenate). Returns
    (stream, crc32, inflated size)."""
    def piece(data, final=False):
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)
    one = piece(chunk)
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    stream = piece(head) + one * times + piece(tail, final=True)
    return stream, crc & 0xFFFFFFFF, len(head) + len(chunk) * times + len(tail)


def raw_zip(members, share_first=0):
    """A zip of members (name, stream, crc, size, method: 8 deflated, 0 stored), written by hand.
    share_first > 0: that many more directory entries (named "copy-N/" + the first's name) point
    at the first member's bytes, as a zip made to inflate one stream again and again does."""
    out = bytearray()
    central = bytearray()
    count = 0

    def directory_entry(name, stream, crc, size, method, offset):
        nonlocal count
        n = name.encode()
        central.extend(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc,
                                   len(stream), size, len(n), 0, 0, 0, 0, 0, offset) + n)
        count += 1

    for name, stream, crc, size, method in members:
        offset = len(out)
        n = name.encode()
        out.extend(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(stream),
                               size, len(n), 0) + n + stream)
        directory_entry(name, stream, crc, size, method, offset)
    if members:
        name, stream, crc, size, method = members[0]
        for i in range(share_first):
            directory_entry(f"copy-{i}/{name}", stream, crc, size, method, 0)
    at = len(out)
    out.extend(central)
    out.extend(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), at, 0))
    return bytes(out)


def zip_of(files):
    """An ordinary deflated zip of {name: bytes}, the same bytes every time."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 10, 7, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def apple_bomb_zip(mib):
    """export.zip whose export.xml is <HealthData> and `mib` MiB of spaces: well-formed, no
    workouts, about 1 KB of zip per MiB."""
    stream, crc, size = deflated_repeat(b"<HealthData>", b" " * (1 << 20), mib, b"</HealthData>\n")
    return raw_zip([("apple_health_export/export.xml", stream, crc, size, 8)])


def overlapping_zip(entries, mib):
    """A zip of `entries` directory entries all pointing at one deflated export.xml of `mib` MiB."""
    stream, crc, size = deflated_repeat(b"<HealthData>", b" " * (1 << 20), mib, b"</HealthData>\n")
    return raw_zip([("apple_health_export/export.xml", stream, crc, size, 8)],
                   share_first=entries - 1)


def apple_workout_lines(n, first_day=0):
    """`n` Apple <Workout> elements, each a different day and minute (so they neither merge nor
    compress like one repeated line)."""
    import datetime as dt
    base = dt.datetime(2000, 1, 1)
    for i in range(n):
        t = base + dt.timedelta(days=first_day + i // 7, minutes=(i % 7) * 97 + i % 13)
        yield (f'<Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="{20 + i % 30}" '
               f'durationUnit="min" startDate="{t:%Y-%m-%d %H:%M}:00 +0000"/>\n').encode()


def apple_export(n, first_day=0):
    return b"<HealthData>\n" + b"".join(apple_workout_lines(n, first_day)) + b"</HealthData>\n"


def nested(levels, root=b"gpx", inner=b"trk"):
    """<root> with `levels` elements nested inside it, never closed (the parser must stop first)."""
    return b"<" + root + b">" + (b"<" + inner + b">") * levels


def gpx(name, start="2026-11-07T16:02:00Z", end="2026-11-07T16:47:00Z", kind="kayaking"):
    return (f'<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
            f'<trk><name>{name}</name><type>{kind}</type><trkseg>'
            f'<trkpt lat="1" lon="1"><time>{start}</time></trkpt>'
            f'<trkpt lat="1" lon="1"><time>{end}</time></trkpt></trkseg></trk></gpx>').encode()


def tcx(start="2026-11-03T07:15:00Z", seconds=1920, sport="Running"):
    return (f'<?xml version="1.0"?><TrainingCenterDatabase '
            f'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
            f'<Activity Sport="{sport}"><Id>{start}</Id><Lap StartTime="{start}">'
            f'<TotalTimeSeconds>{seconds}</TotalTimeSeconds></Lap></Activity></Activities>'
            f'</TrainingCenterDatabase>').encode()


STRAVA_HEADER = (b"Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
                 b"Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Elapsed Time\n")


def strava(rows):
    """activities.csv with rows of (date as Strava writes it, name, type, elapsed seconds)."""
    out = STRAVA_HEADER
    for i, (date, name, kind, seconds) in enumerate(rows):
        out += f'{1000 + i},"{date}",{name},{kind},,{seconds},1.0,,,false,{seconds}.0\n'.encode()
    return out


def strava_commas(n):
    """Strava's header, then one row of `n` commas."""
    return STRAVA_HEADER + b"," * n + b"\n"


def fit_session(start="2026-11-09T18:00:00.000Z", end="2026-11-09T18:40:00.000Z",
                activity="swimming.pool", filler=b""):
    return (b'{"fitnessActivity":"' + activity.encode() + b'","startTime":"' + start.encode() +
            b'","endTime":"' + end.encode() + b'","segment":' + (filler or b"[]") + b"}")


def fit_arrays(n):
    """A Google Fit session whose "segment" holds `n` empty arrays."""
    return fit_session(filler=b"[" + b"[]," * (n - 1) + b"[]]")


HC_TABLE = ("CREATE TABLE exercise_session_record_table (row_id INTEGER PRIMARY KEY, uuid BLOB, "
            "last_modified_time INTEGER, client_record_id TEXT, app_info_id INTEGER, "
            "start_time INTEGER NOT NULL, start_zone_offset INTEGER, end_time INTEGER NOT NULL, "
            "end_zone_offset INTEGER, local_date INTEGER, notes TEXT, exercise_type INTEGER NOT NULL, "
            "title TEXT, has_route INTEGER)")


def health_connect_db(path, rows=(), wal=False, table_sql=HC_TABLE):
    """Health Connect's database at `path`: rows of (start ms, offset s, end ms, type, title).
    `table_sql` may make exercise_session_record_table something else (a view)."""
    c = sqlite3.connect(path)
    if wal:
        c.execute("PRAGMA journal_mode=WAL")
    c.execute(table_sql)
    if rows:
        c.executemany("INSERT INTO exercise_session_record_table (start_time, start_zone_offset, "
                      "end_time, end_zone_offset, exercise_type, title) VALUES (?, ?, ?, ?, ?, ?)",
                      [(s, o, e, o, t, title) for s, o, e, t, title in rows])
    c.commit()
    c.close()
    with open(path, "rb") as f:
        return f.read()


# exercise_session_record_table as a view over a recursive query that never ends (and sorts,
# so that it spills to temporary files).
HC_ENDLESS_VIEW = ("CREATE VIEW exercise_session_record_table AS "
                   "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                   "SELECT n AS start_time, 0 AS start_zone_offset, n + 60000 AS end_time, "
                   "56 AS exercise_type, randomblob(100) AS title FROM r ORDER BY title")
