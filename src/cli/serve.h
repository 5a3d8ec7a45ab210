// `backsignal serve`: the web app on the embedded store.
#pragma once

#include <map>
#include <string>

#include "backsignal/reading/settings.h"

namespace backsignal::cli {

struct ServeArgs {
  std::string listen = "127.0.0.1:8080";
  int threads = 2;
  int read_timeout_seconds = 10;  // to receive one whole request; slower clients are cut off
  bool accounts = false;          // sign-in required (always on PostgreSQL)
  bool secure_cookies = false;    // served over TLS, or behind a TLS-terminating proxy
  bool trust_proxy = false;       // client addresses from X-Forwarded-For
};

// Serves until SIGINT or SIGTERM; returns the process exit code.
// `overrides` are thresholds given on the command line; they win over those stored.
int Serve(const std::string& db, const std::map<std::string, double>& overrides,
          const ServeArgs& args);

}  // namespace backsignal::cli
