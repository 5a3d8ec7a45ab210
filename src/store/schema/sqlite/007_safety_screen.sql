-- safety screen
-- A person's red-flag screen, kept on the server so that a stop made on one surface holds on
-- every other: the answers, their urgency, when they were given, and a clinician's clearance.
CREATE TABLE safety (
  person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  answers TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('clear', 'soon', 'same_day', 'emergency')),
  answered_at INTEGER NOT NULL,
  cleared_on TEXT,
  cleared_at INTEGER NOT NULL DEFAULT 0
);
