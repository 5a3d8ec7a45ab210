-- reading settings
CREATE TABLE settings (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (person_id, name)
) WITHOUT ROWID;
