-- never-reused ids
-- A person's or an account's id is never handed out again once deleted, so that nothing keyed
-- by one (a cached reading, a phone's queued check-ins) can reach a newcomer. An identity's
-- sequence never goes back; ALWAYS also refuses an id given by hand.
ALTER TABLE people ALTER COLUMN id SET GENERATED ALWAYS;
ALTER TABLE accounts ALTER COLUMN id SET GENERATED ALWAYS;
