// Workout files: telling the format by content, zips (libzip, after our own look at their
// directory), the budget counted as every part streams, the person's own time and the loads
// suggested.
#include "backsignal/io/workouts.h"

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
#include "workouts_util.h"

namespace backsignal {
namespace {

using namespace workouts_detail;  // NOLINT(google-build-using-namespace): this module's own

// How much of a stream is looked at to tell its format: Strava's header line is about 2 KB.
constexpr size_t kSniff = size_t{1} << 16;
// Past this, an entry that inflates more than the budget's ratio is a bomb, not an export.
constexpr uint64_t kRatioGrace = uint64_t{1} << 20;

enum class Kind { kZip, kSqlite, kXml, kJson, kStrava, kUnknown };

// The first non-blank bytes, past a UTF-8 byte order mark.
std::string_view Head(std::string_view s) {
  if (StartsWith(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  return s;
}

Kind KindOf(std::string_view start) {
  if (StartsWith(start, "PK\x03\x04")) return Kind::kZip;
  if (StartsWith(start, std::string_view("SQLite format 3\0", 16))) return Kind::kSqlite;
  const std::string_view head = Head(start);
  if (StartsWith(head, "<")) return Kind::kXml;
  if (StartsWith(head, "{") || StartsWith(head, "[")) return Kind::kJson;
  const size_t line = head.find_first_of("\r\n");
  const std::string_view first = head.substr(0, line);
  if (first.find("Activity ID") != std::string_view::npos &&
      first.find("Activity Date") != std::string_view::npos) {
    return Kind::kStrava;
  }
  return Kind::kUnknown;
}

Error Unknown(std::string_view where) {
  Text m =
      T_("not a workout file backsignal knows; expected an Apple Health export (export.zip or "
         "export.xml), a Health Connect export (zip), a Google Takeout of Fit (zip or a session's "
         "JSON), a GPX or TCX file, or a Strava export's activities.csv (or its zip)");
  return Error::Invalid(Problem(std::string(where), std::move(m)));
}

void Merge(WorkoutFile& into, WorkoutFile&& more) {
  for (RawWorkout& w : more.workouts) into.workouts.push_back(std::move(w));
  into.skipped += more.skipped;
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

// Every byte of `source` counted against the budget (which also asks its cancel hook).
ByteSource Counted(ByteSource source, ImportBudget& budget, std::string where) {
  return [source = std::move(source), &budget, where = std::move(where)](
             char* buf, size_t cap) -> Result<size_t> {
    auto n = source(buf, cap);
    if (!n) return n;
    if (auto ok = budget.AddBytes(*n, where); !ok) return Unexpected(ok.error());
    return n;
  };
}

// The stream's first bytes (up to kSniff), and the same stream again from its start.
struct Sniffed {
  std::string head;
  ByteSource source;
};
Result<Sniffed> Sniff(ByteSource source) {
  auto head = std::make_shared<std::string>();
  head->resize(kSniff);
  size_t got = 0;
  while (got < kSniff) {
    auto n = source(head->data() + got, kSniff - got);
    if (!n) return Unexpected(n.error());
    if (*n == 0) break;
    got += *n;
  }
  head->resize(got);
  auto pos = std::make_shared<size_t>(0);
  Sniffed s;
  s.head = *head;
  s.source = [head, pos, source = std::move(source)](char* buf, size_t cap) -> Result<size_t> {
    if (*pos < head->size()) {
      const size_t n = std::min(cap, head->size() - *pos);
      std::copy_n(head->data() + *pos, n, buf);
      *pos += n;
      if (*pos == head->size()) {
        std::string().swap(*head);  // read: its memory goes back
        *pos = SIZE_MAX;
      }
      return n;
    }
    return source(buf, cap);
  };
  return s;
}

// A temporary file of our own, removed when it goes, with anything SQLite might have put beside
// it (it opens databases immutable, so it should put nothing).
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
    if (fd < 0) {
      // TRANSLATORS: {dir} is a folder.
      return Fail(Error::Storage(T_("cannot make a temporary file in {dir}", {{"dir", base}})));
    }
    close(fd);
    return TempFile(templ);
  }
  TempFile(TempFile&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile() {
    if (path_.empty()) return;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::remove((path_ + suffix).c_str());
    }
  }
  const std::string& path() const { return path_; }

 private:
  explicit TempFile(std::string p) : path_(std::move(p)) {}
  std::string path_;
};

// A database that came as a stream (a zip's entry, an upload): into a temporary file, counted.
Result<WorkoutFile> ReadDatabaseStream(const ByteSource& source, std::string_view name,
                                       ImportBudget& budget, const std::string& tmp_dir) {
  const std::string where(name);
  auto tmp = TempFile::Make(tmp_dir);
  if (!tmp) return Unexpected(tmp.error());
  {
    std::ofstream out(tmp->path(), std::ios::binary | std::ios::trunc);
    auto buf = std::make_unique<char[]>(kChunk);
    for (;;) {
      auto n = source(buf.get(), kChunk);
      if (!n) return Unexpected(n.error());
      if (*n == 0) break;
      out.write(buf.get(), static_cast<std::streamsize>(*n));
    }
    if (!out.flush()) {
      // TRANSLATORS: {file} is the file being imported.
      return Fail(Error::Storage(T_("cannot write a temporary copy of {file}", {{"file", where}})));
    }
  }
  return ReadHealthConnectDb(tmp->path(), name, budget);
}

// One stream whose format its content tells (not a zip: zips hold no zips that matter).
Result<WorkoutFile> ReadStream(ByteSource source, std::string_view name, ImportBudget& budget,
                               const std::string& tmp_dir) {
  auto sniffed = Sniff(std::move(source));
  if (!sniffed) return Unexpected(sniffed.error());
  switch (KindOf(sniffed->head)) {
    case Kind::kSqlite:
      return ReadDatabaseStream(sniffed->source, name, budget, tmp_dir);
    case Kind::kXml:
      return ReadWorkoutXml(sniffed->source, name, budget);
    case Kind::kJson:
      return ReadGoogleFitJson(sniffed->source, name, budget);
    case Kind::kStrava:
      return ReadStravaCsv(sniffed->source, name, budget);
    case Kind::kZip:
    case Kind::kUnknown:
      break;
  }
  return Fail(Unknown(name));
}

// --- zips: the files inside that hold workouts ---

using Zip = std::unique_ptr<zip_t, decltype(&zip_discard)>;

Result<WorkoutFile> ReadZip(zip_t* z, std::string_view name, ImportBudget& budget,
                            const std::string& tmp_dir) {
  const std::string where(name);
  const zip_int64_t n = zip_get_num_entries(z, 0);
  WorkoutFile all;
  bool found = false;
  for (zip_int64_t i = 0; i < n; ++i) {
    if (auto ok = budget.Check(); !ok) return Unexpected(ok.error());
    const auto index = static_cast<zip_uint64_t>(i);
    const char* entry_name = zip_get_name(z, index, 0);
    if (!entry_name) continue;
    const std::string entry(entry_name);
    const std::string base = entry.substr(entry.find_last_of('/') + 1);
    const bool apple = base == "export.xml";
    const bool hc =
        EndsWithI(base, ".db") && FoldAscii(base).find("health_connect") != std::string::npos;
    const bool strava = base == "activities.csv";
    const bool fit_json =
        EndsWithI(base, ".json") && (entry.find("All Sessions/") != std::string::npos ||
                                     entry.find("All sessions/") != std::string::npos);
    // Apple's workout-routes/*.gpx are the routes of workouts export.xml lists already.
    const bool track = (EndsWithI(base, ".gpx") || EndsWithI(base, ".tcx")) &&
                       entry.find("workout-routes/") == std::string::npos;
    if (!apple && !hc && !strava && !fit_json && !track) continue;
    zip_stat_t st;
    zip_stat_init(&st);
    const bool sized = zip_stat_index(z, index, 0, &st) == 0 && (st.valid & ZIP_STAT_COMP_SIZE);
    const uint64_t packed = sized ? st.comp_size : 0;
    std::string inner = where;
    inner += " (" + entry.substr(0, 200) + ")";
    // A bomb that says what it is, refused before it is inflated; one that lies is caught as
    // it inflates, below.
    const uint64_t ratio = budget.limits().zip_ratio;
    if ((st.valid & ZIP_STAT_SIZE) && ratio > 0 && st.size > kRatioGrace &&
        st.size / ratio > packed) {
      return Fail(budget.TooInflated(inner));
    }
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen_index(z, index, 0), &zip_fclose);
    if (!f) {
      // TRANSLATORS: {reason} is libzip's own reason, in English.
      Text m = T_("cannot read it: {reason}", {{"reason", zip_strerror(z)}});
      return Fail(Error::Invalid(Problem(inner, std::move(m))));
    }
    auto inflated = std::make_shared<uint64_t>(0);
    ByteSource raw = [&f, &budget, inner, packed, ratio, inflated](char* buf,
                                                                   size_t cap) -> Result<size_t> {
      const zip_int64_t got = zip_fread(f.get(), buf, cap);
      if (got < 0) {
        // TRANSLATORS: {reason} is libzip's own reason, in English.
        Text m = T_("the zip is damaged: {reason}",
                    {{"reason", zip_error_strerror(zip_file_get_error(f.get()))}});
        return Fail(Error::Invalid(Problem(inner, std::move(m))));
      }
      *inflated += static_cast<uint64_t>(got);
      if (ratio > 0 && *inflated > kRatioGrace && *inflated / ratio > packed) {
        return Fail(budget.TooInflated(inner));
      }
      return static_cast<size_t>(got);
    };
    ByteSource source = Counted(std::move(raw), budget, inner);
    Result<WorkoutFile> one = (apple || track) ? ReadWorkoutXml(source, inner, budget)
                                               : ReadStream(source, inner, budget, tmp_dir);
    if (!one) return Unexpected(one.error());
    if (track && entry.find("Fit/") != std::string::npos) one->format = WorkoutFormat::kGoogleFit;
    if (!found) {
      all = std::move(*one);
      found = true;
    } else {
      Merge(all, std::move(*one));
    }
  }
  if (!found) {
    Text m =
        T_("a zip without workouts; expected an Apple Health export (export.xml), a Health "
           "Connect export (health_connect_export.db), a Google Takeout of Fit (All "
           "Sessions/*.json or Activities/*.tcx), a Strava export (activities.csv), or GPX or "
           "TCX files");
    return Fail(Error::Invalid(Problem(where, std::move(m))));
  }
  return all;
}

Result<WorkoutFile> ReadZipBytes(std::string_view bytes, std::string_view name,
                                 ImportBudget& budget, const std::string& tmp_dir) {
  RandomRead read = [bytes](uint64_t at, size_t n) -> Result<std::string> {
    if (at >= bytes.size()) return std::string();
    return std::string(bytes.substr(static_cast<size_t>(at), n));
  };
  if (auto ok = CheckZipLayout(read, bytes.size(), name, budget); !ok) {
    return Unexpected(ok.error());
  }
  zip_error_t err;
  zip_error_init(&err);
  zip_t* z = nullptr;
  if (zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err)) {
    z = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!z) zip_source_free(src);
  }
  zip_error_fini(&err);
  Zip zip(z, &zip_discard);
  if (!zip) return Fail(Error::Invalid(Problem(std::string(name), T_("a damaged zip"))));
  return ReadZip(zip.get(), name, budget, tmp_dir);
}

