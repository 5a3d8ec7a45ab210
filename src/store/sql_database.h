// The store, written once over the SQL layer (sql.h) for SQLite and PostgreSQL. Private to
// the store module; its parts live in one file each:
//   rows.cc      rows to diary values and back, loading a diary
//   diary.cc     one person's view (PersonStore) and transaction (SqlTxn), versions, summaries
//   database.cc  connections, transactions and group commit, migrations
//   accounts.cc  accounts, sign-in sessions, API tokens, throttling
//   sharing.cc   invites, shares, the clinician's list, calendar feeds, the setup code
//   open.cc      OpenDatabase, from a location
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "backsignal/core/mutex.h"
#include "backsignal/store/store.h"
#include "sql.h"

namespace backsignal::sql {

// --- rows.cc ---

// The statements that read and write days and sessions, made once from the field tables
// (core/fields.h): each field's column is named there, and read back by its name.
struct DiaryStatements {
  std::string select_day;              // params: person, date
  std::string select_days;             // person, first date; by date
  std::string select_sessions_of_day;  // person, date; by seq
  std::string select_sessions;         // person, first date; with the date; by date, seq
  std::string insert_day;
  std::string insert_session;
  std::string update_day;      // the day's columns but the date, then person, date
  std::string update_session;  // the session's columns, then person, date, seq
};
const DiaryStatements& Statements();

// A row of select_day or select_days into `day` (sessions left alone).
[[nodiscard]] Result<void> ReadDayRow(const Row& r, Day& day);
// A row of select_sessions_of_day or select_sessions.
[[nodiscard]] Result<void> ReadSessionRow(const Row& r, Session& out);
// Stores the day, replacing what was there: `before` is what is stored (null: nothing), and
// only the rows that differ from it are written.
[[nodiscard]] Result<void> WriteDay(Conn& c, PersonId person, const Day& day, const Day* before);
// A person's stated usual morning.
[[nodiscard]] Result<UsualMorning> LoadUsualOn(Conn& c, PersonId person);
[[nodiscard]] Result<void> SaveUsualOn(Conn& c, PersonId person, const UsualMorning& usual);
// A person's weekly answers and flares from `since` on (measures.cc).
[[nodiscard]] Result<Measures> LoadMeasuresOn(Conn& c, PersonId person, std::optional<Date> since);
// A person's diary from `since` on (all of it when empty), inside the open transaction.
[[nodiscard]] Result<Diary> LoadDiaryOn(Conn& c, PersonId person, std::optional<Date> since);
[[nodiscard]] Result<std::map<std::string, double>> LoadSettingsOn(Conn& c, PersonId person);
// A day's tags column (one a line) as a list.
std::vector<std::string> SplitTags(const std::string& column);
// kInvalid when the person's diary holds more than kMaxTagsPerPerson different tags.
[[nodiscard]] Result<void> CheckTagsOfPerson(Conn& c, PersonId person);
// A random person key (32 hex digits).
std::string RandomKey();

// --- diary.cc ---

// After a write to a person's diary in the open transaction: their version grows, and their
// summary is made again when they share with a clinician.
[[nodiscard]] Result<void> AfterWrite(Conn& c, PersonId person, const Summariser* summariser);
// Makes the person's summary again (also when a share begins).
[[nodiscard]] Result<void> UpdateSummary(Conn& c, PersonId person, const Summariser* summariser);

class SqlDatabase;

class PersonStore final : public Store {
 public:
  PersonStore(SqlDatabase& db, PersonId person) : db_(db), person_(person) {}
  [[nodiscard]] Result<Diary> LoadDiary() override;
  [[nodiscard]] Result<DiarySnapshot> Snapshot(std::optional<Date> as_of,
                                               std::optional<int> horizon_days) override;
  [[nodiscard]] Result<int64_t> Version() override;
  [[nodiscard]] Result<void> Transact(const std::function<Result<void>(DiaryTxn&)>& body) override;
  std::vector<Result<void>> TransactBatch(std::span<const TxnBody> bodies) override;
  [[nodiscard]] Result<void> View(const TxnBody& body) override;
  [[nodiscard]] Result<std::map<std::string, double>> LoadSettings() override;
  std::string Describe() const override;

