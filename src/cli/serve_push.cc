#include "serve_push.h"

#include <fstream>
#include <iostream>

#include "backsignal/service/reminders.h"

namespace backsignal::cli {
namespace {

class OffsetFileClock final : public service::Clock {
 public:
  explicit OffsetFileClock(std::string path) : path_(std::move(path)) {}
  int64_t Now() const override {
    int64_t offset = 0;
    std::ifstream in(path_);
    if (in) in >> offset;
    return service::SystemClock().Now() + offset;
  }

 private:
  const std::string path_;
};

}  // namespace

void AddPushServeOptions(CLI::App& cmd, PushServeArgs& a) {
  cmd.add_flag("--no-push", a.off, "Send no push reminders from this process")
      ->envname("BACKSIGNAL_NO_PUSH");
  cmd.add_option("--push-contact", a.contact,
                 "A mailto: or https: address push services can reach this service's operator at "
                 "(the VAPID subject; Apple's service wants a real one)")
      ->envname("BACKSIGNAL_PUSH_CONTACT");
  cmd.add_option("--push-timeout", a.timeout_seconds,
                 "Seconds one request to a push service may take, all told (default 10)")
      ->check(CLI::Range(1, 120));
  cmd.add_option("--push-concurrency", a.in_flight, "Requests to push services at once (default 8)")
      ->check(CLI::Range(1, 64));
  cmd.add_option("--push-poll-ms", a.poll_ms,
                 "How often the reminder queue is looked at, in milliseconds (default 5000)")
      ->check(CLI::Range(50, 600000));
  cmd.add_option("--push-ca-file", a.ca_file,
                 "Certificates to trust for push services besides the system's (a test push "
                 "service's own)")
      ->envname("BACKSIGNAL_PUSH_CA_FILE");
  cmd.add_flag("--push-test-loopback", a.test_loopback,
               "FOR TESTS ONLY: allow push subscriptions on this machine (a local test push "
               "service, over http or https)")
      ->envname("BACKSIGNAL_PUSH_TEST_LOOPBACK");
  cmd.add_option("--test-clock", a.test_clock,
                 "FOR TESTS ONLY: a file holding seconds to add to the clock, read at every use")
      ->envname("BACKSIGNAL_TEST_CLOCK");
}

const service::Clock& ServeClock(const PushServeArgs& args) {
  if (args.test_clock.empty()) return service::SystemClock();
  static const OffsetFileClock clock(args.test_clock);
  return clock;
}

push::Reach ServeReach(const PushServeArgs& args) {
  return args.test_loopback ? push::Reach::kAlsoLoopback : push::Reach::kPublicOnly;
}

Result<std::unique_ptr<service::ReminderSender>> StartPushSender(const service::Service& service,
                                                                 const PushServeArgs& args) {
  // The key pair exists from the first start on; every process of a service shares it.
  if (auto keys = service::VapidKeys(service); !keys) return Unexpected(keys.error());
  if (args.off) return std::unique_ptr<service::ReminderSender>();
  if (args.test_loopback) {
    std::cerr << "backsignal: --push-test-loopback is on: push subscriptions on this machine "
                 "are allowed (for tests only)\n";
  }
  push::ClientOptions client;
  client.max_in_flight = static_cast<size_t>(args.in_flight);
  client.timeout = std::chrono::seconds(args.timeout_seconds);
  client.reach = ServeReach(args);
  client.ca_file = args.ca_file;
  auto http = push::MakeHttpClient(client);
  if (!http) return Unexpected(http.error());
  service::SenderOptions options;
  if (!args.contact.empty()) {
    if (!args.contact.starts_with("mailto:") && !args.contact.starts_with("https://")) {
      return Fail(Error::Invalid("--push-contact \"" + args.contact +
                                 "\": write a mailto: or https: address"));
    }
    options.contact = args.contact;
  }
  options.in_flight = client.max_in_flight;
  options.timeout = client.timeout;
  options.poll = std::chrono::milliseconds(args.poll_ms);
  auto sender = std::make_unique<service::ReminderSender>(service, std::move(*http), options);
  sender->Start();
  return sender;
}

}  // namespace backsignal::cli
