package org.callout.delivery.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.callout.campaigns.BlastPlan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * A blast's recipients, written once: one delivery row per confirmed, unsuppressed member of the audience, in slices
 * by subscriber id. The first slice is written with the move to SENDING, so the first message waits for a thousand
 * rows, not for the whole audience (1.4 s at 100 000, about four minutes at 10 000 000, in one transaction); the
 * rest are written beside the senders, each slice its own transaction, carrying on after the last subscriber id
 * written, so a crash loses at most the slice being written and a restart resumes after it.
 */
@Repository
class Snapshot {

	private static final String RUN = "INSERT INTO delivery_runs (blast_id) VALUES (:blast) ON CONFLICT DO NOTHING";

	// Serializes the instances that reach the snapshot together: the first writes it, the others find it taken.
	private static final String LOCK_RUN = "SELECT snapshot_at FROM delivery_runs WHERE blast_id = :blast FOR UPDATE";

	private static final String LIST = "INSERT INTO delivery_lists (blast_id, list_id) VALUES (:blast, :list) ON CONFLICT DO NOTHING";

	/**
	 * One slice of the recipients, one INSERT ... SELECT over four modules' tables (subscribers' {@code subscribers},
	 * {@code memberships} and {@code suppressed_addresses}, legislators' {@code representations}): going through the
	 * modules' APIs would be a query or more per recipient, and a snapshot of a million would take minutes instead of
	 * seconds. Read only on their side; the narrowing is campaigns' audience count's (AudienceCounts), so an approval
	 * counts who will get it. The districts are copied so that every message is written from the answer the blast
	 * started with. The next {@code :limit} recipients after subscriber {@code :after}, in id order: a slice resumes
	 * after the last subscriber id written (kept in delivery_runs, under whose row lock every slice runs), never at an
	 * offset. The bound is repeated on memberships and representations because PostgreSQL carries equalities, not
	 * ranges, across a join: without it their merge joins read both tables from the start for every slice (70 000
	 * rows of each read for a slice of 20 000 after subscriber 50 000; 1 000 000 for the last of a million), with it
	 * from the slice's first subscriber. The unique (blast_id, subscriber_id) would refuse a second row for anyone.
	 * The casts tell PostgreSQL the type of a null chamber. The lists are the plan's values, not a subquery of delivery_lists: that table grows by a
	 * row or two per blast, so autovacuum analyzes it only every few dozen blasts (50 changed rows is its least) and
	 * its statistics are missing or stale; planned from them the join took a list's members as a few hundred and
	 * nested-looped the 100 000 of them (2.2-2.5 s instead of 1.4-1.8 s here, before the first message).
	 */
	private static final String RECIPIENTS = """
			INSERT INTO deliveries (blast_id, subscriber_id, language, senate_district, assembly_district, senate_candidates,
			                        assembly_candidates, district_source, confidence, districts_at, status, attempts, updated_at)
			SELECT :blast, s.id, s.language, r.senate_district, r.assembly_district, r.senate_candidates,
			       r.assembly_candidates, r.source, r.confidence, r.looked_up_at, 'PENDING', 0, :now
			FROM subscribers s
			LEFT JOIN representations r ON r.subscriber_id = s.id AND r.subscriber_id > :after
			WHERE s.id > :after
			  AND EXISTS (SELECT 1 FROM memberships m WHERE m.subscriber_id = s.id AND m.subscriber_id > :after
			              AND m.status = 'CONFIRMED' AND m.list_id IN (:lists))
			  AND NOT EXISTS (SELECT 1 FROM suppressed_addresses sa WHERE sa.address_hash = s.email_hash)
			  AND (:known = FALSE OR r.confidence = 'exact')
			  AND (CAST(:chamber AS VARCHAR(8)) IS NULL
			       OR (:chamber = 'senate' AND r.senate_district IS NOT NULL AND (:anyDistrict OR r.senate_district IN (:districts)))
			       OR (:chamber = 'assembly' AND r.assembly_district IS NOT NULL
			           AND (:anyDistrict OR r.assembly_district IN (:districts))))
			ORDER BY s.id
			LIMIT :limit""";

	// Where the slice just written ended: slices go up in subscriber id, so the blast's highest is the last written
	// (one step down the (blast_id, subscriber_id) index).
	private static final String LAST = "SELECT MAX(subscriber_id) FROM deliveries WHERE blast_id = :blast";

	// The first slice's transaction: the snapshot is started, at no recipient yet; the slice then moves it on as any does.
	private static final String STARTED = """
			UPDATE delivery_runs SET snapshot_at = :now, snapshot_after = 0, recipients = 0 WHERE blast_id = :blast""";

	private static final String SLICED = """
			UPDATE delivery_runs SET snapshot_after = :after, recipients = recipients + :written, snapshot_done_at = :done
			WHERE blast_id = :blast""";

	private static final String LOCK_SLICE = """
			SELECT snapshot_at, snapshot_after, snapshot_done_at FROM delivery_runs WHERE blast_id = :blast FOR UPDATE""";

	private static final String ENDED = "UPDATE delivery_runs SET snapshot_done_at = :now WHERE blast_id = :blast";

