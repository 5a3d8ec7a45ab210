// Health Connect's export: a SQLite database that came from outside, so opened as hostile.
// Read-only and immutable (never written, no -wal or -shm beside it, whatever its journal mode),
// defensive, with an untrusted schema (no functions a schema could call), views and triggers
// off, only Health Connect's real table read (never a view or a virtual table: a view can be an
// endless recursive query), an authorizer that allows reading that table and nothing else, a
// bound on each value's length, and a progress handler that stops it at the import's deadline
// or when the connection's memory (page cache, schema, statements) passes the budget.
//
// Decided: no sqlite3_hard_heap_limit64. It is the whole process's: in the server it would
// bound the diary's own SQLite connections too, so that an import could make a check-in fail
// for want of memory. The bounds above are the connection's own.
#include <sqlite3.h>

#include <memory>
#include <utility>

#include "workouts_util.h"

namespace backsignal::workouts_detail {
namespace {

constexpr const char* kTable = "exercise_session_record_table";
constexpr int kMaxValueBytes = 1 << 20;  // a title, or any value read, at most
constexpr int kStepsPerCheck = 1000;     // virtual-machine steps between two progress checks

// Android's ExerciseSessionRecord.EXERCISE_TYPE_* values, by name.
constexpr std::pair<int, const char*> kTypes[] = {
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

// "file:/tmp/a%20b.db?immutable=1": a path as a SQLite URI.
std::string ImmutableUri(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (unsigned char c : path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri + "?immutable=1";
}

// What the progress handler knows, and why it stopped the database (when it did).
struct Guard {
  sqlite3* db = nullptr;
  ImportBudget* budget = nullptr;
  std::string where;
  std::optional<Error> stopped;
  unsigned calls = 0;
};

uint64_t ConnectionMemory(sqlite3* db) {
  uint64_t total = 0;
  for (int op :
       {SQLITE_DBSTATUS_CACHE_USED, SQLITE_DBSTATUS_SCHEMA_USED, SQLITE_DBSTATUS_STMT_USED}) {
    int current = 0, high = 0;
    if (sqlite3_db_status(db, op, &current, &high, 0) == SQLITE_OK) {
      total += static_cast<uint64_t>(current);
    }
  }
  return total;
}

int OnProgress(void* data) {
  auto& g = *static_cast<Guard*>(data);
  if (auto ok = g.budget->Check(); !ok) {
    g.stopped = ok.error();
    return 1;
  }
  // The schema's size is summed table by table: asked every 16th call, not each.
  if (++g.calls % 16 == 0 && ConnectionMemory(g.db) > g.budget->limits().database_memory) {
    g.stopped = g.budget->TooMuchMemory(g.where);
    return 1;
  }
  return 0;
}

// Reading Health Connect's table and the schema's list, nothing else: no function, no pragma,
// no other table, no writing.
int Authorize(void*, int action, const char* object, const char*, const char*, const char*) {
  if (action == SQLITE_SELECT) return SQLITE_OK;
  if (action == SQLITE_READ && object) {
    const std::string_view table(object);
    if (table == kTable || table == "sqlite_master" || table == "sqlite_schema") return SQLITE_OK;
  }
  return SQLITE_DENY;
}

using Db = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
using Stmt = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

}  // namespace

Result<WorkoutFile> ReadHealthConnectDb(const std::string& path, std::string_view name,
                                        ImportBudget& budget) {
  const std::string where(name);
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(ImmutableUri(path).c_str(), &raw,
                                 SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  Db db(raw, &sqlite3_close);
  if (rc != SQLITE_OK) {
    // TRANSLATORS: {reason} is SQLite's own reason, in English.
    Text m = T_("cannot open it as a database: {reason}", {{"reason", sqlite3_errstr(rc)}});
    return Fail(Error::Invalid(Problem(where, std::move(m))));
  }
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  sqlite3_limit(db.get(), SQLITE_LIMIT_LENGTH, kMaxValueBytes);
  sqlite3_limit(db.get(), SQLITE_LIMIT_SQL_LENGTH, 100'000);
  sqlite3_limit(db.get(), SQLITE_LIMIT_ATTACHED, 0);
  Guard guard{.db = db.get(), .budget = &budget, .where = where};
  sqlite3_progress_handler(db.get(), kStepsPerCheck, &OnProgress, &guard);
  sqlite3_set_authorizer(db.get(), &Authorize, nullptr);
  // Why it failed: the budget's refusal when the progress handler stopped it.
  auto failure = [&](Text what) -> Error {
    if (guard.stopped) return *guard.stopped;
    if (sqlite3_errcode(db.get()) == SQLITE_TOOBIG) {
      // TRANSLATORS: {problem} is what failed ("reading its exercise sessions failed").
      Text m = T_("{problem}: a value longer than 1 MB, which no workout has",
                  {{"problem", std::move(what)}});
      return Error::Invalid(Problem(where, std::move(m)));
    }
    // TRANSLATORS: {problem} is what failed ("reading its exercise sessions failed"); {reason}
    // SQLite's own reason, in English.
    Text m = T_("{problem}: {reason}",
                {{"problem", std::move(what)}, {"reason", sqlite3_errmsg(db.get())}});
    return Error::Invalid(Problem(where, std::move(m)));
  };
  auto prepare = [&](const char* sql) -> Result<Stmt> {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db.get(), sql, -1, &s, nullptr) != SQLITE_OK) {
      sqlite3_finalize(s);
      return Fail(failure(T_("not a database backsignal can read")));
    }
    Stmt stmt(s, &sqlite3_finalize);
    // The schema is read by the first statement: its size is known now.
    if (ConnectionMemory(db.get()) > budget.limits().database_memory) {
      return Fail(budget.TooMuchMemory(where));
    }
    return stmt;
  };
  // Only a real table: a view (or a virtual table) could be any query at all.
  {
    auto kind = prepare("SELECT type, rootpage FROM sqlite_master WHERE name = ?1");
    if (!kind) return Unexpected(kind.error());
    sqlite3_bind_text(kind->get(), 1, kTable, -1, SQLITE_STATIC);
    const int step = sqlite3_step(kind->get());
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
      return Fail(failure(T_("reading its list of tables failed")));
    }
    const auto* type = sqlite3_column_text(kind->get(), 0);
    const bool table = step == SQLITE_ROW && type &&
                       std::string_view(reinterpret_cast<const char*>(type)) == "table" &&
                       sqlite3_column_int64(kind->get(), 1) > 0;
    if (!table) {
      Text m;
      if (step == SQLITE_ROW) {
        m =
            // TRANSLATORS: {table} is the table's name, as it is.
            T_("a database without Health Connect's {table} table (it is a view or a "
               "virtual table, which is never read); expected the database of a Health "
               "Connect export",
               {{"table", kTable}});
      } else {
        m =
            // TRANSLATORS: {table} is the table's name, as it is.
            T_("a database without Health Connect's {table} table; expected the "
               "database of a Health Connect export",
               {{"table", kTable}});
      }
      return Fail(Error::Invalid(Problem(where, std::move(m))));
    }
  }
  auto stmt = prepare(
      "SELECT start_time, start_zone_offset, end_time, exercise_type, title "
      "FROM exercise_session_record_table");
  if (!stmt) {
    if (guard.stopped) return Unexpected(stmt.error());
    Text m =
        // TRANSLATORS: {table} is the table's name, as it is; {reason} SQLite's own reason, in
        // English.
        T_("Health Connect's {table} lacks a column it always has ({reason}); expected the "
           "database of a Health Connect export",
           {{"table", kTable}, {"reason", sqlite3_errmsg(db.get())}});
    return Fail(Error::Of(stmt.error().kind, Problem(where, std::move(m))));
  }
  WorkoutFile file;
  file.format = WorkoutFormat::kHealthConnect;
  int step;
  sqlite3_stmt* s = stmt->get();
  while ((step = sqlite3_step(s)) == SQLITE_ROW) {
    if (auto ok = budget.AddWorkout(where); !ok) return Unexpected(ok.error());
    const int64_t start_ms = sqlite3_column_int64(s, 0);
    const int64_t end_ms = sqlite3_column_int64(s, 2);
    std::optional<int> offset;
    // Seconds east of UTC (Android's ZoneOffset.getTotalSeconds; Health Connect's own local
    // time is start_time + 1000 * start_zone_offset). Within the ±18 hours a ZoneOffset holds.
    if (sqlite3_column_type(s, 1) != SQLITE_NULL) {
      const int64_t o = sqlite3_column_int64(s, 1);
      constexpr int64_t kMaxOffset = int64_t{18} * 3600;
      if (o >= -kMaxOffset && o <= kMaxOffset) offset = static_cast<int>(o);
    }
    const int64_t type = sqlite3_column_int64(s, 3);
    std::string activity = "workout";
    for (const auto& [code, text] : kTypes) {
      if (code == type) activity = text;
    }
    const auto* title = reinterpret_cast<const char*>(sqlite3_column_text(s, 4));
    if (activity == "workout" && title) {
      const auto n = static_cast<size_t>(sqlite3_column_bytes(s, 4));
      activity.assign(title, std::min(n, kMaxKeptText));
    }
    // Milliseconds far outside any diary's years are no time at all.
    constexpr int64_t kMaxMs = int64_t{1} << 52;
    if (start_ms < -kMaxMs || start_ms > kMaxMs || end_ms < -kMaxMs || end_ms > kMaxMs) {
      ++file.skipped;
      continue;
    }
    const double seconds = static_cast<double>(end_ms - start_ms) / 1000.0;
    if (seconds < 30) {
      ++file.skipped;
      continue;
    }
    const int64_t start = start_ms >= 0 ? start_ms / 1000 : -((-start_ms + 999) / 1000);
    file.workouts.push_back({start, offset, seconds, std::move(activity)});
  }
  if (step != SQLITE_DONE) return Fail(failure(T_("reading its exercise sessions failed")));
  return file;
}

}  // namespace backsignal::workouts_detail
