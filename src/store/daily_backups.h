// What backup.cc and daily_backups.cc share: whether a path is the live database or one of the
// files SQLite keeps beside it. Private to store.
#pragma once

#include <string>

namespace backsignal {

// True when `candidate` names the SQLite database at `db_path`, or its -wal, -shm or -journal
// file: by name once made absolute, or by being the same file (a link to it).
bool IsLiveDatabaseFile(const std::string& candidate, const std::string& db_path);

// "sqlite:PATH" or PATH -> PATH.
std::string SqlitePath(const std::string& location);

}  // namespace backsignal
