#include "backsignal/service/backups.h"

#include <filesystem>

namespace backsignal::service {

Result<BackupInfo> Backup(const std::string& location, const std::string& out) {
  return BackupDatabase(location, out);
}

Result<BackupInfo> Restore(const std::string& backup, const std::string& location) {
  return RestoreDatabase(backup, location);
}

Result<void> PrepareDailyBackups(const std::string& location, const std::string& dir) {
  return PrepareBackupFolder(location, dir);
}

Result<DailyBackupDone> TakeDailyBackupIfDue(const Clock& clock, const std::string& location,
                                             const std::string& dir, int keep) {
  const int64_t now = clock.Now();
  const Date today = DateAt(now, "");
  DailyBackupDone done;
  if (!DailyBackupDue(dir, today, now)) return done;
  const std::filesystem::path target = std::filesystem::path(dir) / DailyBackupName(today);
  auto r = BackupDatabase(location, target.string());
  if (!r) return Unexpected(r.error());
  done.taken = target.string();
  auto pruned = PruneDailyBackups(location, dir, today, keep);
  if (!pruned) {
    done.prune_failed = pruned.error();
  } else {
    done.future = std::move(pruned->future);
  }
  return done;
}

}  // namespace backsignal::service
