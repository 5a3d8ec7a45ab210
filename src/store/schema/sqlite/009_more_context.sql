-- more context
-- What else shapes a morning, all optional (diary-format.md's additive fields): last night's
-- sleep, painkillers, stress, and the person's own factors (tags, one per line).
ALTER TABLE days ADD COLUMN sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24);
ALTER TABLE days ADD COLUMN sleep_quality REAL CHECK (sleep_quality BETWEEN 0 AND 10);
ALTER TABLE days ADD COLUMN painkillers INTEGER CHECK (painkillers IN (0, 1));
ALTER TABLE days ADD COLUMN painkiller_name TEXT;
ALTER TABLE days ADD COLUMN stress REAL CHECK (stress BETWEEN 0 AND 10);
ALTER TABLE days ADD COLUMN tags TEXT;
