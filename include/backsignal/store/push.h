// Web Push in the store (docs/reminders.md): the server's VAPID key pair, each person's
// reminder choices and devices, the reminders planned for them (rows written in the same
// transaction as the check-in that causes them, so a restart loses none), and each reminder's
// delivery to each device. Deliveries are claimed under a lease (FOR UPDATE SKIP LOCKED on
// PostgreSQL), so that of several server processes exactly one sends each, and a sender that
// dies mid-send has its deliveries taken up again when the lease ends. What to send and when is
// the service's (service/reminders.h); the store keeps the rows.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/core/date.h"
#include "backsignal/core/result.h"

namespace backsignal {

using PersonId = int64_t;
class DiaryTxn;

enum class ReminderKind { kHourAfter, kMorning, kTest };

inline std::string_view ReminderKindName(ReminderKind k) {
  switch (k) {
    case ReminderKind::kHourAfter:
      return "hour_after";
    case ReminderKind::kMorning:
      return "morning";
    case ReminderKind::kTest:
      return "test";
  }
  return "test";
}

// A person's choices: which windows are reminded, and the quiet hours (minutes after local
// midnight; none when either is unset), in which nothing is sent.
struct ReminderPrefs {
  bool hour_after = true;
  bool morning = true;
  std::optional<int> quiet_start = 22 * 60;
  std::optional<int> quiet_end = 7 * 60;
  bool operator==(const ReminderPrefs&) const = default;
};

// One device's Push API subscription: its endpoint at the browser vendor's push service, and
// the browser's keys for the messages (base64url, as PushSubscription.toJSON gives them).
struct PushSubscription {
  int64_t id = 0;
  PersonId person = 0;
  std::string endpoint;
  std::string p256dh;
  std::string auth;
  std::string device;  // a name the person recognises it by ("Chrome on Android")
  int64_t created_at = 0;
  std::optional<int64_t> last_sent_at;
};

// A reminder planned for a window: the hour after a session (its date, and the session's start
// in minutes as `slot`), a morning (its date, slot 0), or a test. At most one per window.
struct Reminder {
  int64_t id = 0;
  PersonId person = 0;
  ReminderKind kind = ReminderKind::kTest;
  Date date;
  int64_t slot = 0;
  int64_t due_at = 0;  // Unix seconds
  std::string state;   // pending, sent (handed to its deliveries), cancelled, skipped
};

// A person's reminders, inside the transaction of a write to their diary.
class ReminderTxn {
 public:
  virtual ~ReminderTxn() = default;
  [[nodiscard]] virtual Result<ReminderPrefs> GetPrefs() = 0;
  [[nodiscard]] virtual Result<void> SetPrefs(const ReminderPrefs& prefs) = 0;
  [[nodiscard]] virtual Result<int64_t> CountSubscriptions() = 0;
  // Reminders not yet handed to delivery.
  [[nodiscard]] virtual Result<std::vector<Reminder>> Pending() = 0;
  // Plans a reminder of a window (kind, date, slot): a new row, or a new due time for one not
  // yet sent; one cancelled or skipped (never handed to delivery) is pending again, so that a
  // window planned away (a wake time moved, reminders turned off) comes back when it is due
  // once more. A window already sent is left as it is.
  [[nodiscard]] virtual Result<void> Plan(ReminderKind kind, Date date, int64_t slot,
                                          int64_t due_at, int64_t now) = 0;
  // Ends a pending reminder unsent: "cancelled" (its window was filled in) or "skipped".
  [[nodiscard]] virtual Result<void> End(int64_t reminder_id, std::string_view state) = 0;
};

// What the service decides for a reminder that has come due.
struct Handover {
  enum class What { kSend, kCancel, kSkip } what = What::kSend;
  std::string payload;  // the message (JSON), for kSend
  std::string urgency = "normal";
  int64_t expires_at = 0;  // not sent after this (its window has passed)
};

// One device's copy of a reminder, claimed for sending.
struct Delivery {
  int64_t id = 0;
  int64_t reminder_id = 0;
  PushSubscription subscription;
  std::string payload;
  std::string urgency;
  int attempts = 0;  // made before this one
  int64_t expires_at = 0;
};

struct DeliveryOutcome {
  enum class What {
    kSent,     // the push service took it (2xx)
    kRetry,    // try again at `next_at` (429, 5xx, no answer)
    kFailed,   // refused for good (another 4xx, an endpoint not allowed)
    kDropped,  // not sent in time (its window passed, or too many tries)
    kGone,     // the subscription is no more (404, 410): removed with its deliveries
  } what = What::kSent;
  int64_t delivery_id = 0;
  int status = 0;
  int64_t next_at = 0;
};

// Counts of deliveries by state, for `backsignal reminders` and tests.
struct PushCounts {
  int64_t pending_reminders = 0;
  int64_t pending = 0;
  int64_t sent = 0;
  int64_t failed = 0;
  int64_t dropped = 0;
};

// Web Push across every person. Thread-safe, like the Database it belongs to.
class PushStore {
 public:
  virtual ~PushStore() = default;