 private:
  SqlDatabase& db_;
  PersonId person_;
};

// --- push.cc ---

// A person's reminders inside an open transaction.
class SqlReminderTxn final : public ReminderTxn {
 public:
  SqlReminderTxn(Conn& c, PersonId person) : c_(c), person_(person) {}
  [[nodiscard]] Result<ReminderPrefs> GetPrefs() override;
  [[nodiscard]] Result<void> SetPrefs(const ReminderPrefs& prefs) override;
  [[nodiscard]] Result<int64_t> CountSubscriptions() override;
  [[nodiscard]] Result<std::vector<Reminder>> Pending() override;
  [[nodiscard]] Result<void> Plan(ReminderKind kind, Date date, int64_t slot, int64_t due_at,
                                  int64_t now) override;
  [[nodiscard]] Result<void> End(int64_t reminder_id, std::string_view state) override;

 private:
  Conn& c_;
  PersonId person_;
};

class SqlDatabase;

// Web Push across every person, on the database's connections.
class SqlPushStore final : public PushStore {
 public:
  explicit SqlPushStore(SqlDatabase& db) : db_(db) {}
  [[nodiscard]] Result<KeyPair> VapidKeys(const std::function<Result<KeyPair>()>& make,
                                          int64_t now) override;
  [[nodiscard]] Result<int64_t> AddSubscription(const PushSubscription& s, int64_t now,
                                                size_t max_per_person) override;
  [[nodiscard]] Result<std::vector<PushSubscription>> Subscriptions(PersonId person) override;
  [[nodiscard]] Result<bool> RemoveSubscription(PersonId person, int64_t id,
                                                const std::string& endpoint) override;
  [[nodiscard]] Result<int64_t> RemoveAll(PersonId person) override;
  [[nodiscard]] Result<size_t> HandOverDue(int64_t now, size_t limit,
                                           const Decide& decide) override;
  [[nodiscard]] Result<std::vector<Delivery>> ClaimDeliveries(int64_t now, int64_t lease_seconds,
                                                              size_t limit) override;
  [[nodiscard]] Result<void> Record(const std::vector<DeliveryOutcome>& outcomes,
                                    int64_t now) override;
  [[nodiscard]] Result<void> Prune(int64_t before) override;
  [[nodiscard]] Result<std::optional<int64_t>> NextDue() override;
  [[nodiscard]] Result<PushCounts> Counts(std::optional<PersonId> person) override;

 private:
  SqlDatabase& db_;
};

// Reads and writes of one person's diary inside one transaction.
class SqlTxn final : public DiaryTxn {
 public:
  SqlTxn(Conn& c, PersonId person) : c_(c), person_(person), reminders_(c, person) {}
  bool changed() const { return changed_; }
  // A day was stored with a tag it did not hold before: the person's tags may be too many.
  bool new_tags() const { return new_tags_; }

  [[nodiscard]] Result<std::optional<Day>> GetDay(Date date) override;
  [[nodiscard]] Result<void> PutDay(const Day& day) override;
  [[nodiscard]] Result<std::map<std::string, double>> GetSettings() override;
  [[nodiscard]] Result<void> SetSettings(const std::map<std::string, double>& settings) override;
  [[nodiscard]] Result<void> Clear() override;
  [[nodiscard]] Result<UsualMorning> GetUsual() override;
  [[nodiscard]] Result<void> SetUsual(const UsualMorning& usual) override;
  [[nodiscard]] Result<Profile> GetProfile() override;
  [[nodiscard]] Result<void> SetProfile(const Profile& profile) override;
  [[nodiscard]] Result<std::optional<SafetyRecord>> GetSafety() override;
  [[nodiscard]] Result<void> SetSafety(const SafetyRecord& record) override;
  [[nodiscard]] Result<std::optional<IdempotentWrite>> GetIdempotent(
      const std::string& key) override;
  [[nodiscard]] Result<void> PutIdempotent(const std::string& key, const IdempotentWrite& write,
                                           int64_t now) override;
  ReminderTxn& Reminders() override { return reminders_; }
  // measures.cc
  [[nodiscard]] Result<Measures> GetMeasures(std::optional<Date> since) override;
  [[nodiscard]] Result<void> PutWeekly(const Weekly& weekly) override;
  [[nodiscard]] Result<void> PutFlares(Date date, const std::vector<Flare>& flares) override;

