// What `serve` adds for push reminders (docs/reminders.md): its options, the sender it runs,
// and the test-only settings (a test push service on loopback, a movable clock).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "backsignal/push/endpoint.h"
#include "backsignal/service/reminder_sender.h"

namespace backsignal::cli {

struct PushServeArgs {
  bool off = false;            // --no-push: this process sends nothing
  std::string contact;         // the VAPID subject
  std::string ca_file;         // extra trusted certificates (a test push service's)
  int timeout_seconds = 10;    // each request to a push service
  int in_flight = 8;           // requests to push services at once
  int poll_ms = 5000;          // how often the queue is looked at
  bool test_loopback = false;  // TEST ONLY: subscriptions on loopback (a local push service)
  std::string test_clock;      // TEST ONLY: a file holding seconds added to the clock
};

void AddPushServeOptions(CLI::App& cmd, PushServeArgs& args);

// The service's clock: the system's, or with --test-clock the system's plus the seconds the
// file says (read at every call, so a test moves the time of a running server).
const service::Clock& ServeClock(const PushServeArgs& args);

push::Reach ServeReach(const PushServeArgs& args);

// Makes the VAPID key pair if the database has none, and starts the sender (null with
// --no-push).
[[nodiscard]] Result<std::unique_ptr<service::ReminderSender>> StartPushSender(
    const service::Service& service, const PushServeArgs& args);

}  // namespace backsignal::cli
