-- deliveries_subscriber (subscriber_id, status) took an entry for every snapshot row and another for every change of
-- status: a fifth of the snapshot's writing (1.11 of 1.36 s for 100 000 rows here without it, and 37 instead of 44 MB
-- of WAL), before the first message could go, and one index entry more per message recorded. The few queries that
-- look for one person's rows (an unsubscribe, an access request, an erasure) go through deliveries_once instead,
-- blast by blast: every row's blast has a delivery_runs row (the snapshot writes it first), one index probe each.
-- H2 keeps the index: its planner is not relied on for that.
DROP INDEX deliveries_subscriber;
