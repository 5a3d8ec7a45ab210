// Web Push in the store: keys, prefs, subscriptions, the reminder queue and its deliveries.
#include <algorithm>

#include "sql_database.h"

namespace backsignal::sql {
namespace {

#define BACKSIGNAL_SUB_COLUMNS \
  "s.id, s.person_id, s.endpoint, s.p256dh, s.auth, s.device, s.created_at, s.last_sent_at"

PushSubscription SubscriptionFrom(const Row& r, size_t c) {
  PushSubscription s;
  s.id = r.Int(c);
  s.person = r.Int(c + 1);
  s.endpoint = r.Text(c + 2);
  s.p256dh = r.Text(c + 3);
  s.auth = r.Text(c + 4);
  s.device = r.Text(c + 5);
  s.created_at = r.Int(c + 6);
  s.last_sent_at = r.OptInt(c + 7);
  return s;
}

std::optional<ReminderKind> KindFrom(const std::string& s) {
  if (s == "hour_after") return ReminderKind::kHourAfter;
  if (s == "morning") return ReminderKind::kMorning;
  if (s == "test") return ReminderKind::kTest;
  return std::nullopt;
}

Result<Reminder> ReminderFrom(const Row& r) {
  Reminder out;
  out.id = r.Int(0);
  out.person = r.Int(1);
  auto kind = KindFrom(r.Text(2));
  auto date = Date::Parse(r.Text(3));
  if (!kind || !date) return Fail(Error::Storage("corrupt reminder in the database"));
  out.kind = *kind;
  out.date = *date;
  out.slot = r.Int(4);
  out.due_at = r.Int(5);
  out.state = r.Text(6);
  return out;
}

#define BACKSIGNAL_REMINDER_COLUMNS "id, person_id, kind, date, slot, due_at, state"

}  // namespace

// --- one person's, inside a diary write ---

Result<ReminderPrefs> SqlReminderTxn::GetPrefs() {
  auto rows = c_.Query(
      "SELECT hour_after, morning, quiet_start, quiet_end FROM push_prefs WHERE person_id = ?",
      {person_});
  if (!rows) return Unexpected(rows.error());
  ReminderPrefs p;
  if (rows->empty()) return p;
  const Row& r = (*rows)[0];
  p.hour_after = r.Int(0) != 0;
  p.morning = r.Int(1) != 0;
  p.quiet_start.reset();
  p.quiet_end.reset();
  if (!r.IsNull(2) && !r.IsNull(3)) {
    p.quiet_start = static_cast<int>(r.Int(2));
    p.quiet_end = static_cast<int>(r.Int(3));
  }
  return p;
}

Result<void> SqlReminderTxn::SetPrefs(const ReminderPrefs& p) {
  const bool quiet = p.quiet_start && p.quiet_end;
  auto ok = c_.Run(
      "INSERT INTO push_prefs (person_id, hour_after, morning, quiet_start, quiet_end) VALUES "
      "(?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET hour_after = excluded.hour_after, "
      "morning = excluded.morning, quiet_start = excluded.quiet_start, quiet_end = "
      "excluded.quiet_end",
      {person_, int64_t{p.hour_after}, int64_t{p.morning},
       quiet ? Value(int64_t{*p.quiet_start}) : Null(),
       quiet ? Value(int64_t{*p.quiet_end}) : Null()});
  if (!ok) return Unexpected(ok.error());
  return {};
}

Result<int64_t> SqlReminderTxn::CountSubscriptions() {
  auto rows = c_.Query("SELECT COUNT(*) FROM push_subscriptions WHERE person_id = ?", {person_});
  if (!rows) return Unexpected(rows.error());
  return (*rows)[0].Int(0);
}

Result<std::vector<Reminder>> SqlReminderTxn::Pending() {
  auto rows = c_.Query("SELECT " BACKSIGNAL_REMINDER_COLUMNS
                       " FROM push_reminders WHERE person_id = ? AND state = 'pending' "
                       "ORDER BY due_at",
                       {person_});
  if (!rows) return Unexpected(rows.error());
  std::vector<Reminder> out;
  for (const Row& r : *rows) {
    auto one = ReminderFrom(r);
    if (!one) return Unexpected(one.error());
    out.push_back(std::move(*one));
  }
  return out;
}

Result<void> SqlReminderTxn::Plan(ReminderKind kind, Date date, int64_t slot, int64_t due_at,
                                  int64_t now) {
  auto ok = c_.Run(
      "INSERT INTO push_reminders (person_id, kind, date, slot, due_at, state, created_at) "
      "VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (person_id, kind, date, slot) DO UPDATE "
      "SET due_at = excluded.due_at, state = 'pending' WHERE push_reminders.state <> 'sent'",
      {person_, std::string(ReminderKindName(kind)), date.ToString(), slot, due_at, now});
  if (!ok) return Unexpected(ok.error());
  return {};
}

Result<void> SqlReminderTxn::End(int64_t reminder_id, std::string_view state) {
  auto ok = c_.Run(
      "UPDATE push_reminders SET state = ? WHERE id = ? AND person_id = ? AND state = 'pending'",
      {std::string(state), reminder_id, person_});
  if (!ok) return Unexpected(ok.error());
  return {};
}

// --- across every person ---

Result<PushStore::KeyPair> SqlPushStore::VapidKeys(const std::function<Result<KeyPair>()>& make,
                                                   int64_t now) {
  auto read = [&]() -> Result<std::optional<KeyPair>> {
    return db_.Read([&](Conn& c) -> Result<std::optional<KeyPair>> {
      auto rows = c.Query("SELECT private_key, public_key FROM push_vapid WHERE id = 1", {});
      if (!rows) return Unexpected(rows.error());
      if (rows->empty()) return std::optional<KeyPair>();
      return std::optional(KeyPair{(*rows)[0].Text(0), (*rows)[0].Text(1)});
    });
  };
  auto stored = read();
  if (!stored) return Unexpected(stored.error());
  if (*stored) return **stored;
  auto made = make();
  if (!made) return Unexpected(made.error());
  auto ok = db_.Write([&](Conn& c) -> Result<void> {
    auto r = c.Run(
        "INSERT INTO push_vapid (id, private_key, public_key, created_at) VALUES (1, ?, ?, ?) "
        "ON CONFLICT (id) DO NOTHING",
        {made->private_key, made->public_key, now});
    if (!r) return Unexpected(r.error());
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  stored = read();  // another process may have stored its own first: that one holds
  if (!stored) return Unexpected(stored.error());
  if (!*stored) return Fail(Error::Storage("the VAPID key pair was not stored"));
  return **stored;
}

Result<int64_t> SqlPushStore::AddSubscription(const PushSubscription& s, int64_t now,
                                              size_t max_per_person) {
  int64_t id = 0;
  auto ok = db_.Write([&](Conn& c) -> Result<void> {
    auto others =
        c.Query("SELECT COUNT(*) FROM push_subscriptions WHERE person_id = ? AND endpoint <> ?",
                {s.person, s.endpoint});
    if (!others) return Unexpected(others.error());
    if (static_cast<size_t>((*others)[0].Int(0)) >= max_per_person) {
      // TRANSLATORS: {n} is the most devices one person can have reminders on.
      return Fail(Error::Conflict(
          NT_("you already have reminders on {n} device, the most there can be: remove it "
              "(Reminders, Your devices) first",
              "you already have reminders on {n} devices, the most there can be: remove one "
              "(Reminders, Your devices) first",
              static_cast<int64_t>(max_per_person))));
    }
    // The same endpoint subscribed again (new keys, or another account on a shared phone)
    // replaces the old row: one device, one subscription.
    if (auto d = c.Run("DELETE FROM push_subscriptions WHERE endpoint = ?", {s.endpoint}); !d) {
      return Unexpected(d.error());
    }
    auto r = c.Query(
        "INSERT INTO push_subscriptions (person_id, endpoint, p256dh, auth, device, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {s.person, s.endpoint, s.p256dh, s.auth, s.device, now});
    if (!r) return Unexpected(r.error());
    id = (*r)[0].Int(0);
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return id;
}

Result<std::vector<PushSubscription>> SqlPushStore::Subscriptions(PersonId person) {
  return db_.Read([&](Conn& c) -> Result<std::vector<PushSubscription>> {
    auto rows = c.Query("SELECT " BACKSIGNAL_SUB_COLUMNS
                        " FROM push_subscriptions s WHERE s.person_id = ? ORDER BY s.id",
                        {person});
    if (!rows) return Unexpected(rows.error());
    std::vector<PushSubscription> out;
    for (const Row& r : *rows) out.push_back(SubscriptionFrom(r, 0));
    return out;
  });
}

Result<bool> SqlPushStore::RemoveSubscription(PersonId person, int64_t id,
                                              const std::string& endpoint) {
  bool removed = false;
  auto ok = db_.Write([&](Conn& c) -> Result<void> {
    auto r = id != 0 ? c.Run("DELETE FROM push_subscriptions WHERE person_id = ? AND id = ?",
                             {person, id})
                     : c.Run("DELETE FROM push_subscriptions WHERE person_id = ? AND endpoint = ?",
                             {person, endpoint});
    if (!r) return Unexpected(r.error());
    removed = *r > 0;
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return removed;
}

Result<int64_t> SqlPushStore::RemoveAll(PersonId person) {
  int64_t removed = 0;
  auto ok = db_.Write([&](Conn& c) -> Result<void> {
    auto r = c.Run("DELETE FROM push_subscriptions WHERE person_id = ?", {person});
    if (!r) return Unexpected(r.error());
    removed = *r;
    auto p =
        c.Run("DELETE FROM push_reminders WHERE person_id = ? AND state = 'pending'", {person});
    if (!p) return Unexpected(p.error());
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return removed;
}

Result<size_t> SqlPushStore::HandOverDue(int64_t now, size_t limit, const Decide& decide) {
  size_t taken = 0;
  auto ok = db_.Write([&](Conn& c) -> Result<void> {
    const bool pg = c.dialect() == Dialect::kPostgres;
    // SKIP LOCKED: what another process is handing over now is left to it.
    auto rows = pg ? c.Query("SELECT " BACKSIGNAL_REMINDER_COLUMNS
                             " FROM push_reminders WHERE state = 'pending' AND due_at <= ? "
                             "ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED",
                             {now, static_cast<int64_t>(limit)})
                   : c.Query("SELECT " BACKSIGNAL_REMINDER_COLUMNS
                             " FROM push_reminders WHERE state = 'pending' AND due_at <= ? "
                             "ORDER BY due_at LIMIT ?",
                             {now, static_cast<int64_t>(limit)});
    if (!rows) return Unexpected(rows.error());
    for (const Row& row : *rows) {
      auto r = ReminderFrom(row);
      if (!r) return Unexpected(r.error());
      if (pg) {
        // The person's diary lock, as a check-in takes it; not waited for (that could
        // deadlock with a check-in waiting for this row): a busy person's reminder waits for
        // the next round.
        auto got = c.Query("SELECT pg_try_advisory_xact_lock(?)", {r->person});
        if (!got) return Unexpected(got.error());
        if ((*got)[0].Text(0) != "t" && (*got)[0].Text(0) != "true" && (*got)[0].Int(0) != 1) {
          continue;
        }
      }
      SqlTxn txn(c, r->person);
      auto h = decide(*r, txn);
      if (!h) return Unexpected(h.error());
      ++taken;
      if (h->what != Handover::What::kSend) {
        auto e = txn.Reminders().End(r->id,
                                     h->what == Handover::What::kCancel ? "cancelled" : "skipped");
        if (!e) return e;
        continue;
      }
      auto ins = c.Run(
          "INSERT INTO push_deliveries (reminder_id, subscription_id, payload, urgency, state, "
          "attempts, next_at, lease_until, expires_at) SELECT ?, id, ?, ?, 'pending', 0, ?, 0, ? "
          "FROM push_subscriptions WHERE person_id = ? ON CONFLICT (reminder_id, subscription_id) "
          "DO NOTHING",
          {r->id, h->payload, h->urgency, now, h->expires_at, r->person});
      if (!ins) return Unexpected(ins.error());
      auto up = c.Run("UPDATE push_reminders SET state = 'sent' WHERE id = ?", {r->id});
      if (!up) return Unexpected(up.error());
    }
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return taken;
}

Result<std::vector<Delivery>> SqlPushStore::ClaimDeliveries(int64_t now, int64_t lease_seconds,
                                                            size_t limit) {
  std::vector<Delivery> out;
  auto ok = db_.Write([&](Conn& c) -> Result<void> {
    out.clear();
    const bool pg = c.dialect() == Dialect::kPostgres;
    auto rows = pg ? c.Query(
                         "SELECT d.id, d.reminder_id, d.payload, d.urgency, d.attempts, "
                         "d.expires_at, " BACKSIGNAL_SUB_COLUMNS
                         " FROM push_deliveries d JOIN push_subscriptions s ON s.id = "
                         "d.subscription_id WHERE d.state = 'pending' AND d.next_at <= ? AND "
                         "d.lease_until <= ? ORDER BY d.next_at, d.id LIMIT ? FOR UPDATE OF d SKIP "
                         "LOCKED",
                         {now, now, static_cast<int64_t>(limit)})
                   : c.Query(
                         "SELECT d.id, d.reminder_id, d.payload, d.urgency, d.attempts, "
                         "d.expires_at, " BACKSIGNAL_SUB_COLUMNS
                         " FROM push_deliveries d JOIN push_subscriptions s ON s.id = "
                         "d.subscription_id WHERE d.state = 'pending' AND d.next_at <= ? AND "
                         "d.lease_until <= ? ORDER BY d.next_at, d.id LIMIT ?",
                         {now, now, static_cast<int64_t>(limit)});
    if (!rows) return Unexpected(rows.error());
    for (const Row& r : *rows) {
      Delivery d;
      d.id = r.Int(0);
      d.reminder_id = r.Int(1);
      d.payload = r.Text(2);
      d.urgency = r.Text(3);
      d.attempts = static_cast<int>(r.Int(4));
      d.expires_at = r.Int(5);
      d.subscription = SubscriptionFrom(r, 6);
      auto lease = c.Run("UPDATE push_deliveries SET lease_until = ? WHERE id = ?",
                         {now + lease_seconds, d.id});
      if (!lease) return Unexpected(lease.error());
      out.push_back(std::move(d));
    }
    return {};
  });
  if (!ok) return Unexpected(ok.error());
  return out;
}

Result<void> SqlPushStore::Record(const std::vector<DeliveryOutcome>& outcomes, int64_t now) {
  if (outcomes.empty()) return {};
  return db_.Write([&](Conn& c) -> Result<void> {
    for (const DeliveryOutcome& o : outcomes) {
      Result<int64_t> r = 0;
      switch (o.what) {
        case DeliveryOutcome::What::kSent:
          r = c.Run(
              "UPDATE push_deliveries SET state = 'sent', attempts = attempts + 1, "
              "last_status = ?, done_at = ?, lease_until = 0 WHERE id = ?",
              {int64_t{o.status}, now, o.delivery_id});
          if (r) {
            r = c.Run(
                "UPDATE push_subscriptions SET last_sent_at = ? WHERE id = (SELECT "
                "subscription_id FROM push_deliveries WHERE id = ?)",
                {now, o.delivery_id});
          }
          break;
        case DeliveryOutcome::What::kRetry:
          r = c.Run(
              "UPDATE push_deliveries SET attempts = attempts + 1, last_status = ?, "
              "next_at = ?, lease_until = 0 WHERE id = ?",
              {int64_t{o.status}, o.next_at, o.delivery_id});
          break;
        case DeliveryOutcome::What::kFailed:
        case DeliveryOutcome::What::kDropped:
          r = c.Run(
              "UPDATE push_deliveries SET state = ?, attempts = attempts + ?, last_status = "
              "?, done_at = ?, lease_until = 0 WHERE id = ?",
              {std::string(o.what == DeliveryOutcome::What::kFailed ? "failed" : "dropped"),
               int64_t{o.status != 0 ? 1 : 0}, int64_t{o.status}, now, o.delivery_id});
          break;
        case DeliveryOutcome::What::kGone:
          // The device's subscription ended at the push service: it goes, with its deliveries.
          r = c.Run(
              "DELETE FROM push_subscriptions WHERE id = (SELECT subscription_id FROM "
              "push_deliveries WHERE id = ?)",
              {o.delivery_id});
          break;
      }
      if (!r) return Unexpected(r.error());
    }
    return {};
  });
}

Result<void> SqlPushStore::Prune(int64_t before) {
  return db_.Write([&](Conn& c) -> Result<void> {
    auto d =
        c.Run("DELETE FROM push_deliveries WHERE state <> 'pending' AND done_at < ?", {before});
    if (!d) return Unexpected(d.error());
    auto r = c.Run(
        "DELETE FROM push_reminders WHERE state <> 'pending' AND due_at < ? AND NOT EXISTS "
        "(SELECT 1 FROM push_deliveries d WHERE d.reminder_id = push_reminders.id)",
        {before});
    if (!r) return Unexpected(r.error());
    return {};
  });
}

Result<std::optional<int64_t>> SqlPushStore::NextDue() {
  return db_.Read([&](Conn& c) -> Result<std::optional<int64_t>> {
    auto rows = c.Query(
        "SELECT (SELECT MIN(due_at) FROM push_reminders WHERE state = 'pending'), (SELECT "
        "MIN(CASE WHEN lease_until > next_at THEN lease_until ELSE next_at END) FROM "
        "push_deliveries WHERE state = 'pending')",
        {});
    if (!rows) return Unexpected(rows.error());
    std::optional<int64_t> out = (*rows)[0].OptInt(0);
    if (auto d = (*rows)[0].OptInt(1)) out = out ? std::min(*out, *d) : *d;
    return out;
  });
}

Result<PushCounts> SqlPushStore::Counts(std::optional<PersonId> person) {
  return db_.Read([&](Conn& c) -> Result<PushCounts> {
    const int64_t who = person.value_or(0);
    const int64_t all = person ? 0 : 1;
    auto r = c.Query(
        "SELECT (SELECT COUNT(*) FROM push_reminders WHERE state = 'pending' AND (? = 1 OR "
        "person_id = ?)), d.state, COUNT(d.id) FROM push_deliveries d JOIN push_reminders r ON "
        "r.id = d.reminder_id WHERE (? = 1 OR r.person_id = ?) GROUP BY d.state",
        {all, who, all, who});
    if (!r) return Unexpected(r.error());
    PushCounts out;
    for (const Row& row : *r) {
      out.pending_reminders = row.Int(0);
      const std::string state = row.Text(1);
      const int64_t n = row.Int(2);
      if (state == "pending") out.pending = n;
      if (state == "sent") out.sent = n;
      if (state == "failed") out.failed = n;
      if (state == "dropped") out.dropped = n;
    }
    if (r->empty()) {
      auto p = c.Query(
          "SELECT COUNT(*) FROM push_reminders WHERE state = 'pending' AND (? = 1 OR person_id = "
          "?)",
          {all, who});
      if (!p) return Unexpected(p.error());
      out.pending_reminders = (*p)[0].Int(0);
    }
    return out;
  });
}

}  // namespace backsignal::sql
