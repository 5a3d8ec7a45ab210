#include "metrics.h"

#include <cstdio>

namespace backsignal::server {
namespace {

// A label value, escaped as the text format asks (backslash, quote, line feed).
std::string Label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

std::string_view Metrics::MethodLabel(std::string_view method) {
  // A client may send any token as its method: only these become labels, so that the
  // exposition cannot grow with what clients make up.
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return known;
  }
  return "other";
}

void Metrics::Request(const std::string& method, const std::string& route, int status,
                      double seconds) {
  MutexLock lock(mu_);
  ++requests_[{std::string(MethodLabel(method)), route, status}];
  Latency& l = latency_[route];
  size_t b = 0;
  while (b < kLatencyBounds.size() && seconds > kLatencyBounds[b]) ++b;
  ++l.buckets[b];
  l.sum += seconds;
  ++l.count;
}

std::string Metrics::Render(const std::optional<service::CommitCounts>& commits) const {
  std::string out;
  {
    MutexLock lock(mu_);
    out +=
        "# HELP backsignal_http_requests_total Requests answered, by method, route and status.\n";
    out += "# TYPE backsignal_http_requests_total counter\n";
    for (const auto& [key, n] : requests_) {
      const auto& [method, route, status] = key;
      out += "backsignal_http_requests_total{method=\"" + Label(method) + "\",route=\"" +
             Label(route) + "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) +
             "\n";
    }
    out +=
        "# HELP backsignal_http_request_duration_seconds Time from a request's whole arrival "
        "to its answer, by route.\n";
    out += "# TYPE backsignal_http_request_duration_seconds histogram\n";
    for (const auto& [route, l] : latency_) {
      const std::string r = "route=\"" + Label(route) + "\"";
      uint64_t cumulative = 0;
      for (size_t i = 0; i < kLatencyBounds.size(); ++i) {
        cumulative += l.buckets[i];
        out += "backsignal_http_request_duration_seconds_bucket{" + r + ",le=\"" +
               Num(kLatencyBounds[i]) + "\"} " + std::to_string(cumulative) + "\n";
      }
      out += "backsignal_http_request_duration_seconds_bucket{" + r + ",le=\"+Inf\"} " +
             std::to_string(l.count) + "\n";
      out += "backsignal_http_request_duration_seconds_sum{" + r + "} " + Num(l.sum) + "\n";
      out += "backsignal_http_request_duration_seconds_count{" + r + "} " +
             std::to_string(l.count) + "\n";
    }
  }
  out += "# HELP backsignal_database_errors_total Requests that failed in the database.\n";
  out += "# TYPE backsignal_database_errors_total counter\n";
  out += "backsignal_database_errors_total " +
         std::to_string(db_errors_.load(std::memory_order_relaxed)) + "\n";
  if (commits) {
    const std::vector<size_t>& h = commits->batches;
    out += "# HELP backsignal_commit_batch_writes Writes per durable commit (group commit).\n";
    out += "# TYPE backsignal_commit_batch_writes histogram\n";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < commits->bounds.size(); ++i) {
      cumulative += h[i];
      out += "backsignal_commit_batch_writes_bucket{le=\"" + std::to_string(commits->bounds[i]) +
             "\"} " + std::to_string(cumulative) + "\n";
    }
    cumulative += h.back();
    out +=
        "backsignal_commit_batch_writes_bucket{le=\"+Inf\"} " + std::to_string(cumulative) + "\n";
    out += "backsignal_commit_batch_writes_sum " + std::to_string(commits->writes) + "\n";
    out += "backsignal_commit_batch_writes_count " + std::to_string(commits->commits) + "\n";
  }
  return out;
}

}  // namespace backsignal::server
