-- H2 has no plpgsql: a Java trigger (on Callout's classpath) refuses UPDATE and DELETE on the ledger and
-- on the terms texts it refers to.
-- H2 has no TRUNCATE triggers; the embedded database is a single operator's file, and the PostgreSQL
-- migration blocks TRUNCATE where instances share a database.
CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
    FOR EACH ROW CALL 'org.callout.consent.internal.AppendOnlyTrigger';
CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
    FOR EACH ROW CALL 'org.callout.consent.internal.AppendOnlyTrigger';
CREATE TRIGGER consent_terms_no_update BEFORE UPDATE ON consent_terms
    FOR EACH ROW CALL 'org.callout.consent.internal.AppendOnlyTrigger';
CREATE TRIGGER consent_terms_no_delete BEFORE DELETE ON consent_terms
    FOR EACH ROW CALL 'org.callout.consent.internal.AppendOnlyTrigger';