Result<WorkoutFile> ReadZipFile(const std::string& path, uint64_t size, ImportBudget& budget,
                                const std::string& tmp_dir) {
  auto in = std::make_shared<std::ifstream>(path, std::ios::binary);
  RandomRead read = [in, path](uint64_t at, size_t n) -> Result<std::string> {
    in->clear();
    in->seekg(static_cast<std::streamoff>(at));
    std::string out(n, '\0');
    in->read(out.data(), static_cast<std::streamsize>(n));
    if (in->bad()) return Fail(Error::Storage(Problem(path, T_("reading failed"))));
    out.resize(static_cast<size_t>(in->gcount()));
    return out;
  };
  if (auto ok = CheckZipLayout(read, size, path, budget); !ok) return Unexpected(ok.error());
  int err = 0;
  Zip z(zip_open(path.c_str(), ZIP_RDONLY, &err), &zip_discard);
  if (!z) return Fail(Error::Invalid(Problem(path, T_("a damaged zip"))));
  return ReadZip(z.get(), path, budget, tmp_dir);
}

// Valid UTF-8 at `s[i]`: the length of its sequence, or 0.
size_t SequenceAt(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  }
  // Overlong forms, surrogates and values past U+10FFFF.
  if (len == 2 && c < 0xC2) return 0;
  if (len == 3 && ((c == 0xE0 && b(i + 1) < 0xA0) || (c == 0xED && b(i + 1) > 0x9F))) return 0;
  if (len == 4 && ((c == 0xF0 && b(i + 1) < 0x90) || c > 0xF4 || (c == 0xF4 && b(i + 1) > 0x8F))) {
    return 0;
  }
  return len;
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

