-- The snapshot is written in slices (issue 19): the first, small, in the transaction that moves the blast to
-- SENDING, so sending starts at once; the rest in slices of their own while the first recipients are being sent.
-- snapshot_after is the last subscriber id written so far, where the next slice (or a restart) carries on;
-- snapshot_done_at says no slice is left, so a sender that finds nothing open knows the blast has nothing more.
-- Runs written before this version were written whole: done when taken.
ALTER TABLE delivery_runs ADD COLUMN snapshot_after BIGINT;
ALTER TABLE delivery_runs ADD COLUMN snapshot_done_at TIMESTAMP WITH TIME ZONE;
UPDATE delivery_runs SET snapshot_done_at = snapshot_at WHERE snapshot_at IS NOT NULL;