  // The VAPID key pair (base64url private and public), made by `make` and stored when there is
  // none yet; of processes starting together, the first to store one wins and all use it.
  struct KeyPair {
    std::string private_key;
    std::string public_key;
  };
  [[nodiscard]] virtual Result<KeyPair> VapidKeys(const std::function<Result<KeyPair>()>& make,
                                                  int64_t now) = 0;

  // Adds a device's subscription; the same endpoint again replaces the old one (keys, device,
  // person). kConflict when the person already has `max_per_person` others.
  [[nodiscard]] virtual Result<int64_t> AddSubscription(const PushSubscription& s, int64_t now,
                                                        size_t max_per_person) = 0;
  [[nodiscard]] virtual Result<std::vector<PushSubscription>> Subscriptions(PersonId person) = 0;
  // Removes one of the person's subscriptions (by id, or by endpoint when id is 0); false when
  // they have no such one.
  [[nodiscard]] virtual Result<bool> RemoveSubscription(PersonId person, int64_t id,
                                                        const std::string& endpoint) = 0;
  // Removes every subscription of the person and every reminder not yet sent.
  [[nodiscard]] virtual Result<int64_t> RemoveAll(PersonId person) = 0;

  // Takes up to `limit` reminders due at `now` that no other sender holds, lets `decide` say
  // what becomes of each (reading the person's diary in the same transaction through the
  // DiaryTxn it is given, and planning what follows through its Reminders()), and hands each
  // to be sent as one delivery per subscription, or ends it. Returns how many were taken.
  using Decide = std::function<Result<Handover>(const Reminder&, DiaryTxn&)>;
  [[nodiscard]] virtual Result<size_t> HandOverDue(int64_t now, size_t limit,
                                                   const Decide& decide) = 0;
  // Claims up to `limit` deliveries due at `now` whose lease is not held, holding each until
  // `now + lease_seconds`.
  [[nodiscard]] virtual Result<std::vector<Delivery>> ClaimDeliveries(int64_t now,
                                                                      int64_t lease_seconds,
                                                                      size_t limit) = 0;
  // Records what became of claimed deliveries.
  [[nodiscard]] virtual Result<void> Record(const std::vector<DeliveryOutcome>& outcomes,
                                            int64_t now) = 0;
  // Forgets reminders and deliveries finished before `before`.
  [[nodiscard]] virtual Result<void> Prune(int64_t before) = 0;
  // The earliest time anything pending is due (a reminder or a delivery), if any.
  [[nodiscard]] virtual Result<std::optional<int64_t>> NextDue() = 0;
  [[nodiscard]] virtual Result<PushCounts> Counts(std::optional<PersonId> person) = 0;
};

}  // namespace backsignal
