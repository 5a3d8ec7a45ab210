#include "backsignal/service/reminders.h"

#include <atomic>
#include <nlohmann/json.hpp>

#include "backsignal/io/zone.h"
#include "backsignal/push/crypto.h"
#include "backsignal/service/safety.h"
#include "backsignal/words/reminders.h"
#include "internal.h"

namespace backsignal::service {
namespace {

std::string ZoneOf(const Profile& p) {
  auto z = ResolveTimeZone(p.time_zone);
  if (!z) z = ResolveTimeZone("");
  return z ? *z : std::string("UTC");
}

int LocalMinute(int64_t instant, const std::string& zone) {
  const int64_t local = instant + UtcOffsetAt(zone, instant);
  const int64_t in_day = ((local % 86400) + 86400) % 86400;
  return static_cast<int>(in_day / 60);
}

// The session numbers (1-based) of unfilled hour-after windows starting at `slot` on `day`.
std::optional<size_t> OpenSessionAt(const Day& day, int64_t slot) {
  for (size_t i = 0; i < day.sessions.size(); ++i) {
    const Session& s = day.sessions[i];
    if (s.time && s.time->minutes() == slot && s.hour_after.empty()) return i + 1;
  }
  return std::nullopt;
}

Result<void> PlanNextMorning(DiaryTxn& txn, const Profile& profile, const ReminderPrefs& prefs,
                             int64_t now) {
  if (!prefs.morning) return {};
  const std::string zone = ZoneOf(profile);
  const Date today = DateAt(now, zone);
  for (int ahead = 0; ahead <= 2; ++ahead) {
    const Date d = today + ahead;
    const int64_t due = MorningDue(d, profile, prefs);
    if (due <= now) continue;
    auto day = txn.GetDay(d);
    if (!day) return Unexpected(day.error());
    if (*day && (*day)->morning) continue;
    // One morning waits at a time, the next: a wake time moved to later today leaves no
    // reminder for tomorrow beside today's (tomorrow's is planned when today's is sent).
    auto pending = txn.Reminders().Pending();
    if (!pending) return Unexpected(pending.error());
    for (const Reminder& r : *pending) {
      if (r.kind == ReminderKind::kMorning && r.date != d && r.due_at > now) {
        if (auto ok = txn.Reminders().End(r.id, "cancelled"); !ok) return ok;
      }
    }
    return txn.Reminders().Plan(ReminderKind::kMorning, d, 0, due, now);
  }
  return {};
}

// `tag`: a notification with the same tag replaces the one shown, so a window's push and the
// page's own timer (notify.js, the same tag) show once, as does a rare second copy.
// In the person's language (their profile's `language`), English when they chose none.
std::string Payload(ReminderKind kind, Date date, const std::string& url, const std::string& tag,
                    const Profile& profile) {
  const Locale* loc = Locale::Find(profile.language);
  const ReminderWords w =
      ReminderText(ReminderKindName(kind), date, loc != nullptr ? *loc : Locale::English());
  nlohmann::json j = {{"title", w.title},
                      {"body", w.body},
                      {"url", url},
                      {"tag", tag},
                      {"kind", ReminderKindName(kind)},
                      {"date", date.ToString()}};
  return j.dump();
}

}  // namespace

bool InQuietHours(int minute, const ReminderPrefs& p) {
  if (!p.quiet_start || !p.quiet_end || *p.quiet_start == *p.quiet_end) return false;
  if (*p.quiet_start < *p.quiet_end) return minute >= *p.quiet_start && minute < *p.quiet_end;
  return minute >= *p.quiet_start || minute < *p.quiet_end;  // over midnight
}

std::optional<int64_t> HourAfterDue(const Session& s, Date date, const std::string& zone) {
  if (!s.time) return std::nullopt;
  const int end = s.time->minutes() + s.minutes.value_or(0);
  // The end may pass midnight: count from the session's start instant, in seconds.
  return LocalToUnix(zone, date, s.time->minutes()) + int64_t{end - s.time->minutes()} * 60 + 3600;
}

int64_t MorningDue(Date date, const Profile& profile, const ReminderPrefs& prefs) {
  int minute = WakeTimeOf(profile).minutes();
  if (InQuietHours(minute, prefs)) minute = *prefs.quiet_end;
  return LocalToUnix(ZoneOf(profile), date, minute);
}

Result<void> ReconcileReminders(DiaryTxn& txn, Date date, int64_t now) {
  ReminderTxn& rt = txn.Reminders();
  auto subs = rt.CountSubscriptions();
  if (!subs) return Unexpected(subs.error());
  if (*subs == 0) return {};
  auto prefs = rt.GetPrefs();
  if (!prefs) return Unexpected(prefs.error());
  auto profile = txn.GetProfile();
  if (!profile) return Unexpected(profile.error());
  auto stored = txn.GetDay(date);
  if (!stored) return Unexpected(stored.error());
  const Day day = stored->value_or(Day{.date = date});
  auto pending = rt.Pending();
  if (!pending) return Unexpected(pending.error());
  for (const Reminder& r : *pending) {
    if (r.date != date) continue;
    const bool filled = (r.kind == ReminderKind::kHourAfter && !OpenSessionAt(day, r.slot)) ||
                        (r.kind == ReminderKind::kMorning && day.morning);
    if (filled) {
      if (auto ok = rt.End(r.id, "cancelled"); !ok) return ok;
    }
  }
  const std::string zone = ZoneOf(*profile);
  if (prefs->hour_after) {
    for (const Session& s : day.sessions) {
      if (!s.hour_after.empty()) continue;
      auto due = HourAfterDue(s, date, zone);
      if (!due || *due <= now || InQuietHours(LocalMinute(*due, zone), *prefs)) continue;
      auto ok = rt.Plan(ReminderKind::kHourAfter, date, s.time->minutes(), *due, now);
      if (!ok) return ok;
    }
  }
  return PlanNextMorning(txn, *profile, *prefs, now);
}

Result<Handover> DecideDue(const Reminder& r, DiaryTxn& txn, int64_t now) {
  Handover h;
  if (r.kind == ReminderKind::kTest) {
    auto profile = txn.GetProfile();
    if (!profile) return Unexpected(profile.error());
    h.payload = Payload(r.kind, r.date, "/#reminders", "test-" + std::to_string(r.id), *profile);
    h.expires_at = r.due_at + kTestSendableSeconds;
    return h;
  }
  auto prefs = txn.Reminders().GetPrefs();
  if (!prefs) return Unexpected(prefs.error());
  auto profile = txn.GetProfile();
  if (!profile) return Unexpected(profile.error());
  const std::string zone = ZoneOf(*profile);
  auto day = txn.GetDay(r.date);
  if (!day) return Unexpected(day.error());
  const bool hour_after = r.kind == ReminderKind::kHourAfter;
  if (!hour_after) {
    // The morning after this one, so that mornings keep coming.
    if (auto ok = PlanNextMorning(txn, *profile, *prefs, std::max(now, r.due_at)); !ok) {
      return Unexpected(ok.error());
    }
  }
  std::optional<size_t> session;
  if (hour_after) {
    session = *day ? OpenSessionAt(**day, r.slot) : std::nullopt;
    if (!session) {
      h.what = Handover::What::kCancel;  // filled in, moved or removed
      return h;
    }
  } else if (*day && (*day)->morning) {
    h.what = Handover::What::kCancel;
    return h;
  }
  const int64_t sendable = hour_after ? kHourAfterSendableSeconds : kMorningSendableSeconds;
  // While the safety screen has stopped check-ins, nothing asks for one.
  auto safety = txn.GetSafety();
  if (!safety) return Unexpected(safety.error());
  if (!(hour_after ? prefs->hour_after : prefs->morning) || now > r.due_at + sendable ||
      InQuietHours(LocalMinute(now, zone), *prefs) || (*safety && Stops(**safety))) {
    h.what = Handover::What::kSkip;
    return h;
  }
  const std::string card = hour_after
                               ? "after-" + r.date.ToString() + "-" + std::to_string(*session)
                               : "morning-" + r.date.ToString();
  h.payload = Payload(r.kind, r.date, "/#today/" + card, card, *profile);
  h.expires_at = r.due_at + sendable;
  return h;
}

Result<PushStore::KeyPair> VapidKeys(const Service& service) {
  return StoreOf(service).Push().VapidKeys(
      []() -> Result<PushStore::KeyPair> {
        auto k = push::GenerateP256();
        if (!k) return Unexpected(k.error());
        return PushStore::KeyPair{push::Base64UrlEncode(k->private_key),
                                  push::Base64UrlEncode(k->public_key)};
      },
      service.clock().Now());
}

Result<RemindersView> GetReminders(const Service& service, PersonId person) {
  RemindersView v;
  auto ok = StoreOf(service).ForPerson(person)->View([&](DiaryTxn& txn) -> Result<void> {
    auto p = txn.Reminders().GetPrefs();
    if (!p) return Unexpected(p.error());
    v.prefs = *p;
    auto pending = txn.Reminders().Pending();
    if (!pending) return Unexpected(pending.error());
    v.pending = std::move(*pending);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  auto devices = StoreOf(service).Push().Subscriptions(person);
  if (!devices) return Unexpected(devices.error());
  v.devices = std::move(*devices);
  auto counts = StoreOf(service).Push().Counts(person);
  if (!counts) return Unexpected(counts.error());
  v.counts = *counts;
  return v;
}

Result<ReminderPrefs> SetReminderPrefs(const Service& service, PersonId person,
                                       const ReminderPrefs& prefs) {
  if ((prefs.quiet_start.has_value() != prefs.quiet_end.has_value()) ||
      (prefs.quiet_start && (*prefs.quiet_start < 0 || *prefs.quiet_start >= 1440)) ||
      (prefs.quiet_end && (*prefs.quiet_end < 0 || *prefs.quiet_end >= 1440))) {
    return Fail(Error::Invalid(
        // TRANSLATORS: HH:MM is a time's form and stays.
        Problem("quiet_hours", T_("give both a start and an end (HH:MM), or neither"))));
  }
  const int64_t now = service.clock().Now();
  auto ok = WriterOf(service).Run(person, [&](DiaryTxn& txn) -> Result<void> {
    ReminderTxn& rt = txn.Reminders();
    if (auto s = rt.SetPrefs(prefs); !s) return s;
    auto pending = rt.Pending();
    if (!pending) return Unexpected(pending.error());
    for (const Reminder& r : *pending) {
      const bool off = (r.kind == ReminderKind::kHourAfter && !prefs.hour_after) ||
                       (r.kind == ReminderKind::kMorning && !prefs.morning);
      if (off) {
        if (auto e = rt.End(r.id, "skipped"); !e) return e;
      }
    }
    auto profile = txn.GetProfile();
    if (!profile) return Unexpected(profile.error());
    return ReconcileReminders(txn, DateAt(now, profile->time_zone), now);
  });
  if (!ok) return Unexpected(ok.error());
  return prefs;
}

Result<PushSubscription> Subscribe(const Service& service, PersonId person,
                                   const NewSubscription& sub, push::Reach reach) {
  auto endpoint = push::ParseEndpoint(sub.endpoint, reach);
  if (!endpoint) return Unexpected(endpoint.error());
  auto p256dh = push::Base64UrlDecode(sub.p256dh);
  if (!p256dh || !push::IsP256PublicKey(*p256dh)) {
    return Fail(Error::Invalid(
        Problem("keys.p256dh", T_("not a P-256 public key in base64url (65 bytes)"))));
  }
  auto auth = push::Base64UrlDecode(sub.auth);
  if (!auth || auth->size() != push::kAuthSecretSize) {
    return Fail(Error::Invalid(Problem("keys.auth", T_("not a 16-byte secret in base64url"))));
  }
  if (sub.device.size() > kMaxDeviceNameChars) {
    return Fail(Error::Invalid(
        // TRANSLATORS: of a device's name; {max} is the most characters it may have.
        Problem("device", T_("at most {max} characters", {{"max", kMaxDeviceNameChars}}))));
  }
  PushSubscription s;
  s.person = person;
  s.endpoint = sub.endpoint;
  s.p256dh = push::Base64UrlEncode(*p256dh);
  s.auth = push::Base64UrlEncode(*auth);
  s.device = sub.device.empty() ? "A browser" : sub.device;
  const int64_t now = service.clock().Now();
  auto id = StoreOf(service).Push().AddSubscription(s, now, kMaxSubscriptions);
  if (!id) return Unexpected(id.error());
  s.id = *id;
  s.created_at = now;
  // Today's sessions and the next morning are planned at once for the first device.
  if (auto ok = ReplanReminders(service, person); !ok) return Unexpected(ok.error());
  return s;
}

Result<void> RemoveDevice(const Service& service, PersonId person, int64_t id,
                          const std::string& endpoint) {
  auto removed = StoreOf(service).Push().RemoveSubscription(person, id, endpoint);
  if (!removed) return Unexpected(removed.error());
  if (!*removed) return Fail(Error::NotFound(T_("no such device has your reminders")));
  return {};
}

Result<int64_t> TurnOffReminders(const Service& service, PersonId person) {
  return StoreOf(service).Push().RemoveAll(person);
}

Result<void> QueueTestReminder(const Service& service, PersonId person) {
  const int64_t now = service.clock().Now();
  return WriterOf(service).Run(person, [&](DiaryTxn& txn) -> Result<void> {
    auto subs = txn.Reminders().CountSubscriptions();
    if (!subs) return Unexpected(subs.error());
    if (*subs == 0) {
      return Fail(Error::NotFound(
          T_("no device has reminders turned on: turn them on on this device first")));
    }
    auto profile = txn.GetProfile();
    if (!profile) return Unexpected(profile.error());
    // A window of its own each time (the slot: the instant in milliseconds, made unique), due
    // now.
    static std::atomic<int64_t> serial{0};
    const int64_t slot = now * 1000 + serial.fetch_add(1) % 1000;
    return txn.Reminders().Plan(ReminderKind::kTest, DateAt(now, profile->time_zone), slot, now,
                                now);
  });
}

Result<void> ReplanReminders(const Service& service, PersonId person) {
  const int64_t now = service.clock().Now();
  return WriterOf(service).Run(person, [&](DiaryTxn& txn) -> Result<void> {
    auto profile = txn.GetProfile();
    if (!profile) return Unexpected(profile.error());
    // A changed wake time or zone: the pending mornings are planned anew.
    auto pending = txn.Reminders().Pending();
    if (!pending) return Unexpected(pending.error());
    auto prefs = txn.Reminders().GetPrefs();
    if (!prefs) return Unexpected(prefs.error());
    for (const Reminder& r : *pending) {
      if (r.kind != ReminderKind::kMorning) continue;
      const int64_t due = MorningDue(r.date, *profile, *prefs);
      auto ok = due > now ? txn.Reminders().Plan(r.kind, r.date, 0, due, now)
                          : txn.Reminders().End(r.id, "skipped");
      if (!ok) return ok;
    }
    return ReconcileReminders(txn, DateAt(now, profile->time_zone), now);
  });
}

std::string_view KindName(ReminderKind kind) { return ReminderKindName(kind); }

}  // namespace backsignal::service
