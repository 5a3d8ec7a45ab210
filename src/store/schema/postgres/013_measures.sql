-- measures
-- The weekly questions (the PEG's three items, the PSFS's activities) and flares at any time
-- (docs/measures.md): beside the days, never read by the reading.
CREATE TABLE weekly (
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  date TEXT NOT NULL CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  peg_pain INTEGER CHECK (peg_pain BETWEEN 0 AND 10),
  peg_enjoyment INTEGER CHECK (peg_enjoyment BETWEEN 0 AND 10),
  peg_activity INTEGER CHECK (peg_activity BETWEEN 0 AND 10),
  PRIMARY KEY (person_id, date)
);
CREATE TABLE psfs_ratings (
  person_id BIGINT NOT NULL,
  date TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 5),
  activity TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  PRIMARY KEY (person_id, date, seq),
  FOREIGN KEY (person_id, date) REFERENCES weekly(person_id, date) ON DELETE CASCADE
);
CREATE TABLE flares (
  person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  date TEXT NOT NULL CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  time_minutes INTEGER CHECK (time_minutes BETWEEN 0 AND 1439),
  pain DOUBLE PRECISION NOT NULL CHECK (pain BETWEEN 0 AND 10),
  sharp INTEGER CHECK (sharp IN (0, 1)),
  note TEXT,
  PRIMARY KEY (person_id, date, seq)
);
