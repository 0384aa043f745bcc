-- The evidence an import brings, kept in the ledger as given (issue 20). Only columns are added, all nullable,
-- so no existing row changes and the append-only triggers (which refuse UPDATE and DELETE) are not involved.
--
-- occurred_at of an imported event is the time the file gives (consented_at for GRANTED, confirmed_at for
-- CONFIRMED): the ledger answers "when did this person consent", and an old consent must look old (to a
-- re-permission policy, to an auditor), not as fresh as the import. When Callout learned of it is recorded_at,
-- the import time, so both are kept; and the raw cells are kept too, should a parsed time ever be doubted.
ALTER TABLE consent_events ADD COLUMN import_id BIGINT;
ALTER TABLE consent_events ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE;
-- Where the person signed up, in the organizer's words ("2019 rally sign-in sheet").
ALTER TABLE consent_events ADD COLUMN evidence_source VARCHAR(400);
-- The consent words the person saw, when the file carries them instead of a Callout terms version.
ALTER TABLE consent_events ADD COLUMN evidence_text VARCHAR(8000);
-- The consented_at and confirmed_at cells exactly as the file had them.
ALTER TABLE consent_events ADD COLUMN evidence_consented_at VARCHAR(64);
ALTER TABLE consent_events ADD COLUMN evidence_confirmed_at VARCHAR(64);
CREATE INDEX consent_events_by_import ON consent_events (import_id);
