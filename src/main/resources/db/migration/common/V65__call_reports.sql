-- What supporters said happened when they called from their call page: one answer per blast, supporter and
-- person called, which a later press changes. Reported by the supporter, not tracked: nothing here comes from
-- opening an email or following a link. Blasts and subscribers belong to other tables (and a subscriber to
-- another module) and are referred to by id without foreign keys, like the rest of the campaigns tables.
CREATE TABLE call_reports (
    blast_id          BIGINT        NOT NULL,
    subscriber_id     BIGINT        NOT NULL,
    -- The legislator's directory id, or 'governor' for the Governor's office.
    target_key        VARCHAR(20)   NOT NULL,
    -- The name as the page showed it, so the organizer's counts read the same after the directory changes.
    target_name       VARCHAR(200)  NOT NULL,
    outcome           VARCHAR(10)   NOT NULL,
    first_reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (blast_id, subscriber_id, target_key),
    CONSTRAINT call_reports_outcome CHECK (outcome IN ('TALKED', 'VOICEMAIL', 'NO_ANSWER'))
);
