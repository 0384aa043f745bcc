-- The ledger's one allowed change (issue 20): an erasure sets ip_address, user_agent and page_url to NULL and
-- changes nothing else, for an address hash whose erasure was recorded in consent_erasures first. Every other
-- UPDATE, every DELETE and TRUNCATE are still refused, for superusers too (grants do not bind them). Comparing
-- the rows as jsonb without the three erasable fields covers columns added later as well: a new column is
-- protected without touching this function.
CREATE FUNCTION consent_events_erasure_only() RETURNS trigger AS $$
BEGIN
    IF NEW.ip_address IS NULL AND NEW.user_agent IS NULL AND NEW.page_url IS NULL
       AND (to_jsonb(NEW) - 'ip_address' - 'user_agent' - 'page_url') = (to_jsonb(OLD) - 'ip_address' - 'user_agent' - 'page_url')
       AND EXISTS (SELECT 1 FROM consent_erasures ce WHERE ce.address_hash = OLD.address_hash) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused (only a recorded erasure may clear ip_address, user_agent and page_url)',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER consent_events_no_update_or_delete ON consent_events;

CREATE TRIGGER consent_events_no_delete
    BEFORE DELETE ON consent_events
    FOR EACH ROW EXECUTE FUNCTION consent_refuse_change();

CREATE TRIGGER consent_events_erasure_only
    BEFORE UPDATE ON consent_events
    FOR EACH ROW EXECUTE FUNCTION consent_events_erasure_only();

-- The record of erasures is evidence as well.
CREATE TRIGGER consent_erasures_no_update_or_delete
    BEFORE UPDATE OR DELETE ON consent_erasures
    FOR EACH ROW EXECUTE FUNCTION consent_refuse_change();

CREATE TRIGGER consent_erasures_no_truncate
    BEFORE TRUNCATE ON consent_erasures
    FOR EACH STATEMENT EXECUTE FUNCTION consent_refuse_change();
