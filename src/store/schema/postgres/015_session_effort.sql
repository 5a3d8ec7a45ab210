-- session effort
-- How hard a session was, 0 to 10 (the session RPE, issue 25; docs/measures.md): a session field
-- of the field table (core/fields.cc).
ALTER TABLE sessions ADD COLUMN effort INTEGER CHECK (effort BETWEEN 0 AND 10);
