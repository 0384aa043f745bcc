-- An import's evidence_source (V81) is the organizer's cell "where they signed up", and exports from other tools
-- often put the signup page's URL there, query string and all, or "referred by <name>": personal, like page_url.
-- The erasure path (V86) may now clear it too; nothing else changes. (On H2 the Java trigger's list of erasable
-- columns says the same.)
CREATE OR REPLACE FUNCTION consent_events_erasure_only() RETURNS trigger AS $$
BEGIN
    IF NEW.ip_address IS NULL AND NEW.user_agent IS NULL AND NEW.page_url IS NULL AND NEW.evidence_source IS NULL
       AND (to_jsonb(NEW) - 'ip_address' - 'user_agent' - 'page_url' - 'evidence_source')
           = (to_jsonb(OLD) - 'ip_address' - 'user_agent' - 'page_url' - 'evidence_source')
       AND EXISTS (SELECT 1 FROM consent_erasures ce WHERE ce.address_hash = OLD.address_hash) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused (only a recorded erasure may clear ip_address, user_agent, page_url and evidence_source)',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
