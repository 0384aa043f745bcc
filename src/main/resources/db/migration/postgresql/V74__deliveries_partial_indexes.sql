-- Every snapshot row went into each of the table's seven indexes, two of them for values a new row does not have
-- yet (a claim, a sent time): an index of only the rows that have one is all the heartbeat, the release and the
-- rate shown on a blast look at, and a snapshot of a million writes two indexes fewer. H2 has no partial index.
DROP INDEX deliveries_claims;
CREATE INDEX deliveries_claims ON deliveries (claimed_by) WHERE claimed_by IS NOT NULL;
DROP INDEX deliveries_sent;
CREATE INDEX deliveries_sent ON deliveries (blast_id, sent_at) WHERE sent_at IS NOT NULL;
