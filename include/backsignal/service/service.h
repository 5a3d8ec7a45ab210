// The policy between the store and the front doors (DuckDB's ClientContext, Ninja's Builder
// called from ninja.cc): the settings in force, check-ins, readings, accounts, sharing,
// exports, and "today". The CLI and the server hold no domain logic: they parse, call the
// functions of service/*.h with a Service, and render.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "backsignal/service/clock.h"
#include "backsignal/store/group_commit.h"
#include "backsignal/store/store.h"

namespace backsignal::service {

class ReadingCache;

// Thresholds fixed for this process on the command line (--set, --settings): they win over
// those a person stored.
using Overrides = std::map<std::string, double>;

class Service {
 public:
  // REQUIRES: db, writer and clock outlive the Service.
  Service(Database& db, Writer& writer, const Clock& clock, Overrides overrides = {});
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  const Clock& clock() const { return clock_; }
  const Overrides& overrides() const { return overrides_; }
  ReadingCache& readings() const { return *readings_; }

  // Set when the process is stopping (serve's SIGTERM): long work (an import) checks it as it
  // goes and gives up, so that stopping waits for no one for long.
  std::stop_token stop_token() const { return stop_.get_token(); }
  void RequestStop() { stop_.request_stop(); }

 private:
  // The store is the service's own (src/service/internal.h): a front door asks the service.
  friend Database& StoreOf(const Service& service);
  friend Writer& WriterOf(const Service& service);

  Database& db_;
  Writer& writer_;
  const Clock& clock_;
  const Overrides overrides_;
  std::unique_ptr<ReadingCache> readings_;
  std::stop_source stop_;
};

// What the group commit has done, for /metrics: durable commits, the writes they held, and
// commits by size (batches[i] counts those of at most bounds[i] writes; the last, any more).
struct CommitCounts {
  size_t commits = 0;
  size_t writes = 0;
  std::vector<size_t> batches;
  std::vector<size_t> bounds;
};
// The counts of the service's group commit; none when writes go straight to the database.
std::optional<CommitCounts> CommitCountsOf(const Service& service);

// What a front door opens: a database, its writer and the Service over them, owned together,
// so that the command line and `serve` never hold the store themselves.
class Backend {
 public:
  // Opens the database at `location` (store.h OpenDatabase's forms) with the service's
  // summariser; each write is committed on the caller's thread (the command line's way).
  // REQUIRES: `clock` outlives the Backend.
  [[nodiscard]] static Result<std::unique_ptr<Backend>> Open(const std::string& location,
                                                             OpenOptions options,
                                                             const Overrides& overrides,
                                                             const Clock& clock);
  // From now on writes go through a group commit (serve's way): one writer thread, one durable
  // commit for all writes waiting. It starts that thread: block the signals it must not take
  // first. REQUIRES: nothing holds service() yet (it is made anew).
  void StartGroupCommit();
  ~Backend();
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;

  Service& service() { return *service_; }
  const Service& service() const { return *service_; }
  // Where the database is, for messages.
  std::string Describe() const;
  // PostgreSQL: many people's diaries, so accounts are always in force.
  bool IsPostgres() const;
  // Finishes every write already accepted; a write submitted afterwards fails at once ("the
  // server is stopping"). For a process that stops while some requests may still run.
  void StopWrites();

 private:
  Backend() = default;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Writer> writer_;
  std::unique_ptr<Service> service_;
};

// Opens a database with the service's summariser in force (service/summaries.h), so that every
// write keeps the clinician's list up to date.
[[nodiscard]] Result<std::unique_ptr<Database>> OpenServiceDatabase(
    const std::string& location, OpenOptions options, const Overrides& overrides = {});

}  // namespace backsignal::service
