package org.callout.delivery.internal;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.callout.campaigns.BlastPlan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * A blast's recipients, written once: one delivery row per confirmed, unsuppressed member of the audience.
 */
@Repository
class Snapshot {

	private static final String RUN = "INSERT INTO delivery_runs (blast_id) VALUES (:blast) ON CONFLICT DO NOTHING";

	// Serializes the instances that reach the snapshot together: the first writes it, the others find it taken.
	private static final String LOCK_RUN = "SELECT snapshot_at FROM delivery_runs WHERE blast_id = :blast FOR UPDATE";

	private static final String LIST = "INSERT INTO delivery_lists (blast_id, list_id) VALUES (:blast, :list) ON CONFLICT DO NOTHING";

	/**
	 * One INSERT ... SELECT over four modules' tables (subscribers' {@code subscribers}, {@code memberships} and
	 * {@code suppressed_addresses}, legislators' {@code representations}): going through the modules' APIs would be
	 * a query or more per recipient, and a snapshot of a million would take minutes instead of seconds. Read only on
	 * their side; the narrowing is campaigns' audience count's (AudienceCounts), so an approval counts who will get
	 * it. The districts are copied so that every message is written from the answer the blast started with. It runs
	 * once per blast: under the delivery_runs row lock, in the transaction that sets snapshot_at, so a blast's rows
	 * exist only once snapshot_at does. It used to check each row against deliveries too (NOT EXISTS), a probe of
	 * the unique index per recipient that could never find one, all of it before the first message; the unique
	 * (blast_id, subscriber_id) would still refuse a second row. The casts tell PostgreSQL the type of a null chamber.
	 * The lists are the plan's values, not a subquery of delivery_lists: that table grows by a row or two per blast, so
	 * autovacuum analyzes it only every few dozen blasts (50 changed rows is its least) and its statistics are missing
	 * or stale; planned from them the join took a list's members as a few hundred and nested-looped the 100 000 of
	 * them (2.2-2.5 s instead of 1.4-1.8 s here, before the first message).
	 */
	private static final String RECIPIENTS = """
			INSERT INTO deliveries (blast_id, subscriber_id, language, senate_district, assembly_district, senate_candidates,
			                        assembly_candidates, district_source, confidence, districts_at, status, attempts, updated_at)
			SELECT :blast, s.id, s.language, r.senate_district, r.assembly_district, r.senate_candidates,
			       r.assembly_candidates, r.source, r.confidence, r.looked_up_at, 'PENDING', 0, :now
			FROM subscribers s
			LEFT JOIN representations r ON r.subscriber_id = s.id
			WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.subscriber_id = s.id AND m.status = 'CONFIRMED'
			              AND m.list_id IN (:lists))
			  AND NOT EXISTS (SELECT 1 FROM suppressed_addresses sa WHERE sa.address_hash = s.email_hash)
			  AND (:known = FALSE OR r.confidence = 'exact')
			  AND (CAST(:chamber AS VARCHAR(8)) IS NULL
			       OR (:chamber = 'senate' AND r.senate_district IS NOT NULL AND (:anyDistrict OR r.senate_district IN (:districts)))
			       OR (:chamber = 'assembly' AND r.assembly_district IS NOT NULL
			           AND (:anyDistrict OR r.assembly_district IN (:districts))))
			ORDER BY s.id""";

	// The count is the INSERT's own: it runs once per blast, under the lock, so its rows are all the blast has.
	private static final String TAKEN = "UPDATE delivery_runs SET snapshot_at = :now, recipients = :recipients WHERE blast_id = :blast";

	// The planner's picture of deliveries, taken with the snapshot's rows in it (ANALYZE counts its own transaction's
	// inserts). Without it the table could be known as empty, as analyzed before its first snapshot, with autovacuum
	// a minute away or off: a blast of 1 000 000 then stopped after 1 500 sent, the claims' heartbeat planned for an
	// empty table and still running minutes later with the chunk's outcomes waiting on its row locks. Only the columns
	// the engine's queries pick rows by (the table's size is counted either way): the wide text columns made a
	// whole-table ANALYZE take 0.30 s of the snapshot of 100 000, these 0.14 s.
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

	/** Writes the blast's recipients unless someone did; returns how many this call wrote. Call inside a transaction. */
	int take(BlastPlan plan) {
		jdbc.sql(RUN).param("blast", plan.blastId()).update();
		boolean taken = jdbc.sql(LOCK_RUN).param("blast", plan.blastId()).query((rs, n) -> rs.getObject(1) != null).single();
		if (taken) {
			return 0;
		}
		var now = DeliveryStore.utc(clock.instant());
		plan.listIds().forEach(list -> jdbc.sql(LIST).param("blast", plan.blastId()).param("list", list).update());
		int written = plan.listIds().isEmpty() ? 0 : jdbc.sql(RECIPIENTS)
			.param("blast", plan.blastId())
			.param("lists", plan.listIds())
			.param("now", now)
			.param("known", plan.knownOnly())
			.param("chamber", plan.chamber())
			.param("anyDistrict", plan.districts().isEmpty())
			// IN () is not SQL: an empty set is written as one value no district has.
			.param("districts", plan.districts().isEmpty() ? List.of("") : plan.districts())
			.update();
		jdbc.sql(TAKEN).param("blast", plan.blastId()).param("now", now).param("recipients", written).update();
		if (postgres && written > 0) {
			jdbc.sql(ANALYZE).update();
		}
		return written;
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