Result<WorkoutFile> ReadWorkoutFile(const std::string& path, ImportBudget& budget,
                                    const std::string& tmp_dir) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Fail(Error::NotFound(Problem(path, T_("no such file (or not a regular file)"))));
  }
  const uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) return Fail(Error::Storage(Problem(path, T_("cannot be read"))));
  char magic[16] = {0};
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Fail(Error::Storage(Problem(path, T_("cannot be read"))));
    in.read(magic, sizeof magic);
  }
  const std::string_view m(magic, sizeof magic);
  if (StartsWith(m, "PK\x03\x04")) return ReadZipFile(path, size, budget, tmp_dir);
  if (KindOf(m) == Kind::kSqlite) {
    // SQLite reads the file itself: its whole size counts.
    if (auto ok = budget.AddBytes(size, path); !ok) return Unexpected(ok.error());
    return ReadHealthConnectDb(path, path, budget);
  }
  auto in = std::make_shared<std::ifstream>(path, std::ios::binary);
  ByteSource source = [in, path](char* buf, size_t cap) -> Result<size_t> {
    in->read(buf, static_cast<std::streamsize>(cap));
    if (in->bad()) return Fail(Error::Storage(Problem(path, T_("reading failed"))));
    return static_cast<size_t>(in->gcount());
  };
  return ReadStream(Counted(std::move(source), budget, path), path, budget, tmp_dir);
}

