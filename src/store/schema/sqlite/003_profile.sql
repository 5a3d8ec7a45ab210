-- profile
CREATE TABLE profile (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (person_id, key)
) WITHOUT ROWID;
INSERT INTO profile (person_id, key, value) SELECT id, 'person_key', lower(hex(randomblob(16))) FROM people;
