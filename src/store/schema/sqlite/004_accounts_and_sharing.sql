-- accounts and sharing
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL UNIQUE REFERENCES people(id) ON DELETE CASCADE,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('person', 'clinician')),
  is_admin INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE auth_sessions (
  token_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX auth_sessions_account ON auth_sessions(account_id);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER
);
CREATE TABLE throttle (key TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX throttle_key ON throttle(key, at);
CREATE TABLE invites (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE shares (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  clinician_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (person_id, clinician_id)
);
CREATE INDEX shares_clinician ON shares(clinician_id);
CREATE TABLE summaries (
  person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  last_date TEXT,
  verdict TEXT NOT NULL,
  alerts INTEGER NOT NULL,
  stirring_up INTEGER NOT NULL,
  repeated_worse INTEGER NOT NULL,
  morning_shift INTEGER NOT NULL,
  modify_or_stop INTEGER NOT NULL
);
CREATE TABLE setup (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX profile_value ON profile(key, value);
