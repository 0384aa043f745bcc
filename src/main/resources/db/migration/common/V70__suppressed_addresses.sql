-- The suppression list: addresses nothing is ever sent to again, such as one the relay answered "no such
-- user" (5.1.1 / 5.1.10). Owned by the subscribers module. An address is kept only as its keyed hash (the
-- platform's AddressHasher over the lower-cased address, the same value as consent_events.address_hash), so a
-- suppression outlives the erasure of the subscriber and a later re-import of the address still matches it.
-- The first suppression of an address is kept (the primary key; later ones are ignored), until an organizer
-- lifts it. Plain types and a primary key only: the same statements run on PostgreSQL 15 and on H2 in
-- MODE=PostgreSQL.
CREATE TABLE suppressed_addresses (
    address_hash  VARCHAR(64)  PRIMARY KEY,
    -- Why, as a code: 'no-such-user' (the relay's 5.1.1 / 5.1.10), 'organizer' (set through the API). Checked
    -- in Java, not by a CHECK constraint, so that a new reason (a complaint) needs no migration.
    reason        VARCHAR(40)  NOT NULL,
    -- What the reason rests on, for organizers: the relay's reply, an organizer's note. One line (CR/LF are
    -- removed before it is stored: it is shown and logged), cut to 500 UTF-16 units, which fit both databases.
    detail        VARCHAR(500),
    -- Who suppressed it: 'api' (an organizer), the sending engine ('relay', 'blast:42').
    source        VARCHAR(40)  NOT NULL,
    suppressed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The same keyed hash of each subscriber's email_key, so that a set-wise snapshot of an audience can leave out
-- suppressed people in SQL:
--     NOT EXISTS (SELECT 1 FROM suppressed_addresses sa WHERE sa.address_hash = s.email_hash)
-- SQL cannot compute the HMAC (its key is a secret only the application holds), so the column is nullable
-- here: the subscribers module sets it on every insert, and at start-up fills it for rows written before this
-- migration (EmailHashBackfill), before the web server or any scheduled sender starts. The index serves the
-- other direction: which subscriber a new suppression names.
ALTER TABLE subscribers ADD COLUMN email_hash VARCHAR(64);
CREATE INDEX subscribers_email_hash ON subscribers (email_hash);
