-- The ledger's one allowed change (issue 20), as on PostgreSQL: an erasure sets ip_address, user_agent and
-- page_url to NULL and changes nothing else, for an address hash recorded in consent_erasures first. The Java
-- trigger checks it; DELETE stays refused by the append-only trigger of V4.
DROP TRIGGER consent_events_no_update;
CREATE TRIGGER consent_events_erasure_only BEFORE UPDATE ON consent_events
    FOR EACH ROW CALL 'org.callout.consent.internal.LedgerErasureTrigger';

-- The record of erasures is evidence as well.
CREATE TRIGGER consent_erasures_no_update BEFORE UPDATE ON consent_erasures
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
CREATE TRIGGER consent_erasures_no_delete BEFORE DELETE ON consent_erasures
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
