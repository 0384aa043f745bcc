-- The consent ledger (and the terms it refers to) is evidence: no row may change or vanish. Grants do not bind superusers (the tests
-- connect as one), so triggers enforce it for everybody, TRUNCATE included.
CREATE FUNCTION consent_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER consent_events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON consent_events
    FOR EACH ROW EXECUTE FUNCTION consent_refuse_change();

CREATE TRIGGER consent_events_no_truncate
    BEFORE TRUNCATE ON consent_events
    FOR EACH STATEMENT EXECUTE FUNCTION consent_refuse_change();

-- The terms texts are evidence too: the history shows "the exact words", so they may never change either.
CREATE TRIGGER consent_terms_no_update_or_delete
    BEFORE UPDATE OR DELETE ON consent_terms
    FOR EACH ROW EXECUTE FUNCTION consent_refuse_change();

CREATE TRIGGER consent_terms_no_truncate
    BEFORE TRUNCATE ON consent_terms
    FOR EACH STATEMENT EXECUTE FUNCTION consent_refuse_change();
