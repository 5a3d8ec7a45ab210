-- injury
-- A fall or another injury recorded on a day (a context field, 'fall' or 'other', issue 19):
-- recording one asks the safety questions again at once.
ALTER TABLE days ADD COLUMN injury TEXT CHECK (injury IN ('fall', 'other'));
