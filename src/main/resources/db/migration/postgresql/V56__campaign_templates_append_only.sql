-- Template versions are what blasts sent: like the consent ledger, no row may change or vanish, for
-- superusers too. A delete through the API is itself a new row (campaign_template_deletions).
CREATE FUNCTION campaign_templates_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER campaign_template_versions_no_update_or_delete
    BEFORE UPDATE OR DELETE ON campaign_template_versions
    FOR EACH ROW EXECUTE FUNCTION campaign_templates_refuse_change();
CREATE TRIGGER campaign_template_versions_no_truncate
    BEFORE TRUNCATE ON campaign_template_versions
    FOR EACH STATEMENT EXECUTE FUNCTION campaign_templates_refuse_change();

CREATE TRIGGER campaign_template_parts_no_update_or_delete
    BEFORE UPDATE OR DELETE ON campaign_template_parts
    FOR EACH ROW EXECUTE FUNCTION campaign_templates_refuse_change();
CREATE TRIGGER campaign_template_parts_no_truncate
    BEFORE TRUNCATE ON campaign_template_parts
    FOR EACH STATEMENT EXECUTE FUNCTION campaign_templates_refuse_change();

CREATE TRIGGER campaign_template_deletions_no_update_or_delete
    BEFORE UPDATE OR DELETE ON campaign_template_deletions
    FOR EACH ROW EXECUTE FUNCTION campaign_templates_refuse_change();
CREATE TRIGGER campaign_template_deletions_no_truncate
    BEFORE TRUNCATE ON campaign_template_deletions
    FOR EACH STATEMENT EXECUTE FUNCTION campaign_templates_refuse_change();
