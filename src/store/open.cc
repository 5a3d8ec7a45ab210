// OpenDatabase: a database from its location.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "sql_database.h"

namespace backsignal {
namespace {

using sql::SqlDatabase;

// A Store that owns its database (the command line's, and tests').
class OwningStore final : public Store {
 public:
  OwningStore(std::unique_ptr<Database> db, PersonId person)
      : db_(std::move(db)), view_(db_->ForPerson(person)) {}
  Result<Diary> LoadDiary() override { return view_->LoadDiary(); }
  Result<DiarySnapshot> Snapshot(std::optional<Date> as_of,
                                 std::optional<int> horizon_days) override {
    return view_->Snapshot(as_of, horizon_days);
  }
  Result<int64_t> Version() override { return view_->Version(); }
  Result<void> Transact(const std::function<Result<void>(DiaryTxn&)>& body) override {
    return view_->Transact(body);
  }
  std::vector<Result<void>> TransactBatch(std::span<const TxnBody> bodies) override {
    return view_->TransactBatch(bodies);
  }
  Result<void> View(const TxnBody& body) override { return view_->View(body); }
  Result<std::map<std::string, double>> LoadSettings() override { return view_->LoadSettings(); }
  std::string Describe() const override { return view_->Describe(); }

 private:
  std::unique_ptr<Database> db_;
  std::unique_ptr<Store> view_;
};

std::atomic<int> memory_count{0};

bool IsPostgresLocation(const std::string& location) {
  return location.starts_with("postgres://") || location.starts_with("postgresql://");
}

// "scheme://" at the start of a location that is not one we know.
bool HasUnknownScheme(const std::string& location) {
  const size_t sep = location.find("://");
  if (sep == std::string::npos || sep == 0) return false;
  for (size_t i = 0; i < sep; ++i) {
    const char ch = location[i];
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (i > 0 && ((ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == '.'));
    if (!ok) return false;
  }
  return true;
}

// Health data: the folder is the person's alone (0700), and so is the file (0600), which SQLite
// copies to its -wal and -shm files.
Result<void> PrepareSqliteFile(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::exists(parent, ec)) {
    fs::create_directories(parent, ec);
    if (ec) {
      // TRANSLATORS: {folder} is a folder's path; {reason} the system's reason (English).
      return Fail(Error::Storage(T_("cannot create the folder {folder}: {reason}",
                                    {{"folder", parent.string()}, {"reason", ec.message()}})));
    }
    ::chmod(parent.c_str(), 0700);
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
  } else if (errno != EEXIST) {
    // TRANSLATORS: {file} is the database's path; {reason} the system's reason (English).
    return Fail(Error::Storage(
        T_("cannot create {file}: {reason}", {{"file", path}, {"reason", std::strerror(errno)}})));
  }
  return {};
}

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& location,
                                               const OpenOptions& options) {
  auto w = sql::OpenPostgresConn(location);
  if (!w) return Unexpected(w.error());
  auto r = sql::OpenPostgresConn(location);
  if (!r) return Unexpected(r.error());
  auto db = std::make_unique<SqlDatabase>(std::move(*w), std::move(*r), options.summariser);
  if (auto ok = db->Migrate(); !ok) return Unexpected(ok.error());
  if (auto ok = db->RefreshStaleSummaries(); !ok) return Unexpected(ok.error());
  return std::unique_ptr<Database>(std::move(db));
}

Result<std::unique_ptr<Database>> OpenMemory(const OpenOptions& options) {
  // A private in-memory SQLite: one connection for reads and writes.
  auto w = sql::OpenSqliteConn(
      "file:backsignal-memory-" + std::to_string(memory_count++) + "?mode=memory", true);
  if (!w) return Unexpected(w.error());
  auto db = std::make_unique<SqlDatabase>(std::move(*w), nullptr, options.summariser);
  if (auto ok = db->Migrate(); !ok) return Unexpected(ok.error());
  if (auto ok = db->EnsureLocalPerson(); !ok) return Unexpected(ok.error());
  if (auto ok = db->RefreshStaleSummaries(); !ok) return Unexpected(ok.error());
  return std::unique_ptr<Database>(std::move(db));
}

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, const OpenOptions& options) {
  namespace fs = std::filesystem;
  if (path.empty()) return Fail(Error::Invalid(T_("the database path is empty")));
  if (path.starts_with("file:")) {
    // TRANSLATORS: {path} is the database's location as given ("file:..."); sqlite:PATH and
    // PATH are what to give instead.
    return Fail(Error::Invalid(
        T_("the database \"{path}\" is a SQLite URI; give a file path (sqlite:PATH or PATH)",
           {{"path", path}})));
  }
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    // TRANSLATORS: {path} is the database's path (a folder, a device, ...).
    return Fail(Error::Invalid(T_("the database {path} is not a regular file", {{"path", path}})));
  }
  if (!fs::exists(status)) {
    if (!options.create) {
      // TRANSLATORS: {path} is the database's path.
      return Fail(Error::NotFound(T_("no diary at {path} yet", {{"path", path}})));
    }
    if (auto ok = PrepareSqliteFile(path); !ok) return Unexpected(ok.error());
  }
  if (options.read_only) {
    auto c = sql::OpenSqliteConn(path, false, true);
    if (!c) return Unexpected(c.error());
    auto db = std::make_unique<SqlDatabase>(std::move(*c), nullptr, options.summariser);
    if (auto ok = db->CheckSchema(); !ok) return Unexpected(ok.error());
    if (auto ok = db->FindLocalPerson(); !ok) return Unexpected(ok.error());
    return std::unique_ptr<Database>(std::move(db));
  }
  auto w = sql::OpenSqliteConn(path, options.create);
  if (!w) return Unexpected(w.error());
  auto db = std::make_unique<SqlDatabase>(std::move(*w), nullptr, options.summariser);
  if (auto ok = db->Migrate(); !ok) return Unexpected(ok.error());
  if (auto ok = db->EnsureLocalPerson(); !ok) return Unexpected(ok.error());
  if (auto ok = db->RefreshStaleSummaries(); !ok) return Unexpected(ok.error());
  // Writes go through one connection, reads through another: in WAL mode a reader never waits
  // for the writer, nor the writer for a reader.
  auto r = sql::OpenSqliteConn(path, false);
  if (!r) return Unexpected(r.error());
  db->SetReader(std::move(*r));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& location,
                                               const OpenOptions& options) {
  if (IsPostgresLocation(location)) return OpenPostgres(location, options);
  if (location == "memory:") return OpenMemory(options);
  if (HasUnknownScheme(location)) {
    const std::string scheme = location.substr(0, location.find("://"));
    // TRANSLATORS: {scheme} is the part before :// of the database's location as given.
    return Fail(
        Error::Invalid(T_("the database location has an unknown scheme \"{scheme}://\"; "
                          "expected a file path, sqlite:PATH or postgresql://...",
                          {{"scheme", scheme}})));
  }
  return OpenSqlite(location.starts_with("sqlite:") ? location.substr(7) : location, options);
}

std::unique_ptr<Store> OwningPersonStore(std::unique_ptr<Database> db, PersonId person) {
  return std::make_unique<OwningStore>(std::move(db), person);
}

}  // namespace backsignal
