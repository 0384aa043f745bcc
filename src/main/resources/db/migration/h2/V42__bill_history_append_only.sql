-- The status history is evidence of what the legislature did and what Callout announced: like the consent
-- ledger, no row may change or vanish. The trigger class is the consent ledger's (a database artifact, not
-- a Java dependency between modules).
CREATE TRIGGER bill_status_history_no_update BEFORE UPDATE ON bill_status_history
    FOR EACH ROW CALL 'org.callout.consent.internal.AppendOnlyTrigger';
CREATE TRIGGER bill_status_history_no_delete BEFORE DELETE ON bill_status_history
    FOR EACH ROW CALL 'org.callout.consent.internal.AppendOnlyTrigger';
