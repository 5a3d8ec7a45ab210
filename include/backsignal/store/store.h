// Where diaries live: one interface, with SQLite (the embedded default) and an in-memory store
// behind it, chosen from a URL at start-up. Every write is a transaction: all or nothing.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "backsignal/core/diary.h"
#include "backsignal/core/profile.h"
#include "backsignal/core/result.h"

namespace backsignal {

// Reads and writes of one diary inside one transaction.
class DiaryTxn {
 public:
  virtual ~DiaryTxn() = default;
  virtual Result<std::optional<Day>> GetDay(Date date) = 0;
  // Stores the day whole, replacing what was there; an empty day removes the row.
  virtual Result<void> PutDay(const Day& day) = 0;
  // The person's own reading thresholds, by setting name (reading/settings.h); those not stored
  // are at their defaults.
  virtual Result<std::map<std::string, double>> GetSettings() = 0;
  virtual Result<void> SetSettings(const std::map<std::string, double>& settings) = 0;
  // Removes every day and the stated usual morning: the diary becomes empty.
  virtual Result<void> Clear() = 0;
  virtual Result<UsualMorning> GetUsual() = 0;
  virtual Result<void> SetUsual(const UsualMorning& usual) = 0;
  // The person's profile (core/profile.h). SetProfile stores it whole; person_key is kept as
  // created whatever the argument says.
  virtual Result<Profile> GetProfile() = 0;
  virtual Result<void> SetProfile(const Profile& profile) = 0;
};

// How an import treats dates the store already holds with different content.
enum class ImportMode {
  kRefuseClashes,  // refuse the whole file, listing the clashing dates (the default)
  kReplace,        // replace each clashing day whole with the file's version
};

struct ImportReport {
  size_t added = 0;      // days new to the store
  size_t replaced = 0;   // clashing days replaced (kReplace)
  size_t unchanged = 0;  // days already stored exactly as in the file
};

class Store {
 public:
  virtual ~Store() = default;

  // The whole diary, days in date order.
  virtual Result<Diary> LoadDiary() = 0;

  // Runs `body` in one transaction: committed (durably) when it returns success, rolled back
  // when it fails; its error is returned.
  virtual Result<void> Transact(const std::function<Result<void>(DiaryTxn&)>& body) = 0;

  using TxnBody = std::function<Result<void>(DiaryTxn&)>;

  // Runs each body in one shared transaction, each in a savepoint of its own, with one durable
  // commit for all: a body that fails is undone alone. Returns each body's result. This is how
  // the server turns many concurrent check-ins into one fsync (group commit).
  virtual std::vector<Result<void>> TransactBatch(std::span<const TxnBody> bodies);

  // Where the store is, for messages ("sqlite:/home/a/.local/share/backsignal/diary.db").
  virtual std::string Describe() const = 0;

  // Imports a whole diary atomically. Days new to the store are added; days stored exactly as
  // in the file are left; a day stored with other content is a clash: kRefuseClashes refuses
  // the whole file (kConflict, listing the dates), kReplace replaces those days. A usual
  // morning given in the file that differs from the stored one clashes the same way.
  Result<ImportReport> Import(const Diary& diary, ImportMode mode);

  // Replaces the whole diary with `diary`, atomically.
  Result<void> ReplaceAll(const Diary& diary);

  // Reads the day (an empty one if none), lets `edit` change it, and stores the result, all in
  // one transaction. Returns the day as stored.
  Result<Day> EditDay(Date date, const std::function<Result<void>(Day&)>& edit);

  // One day, if recorded.
  Result<std::optional<Day>> GetDay(Date date);

  // Sets the person's own statement of their usual morning.
  Result<void> SetUsual(const UsualMorning& usual);

  // The stored thresholds (see DiaryTxn::GetSettings), and replacing them whole.
  virtual Result<std::map<std::string, double>> LoadSettings();
  Result<void> SaveSettings(const std::map<std::string, double>& settings);

  // The person's profile, and editing it in one transaction.
  Result<Profile> LoadProfile();
  Result<Profile> EditProfile(const std::function<Result<void>(Profile&)>& edit);
};

// The steps of Store::ReplaceAll and Store::EditDay inside a transaction already open, for
// callers that batch them (the server's group commit).
Result<void> ReplaceDiaryIn(DiaryTxn& txn, const Diary& diary);
Result<Day> EditDayIn(DiaryTxn& txn, Date date, const std::function<Result<void>(Day&)>& edit);

// An empty store in memory, for tests.
std::unique_ptr<Store> NewMemoryStore();

// Opens (creating if asked) the SQLite database at `path`, applying any pending migrations.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, bool create);

// Opens a store from a location: "memory:", "sqlite:PATH", or a plain file path.
// With create=false a missing database is kNotFound.
Result<std::unique_ptr<Store>> OpenStore(const std::string& location, bool create);

}  // namespace backsignal
