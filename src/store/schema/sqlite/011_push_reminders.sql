-- push reminders
-- Web Push (docs/reminders.md): the server's VAPID key pair, each person's reminder choices,
-- their devices' subscriptions, the reminders planned (written in the transaction of the
-- check-in that causes them), and each reminder's delivery to each device, claimed by one
-- sender at a time under a lease.
CREATE TABLE push_vapid (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  private_key TEXT NOT NULL,
  public_key TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE push_prefs (
  person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  hour_after INTEGER NOT NULL CHECK (hour_after IN (0, 1)),
  morning INTEGER NOT NULL CHECK (morning IN (0, 1)),
  quiet_start INTEGER CHECK (quiet_start BETWEEN 0 AND 1439),
  quiet_end INTEGER CHECK (quiet_end BETWEEN 0 AND 1439)
);
CREATE TABLE push_subscriptions (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  endpoint TEXT NOT NULL UNIQUE,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  device TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_sent_at INTEGER
);
CREATE INDEX push_subscriptions_person ON push_subscriptions(person_id);
CREATE TABLE push_reminders (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('hour_after', 'morning', 'test')),
  date TEXT NOT NULL,
  slot INTEGER NOT NULL,
  due_at INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'cancelled', 'skipped')),
  created_at INTEGER NOT NULL,
  UNIQUE (person_id, kind, date, slot)
);
CREATE INDEX push_reminders_due ON push_reminders(due_at) WHERE state = 'pending';
CREATE TABLE push_deliveries (
  id INTEGER PRIMARY KEY,
  reminder_id INTEGER NOT NULL REFERENCES push_reminders(id) ON DELETE CASCADE,
  subscription_id INTEGER NOT NULL REFERENCES push_subscriptions(id) ON DELETE CASCADE,
  payload TEXT NOT NULL,
  urgency TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'dropped')),
  attempts INTEGER NOT NULL,
  next_at INTEGER NOT NULL,
  lease_until INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_status INTEGER,
  done_at INTEGER,
  UNIQUE (reminder_id, subscription_id)
);
CREATE INDEX push_deliveries_next ON push_deliveries(next_at) WHERE state = 'pending';
CREATE INDEX push_deliveries_subscription ON push_deliveries(subscription_id);
