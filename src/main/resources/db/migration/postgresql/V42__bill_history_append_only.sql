-- The status history is evidence of what the legislature did and what Callout announced: like the consent
-- ledger, no row may change or vanish, for superusers too.
CREATE FUNCTION bill_history_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER bill_status_history_no_update_or_delete
    BEFORE UPDATE OR DELETE ON bill_status_history
    FOR EACH ROW EXECUTE FUNCTION bill_history_refuse_change();

CREATE TRIGGER bill_status_history_no_truncate
    BEFORE TRUNCATE ON bill_status_history
    FOR EACH STATEMENT EXECUTE FUNCTION bill_history_refuse_change();
