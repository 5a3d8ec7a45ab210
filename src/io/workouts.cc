// Workout files: telling the format by content, zips (libzip), Strava's CSV, Google Fit's JSON,
// Health Connect's SQLite database, times, the person's own time and the loads suggested.
#include "backsignal/io/workouts.h"

#include <sqlite3.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "backsignal/io/zone.h"
#include "json_util.h"
#include "workouts_util.h"

namespace backsignal {
namespace {

using workouts_detail::EndsWithI;
using workouts_detail::Lower;
using workouts_detail::StartsWith;

constexpr size_t kMaxSmallFile = 64u << 20;  // CSV, JSON and databases are read whole

// The first non-blank bytes, past a UTF-8 byte order mark.
std::string_view Head(std::string_view s) {
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  return s;
}

Result<WorkoutFile> Merge(Result<WorkoutFile> into, const Result<WorkoutFile>& more) {
  if (!into) return more;
  if (!more) return into;
  for (const RawWorkout& w : more->workouts) into->workouts.push_back(w);
  into->skipped += more->skipped;
  return into;
}

ByteSource FromMemory(std::string_view bytes) {
  auto pos = std::make_shared<size_t>(0);
  return [bytes, pos](char* buf, size_t cap) -> Result<size_t> {
    const size_t n = std::min(cap, bytes.size() - *pos);
    std::copy_n(bytes.data() + *pos, n, buf);
    *pos += n;
    return n;
  };
}

// --- Health Connect: the SQLite database of its export ---

Result<WorkoutFile> ReadHealthConnectDb(const std::string& path, std::string_view name) {
  const std::string where(name);
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);
  if (rc != SQLITE_OK) {
    return Fail(Error::Invalid(where + ": cannot open it as a database: " + sqlite3_errstr(rc)));
  }
  sqlite3_stmt* raw_stmt = nullptr;
  const char* sql =
      "SELECT start_time, start_zone_offset, end_time, exercise_type, title "
      "FROM exercise_session_record_table ORDER BY start_time";
  if (sqlite3_prepare_v2(db.get(), sql, -1, &raw_stmt, nullptr) != SQLITE_OK) {
    return Fail(Error::Invalid(
        where + ": a database without Health Connect's exercise_session_record_table (" +
        sqlite3_errmsg(db.get()) + "); expected the database of a Health Connect export"));
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw_stmt, &sqlite3_finalize);
  // Android's ExerciseSessionRecord.EXERCISE_TYPE_* values, by name.
  static const std::pair<int, const char*> kTypes[] = {
      {2, "badminton"},
      {4, "baseball"},
      {5, "basketball"},
      {8, "biking"},
      {9, "stationary biking"},
      {10, "boot camp"},
      {11, "boxing"},
      {13, "calisthenics"},
      {14, "cricket"},
      {16, "dancing"},
      {25, "elliptical"},
      {26, "exercise class"},
      {27, "fencing"},
      {28, "american football"},
      {29, "australian football"},
      {31, "frisbee"},
      {32, "golf"},
      {33, "guided breathing"},
      {34, "gymnastics"},
      {35, "handball"},
      {36, "high intensity interval training"},
      {37, "hiking"},
      {38, "ice hockey"},
      {39, "ice skating"},
      {44, "martial arts"},
      {46, "paddling"},
      {47, "paragliding"},
      {48, "pilates"},
      {50, "racquetball"},
      {51, "rock climbing"},
      {52, "roller hockey"},
      {53, "rowing"},
      {54, "rowing machine"},
      {55, "rugby"},
      {56, "running"},
      {57, "treadmill running"},
      {58, "sailing"},
      {59, "scuba diving"},
      {60, "skating"},
      {61, "skiing"},
      {62, "snowboarding"},
      {63, "snowshoeing"},
      {64, "soccer"},
      {65, "softball"},
      {66, "squash"},
      {68, "stair climbing"},
      {69, "stair climbing machine"},
      {70, "strength training"},
      {71, "stretching"},
      {72, "surfing"},
      {73, "open water swimming"},
      {74, "pool swimming"},
      {75, "table tennis"},
      {76, "tennis"},
      {78, "volleyball"},
      {79, "walking"},
      {80, "water polo"},
      {81, "weightlifting"},
      {82, "wheelchair"},
      {83, "yoga"},
  };
  WorkoutFile file;
  file.format = WorkoutFormat::kHealthConnect;
  int step;
  while ((step = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    const int64_t start_ms = sqlite3_column_int64(stmt.get(), 0);
    const int64_t end_ms = sqlite3_column_int64(stmt.get(), 2);
    std::optional<int> offset;
    if (sqlite3_column_type(stmt.get(), 1) != SQLITE_NULL) {
      offset = sqlite3_column_int(stmt.get(), 1);
    }
    const int type = sqlite3_column_int(stmt.get(), 3);
    std::string activity = "workout";
    for (const auto& [code, text] : kTypes) {
      if (code == type) activity = text;
    }
    const auto* title = sqlite3_column_text(stmt.get(), 4);
    if (activity == "workout" && title) activity = reinterpret_cast<const char*>(title);
    const double seconds = static_cast<double>(end_ms - start_ms) / 1000.0;
    if (seconds < 30) {
      ++file.skipped;
      continue;
    }
    file.workouts.push_back({start_ms / 1000, offset, seconds, activity});
  }
  if (step != SQLITE_DONE) {
    return Fail(Error::Invalid(
        where + ": reading its exercise sessions failed: " + sqlite3_errmsg(db.get())));
  }
  return file;
}

// A temporary file of our own, removed when it goes.
class TempFile {
 public:
  static Result<TempFile> Make(const std::string& dir) {
    std::string base = dir;
    if (base.empty()) {
      const char* t = std::getenv("TMPDIR");
      base = t && *t ? t : "/tmp";
    }
    std::string templ = base + "/backsignal-workouts-XXXXXX";
    const int fd = mkstemp(templ.data());
    if (fd < 0) return Fail(Error::Storage("cannot make a temporary file in " + base));
    close(fd);
    return TempFile(templ);
  }
  TempFile(TempFile&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  const std::string& path() const { return path_; }

 private:
  explicit TempFile(std::string p) : path_(std::move(p)) {}
  std::string path_;
};

Result<WorkoutFile> ReadSmall(std::string_view bytes, std::string_view name,
                              const std::string& tmp_dir);

// --- zips: the files inside that hold workouts ---

Result<WorkoutFile> ReadZip(zip_t* z, std::string_view name, const std::string& tmp_dir) {
  const std::string where(name);
  const zip_int64_t n = zip_get_num_entries(z, 0);
  Result<WorkoutFile> all = Fail(Error::Invalid(
      where +
      ": a zip without workouts; expected an Apple Health export (export.xml), a Health "
      "Connect export (health_connect_export.db), a Google Takeout of Fit (All "
      "Sessions/*.json or Activities/*.tcx), a Strava export (activities.csv), or GPX or "
      "TCX files"));
  bool found = false;
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* entry_name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
    if (!entry_name) continue;
    const std::string entry(entry_name);
    const std::string base = entry.substr(entry.find_last_of('/') + 1);
    const bool apple = base == "export.xml";
    const bool hc =
        EndsWithI(base, ".db") && Lower(base).find("health_connect") != std::string::npos;
    const bool strava = base == "activities.csv";
    const bool fit_json =
        EndsWithI(base, ".json") && (entry.find("All Sessions/") != std::string::npos ||
                                     entry.find("All sessions/") != std::string::npos);
    // Apple's workout-routes/*.gpx are the routes of workouts export.xml lists already.
    const bool track = (EndsWithI(base, ".gpx") || EndsWithI(base, ".tcx")) &&
                       entry.find("workout-routes/") == std::string::npos;
    if (!apple && !hc && !strava && !fit_json && !track) continue;
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(
        zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0), &zip_fclose);
    if (!f) {
      std::string m = where;
      m += ": cannot read ";
      m += entry;
      m += " in it: ";
      m += zip_strerror(z);
      return Fail(Error::Invalid(std::move(m)));
    }
    std::string inner = where;
    inner += " (" + entry + ")";
    ByteSource source = [&f, inner](char* buf, size_t cap) -> Result<size_t> {
      const zip_int64_t got = zip_fread(f.get(), buf, cap);
      if (got < 0) {
        return Fail(Error::Invalid(
            inner + ": the zip is damaged: " + zip_error_strerror(zip_file_get_error(f.get()))));
      }
      return static_cast<size_t>(got);
    };
    Result<WorkoutFile> one = Fail(Error::Storage("unread"));
    if (apple || track) {
      one = ReadWorkoutXml(source, inner);
      if (one && fit_json == false && track && entry.find("Fit/") != std::string::npos) {
        one->format = WorkoutFormat::kGoogleFit;
      }
    } else {
      // Small files: whole, with a bound.
      std::string bytes;
      char buf[1 << 16];
      for (;;) {
        auto got = source(buf, sizeof buf);
        if (!got) return Unexpected(got.error());
        if (*got == 0) break;
        bytes.append(buf, *got);
        if (bytes.size() > kMaxSmallFile) {
          return Fail(Error::Invalid(inner + ": larger than 64 MB; not a workout list"));
        }
      }
      one = ReadSmall(bytes, inner, tmp_dir);
    }
    if (!one) return Unexpected(one.error());
    if (!found) {
      all = std::move(one);
      found = true;
    } else {
      all = Merge(std::move(all), one);
    }
  }
  return all;
}

Result<WorkoutFile> ReadSmall(std::string_view bytes, std::string_view name,
                              const std::string& tmp_dir) {
  const std::string where(name);
  const std::string_view head = Head(bytes);
  if (StartsWith(bytes, std::string_view("SQLite format 3\0", 16))) {
    auto tmp = TempFile::Make(tmp_dir);
    if (!tmp) return Unexpected(tmp.error());
    {
      std::ofstream out(tmp->path(), std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out) return Fail(Error::Storage("cannot write a temporary copy of " + where));
    }
    return ReadHealthConnectDb(tmp->path(), name);
  }
  if (StartsWith(head, "<")) return ReadWorkoutXml(FromMemory(bytes), name);
  if (StartsWith(head, "{")) return ReadGoogleFitJson(bytes, name);
  if (head.find("Activity ID") != std::string_view::npos &&
      head.substr(0, head.find('\n')).find("Activity Date") != std::string_view::npos) {
    return ReadStravaCsv(bytes, name);
  }
  return Fail(Error::Invalid(
      where +
      ": not a workout file backsignal knows; expected an Apple Health export (export.zip or "
      "export.xml), a Health Connect export (zip), a Google Takeout of Fit (zip or a session's "
      "JSON), a GPX or TCX file, or a Strava export's activities.csv (or its zip)"));
}

zip_t* OpenZipBytes(std::string_view bytes, zip_error_t* err) {
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, err);
  if (!src) return nullptr;
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, err);
  if (!z) zip_source_free(src);
  return z;
}

}  // namespace

