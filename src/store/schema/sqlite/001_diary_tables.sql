-- diary tables
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  usual_morning_pain REAL CHECK (usual_morning_pain BETWEEN 0 AND 10),
  usual_morning_stiffness REAL CHECK (usual_morning_stiffness BETWEEN 0 AND 10)
);
INSERT INTO people (id) VALUES (1);
CREATE TABLE days (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  morning_pain REAL CHECK (morning_pain BETWEEN 0 AND 10),
  morning_stiffness REAL CHECK (morning_stiffness BETWEEN 0 AND 10),
  sitting_hours REAL CHECK (sitting_hours BETWEEN 0 AND 24),
  prolonged_position INTEGER CHECK (prolonged_position IN (0, 1)),
  upper_body_tension REAL CHECK (upper_body_tension BETWEEN 0 AND 10),
  note TEXT,
  PRIMARY KEY (person_id, date)
) WITHOUT ROWID;
CREATE TABLE sessions (
  person_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  time_minutes INTEGER CHECK (time_minutes BETWEEN 0 AND 1439),
  minutes INTEGER CHECK (minutes BETWEEN 1 AND 600),
  activity TEXT,
  load_bits INTEGER NOT NULL DEFAULT 0 CHECK (load_bits BETWEEN 0 AND 7),
  during_start REAL CHECK (during_start BETWEEN 0 AND 10),
  during_end REAL CHECK (during_end BETWEEN 0 AND 10),
  during_pattern TEXT CHECK (during_pattern IN ('stable', 'building', 'eased')),
  during_sharp INTEGER CHECK (during_sharp IN (0, 1)),
  hour_after_pain REAL CHECK (hour_after_pain BETWEEN 0 AND 10),
  hour_after_tighter INTEGER CHECK (hour_after_tighter IN (0, 1)),
  PRIMARY KEY (person_id, date, seq),
  FOREIGN KEY (person_id, date) REFERENCES days(person_id, date) ON DELETE CASCADE
) WITHOUT ROWID;
