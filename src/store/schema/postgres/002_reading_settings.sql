-- reading settings
CREATE TABLE settings (
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (person_id, name)
);