std::string_view WorkoutFormatName(WorkoutFormat f) {
  switch (f) {
    case WorkoutFormat::kAppleHealth:
      return "Apple Health";
    case WorkoutFormat::kHealthConnect:
      return "Health Connect";
    case WorkoutFormat::kGoogleFit:
      return "Google Fit";
    case WorkoutFormat::kGpx:
      return "GPX";
    case WorkoutFormat::kTcx:
      return "TCX";
    case WorkoutFormat::kStravaCsv:
      return "Strava";
  }
  return "?";
}

Result<WorkoutFile> ReadWorkoutFile(const std::string& path, const std::string& tmp_dir) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Fail(Error::NotFound(path + ": no such file (or not a regular file)"));
  }
  char magic[16] = {0};
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Fail(Error::Storage(path + ": cannot be read"));
    in.read(magic, sizeof magic);
  }
  const std::string_view m(magic, sizeof magic);
  if (StartsWith(m, "PK\x03\x04")) {
    int err = 0;
    std::unique_ptr<zip_t, decltype(&zip_discard)> z(zip_open(path.c_str(), ZIP_RDONLY, &err),
                                                     &zip_discard);
    if (!z) return Fail(Error::Invalid(path + ": a damaged zip"));
    return ReadZip(z.get(), path, tmp_dir);
  }
  if (StartsWith(m, std::string_view("SQLite format 3\0", 16))) {
    return ReadHealthConnectDb(path, path);
  }
  const auto size = std::filesystem::file_size(path, ec);
  std::string_view head = Head(m);
  if (StartsWith(head, "<") || (!ec && size > kMaxSmallFile)) {
    // XML, streamed from the file whatever its size.
    auto in = std::make_shared<std::ifstream>(path, std::ios::binary);
    ByteSource source = [in, path](char* buf, size_t cap) -> Result<size_t> {
      in->read(buf, static_cast<std::streamsize>(cap));
      if (in->bad()) return Fail(Error::Storage(path + ": reading failed"));
      return static_cast<size_t>(in->gcount());
    };
    return ReadWorkoutXml(source, path);
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ReadSmall(bytes, path, tmp_dir);
}

