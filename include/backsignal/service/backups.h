// Backups of the embedded database (SQLite) through the service: one now (`backsignal backup`),
// putting one back (`restore`), and the daily backups of `serve --backup-dir`, whose "today" is
// the service's clock's (the machine's zone), never read by core.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "backsignal/service/clock.h"
#include "backsignal/store/store.h"

namespace backsignal::service {

// A consistent copy of the database at `location` into `out` (store.h BackupDatabase).
[[nodiscard]] Result<BackupInfo> Backup(const std::string& location, const std::string& out);
// Puts `backup` in place of the database at `location`, after checking it (RestoreDatabase).
[[nodiscard]] Result<BackupInfo> Restore(const std::string& backup, const std::string& location);

// Makes the daily backups' folder; kInvalid when it holds the live database.
[[nodiscard]] Result<void> PrepareDailyBackups(const std::string& location, const std::string& dir);

struct DailyBackupDone {
  std::optional<std::string> taken;   // the file written, when one was due
  std::optional<Error> prune_failed;  // old backups could not be removed
  std::vector<std::string> future;    // files dated after today: left alone, not counted
};
// Takes today's backup of `location` into `dir` when it is due (today by `clock`, in the
// machine's zone), then keeps the newest `keep` (older ones removed).
[[nodiscard]] Result<DailyBackupDone> TakeDailyBackupIfDue(const Clock& clock,
                                                           const std::string& location,
                                                           const std::string& dir, int keep);

}  // namespace backsignal::service