 private:
  Conn& c_;
  PersonId person_;
  SqlReminderTxn reminders_;
  bool changed_ = false;  // the diary or its thresholds changed (the profile is not the diary)
  bool new_tags_ = false;
  // The days this transaction has read or written, as they now stand (nullopt: none), so that
  // a write compares with what is stored without reading it again; after Clear, every day not
  // in it is known to be absent.
  std::map<Date, std::optional<Day>> known_;
  bool cleared_ = false;
};

// --- database.cc, accounts.cc, sharing.cc ---

class SqlDatabase final : public Database {
 public:
  SqlDatabase(std::unique_ptr<Conn> writer, std::unique_ptr<Conn> reader,
              std::shared_ptr<const Summariser> summariser)
      : dialect_(writer->dialect()),
        description_(writer->Describe()),
        writer_(std::move(writer)),
        reader_(std::move(reader)),
        summariser_(std::move(summariser)) {}

  [[nodiscard]] Result<void> Migrate();
  [[nodiscard]] Result<void> CheckSchema();  // a read-only database: its schema must be known
  // SQLite: makes the command line's own diary when it is gone (see LocalPerson), or finds it
  // (a read-only database).
  [[nodiscard]] Result<void> EnsureLocalPerson();
  [[nodiscard]] Result<void> FindLocalPerson();
  PersonId LocalPerson() const override { return IsPostgres() ? 0 : local_person_; }
  // Makes again every summary made under older reading rules than the summariser's (sharing.cc).
  [[nodiscard]] Result<void> RefreshStaleSummaries();
  // Before the database is shared between threads.
  void SetReader(std::unique_ptr<Conn> reader) {
    MutexLock lock(read_mu_);
    reader_ = std::move(reader);
  }
  bool IsPostgres() const override { return dialect_ == Dialect::kPostgres; }
  std::string Describe() const override { return description_; }
  const Summariser* summariser() const { return summariser_.get(); }

  std::unique_ptr<Store> ForPerson(PersonId person) override {
    return std::make_unique<PersonStore>(*this, person);
  }
  PushStore& Push() override { return push_; }

  // `f` in one read-only snapshot, on the reader connection (the writer's for an in-memory
  // database).
  template <typename F>
  auto Read(F&& f) -> decltype(f(std::declval<Conn&>())) {
    if (reader_) {  // set before the database is shared (SetReader), never changed after
      MutexLock lock(read_mu_);
      return ReadOn(*reader_, f);
    }
    MutexLock lock(write_mu_);
    return ReadOn(*writer_, f);
  }
  template <typename F>
  static auto ReadOn(Conn& c, F& f) -> decltype(f(std::declval<Conn&>())) {
    auto txn = Transaction::Begin(c, TxnMode::kRead);
    if (!txn) return Unexpected(txn.error());
    auto r = f(c);
    if (r) {
      if (auto ok = txn->Commit(); !ok) return Unexpected(ok.error());
    }
    return r;
  }

  // `f` in one write transaction on the writer connection.
  [[nodiscard]] Result<void> Write(const std::function<Result<void>(Conn&)>& f);

  std::vector<Result<void>> TransactBatch(std::span<const PersonBody> bodies) override;