Result<WorkoutFile> ReadWorkoutBytes(std::string_view bytes, std::string_view name,
                                     const std::string& tmp_dir) {
  if (StartsWith(bytes, "PK\x03\x04")) {
    zip_error_t err;
    zip_error_init(&err);
    std::unique_ptr<zip_t, decltype(&zip_discard)> z(OpenZipBytes(bytes, &err), &zip_discard);
    zip_error_fini(&err);
    if (!z) return Fail(Error::Invalid(std::string(name) + ": a damaged zip"));
    return ReadZip(z.get(), name, tmp_dir);
  }
  return ReadSmall(bytes, name, tmp_dir);
}

std::vector<Workout> LocalWorkouts(const std::vector<RawWorkout>& raw, std::string_view zone) {
  std::vector<Workout> out;
  for (const RawWorkout& r : raw) {
    const int offset = r.utc_offset ? *r.utc_offset : UtcOffsetAt(zone, r.start);
    const int64_t local = r.start + offset;
    const int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    Workout w;
    w.date = Date::FromDays(static_cast<int32_t>(days));
    w.start = TimeOfDay::FromMinutes(static_cast<int>((local - days * 86400) / 60));
    const auto minutes = static_cast<int64_t>(std::llround(r.seconds / 60));
    w.minutes = static_cast<int>(std::clamp<int64_t>(minutes, kMinMinutes, kMaxMinutes));
    w.capped = minutes > kMaxMinutes;
    // Valid text, at most the activity's length.
    std::string a = IsValidUtf8(r.activity) ? r.activity : "workout";
    a.erase(std::remove(a.begin(), a.end(), '\0'), a.end());
    while (CountCodePoints(a) > kMaxActivityChars) {
      a.pop_back();
      while (!a.empty() && (static_cast<unsigned char>(a.back()) & 0xC0) == 0x80) a.pop_back();
      if (!a.empty() && static_cast<unsigned char>(a.back()) >= 0xC0) a.pop_back();
    }
    w.activity = a.empty() ? "workout" : a;
    w.suggested = SuggestLoads(w.activity);
    w.start_unix = r.start;
    out.push_back(std::move(w));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Workout& a, const Workout& b) { return a.start_unix < b.start_unix; });
  // One workout written twice (a watch and a phone app): the same date, starts within 30
  // minutes, overlapping. The longer stays.
  std::vector<Workout> kept;
  for (Workout& w : out) {
    if (!kept.empty()) {
      Workout& k = kept.back();
      const bool overlap = w.start_unix < k.start_unix + int64_t{k.minutes} * 60;
      if (k.date == w.date && w.start_unix - k.start_unix <= int64_t{30} * 60 && overlap) {
        if (w.minutes > k.minutes) {
          k.minutes = w.minutes;
          k.capped = w.capped;
        }
        continue;
      }
    }
    kept.push_back(std::move(w));
  }
  return kept;
}

