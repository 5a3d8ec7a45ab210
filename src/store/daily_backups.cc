// The daily backups of `serve --backup-dir`: their folder, when one is due, and retention, which
// must never touch anything but a backup of its own making.
#include "daily_backups.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <regex>
#include <system_error>

#include "backsignal/store/store.h"

namespace backsignal {
namespace fs = std::filesystem;

std::string SqlitePath(const std::string& location) {
  return location.starts_with("sqlite:") ? location.substr(7) : location;
}

bool IsLiveDatabaseFile(const std::string& candidate, const std::string& db_path) {
  std::error_code ec;
  const fs::path c = fs::weakly_canonical(fs::absolute(candidate, ec), ec);
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string live = db_path + suffix;
    std::error_code e2;
    const fs::path l = fs::weakly_canonical(fs::absolute(live, e2), e2);
    if (!ec && !e2 && c == l) return true;
    if (fs::exists(candidate, e2) && fs::exists(live, e2) && fs::equivalent(candidate, live, e2)) {
      return true;
    }
  }
  return false;
}

namespace {

// The date of a daily backup's file name, when the whole name is one.
std::optional<Date> DailyBackupDate(const std::string& name) {
  static const std::regex pattern(R"(backsignal-(\d{4}-\d{2}-\d{2})\.db)");
  std::smatch m;
  if (!std::regex_match(name, m, pattern)) return std::nullopt;
  auto d = Date::Parse(m[1].str());
  if (!d) return std::nullopt;
  return *d;
}

// Seconds since the epoch at the start of `day` in this process's time zone.
int64_t StartOfLocalDay(Date day) {
  const std::string text = day.ToString();
  std::tm tm{};
  tm.tm_year = std::stoi(text.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(text.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(text.substr(8, 2));
  tm.tm_isdst = -1;
  return static_cast<int64_t>(std::mktime(&tm));
}

}  // namespace

std::string DailyBackupName(Date date) { return "backsignal-" + date.ToString() + ".db"; }

Result<void> PrepareBackupFolder(const std::string& location, const std::string& dir) {
  const std::string db = SqlitePath(location);
  std::error_code ec;
  if (dir.empty()) {
    return Fail(Error::Invalid(Problem("--backup-dir", T_("the folder's name is empty"))));
  }
  if (IsLiveDatabaseFile(dir, db)) {
    // TRANSLATORS: {option} is --backup-dir; {folder} the path given to it.
    return Fail(
        Error::Invalid(T_("{option} {folder} is the database itself; give a folder of "
                          "its own for the backups",
                          {{"option", "--backup-dir"}, {"folder", dir}})));
  }
  const fs::path db_folder = fs::weakly_canonical(fs::absolute(db).parent_path(), ec);
  const fs::path backups = fs::weakly_canonical(fs::absolute(dir), ec);
  if (!ec && db_folder == backups) {
    // TRANSLATORS: {option} is --backup-dir; {folder} the path given to it; {database} the
    // database's path; {suggested} a folder the backups could have.
    return Fail(
        Error::Invalid(T_("{option} {folder} holds the database {database}: old backups "
                          "are removed there, so give the backups a folder of their own "
                          "(say {suggested})",
                          {{"option", "--backup-dir"},
                           {"folder", dir},
                           {"database", db},
                           {"suggested", (db_folder / "backups").string()}})));
  }
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) {
      // TRANSLATORS: {option} is --backup-dir; {folder} the path given to it.
      return Fail(Error::Invalid(
          T_("{option} {folder} is not a folder", {{"option", "--backup-dir"}, {"folder", dir}})));
    }
    return {};
  }
  // Each folder made here is private, as the backups in it are.
  fs::path made;
  for (const fs::path& part : fs::absolute(dir)) {
    made /= part;
    if (fs::exists(made, ec)) continue;
    if (!fs::create_directory(made, ec) || ec) {
      // TRANSLATORS: {folder} is a folder's path; {reason} the system's reason (English).
      return Fail(Error::Storage(
          T_("cannot create the folder {folder}: {reason}",
             {{"folder", made.string()},
              {"reason", ec ? Text::Literal(ec.message()) : T_("it could not be made")}})));
    }
    ::chmod(made.c_str(), 0700);
  }
  return {};
}

bool DailyBackupDue(const std::string& dir, Date today, int64_t now) {
  const fs::path target = fs::path(dir) / DailyBackupName(today);
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return true;
  // A backup of today's date is one written today, not before (nor after now).
  const int64_t written = static_cast<int64_t>(st.st_mtime);
  return written < StartOfLocalDay(today) || written > now + 60;
}

Result<Pruned> PruneDailyBackups(const std::string& location, const std::string& dir, Date today,
                                 int keep) {
  const std::string db = SqlitePath(location);
  std::vector<std::pair<Date, fs::path>> dated;
  Pruned out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const auto date = DailyBackupDate(name);
    if (!date || !entry.is_regular_file(ec)) continue;
    if (IsLiveDatabaseFile(entry.path().string(), db)) continue;
    if (*date > today) {
      out.future.push_back(name);
      continue;
    }
    dated.emplace_back(*date, entry.path());
  }
  if (ec) {
    // TRANSLATORS: {folder} is the backups' folder; {reason} the system's reason (English).
    return Fail(Error::Storage(T_("cannot list the backup folder {folder}: {reason}",
                                  {{"folder", dir}, {"reason", ec.message()}})));
  }
  std::sort(dated.begin(), dated.end());
  std::sort(out.future.begin(), out.future.end());
  const size_t kept = static_cast<size_t>(std::max(1, keep));
  for (size_t i = 0; i + kept < dated.size(); ++i) {
    if (fs::remove(dated[i].second, ec)) out.removed.push_back(dated[i].second.filename());
  }
  return out;
}

}  // namespace backsignal
