-- safety screen
-- A person's red-flag screen, kept on the server so that a stop made on one surface holds on
-- every other: the answers, their urgency, when they were given, and a clinician's clearance.
CREATE TABLE safety (
  person_id BIGINT PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
  answers TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('clear', 'soon', 'same_day', 'emergency')),
  answered_at BIGINT NOT NULL,
  cleared_on TEXT,
  cleared_at BIGINT NOT NULL DEFAULT 0
);
