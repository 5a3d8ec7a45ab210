-- profile
CREATE TABLE profile (
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (person_id, key)
);
