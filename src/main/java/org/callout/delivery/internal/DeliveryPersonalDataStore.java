package org.callout.delivery.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for one person's delivery records, as an access request shows them and an erasure blanks them. Each finds them
 * blast by blast through deliveries_once: every row's blast has a delivery_runs row, and PostgreSQL has no index on
 * the subscriber alone (V96: it cost every snapshot row an entry).
 */
@Repository
class DeliveryPersonalDataStore {

	/** One record: which blast, what happened, when, and what the relay answered. */
	record Record(long blastId, String status, int attempts, String address, String messageId, String smtpReply,
			String reason, String senateDistrict, String assemblyDistrict, Instant sentAt, Instant updatedAt) {
	}

	private static final String OF = """
			SELECT blast_id, status, attempts, address, message_id, smtp_reply, reason, senate_district, assembly_district,
			       sent_at, updated_at
			FROM deliveries WHERE blast_id IN (SELECT r.blast_id FROM delivery_runs r) AND subscriber_id = :subscriber
			ORDER BY id""";

	// Whatever is still open is not sent: like an unsubscribe, and under the same membership locks (the erasure
	// holds them), so a chunk in flight has finished and a later claim finds the record closed.
	private static final String SKIP_OPEN = """
			UPDATE deliveries SET status = 'SKIPPED', reason = 'erased', next_attempt_at = NULL, claimed_by = NULL,
			       heartbeat_at = NULL, updated_at = :now
			WHERE blast_id IN (SELECT r.blast_id FROM delivery_runs r) AND subscriber_id = :subscriber
			  AND status IN ('PENDING', 'DEFERRED')""";

	// The records stay, so a blast's counts do not change, but nothing in them points at the person any more: the
	// address, the relay's reply and reason (which may quote the address), the Message-ID and the districts copied
	// at the snapshot. The subscriber id stays; the row it named is deleted by the same erasure.
	private static final String BLANK = """
			UPDATE deliveries SET address = NULL, message_id = NULL, smtp_reply = NULL,
			       reason = CASE WHEN reason IS NULL THEN NULL ELSE 'erased' END,
			       senate_district = NULL, assembly_district = NULL, senate_candidates = NULL, assembly_candidates = NULL,
			       district_source = NULL, confidence = NULL, districts_at = NULL, updated_at = :now
			WHERE blast_id IN (SELECT r.blast_id FROM delivery_runs r) AND subscriber_id = :subscriber""";

	private final JdbcClient jdbc;

	DeliveryPersonalDataStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Record> of(long subscriberId) {
		return jdbc.sql(OF).param("subscriber", subscriberId).query((rs, n) -> new Record(rs.getLong(1), rs.getString(2),
				rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
				rs.getString(9), instant(rs.getObject(10, OffsetDateTime.class)), instant(rs.getObject(11, OffsetDateTime.class))))
			.list();
	}

	void erase(long subscriberId, Instant now) {
		jdbc.sql(SKIP_OPEN).param("subscriber", subscriberId).param("now", DeliveryStore.utc(now)).update();
		jdbc.sql(BLANK).param("subscriber", subscriberId).param("now", DeliveryStore.utc(now)).update();
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