LoadSet SuggestLoads(std::string_view activity) {
  const std::string a = Lower(activity);
  auto has = [&](std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return a.find(w) != std::string::npos; });
  };
  LoadSet s;
  if (has({"swim", "water polo"})) {
    s.Add(Load::kRotation);
    s.Add(Load::kBreathingUnderLoad);
    s.Add(Load::kArmsAway);
  }
  if (has({"rowing", "row machine", "erg"})) {
    s.Add(Load::kBreathingUnderLoad);
    s.Add(Load::kArmsAway);
  }
  if (has({"paddl", "kayak", "canoe", "surf"})) {
    s.Add(Load::kRotation);
    s.Add(Load::kArmsAway);
  }
  if (has({"climb", "boulder"}) && !has({"stair"})) {
    s.Add(Load::kRotation);
    s.Add(Load::kArmsAway);
  }
  if (has({"tennis", "badminton", "squash", "racquet", "padel", "pickleball", "volleyball",
           "handball", "boxing", "martial", "kickbox", "fencing"})) {
    s.Add(Load::kRotation);
    s.Add(Load::kArmsAway);
  }
  if (has({"golf", "baseball", "softball", "cricket", "hockey", "disc", "frisbee"})) {
    s.Add(Load::kRotation);
  }
  if (has({"high intensity", "hiit", "crossfit", "cross training", "boot camp", "functional",
           "strength", "weight", "calisthenics", "kettlebell"})) {
    s.Add(Load::kBreathingUnderLoad);
  }
  return s;
}

}  // namespace backsignal
