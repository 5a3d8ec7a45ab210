-- summary held back
-- The clinician's list orders and labels people by what holds their reading back (reading.md
-- v3): its reasons and the activities setting the back off, one per line; and the rules version
-- a summary was made under, so that summaries made under older rules are made again on opening.
ALTER TABLE summaries ADD COLUMN held_back_by TEXT NOT NULL DEFAULT '';
ALTER TABLE summaries ADD COLUMN setting_off TEXT NOT NULL DEFAULT '';
ALTER TABLE summaries ADD COLUMN rules INTEGER NOT NULL DEFAULT 0;
