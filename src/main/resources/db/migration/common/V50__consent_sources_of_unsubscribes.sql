-- Unsubscribes are recorded in the ledger with how they arrived: 'one-click' (a mail app's List-Unsubscribe
-- button, RFC 8058) or 'page' (the unsubscribe page's button). Only the CHECK constraint changes; no row does,
-- so the append-only triggers are not involved. Both databases accept this ALTER syntax.
ALTER TABLE consent_events DROP CONSTRAINT consent_events_source;
ALTER TABLE consent_events ADD CONSTRAINT consent_events_source
    CHECK (source IN ('form', 'api', 'import', 'one-click', 'page'));