  // accounts.cc
  using Database::CreateAccount;
  [[nodiscard]] Result<Account> CreateAccount(
      const std::string& username, const std::string& hash, const std::string& role, int64_t now,
      const std::optional<std::string>& setup_code_hash) override;
  [[nodiscard]] Result<int64_t> CountAccounts() override;
  [[nodiscard]] Result<std::vector<Account>> ListAccounts() override;
  [[nodiscard]] Result<std::optional<std::pair<Account, std::string>>> FindLogin(
      const std::string& username) override;
  [[nodiscard]] Result<std::optional<Account>> GetAccount(int64_t id) override;
  [[nodiscard]] Result<std::optional<Account>> AccountOfPerson(PersonId person) override;
  [[nodiscard]] Result<void> SetPasswordHash(int64_t id, const std::string& hash) override;
  [[nodiscard]] Result<void> DeleteAccount(int64_t id) override;
  [[nodiscard]] Result<void> CreateSession(const std::string& token_hash, int64_t account,
                                           const std::string& csrf, int64_t now,
                                           int64_t expires_at) override;
  [[nodiscard]] Result<std::optional<std::pair<Account, std::string>>> FindSession(
      const std::string& token_hash, int64_t now) override;
  [[nodiscard]] Result<void> DeleteSession(const std::string& token_hash) override;
  [[nodiscard]] Result<void> DeleteOtherSessions(int64_t account, const std::string& keep) override;
  [[nodiscard]] Result<int64_t> CreateApiToken(int64_t account, const std::string& name,
                                               const std::string& hash, const std::string& scope,
                                               int64_t now, int64_t expires_at) override;
  [[nodiscard]] Result<std::vector<ApiTokenInfo>> ListApiTokens(int64_t account) override;
  [[nodiscard]] Result<bool> RevokeApiToken(int64_t account, int64_t token) override;
  [[nodiscard]] Result<std::optional<TokenGrant>> FindApiToken(const std::string& hash,
                                                               int64_t now) override;
  [[nodiscard]] Result<Attempt> ReserveAttempt(const std::string& key, int64_t now, int64_t window,
                                               int64_t limit) override;
  [[nodiscard]] Result<void> ReleaseAttempt(const std::string& key, int64_t now) override;
  [[nodiscard]] Result<int64_t> CountAttempts(const std::string& key, int64_t now,
                                              int64_t window) override;
  [[nodiscard]] Result<void> ClearAttempts(const std::string& key) override;

  // sharing.cc
  [[nodiscard]] Result<int64_t> CreateInvite(PersonId person, const std::string& hash, int64_t now,
                                             int64_t expires) override;
  [[nodiscard]] Result<std::vector<InviteInfo>> ListInvites(PersonId person, int64_t now) override;
  [[nodiscard]] Result<bool> CancelInvite(PersonId person, int64_t id) override;
  [[nodiscard]] Result<PersonId> RedeemInvite(const std::string& hash, int64_t clinician,
                                              int64_t now) override;
  [[nodiscard]] Result<std::vector<ShareInfo>> ListShares(PersonId person) override;
  [[nodiscard]] Result<bool> RevokeShare(PersonId person, int64_t clinician) override;
  [[nodiscard]] Result<bool> CanRead(int64_t clinician, PersonId person) override;
  [[nodiscard]] Result<std::vector<PersonSummary>> ClinicianList(
      int64_t clinician, std::optional<Date> psfs_since) override;
  [[nodiscard]] Result<std::optional<PersonId>> FindPersonByFeed(const std::string& hash) override;
  [[nodiscard]] Result<void> SetSetupCode(const std::string& hash) override;
  [[nodiscard]] Result<bool> CheckSetupCode(const std::string& hash) override;

 private:
  const Dialect dialect_;
  const std::string description_;
  Mutex write_mu_;
  std::unique_ptr<Conn> writer_ PT_GUARDED_BY(write_mu_);
  Mutex read_mu_;
  std::unique_ptr<Conn> reader_ PT_GUARDED_BY(read_mu_);  // null: reads share the writer
  std::shared_ptr<const Summariser> summariser_;
  PersonId local_person_ = kLocalPerson;  // set once at open
  SqlPushStore push_{*this};
};

// The command line's own diary on SQLite: setup's local_person, or person 1 when none is set.
[[nodiscard]] Result<PersonId> LocalPersonOn(Conn& c);

Account AccountFrom(const Row& r);
#define BACKSIGNAL_ACCOUNT_COLUMNS "a.id, a.person_id, a.username, a.role, a.is_admin, a.created_at"

}  // namespace backsignal::sql
