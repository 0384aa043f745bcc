-- The audit log is the record of who did what: like the consent ledger, no row may change or vanish (H2 has no
-- TRUNCATE triggers; the embedded database is one operator's file, and the PostgreSQL migration blocks it).
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
