// The policy between the store and the front doors (DuckDB's ClientContext, Ninja's Builder
// called from ninja.cc): the settings in force, check-ins, readings, accounts, sharing,
// exports, and "today". The CLI and the server hold no domain logic: they parse, call the
// functions of service/*.h with a Service, and render.
#pragma once

#include <map>
#include <memory>
#include <stop_token>
#include <string>

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

  Database& db() const { return db_; }
  Writer& writer() const { return writer_; }
  const Clock& clock() const { return clock_; }
  const Overrides& overrides() const { return overrides_; }
  ReadingCache& readings() const { return *readings_; }

  // Set when the process is stopping (serve's SIGTERM): long work (an import) checks it as it
  // goes and gives up, so that stopping waits for no one for long.
  std::stop_token stop_token() const { return stop_.get_token(); }
  void RequestStop() { stop_.request_stop(); }

 private:
  Database& db_;
  Writer& writer_;
  const Clock& clock_;
  const Overrides overrides_;
  std::unique_ptr<ReadingCache> readings_;
  std::stop_source stop_;
};

// Opens a database with the service's summariser in force (service/summaries.h), so that every
// write keeps the clinician's list up to date.
[[nodiscard]] Result<std::unique_ptr<Database>> OpenServiceDatabase(
    const std::string& location, OpenOptions options, const Overrides& overrides = {});

}  // namespace backsignal::service