	// The planner's picture of deliveries, taken with the snapshot's rows in it (ANALYZE counts its own transaction's
	// inserts): after the first later slice (tens of thousands of the blast's rows, while the senders start on the
	// first) and when the snapshot is complete. Without it the table could be known as empty, as analyzed before its
	// first snapshot, with autovacuum a minute away or off: a blast of 1 000 000 then stopped after 1 500 sent, the
	// claims' heartbeat planned for an empty table and still running minutes later with the chunk's outcomes waiting on
	// its row locks. Not in the first slice's transaction: 0.12-0.14 s at 100 000, which the first message would wait
	// for. Only the columns the engine's queries pick rows by (the table's size is counted either way): the wide text
	// columns made a whole-table ANALYZE take 0.30 s of the snapshot of 100 000, these 0.14 s.
	private static final String ANALYZE = """
			ANALYZE deliveries (id, blast_id, subscriber_id, status, next_attempt_at, claimed_by, heartbeat_at, sent_at)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean postgres;

	Snapshot(JdbcClient jdbc, Clock clock, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.clock = clock;
		this.postgres = Databases.isPostgres(dataSource);
	}

	/**
	 * Starts the blast's recipients unless someone did: the first {@code limit} of them, so sending can start when
	 * this commits. Returns how many this call wrote. Call inside a transaction.
	 */
	int take(BlastPlan plan, int limit) {
		jdbc.sql(RUN).param("blast", plan.blastId()).update();
		boolean taken = jdbc.sql(LOCK_RUN).param("blast", plan.blastId()).query((rs, n) -> rs.getObject(1) != null).single();
		if (taken) {
			return 0;
		}
		var now = DeliveryStore.utc(clock.instant());
		plan.listIds().forEach(list -> jdbc.sql(LIST).param("blast", plan.blastId()).param("list", list).update());
		jdbc.sql(STARTED).param("blast", plan.blastId()).param("now", now).update();
		return write(plan, 0, limit, now, false).written();
	}

	/** What one slice did: the recipients it wrote, and whether the snapshot is now complete. */
	record Slice(int written, boolean done) {
	}

	/**
	 * Writes the next slice of a started snapshot: up to {@code limit} recipients after the last one written, under
	 * the run's row lock (instances that share the blast take turns). A blast over, or past its send-by, gets no more:
	 * its snapshot is marked complete as it stands. Call inside a transaction.
	 */
	Slice next(BlastPlan plan, int limit, boolean analyze) {
		Run run = jdbc.sql(LOCK_SLICE).param("blast", plan.blastId())
			.query((rs, n) -> new Run(rs.getObject(1) != null, rs.getLong(2), rs.getObject(3) != null))
			.optional()
			.orElse(null);
		if (run == null || !run.started() || run.done()) {
			return new Slice(0, true); // Not started (the blast was over before it), or complete.
		}
		var now = DeliveryStore.utc(clock.instant());
		if (plan.over() || plan.pastSendBy(clock.instant())) {
			jdbc.sql(ENDED).param("blast", plan.blastId()).param("now", now).update();
			return new Slice(0, true);
		}
		return write(plan, run.after(), limit, now, analyze);
	}

	private record Run(boolean started, long after, boolean done) {
	}

	/** One slice after subscriber {@code after}, and the run moved on past it: complete when the slice came short. */
	private Slice write(BlastPlan plan, long after, int limit, OffsetDateTime now, boolean analyze) {
		int written = plan.listIds().isEmpty() ? 0 : slice(plan, after, limit, now);
		boolean done = written < limit;
		jdbc.sql(SLICED).param("blast", plan.blastId()).param("after", written == 0 ? after : last(plan.blastId(), after))
			.param("written", written).param("done", done ? now : null).update();
		if (done || analyze) {
			analyze(written);
		}
		return new Slice(written, done);
	}

	private int slice(BlastPlan plan, long after, int limit, OffsetDateTime now) {
		return jdbc.sql(RECIPIENTS)
			.param("blast", plan.blastId())
			.param("after", after)
			.param("limit", limit)
			.param("lists", plan.listIds())
			.param("now", now)
			.param("known", plan.knownOnly())
			.param("chamber", plan.chamber())
			.param("anyDistrict", plan.districts().isEmpty())
			// IN () is not SQL: an empty set is written as one value no district has.
			.param("districts", plan.districts().isEmpty() ? List.of("") : plan.districts())
			.update();
	}

	private long last(long blastId, long fallback) {
		Long last = jdbc.sql(LAST).param("blast", blastId).query(Long.class).optional().orElse(null);
		return last == null ? fallback : last;
	}

	private void analyze(int written) {
		if (postgres && written > 0) {
			jdbc.sql(ANALYZE).update();
		}
	}

	/** Whether no slice of the blast's snapshot is left to write (or none was ever started). */
	boolean complete(long blastId) {
		return jdbc.sql("SELECT COUNT(*) FROM delivery_runs WHERE blast_id = :blast AND snapshot_done_at IS NULL")
			.param("blast", blastId).query(Long.class).single() == 0;
	}

	boolean taken(long blastId) {
		return jdbc.sql("SELECT COUNT(*) FROM delivery_runs WHERE blast_id = :blast AND snapshot_at IS NOT NULL")
			.param("blast", blastId).query(Long.class).single() > 0;
	}

	/** Blasts whose snapshot is taken and whose run is not finished. */
	List<Long> unfinished() {
		return jdbc.sql("SELECT blast_id FROM delivery_runs WHERE snapshot_at IS NOT NULL AND finished_at IS NULL ORDER BY blast_id")
			.query(Long.class).list();
	}

	/** Marks the run finished; true for the one caller that did. */
	boolean finish(long blastId) {
		return jdbc.sql("UPDATE delivery_runs SET finished_at = :now WHERE blast_id = :blast AND finished_at IS NULL")
			.param("blast", blastId).param("now", DeliveryStore.utc(clock.instant())).update() > 0;
	}

}
