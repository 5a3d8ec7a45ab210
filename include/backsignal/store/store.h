// Where diaries live: a Database (SQLite, the embedded default; PostgreSQL for a shared service;
// an in-memory SQLite for tests), chosen from a URL at start-up, holding every person's diary
// and the accounts. A Store is one person's view of it: every read and write through it is
// scoped to that person in the store layer itself. Every write is a transaction: all or nothing.
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
#include "backsignal/core/safety.h"
#include "backsignal/store/push.h"

namespace backsignal {

// One consistent read of a diary (Store::Snapshot).
struct DiarySnapshot {
  int64_t version = 0;
  std::optional<Date> latest;              // the latest date with anything recorded
  Diary diary;                             // the days asked for, and the stated usual morning
  std::map<std::string, double> settings;  // the stored thresholds
};

// What a check-in sent with an idempotency key did: the request's fingerprint (a repeat must be
// the same request), its date, and the session it concerned.
struct IdempotentWrite {
  std::string fingerprint;
  Date date;
  std::optional<size_t> session;
  bool operator==(const IdempotentWrite&) const = default;
};
inline constexpr int64_t kIdempotencyKeepSeconds = int64_t{30} * 86400;
// The most keys kept per person: beyond, the oldest go first.
inline constexpr int64_t kIdempotencyKeysPerPerson = 1000;

// Reads and writes of one diary inside one transaction.
class DiaryTxn {
 public:
  virtual ~DiaryTxn() = default;
  [[nodiscard]] virtual Result<std::optional<Day>> GetDay(Date date) = 0;
  // Stores the day whole, replacing what was there; an empty day removes the row.
  [[nodiscard]] virtual Result<void> PutDay(const Day& day) = 0;
  // The person's own reading thresholds, by setting name (reading/settings.h); those not stored
  // are at their defaults.
  [[nodiscard]] virtual Result<std::map<std::string, double>> GetSettings() = 0;
  [[nodiscard]] virtual Result<void> SetSettings(const std::map<std::string, double>& settings) = 0;
  // Removes every day and the stated usual morning: the diary becomes empty.
  [[nodiscard]] virtual Result<void> Clear() = 0;
  [[nodiscard]] virtual Result<UsualMorning> GetUsual() = 0;
  [[nodiscard]] virtual Result<void> SetUsual(const UsualMorning& usual) = 0;
  // The person's profile (core/profile.h). SetProfile stores it whole; person_key is kept as
  // created whatever the argument says.
  [[nodiscard]] virtual Result<Profile> GetProfile() = 0;
  [[nodiscard]] virtual Result<void> SetProfile(const Profile& profile) = 0;
  // The person's safety screen (core/safety.h), when they answered it.
  [[nodiscard]] virtual Result<std::optional<SafetyRecord>> GetSafety() = 0;
  [[nodiscard]] virtual Result<void> SetSafety(const SafetyRecord& record) = 0;
  // A write already made under a client's idempotency key (the service passes its hash), if
  // any; and keeping one (with the person's keys older than `now - kIdempotencyKeepSeconds`
  // dropped, and the oldest beyond kIdempotencyKeysPerPerson).
  [[nodiscard]] virtual Result<std::optional<IdempotentWrite>> GetIdempotent(
      const std::string& key) = 0;
  [[nodiscard]] virtual Result<void> PutIdempotent(const std::string& key,
                                                   const IdempotentWrite& write, int64_t now) = 0;
  // The person's Web Push reminders, in this same transaction (store/push.h).
  virtual ReminderTxn& Reminders() = 0;
  // The weekly answers and flares (core/measures.h) from `since` on (all when not given).
  [[nodiscard]] virtual Result<Measures> GetMeasures(std::optional<Date> since) = 0;
  // Stores the weekly answers of their date whole, replacing what was there; empty ones remove
  // them.
  [[nodiscard]] virtual Result<void> PutWeekly(const Weekly& weekly) = 0;
  // Stores the flares of `date` whole (each of that date), replacing what was there.
  [[nodiscard]] virtual Result<void> PutFlares(Date date, const std::vector<Flare>& flares) = 0;
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
  [[nodiscard]] virtual Result<Diary> LoadDiary() = 0;

