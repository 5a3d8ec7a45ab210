// Web Push reminders, the policy (docs/reminders.md): what is sent and when. The hour-after
// reminder an hour after a session ends; the morning one at the wake time; nothing for a window
// already checked in, nothing in quiet hours, at most one per window. Reminders are planned in
// the transaction of the check-in that causes them (ReconcileReminders, called by Checkin), so
// a restart loses none, and cancelled there when their window is filled in. The sending is
// reminder_sender.h's.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backsignal/push/endpoint.h"
#include "backsignal/service/service.h"
#include "backsignal/store/push.h"

namespace backsignal::service {

inline constexpr size_t kMaxSubscriptions = 10;
// How long after its due time a reminder is still worth sending (a server that was down, a
// push service refusing for a while): after that its window has gone by.
inline constexpr int64_t kHourAfterSendableSeconds = int64_t{2} * 3600;
inline constexpr int64_t kMorningSendableSeconds = int64_t{4} * 3600;
inline constexpr int64_t kTestSendableSeconds = 3600;
inline constexpr size_t kMaxDeviceNameChars = 80;

// Whether a local minute of the day (0-1439) falls in the person's quiet hours, which may run
// over midnight (22:00-07:00).
bool InQuietHours(int minute_of_day, const ReminderPrefs& prefs);

// The instant the hour-after check-in of a session falls due: an hour after it ended (its start
// plus its minutes), in the person's zone. None for a session without a time.
std::optional<int64_t> HourAfterDue(const Session& s, Date date, const std::string& zone);

// The instant of the morning reminder of `date`: the wake time, or the end of the quiet hours
// when the wake time falls inside them.
int64_t MorningDue(Date date, const Profile& profile, const ReminderPrefs& prefs);

// After a write to `date` of the diary, in the same transaction: the reminders of that date
// made to match it (new sessions planned, filled or removed windows cancelled) and the next
// morning planned. Nothing is planned for a person without a subscribed device.
[[nodiscard]] Result<void> ReconcileReminders(DiaryTxn& txn, Date date, int64_t now);

// What the page and the CLI show.
struct RemindersView {
  ReminderPrefs prefs;
  std::vector<PushSubscription> devices;
  std::vector<Reminder> pending;
  PushCounts counts;
};
[[nodiscard]] Result<RemindersView> GetReminders(const Service& service, PersonId person);

// Stores the person's choices and plans (or cancels) to match them, in one transaction.
[[nodiscard]] Result<ReminderPrefs> SetReminderPrefs(const Service& service, PersonId person,
                                                     const ReminderPrefs& prefs);

// A device's subscription from the page: its endpoint checked as outside input (https, at
// most 1,000 bytes, a public host unless `reach` allows the test service on loopback), its
// keys checked (a P-256 point, a 16-byte secret); at most kMaxSubscriptions a person.
struct NewSubscription {
  std::string endpoint;
  std::string p256dh;
  std::string auth;
  std::string device;
};
[[nodiscard]] Result<PushSubscription> Subscribe(const Service& service, PersonId person,
                                                 const NewSubscription& sub, push::Reach reach);
// Removes one of the person's devices (by id; or by endpoint when id is 0).
[[nodiscard]] Result<void> RemoveDevice(const Service& service, PersonId person, int64_t id,
                                        const std::string& endpoint);
// Reminders off: every device of the person removed, and every reminder not yet sent.
[[nodiscard]] Result<int64_t> TurnOffReminders(const Service& service, PersonId person);
// A test reminder to each of the person's devices, due now. kNotFound with no device.
[[nodiscard]] Result<void> QueueTestReminder(const Service& service, PersonId person);
// Plans again after the profile's wake time or zone changed.
[[nodiscard]] Result<void> ReplanReminders(const Service& service, PersonId person);

// The VAPID key pair of this database: made and stored on first use (serve makes it at start).
[[nodiscard]] Result<PushStore::KeyPair> VapidKeys(const Service& service);

// What the sender decides for a reminder that has come due, reading the diary in the handover's
// transaction: send it (with its message), cancel it (its window was filled in), or skip it
// (its window is off, late, in quiet hours, or the safety screen has stopped check-ins). Plans
// the next morning after a morning one.
[[nodiscard]] Result<Handover> DecideDue(const Reminder& r, DiaryTxn& txn, int64_t now);

// The name of a reminder's kind as the API and the command line show it ("hour_after",
// "morning", "test").
std::string_view KindName(ReminderKind kind);

}  // namespace backsignal::service
