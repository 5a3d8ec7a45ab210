-- injury and pinned notes
-- A fall or another injury recorded on a day (a context field, 'fall' or 'other', issue 19):
-- recording one asks the safety questions again at once. A day's note pinned by the person:
-- every report shows it, whatever its window.
ALTER TABLE days ADD COLUMN injury TEXT CHECK (injury IN ('fall', 'other'));
ALTER TABLE days ADD COLUMN note_pinned INTEGER CHECK (note_pinned IN (0, 1));