  // The diary as one consistent snapshot: its version, its latest date, the stored thresholds,
  // and its days from `horizon_days` before `as_of` (the latest date when not given) on, or
  // all of them when `horizon_days` is not given.
  [[nodiscard]] virtual Result<DiarySnapshot> Snapshot(std::optional<Date> as_of,
                                                       std::optional<int> horizon_days) = 0;

  // The diary's version: it grows with every write to the diary or its thresholds, in every
  // process, so a reading made at one version is current exactly while the version is.
  [[nodiscard]] virtual Result<int64_t> Version() = 0;

  // Runs `body` in one transaction: committed (durably) when it returns success, rolled back
  // when it fails; its error is returned.
  [[nodiscard]] virtual Result<void> Transact(
      const std::function<Result<void>(DiaryTxn&)>& body) = 0;

  using TxnBody = std::function<Result<void>(DiaryTxn&)>;

  // Runs `body` in one read-only snapshot: its reads see one state of the diary, and anything it
  // tries to write fails.
  [[nodiscard]] virtual Result<void> View(const TxnBody& body) = 0;

  // Runs each body in one shared transaction, each in a savepoint of its own, with one durable
  // commit for all: a body that fails is undone alone. Returns each body's result. This is how
  // the server turns many concurrent check-ins into one fsync (group commit).
  virtual std::vector<Result<void>> TransactBatch(std::span<const TxnBody> bodies) = 0;

  // Where the store is, for messages ("sqlite:/home/a/.local/share/backsignal/diary.db").
  virtual std::string Describe() const = 0;

  // Imports a whole diary atomically. Days new to the store are added; days stored exactly as
  // in the file are left; a day stored with other content is a clash: kRefuseClashes refuses
  // the whole file (kConflict, listing the dates), kReplace replaces those days. A usual
  // morning given in the file that differs from the stored one clashes the same way.
  [[nodiscard]] Result<ImportReport> Import(const Diary& diary, ImportMode mode);

  // Replaces the whole diary with `diary`, atomically.
  [[nodiscard]] Result<void> ReplaceAll(const Diary& diary);

  // Reads the day (an empty one if none), lets `edit` change it, and stores the result, all in
  // one transaction. Returns the day as stored.
  [[nodiscard]] Result<Day> EditDay(Date date, const std::function<Result<void>(Day&)>& edit);

  // One day, if recorded.
  [[nodiscard]] Result<std::optional<Day>> GetDay(Date date);

  // The person's safety screen, when they answered it.
  [[nodiscard]] Result<std::optional<SafetyRecord>> LoadSafety();

  // Sets the person's own statement of their usual morning.
  [[nodiscard]] Result<void> SetUsual(const UsualMorning& usual);

  // The stored thresholds (see DiaryTxn::GetSettings), and replacing them whole.
  [[nodiscard]] virtual Result<std::map<std::string, double>> LoadSettings() = 0;
  [[nodiscard]] Result<void> SaveSettings(const std::map<std::string, double>& settings);

