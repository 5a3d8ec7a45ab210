-- diary versions
-- Every write to a person's diary or thresholds adds one, in the same transaction: a reading
-- cached in any process is current exactly while its version is.
ALTER TABLE people ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE summaries ADD COLUMN keeps_rising INTEGER NOT NULL DEFAULT 0;
