-- Claims that survive a crash (issue 13). A claim names its owner (callout.instance-id) and is kept alive by
-- a heartbeat while the work is in flight: a restarting instance takes back its own claims at once, and the
-- claims of an instance that died expire after callout.claims.expire-after (about a minute), instead of the
-- fixed 15-minute lease they replace. Any table the platform's WorkClaims serves has these two columns.
ALTER TABLE confirmation_queue ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE confirmation_queue ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE confirmation_queue DROP COLUMN claimed_until;

-- A final refusal of the address (SMTP 5xx to RCPT TO such as 550 5.1.1): the row stops being retried and
-- keeps the relay's reply, so an organizer can see why that person got no confirmation.
ALTER TABLE confirmation_queue ADD COLUMN refused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE confirmation_queue ADD COLUMN last_reply VARCHAR(500);
