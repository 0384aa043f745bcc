-- Template versions are what blasts sent: like the consent ledger, no row may change or vanish (H2 has no
-- TRUNCATE triggers; the PostgreSQL migration blocks it).
CREATE TRIGGER campaign_template_versions_no_update BEFORE UPDATE ON campaign_template_versions
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
CREATE TRIGGER campaign_template_versions_no_delete BEFORE DELETE ON campaign_template_versions
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
CREATE TRIGGER campaign_template_parts_no_update BEFORE UPDATE ON campaign_template_parts
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
CREATE TRIGGER campaign_template_parts_no_delete BEFORE DELETE ON campaign_template_parts
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
CREATE TRIGGER campaign_template_deletions_no_update BEFORE UPDATE ON campaign_template_deletions
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
CREATE TRIGGER campaign_template_deletions_no_delete BEFORE DELETE ON campaign_template_deletions
    FOR EACH ROW CALL 'org.callout.platform.AppendOnlyTrigger';
