-- idempotency keys
-- A check-in's client-made key (Idempotency-Key), kept with what it did, so that the same
-- check-in sent again (a reply lost, an offline queue retrying) is answered with the first
-- result and stored once, across restarts and processes. Kept 30 days.
CREATE TABLE idempotency (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  request_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  date TEXT NOT NULL,
  session INTEGER,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (person_id, request_key)
);
