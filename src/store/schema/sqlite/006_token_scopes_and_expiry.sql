-- token scopes and expiry
-- An API token does one kind of work (read, check-ins, or the whole diary; never the account)
-- and ends: tokens made before this get the widest scope a token can have, and 90 days from
-- when they were made.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'diary'
  CHECK (scope IN ('read', 'checkins', 'diary'));
ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER;
UPDATE api_tokens SET expires_at = created_at + 90 * 86400;
