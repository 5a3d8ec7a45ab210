#include "backsignal/service/reminder_sender.h"

#include <ctime>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "backsignal/push/crypto.h"
#include "backsignal/service/reminders.h"
#include "internal.h"

namespace backsignal::service {
namespace {

// How long the VAPID token is good for (RFC 8292 allows at most 24 hours).
constexpr int64_t kVapidLifetime = int64_t{12} * 3600;
// Waits before the next try: 30 s, 2 min, 8 min, 32 min, then each hour.
int64_t Backoff(int attempts) {
  int64_t s = 30;
  for (int i = 0; i < attempts && s < 3600; ++i) s *= 4;
  return std::min<int64_t>(s, 3600);
}
constexpr int64_t kMaxRetryAfter = 86400;
constexpr int64_t kKeepFinished = int64_t{7} * 86400;

}  // namespace

DeliveryOutcome ReminderSender::OutcomeOf(const Delivery& d, const push::PushResponse& a,
                                          int64_t now) const {
  DeliveryOutcome o{.delivery_id = d.id, .status = a.status};
  if (a.status >= 200 && a.status < 300) {
    o.what = DeliveryOutcome::What::kSent;
  } else if (a.status == 404 || a.status == 410) {
    o.what = DeliveryOutcome::What::kGone;
  } else if (a.refused || (a.status >= 400 && a.status < 500 && a.status != 429)) {
    o.what = DeliveryOutcome::What::kFailed;
  } else {
    // 429, 5xx, or no answer: again later, after Retry-After when that is longer.
    int64_t wait = Backoff(d.attempts);
    if (auto ra = RetryAfterSeconds(a.retry_after, now)) {
      wait = std::max(wait, std::min(*ra, kMaxRetryAfter));
    }
    o.next_at = now + wait;
    o.what = d.attempts + 1 >= options_.max_attempts || o.next_at > d.expires_at
                 ? DeliveryOutcome::What::kDropped
                 : DeliveryOutcome::What::kRetry;
  }
  return o;
}

std::optional<int64_t> RetryAfterSeconds(const std::string& header, int64_t now) {
  if (header.empty()) return std::nullopt;
  if (header.find_first_not_of("0123456789") == std::string::npos && header.size() <= 9) {
    return std::stoll(header);
  }
  std::tm tm{};
  std::istringstream in(header);
  in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S GMT");
  if (in.fail()) return std::nullopt;
  const int64_t at = timegm(&tm);
  return std::max<int64_t>(0, at - now);
}

ReminderSender::ReminderSender(const Service& service, std::unique_ptr<push::PushClient> client,
                               SenderOptions options)
    : service_(service), client_(std::move(client)), options_(std::move(options)) {}

ReminderSender::~ReminderSender() {
  {
    MutexLock lock(mu_);
    stop_ = true;
  }
  wake_.SignalAll();
  if (thread_.joinable()) thread_.join();
}

int64_t ReminderSender::LeaseSeconds() const {
  // Longer than the slowest round can take: every slot's requests one after another, each to
  // its time limit, with time to record them.
  const size_t rounds =
      (options_.batch + options_.in_flight - 1) / std::max<size_t>(1, options_.in_flight);
  return static_cast<int64_t>(rounds) *
             std::chrono::duration_cast<std::chrono::seconds>(options_.timeout).count() +
         60;
}

Result<size_t> ReminderSender::RunOnce() {
  const Clock& clock = service_.clock();
  PushStore& store = StoreOf(service_).Push();
  // A read first: with nothing due, no write transaction is begun (every process polls).
  auto next = store.NextDue();
  if (!next) return Unexpected(next.error());
  if (!*next || **next > clock.Now()) return size_t{0};
  auto handed = store.HandOverDue(clock.Now(), 500, [&](const Reminder& r, DiaryTxn& txn) {
    return DecideDue(r, txn, clock.Now());
  });
  if (!handed) return Unexpected(handed.error());
  auto deliveries = store.ClaimDeliveries(clock.Now(), LeaseSeconds(), options_.batch);
  if (!deliveries) return Unexpected(deliveries.error());
  if (deliveries->empty()) return size_t{0};
  auto keys = VapidKeys(service_);
  if (!keys) return Unexpected(keys.error());
  auto vapid_private = push::Base64UrlDecode(keys->private_key);
  if (!vapid_private) return Unexpected(vapid_private.error());
  auto vapid = push::P256FromPrivate(*vapid_private);
  if (!vapid) return Unexpected(vapid.error());

  const int64_t now = clock.Now();
  std::vector<DeliveryOutcome> outcomes;
  std::vector<push::PushRequest> requests;
  std::vector<const Delivery*> sent;
  for (const Delivery& d : *deliveries) {
    DeliveryOutcome o{.delivery_id = d.id};
    if (now > d.expires_at) {
      o.what = DeliveryOutcome::What::kDropped;
      outcomes.push_back(o);
      continue;
    }
    auto p256dh = push::Base64UrlDecode(d.subscription.p256dh);
    auto auth = push::Base64UrlDecode(d.subscription.auth);
    auto endpoint = push::ParseEndpoint(d.subscription.endpoint, push::Reach::kAlsoLoopback);
    Result<std::string> body = Fail(Error::Invalid("bad keys"));
    if (p256dh && auth) body = push::EncryptMessage(d.payload, *p256dh, *auth);
    Result<std::string> authorization = Fail(Error::Invalid("bad endpoint"));
    if (endpoint) {
      authorization = push::VapidAuthorization(*vapid, endpoint->origin, options_.contact,
                                               now + kVapidLifetime);
    }
    if (!body || !authorization) {
      o.what = DeliveryOutcome::What::kFailed;
      outcomes.push_back(o);
      continue;
    }
    push::PushRequest req;
    req.url = d.subscription.endpoint;
    req.body = std::move(*body);
    req.headers = {{"TTL", std::to_string(std::max<int64_t>(0, d.expires_at - now))},
                   {"Urgency", d.urgency},
                   {"Topic", "r" + std::to_string(d.reminder_id)},
                   {"Content-Encoding", "aes128gcm"},
                   {"Content-Type", "application/octet-stream"},
                   {"Authorization", *authorization}};
    requests.push_back(std::move(req));
    sent.push_back(&d);
  }
  auto count = [this](const DeliveryOutcome& o) {
    switch (o.what) {
      case DeliveryOutcome::What::kSent:
        sent_.fetch_add(1);
        break;
      case DeliveryOutcome::What::kRetry:
        retried_.fetch_add(1);
        break;
      case DeliveryOutcome::What::kFailed:
      case DeliveryOutcome::What::kGone:
        failed_.fetch_add(1);
        break;
      case DeliveryOutcome::What::kDropped:
        dropped_.fetch_add(1);
        break;
    }
  };
  for (const DeliveryOutcome& o : outcomes) count(o);
  if (auto ok = store.Record(outcomes, now); !ok) return Unexpected(ok.error());
  // Each answer is recorded as it comes, so that a sender killed mid-round has acknowledged
  // every delivery a push service took but those in flight at that moment.
  std::optional<Error> failed;
  client_->SendAll(requests, [&](size_t i, const push::PushResponse& a) {
    const DeliveryOutcome o = OutcomeOf(*sent[i], a, clock.Now());
    if (o.what == DeliveryOutcome::What::kFailed && a.status != 0) {
      std::cerr << "backsignal: a push service refused reminder " << sent[i]->reminder_id << " ("
                << a.status << ")" << std::endl;
    } else if (o.what == DeliveryOutcome::What::kFailed) {
      std::cerr << "backsignal: reminder " << sent[i]->reminder_id << " not sent: " << a.error
                << std::endl;
    }
    count(o);
    if (auto ok = store.Record({o}, clock.Now()); !ok && !failed) failed = ok.error();
  });
  if (failed) return Fail(*failed);
  return deliveries->size();
}

void ReminderSender::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void ReminderSender::Wake() {
  {
    MutexLock lock(mu_);
    woken_ = true;
  }
  wake_.SignalAll();
}

SendCounts ReminderSender::counts() const {
  return {sent_.load(), failed_.load(), dropped_.load(), retried_.load()};
}

void ReminderSender::Loop() {
  int rounds = 0;
  for (;;) {
    {
      MutexLock lock(mu_);
      if (stop_) return;
      woken_ = false;
    }
    // Rounds until the queue has nothing due; a full round is followed by another at once.
    for (;;) {
      auto n = RunOnce();
      if (!n) {
        std::cerr << "backsignal: sending reminders: " << n.error().message << std::endl;
        break;
      }
      if (*n < options_.batch) break;
      MutexLock lock(mu_);
      if (stop_) return;
    }
    if (++rounds % 720 == 0) {
      (void)StoreOf(service_).Push().Prune(service_.clock().Now() - kKeepFinished);
    }
    MutexLock lock(mu_);
    const auto deadline = std::chrono::steady_clock::now() + options_.poll;
    while (!stop_ && !woken_ && wake_.WaitUntil(mu_, deadline)) {
    }
  }
}

}  // namespace backsignal::service
