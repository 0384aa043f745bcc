-- deliveries_subscriber (subscriber_id, status) took an entry for every snapshot row and another for every change of
-- status: a fifth of the snapshot's writing (the same INSERT of 100 000 rows, alternated in one session here: 1.25-1.44 s
-- with it, 1.00-1.13 s without, and 44 instead of 37 MB of WAL), before the first message could go, and one index entry
-- more per message recorded. The few queries that
-- look for one person's rows (an unsubscribe, an access request, an erasure) go through deliveries_once instead,
-- blast by blast: every row's blast has a delivery_runs row (the snapshot writes it first), one index probe each.
-- H2 keeps the index: its planner is not relied on for that.
DROP INDEX deliveries_subscriber;
