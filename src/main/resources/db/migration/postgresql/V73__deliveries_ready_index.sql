-- The claim's own index: only the open rows, in id order. With deliveries_open (blast_id, status, id) alone the
-- planner walks the primary key and filters, and every claim of a blast nine-tenths sent stepped over the sent
-- nine-tenths first: 0.5 s a claim at 1 000 000, so a blast's time grew with the square of its size. Here a sent
-- row leaves the index; H2 has no partial index, and the reader's cursor (claims after the last id it took) keeps
-- its claims off the sent rows there.
CREATE INDEX deliveries_ready ON deliveries (blast_id, id) WHERE status IN ('PENDING', 'DEFERRED');
