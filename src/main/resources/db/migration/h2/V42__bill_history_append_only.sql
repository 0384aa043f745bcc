-- The status history is evidence of what the legislature did and what Callout announced: like the consent
-- ledger, no row may change or vanish (H2 has no TRUNCATE triggers; the PostgreSQL migration blocks it).
CREATE TRIGGER bill_status_history_no_update BEFORE UPDATE ON bill_status_history
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
CREATE TRIGGER bill_status_history_no_delete BEFORE DELETE ON bill_status_history
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