  // The person's profile, and editing it in one transaction.
  [[nodiscard]] Result<Profile> LoadProfile();
  [[nodiscard]] Result<Profile> EditProfile(const std::function<Result<void>(Profile&)>& edit);
};

// The steps of Store::ReplaceAll and Store::EditDay inside a transaction already open, for
// callers that batch them (the server's group commit).
[[nodiscard]] Result<void> ReplaceDiaryIn(DiaryTxn& txn, const Diary& diary);
[[nodiscard]] Result<Day> EditDayIn(DiaryTxn& txn, Date date,
                                    const std::function<Result<void>(Day&)>& edit);

// A person's id. Never handed out twice in a database: nothing keyed by one (a cached reading, a
// phone's queued check-ins) can reach whoever signs up after its owner is deleted.
using PersonId = int64_t;
// On SQLite the command line's own person in a new database (see Database::LocalPerson).
inline constexpr PersonId kLocalPerson = 1;

struct Account {
  int64_t id = 0;
  PersonId person = 0;
  std::string username;
  std::string role;  // "person" or "clinician"
  bool admin = false;
  int64_t created_at = 0;  // Unix seconds
};

struct ApiTokenInfo {
  int64_t id = 0;
  std::string name;
  int64_t created_at = 0;
  std::optional<int64_t> last_used_at;
  std::string scope;  // "read", "checkins" or "diary"
  int64_t expires_at = 0;
};

// What an API token lets its holder do, and as whom.
struct TokenGrant {
  Account account;
  std::string scope;
};

struct ShareInfo {
  int64_t clinician_id = 0;
  std::string clinician;  // the name they chose (their display name), else their username
  int64_t since = 0;
};

inline constexpr int64_t kMaxLiveInvites = 10;
inline constexpr int64_t kMaxSessionsPerAccount = 50;
inline constexpr int64_t kMaxTokensPerAccount = 50;

struct InviteInfo {
  int64_t id = 0;
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

// What the clinician's list shows of one person: kept up to date in the transaction of every
// write to their diary (so the list is one query, whatever the number of people).
struct PersonSummary {
  PersonId person = 0;
  std::string username;
  std::string display_name;       // the name they chose, or empty
  std::optional<Date> last_date;  // the latest date with anything recorded
  std::string verdict = "not_enough_data";
  int alerts = 0;
  bool stirring_up = false;
  bool repeated_worse = false;
  bool morning_shift = false;
  bool modify_or_stop = false;
  bool keeps_rising = false;
  // What holds a mixed reading back ("activity", "painkillers", ...: reading.md v3's names) and
  // the activities setting the back off, by name.
  std::vector<std::string> held_back_by;
  std::vector<std::string> setting_off;
  int rules = 0;  // the reading rules the summary was made under
  // The PSFS answers from the date ClinicianList was given on, oldest first (ratings only): the
  // service sets function against four and eight weeks before (service/sharing.h).
  std::vector<Weekly> psfs;
};

// Makes a person's summary for the clinician's list from their recent diary. The store keeps
// summaries up to date in the transaction of every write, but the reading is not the store's
// business: the summariser is given to OpenDatabase (the service provides it).
class Summariser {
 public:
  virtual ~Summariser() = default;
  // Days before the latest recorded date that Summarise needs.
  virtual int HorizonDays() const = 0;
  // The version of the reading rules its summaries are made under: a stored summary made under
  // an older version is made again when the database is opened for writing.
  virtual int Rules() const { return 0; }
  // REQUIRES: `recent` holds the days from latest - HorizonDays() to latest.
  virtual PersonSummary Summarise(const Diary& recent, Date latest,
                                  const std::map<std::string, double>& stored_settings) const = 0;
};

// The whole database: every person's diary, and the accounts around them. Thread-safe.
class Database {
 public:
  virtual ~Database() = default;

  // One person's diary. The view shares the database's connections; it must not outlive it.
  virtual std::unique_ptr<Store> ForPerson(PersonId person) = 0;

  // Runs each (person, body) in one shared transaction, each in a savepoint, with one durable
  // commit where the backend allows (see Store::TransactBatch).
  struct PersonBody {
    PersonId person;
    Store::TxnBody body;
  };
  virtual std::vector<Result<void>> TransactBatch(std::span<const PersonBody> bodies) = 0;

  virtual std::string Describe() const = 0;
  virtual bool IsPostgres() const = 0;

  // On SQLite, the command line's own diary (and a server's without accounts): kLocalPerson in
  // a new database, taken by the first account made on it; when that account is deleted, the
  // next open makes a new empty one under a new id. 0 on PostgreSQL (every diary is an
  // account's there).
  virtual PersonId LocalPerson() const = 0;

  // Web Push: keys, subscriptions and the queue of reminders (store/push.h).
  virtual PushStore& Push() = 0;

  // --- accounts ---
  // Creates a person and their account. The first account becomes the administrator and, on
  // SQLite, takes the local person's diary. kConflict when the username is taken. A sign-up
  // gives `setup_code_hash`: when its account would be the first, the hash must be of a setup
  // code (SetSetupCode), else kForbidden; decided in the same transaction as the creation, so
  // that the first account is exactly the one made with the code, whatever runs at once.
  [[nodiscard]] virtual Result<Account> CreateAccount(
      const std::string& username, const std::string& password_hash, const std::string& role,
      int64_t now, const std::optional<std::string>& setup_code_hash) = 0;
  // The operator's (and tests'): no setup code asked.
  [[nodiscard]] Result<Account> CreateAccount(const std::string& username,
                                              const std::string& password_hash,
                                              const std::string& role, int64_t now) {
    return CreateAccount(username, password_hash, role, now, std::nullopt);
  }
  [[nodiscard]] virtual Result<int64_t> CountAccounts() = 0;
  // Every account, by username (for the administrator).
  [[nodiscard]] virtual Result<std::vector<Account>> ListAccounts() = 0;
  // The account and its password hash, by username.
  [[nodiscard]] virtual Result<std::optional<std::pair<Account, std::string>>> FindLogin(
      const std::string& username) = 0;
  [[nodiscard]] virtual Result<std::optional<Account>> GetAccount(int64_t account_id) = 0;
  [[nodiscard]] virtual Result<std::optional<Account>> AccountOfPerson(PersonId person) = 0;
  // Sets the password; every API token of the account ends with the old one.
  [[nodiscard]] virtual Result<void> SetPasswordHash(int64_t account_id,
                                                     const std::string& hash) = 0;
  // Deletes the account, its person and every row of theirs (diary, sessions, tokens, shares,
  // invites, summaries, throttling by their username). kConflict for the last administrator
  // while other accounts exist (checked in the same transaction: someone must run the service).
  [[nodiscard]] virtual Result<void> DeleteAccount(int64_t account_id) = 0;

