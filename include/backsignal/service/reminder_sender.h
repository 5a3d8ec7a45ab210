// Sending the reminders that have come due (docs/reminders.md): a round hands the due reminders
// over to delivery (one per device), claims deliveries under a lease, sends them (RFC 8030,
// encrypted per RFC 8291, signed per RFC 8292) through a PushClient bounded in time and
// concurrency, and records each outcome: sent; tried again with back-off on 429 and 5xx
// (honouring Retry-After); the subscription removed on 404 and 410; failed on any other refusal;
// dropped when its window has gone by. Every process of a service may run one: the store's
// lease makes exactly one send each delivery. All time is the service's Clock.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "backsignal/core/mutex.h"
#include "backsignal/push/client.h"
#include "backsignal/service/service.h"

namespace backsignal::service {

struct SenderOptions {
  // The VAPID token's `sub`: how a push service's operator can reach this one's.
  std::string contact = "mailto:webpush@backsignal.invalid";
  size_t batch = 32;                         // deliveries claimed a round
  size_t in_flight = 8;                      // the client's own bound, for the lease
  std::chrono::milliseconds timeout{10000};  // the client's own bound, for the lease
  int max_attempts = 6;
  std::chrono::milliseconds poll{5000};  // how often the queue is looked at without a wake-up
};

// What has been sent by this process, for /metrics.
struct SendCounts {
  uint64_t sent = 0;
  uint64_t failed = 0;
  uint64_t dropped = 0;
  uint64_t retried = 0;
};

// The seconds a Retry-After header asks for (delta-seconds or an HTTP-date, against `now`);
// none when it says nothing usable.
std::optional<int64_t> RetryAfterSeconds(const std::string& header, int64_t now);

class ReminderSender {
 public:
  // REQUIRES: `service` outlives the sender.
  ReminderSender(const Service& service, std::unique_ptr<push::PushClient> client,
                 SenderOptions options);
  // Stops the thread, if started, after the round in hand.
  ~ReminderSender();
  ReminderSender(const ReminderSender&) = delete;
  ReminderSender& operator=(const ReminderSender&) = delete;

  // One round; returns the deliveries it attempted.
  [[nodiscard]] Result<size_t> RunOnce();
  // Rounds on a thread of its own, every `poll` and whenever woken.
  void Start();
  void Wake();
  SendCounts counts() const;

 private:
  void Loop();
  int64_t LeaseSeconds() const;
  DeliveryOutcome OutcomeOf(const Delivery& d, const push::PushResponse& a, int64_t now) const;

  const Service& service_;
  std::unique_ptr<push::PushClient> client_;
  const SenderOptions options_;
  std::atomic<uint64_t> sent_{0}, failed_{0}, dropped_{0}, retried_{0};
  Mutex mu_;
  CondVar wake_;
  bool stop_ GUARDED_BY(mu_) = false;
  bool woken_ GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace backsignal::service