Result<WorkoutFile> ReadWorkoutBytes(std::string_view bytes, std::string_view name,
                                     ImportBudget& budget, const std::string& tmp_dir) {
  if (KindOf(bytes) == Kind::kZip) return ReadZipBytes(bytes, name, budget, tmp_dir);
  return ReadStream(Counted(FromMemory(bytes), budget, std::string(name)), name, budget, tmp_dir);
}

Result<WorkoutFile> ReadWorkoutBytesAs(WorkoutFormat format, std::string_view bytes,
                                       std::string_view name, ImportBudget& budget,
                                       const std::string& tmp_dir) {
  ByteSource source = Counted(FromMemory(bytes), budget, std::string(name));
  switch (format) {
    case WorkoutFormat::kAppleHealth:
    case WorkoutFormat::kGpx:
    case WorkoutFormat::kTcx:
      return ReadWorkoutXml(source, name, budget, format);
    case WorkoutFormat::kHealthConnect:
      if (KindOf(bytes) != Kind::kSqlite) {
        return Fail(Error::Invalid(
            Problem(std::string(name), T_("not a SQLite database; expected Health Connect's"))));
      }
      return ReadDatabaseStream(source, name, budget, tmp_dir);
    case WorkoutFormat::kGoogleFit:
      return ReadGoogleFitJson(source, name, budget);
    case WorkoutFormat::kStravaCsv:
      return ReadStravaCsv(source, name, budget);
  }
  return Fail(Unknown(name));
}

std::string CutActivityName(std::string_view text, size_t max_chars) {
  size_t i = 0;
  for (size_t chars = 0; i < text.size() && chars < max_chars; ++chars) {
    const size_t len = SequenceAt(text, i);
    if (len == 0 || text[i] == '\0') return "";
    i += len;
  }
  return std::string(text.substr(0, i));
}

std::vector<Workout> LocalWorkouts(const std::vector<RawWorkout>& raw, std::string_view zone) {
  std::vector<Workout> out;
  out.reserve(raw.size());
  auto local = [](int64_t unix, int offset, Date& date, TimeOfDay& start) {
    const int64_t t = unix + offset;
    const int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    date = Date::FromDays(static_cast<int32_t>(days));
    start = TimeOfDay::FromMinutes(static_cast<int>((t - days * 86400) / 60));
  };
  for (const RawWorkout& r : raw) {
    Workout w;
    const int zone_offset = UtcOffsetAt(zone, r.start);
    local(r.start, r.utc_offset.value_or(zone_offset), w.date, w.start);
    if (r.utc_offset && *r.utc_offset != zone_offset) {
      Date d;
      TimeOfDay t;
      local(r.start, zone_offset, d, t);
      w.zone_date = d;
      w.zone_start = t;
    }
    const auto minutes = static_cast<int64_t>(std::llround(std::min(r.seconds, 1e12) / 60));
    w.minutes = static_cast<int>(std::clamp<int64_t>(minutes, kMinMinutes, kMaxMinutes));
    w.capped = minutes > kMaxMinutes;
    const std::string a = CutActivityName(r.activity, kMaxActivityChars);
    w.activity = a.empty() ? "workout" : a;
    w.suggested = SuggestLoads(w.activity);
    w.start_unix = r.start;
    out.push_back(std::move(w));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Workout& a, const Workout& b) { return a.start_unix < b.start_unix; });
  // One workout written twice (a watch and a phone app, Health Connect and Strava): starts
  // within 30 minutes, overlapping. The instants tell, whatever the dates each rendering gives.
  // The longer stays.
  std::vector<Workout> kept;
  for (Workout& w : out) {
    if (!kept.empty()) {
      Workout& k = kept.back();
      const bool overlap = w.start_unix < k.start_unix + int64_t{k.minutes} * 60;
      if (w.start_unix - k.start_unix <= int64_t{30} * 60 && overlap) {
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
  const std::string a = FoldAscii(activity);
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