  // Sign-in sessions, by the hash of their secret; an account keeps its newest
  // kMaxSessionsPerAccount.
  [[nodiscard]] virtual Result<void> CreateSession(const std::string& token_hash,
                                                   int64_t account_id, const std::string& csrf,
                                                   int64_t now, int64_t expires_at) = 0;
  [[nodiscard]] virtual Result<std::optional<std::pair<Account, std::string>>> FindSession(
      const std::string& token_hash, int64_t now) = 0;  // the account and the session's CSRF token
  [[nodiscard]] virtual Result<void> DeleteSession(const std::string& token_hash) = 0;
  [[nodiscard]] virtual Result<void> DeleteOtherSessions(int64_t account_id,
                                                         const std::string& keep_hash) = 0;

  // API tokens for scripts, by the hash of their secret; one not expired at `now` is found. An
  // account holds at most kMaxTokensPerAccount not expired (kConflict beyond).
  [[nodiscard]] virtual Result<int64_t> CreateApiToken(int64_t account_id, const std::string& name,
                                                       const std::string& token_hash,
                                                       const std::string& scope, int64_t now,
                                                       int64_t expires_at) = 0;
  [[nodiscard]] virtual Result<std::vector<ApiTokenInfo>> ListApiTokens(int64_t account_id) = 0;
  [[nodiscard]] virtual Result<bool> RevokeApiToken(int64_t account_id, int64_t token_id) = 0;
  [[nodiscard]] virtual Result<std::optional<TokenGrant>> FindApiToken(
      const std::string& token_hash, int64_t now) = 0;

  // Throttling, by key ("signin:alice@10.0.0.1", "address:10.0.0.1"): each attempt is reserved
  // before the work it limits is done, atomically across processes, so that at most `limit`
  // attempts of one key are made within `window` seconds. Attempts stored in the future (a
  // clock that went back) count as made now.
  struct Attempt {
    bool allowed = false;
    int64_t retry_after = 0;  // seconds until one is allowed again, when not allowed
  };
  [[nodiscard]] virtual Result<Attempt> ReserveAttempt(const std::string& key, int64_t now,
                                                       int64_t window, int64_t limit) = 0;
  // Gives back one attempt reserved at `now` (one that succeeded and should not count).
  [[nodiscard]] virtual Result<void> ReleaseAttempt(const std::string& key, int64_t now) = 0;
  [[nodiscard]] virtual Result<int64_t> CountAttempts(const std::string& key, int64_t now,
                                                      int64_t window) = 0;
  [[nodiscard]] virtual Result<void> ClearAttempts(const std::string& key) = 0;

  // Sharing: a person's invite (by the hash of its code) that a clinician redeems once before it
  // expires; the shares that result; revoking them. A person holds at most kMaxLiveInvites
  // invites not yet used nor expired (kConflict beyond).
  [[nodiscard]] virtual Result<int64_t> CreateInvite(PersonId person, const std::string& code_hash,
                                                     int64_t now, int64_t expires_at) = 0;
  [[nodiscard]] virtual Result<std::vector<InviteInfo>> ListInvites(PersonId person,
                                                                    int64_t now) = 0;
  [[nodiscard]] virtual Result<bool> CancelInvite(PersonId person, int64_t invite_id) = 0;
  // kNotFound for an unknown, used or expired code; returns the person now shared.
  [[nodiscard]] virtual Result<PersonId> RedeemInvite(const std::string& code_hash,
                                                      int64_t clinician_account, int64_t now) = 0;
  [[nodiscard]] virtual Result<std::vector<ShareInfo>> ListShares(PersonId person) = 0;
  [[nodiscard]] virtual Result<bool> RevokeShare(PersonId person, int64_t clinician_account) = 0;
  [[nodiscard]] virtual Result<bool> CanRead(int64_t clinician_account, PersonId person) = 0;
  // The people who share with the clinician, with their summaries and their PSFS answers from
  // `psfs_since` on (none when not given), by username (the order of need is the service's:
  // service/sharing.h). One read, whatever the number of people.
  [[nodiscard]] virtual Result<std::vector<PersonSummary>> ClinicianList(
      int64_t clinician_account, std::optional<Date> psfs_since) = 0;

