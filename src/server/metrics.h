// What the server did, for Prometheus (text format 0.0.4) at /metrics: requests by route and
// status, their latency, the group commit's batches, and database errors. Counters only grow;
// nothing here names a person.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "backsignal/core/mutex.h"
#include "backsignal/service/service.h"

namespace backsignal::server {

class Metrics {
 public:
  static constexpr std::array<double, 12> kLatencyBounds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

  // One answered request: its method (labelled as MethodLabel says), its route's pattern
  // ("/api/v1/days/{date}/morning"; or "unmatched": never the path a client sent), its status
  // and how long it took.
  void Request(const std::string& method, const std::string& route, int status, double seconds);
  // The label of a method: one of HTTP's own (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS), or
  // "other" for anything a client made up.
  static std::string_view MethodLabel(std::string_view method);
  void DatabaseError() { db_errors_.fetch_add(1, std::memory_order_relaxed); }

  // The whole exposition, with the group commit's batches when there is one.
  std::string Render(const std::optional<service::CommitCounts>& commits) const;

 private:
  struct Latency {
    std::array<uint64_t, kLatencyBounds.size() + 1> buckets{};  // the last: above every bound
    double sum = 0;
    uint64_t count = 0;
  };
  mutable Mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_ GUARDED_BY(mu_);
  std::map<std::string, Latency> latency_ GUARDED_BY(mu_);
  std::atomic<uint64_t> db_errors_{0};
};

}  // namespace backsignal::server
