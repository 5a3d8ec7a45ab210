-- never-reused ids
-- A person's or an account's id is never handed out again once deleted (AUTOINCREMENT), so that
-- nothing keyed by one (a cached reading, a phone's queued check-ins) can reach a newcomer.
-- SQLite cannot add AUTOINCREMENT to a table: both are made again, rows and all (migrations run
-- with foreign keys off, and are checked before they commit).
CREATE TABLE new_people (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  usual_morning_pain REAL CHECK (usual_morning_pain BETWEEN 0 AND 10),
  usual_morning_stiffness REAL CHECK (usual_morning_stiffness BETWEEN 0 AND 10),
  version INTEGER NOT NULL DEFAULT 0
);
INSERT INTO new_people (id, usual_morning_pain, usual_morning_stiffness, version)
  SELECT id, usual_morning_pain, usual_morning_stiffness, version FROM people;
DROP TABLE people;
ALTER TABLE new_people RENAME TO people;
CREATE TABLE new_accounts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id INTEGER NOT NULL UNIQUE REFERENCES people(id) ON DELETE CASCADE,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('person', 'clinician')),
  is_admin INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
INSERT INTO new_accounts (id, person_id, username, password_hash, role, is_admin, created_at)
  SELECT id, person_id, username, password_hash, role, is_admin, created_at FROM accounts;
DROP TABLE accounts;
ALTER TABLE new_accounts RENAME TO accounts;