  // The person whose calendar feed has this secret hash.
  [[nodiscard]] virtual Result<std::optional<PersonId>> FindPersonByFeed(
      const std::string& hash) = 0;

  // The one-time sign-up code that `serve` prints while there is no account (by its hash).
  [[nodiscard]] virtual Result<void> SetSetupCode(const std::string& code_hash) = 0;
  [[nodiscard]] virtual Result<bool> CheckSetupCode(const std::string& code_hash) = 0;
};

struct OpenOptions {
  bool create = false;     // make a missing SQLite file (and its folder)
  bool read_only = false;  // SQLite: open the file read only, for reading commands
  // Keeps the clinician's list summaries; without one, summaries are not kept.
  std::shared_ptr<const Summariser> summariser;
};

// Opens a database from a location: "memory:" (a private in-memory SQLite), "sqlite:PATH", a
// plain file path, or "postgresql://..." / "postgres://..." (libpq URI). Applies any pending
// migrations. Without `create` a missing SQLite file is kNotFound.
[[nodiscard]] Result<std::unique_ptr<Database>> OpenDatabase(const std::string& location,
                                                             const OpenOptions& options);

// Backups of the embedded database (SQLite only; PostgreSQL has pg_dump and pg_basebackup).
struct BackupInfo {
  std::string path;      // the file written (the backup, or the restored database)
  std::string previous;  // restore: where the database that was there is kept
  int schema_version = 0;
  int64_t people = 0;
  int64_t days = 0;
};
// A consistent copy of the live database at `location` into `out`, made with SQLite's online
// backup API while servers keep writing; checked (integrity_check, schema version), private
// (0600), synced, then renamed into place: `out` is a whole backup or is not there. kInvalid
// when `out` (or its temporary file) is the database itself or one of its -wal, -shm, -journal.
[[nodiscard]] Result<BackupInfo> BackupDatabase(const std::string& location,
                                                const std::string& out);
// Replaces the database at `location` by `backup`, after checking the backup (integrity_check;
// a schema this backsignal knows, never a newer one). What was there is first kept as
// LOCATION.before-restore. A backup of an older schema is upgraded at the next open.
[[nodiscard]] Result<BackupInfo> RestoreDatabase(const std::string& backup,
                                                 const std::string& location);

// The daily backups of `serve --backup-dir` (SQLite): one file a day named
// backsignal-YYYY-MM-DD.db in a folder of their own.
std::string DailyBackupName(Date date);
// Makes the folder (0700, as every folder backsignal makes) when missing. kInvalid when it holds
// the live database at `location` (its file, or the folder it is in): retention there could
// remove it.
[[nodiscard]] Result<void> PrepareBackupFolder(const std::string& location, const std::string& dir);
// Whether today's backup is still to be taken: no file of today's name, or one not written
// today (a file planted under a date to come is not a backup of that day).
bool DailyBackupDue(const std::string& dir, Date today, int64_t now);
struct Pruned {
  std::vector<std::string> removed;  // file names
  std::vector<std::string> future;   // dated after `today`: left alone, and not counted
};
// Keeps the newest `keep` daily backups dated today or before, removing older ones. Only files
// whose whole name is the daily pattern (with a real date) are touched, and never the live
// database at `location` or its -wal, -shm or -journal.
[[nodiscard]] Result<Pruned> PruneDailyBackups(const std::string& location, const std::string& dir,
                                               Date today, int keep);

// A Store for one person of `db` that owns `db`: for the command line and tests.
std::unique_ptr<Store> OwningPersonStore(std::unique_ptr<Database> db, PersonId person);

}  // namespace backsignal
