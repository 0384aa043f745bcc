package org.callout.signup.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for what signup keeps of one person: their confirmation emails, and the per-IP limit's rows of their IPs. */
@Repository
class SignupPersonalDataStore {

	/** One confirmation email, queued, sent or refused (last_reply may quote the address). */
	record Confirmation(long listId, String language, Instant enqueuedAt, Instant sentAt, Instant refusedAt,
			int attempts, String lastReply) {
	}

	private static final String CONFIRMATIONS = """
			SELECT list_id, language, enqueued_at, sent_at, refused_at, attempts, last_reply
			FROM confirmation_queue WHERE subscriber_id = :subscriber ORDER BY id""";

	// Before the subscriber row: the queue refers to it by a foreign key.
	private static final String DELETE_CONFIRMATIONS = "DELETE FROM confirmation_queue WHERE subscriber_id = :subscriber";

	// The per-IP limit keeps the client's IP (IPv6: its /64) in its keys for up to a day. Those of the person's
	// recorded IPs go: the IP is what the erasure removes from the ledger, and a limit that forgets one client's
	// hits for an hour is the smaller loss. (Others behind the same IP lose their hits too.)
	private static final String DELETE_HITS = "DELETE FROM rate_limit_hits WHERE limit_key IN (:keys)";

	private static final String DELETE_KEYS = "DELETE FROM rate_limit_keys WHERE limit_key IN (:keys)";

	private final JdbcClient jdbc;

	SignupPersonalDataStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Confirmation> confirmations(long subscriberId) {
		return jdbc.sql(CONFIRMATIONS).param("subscriber", subscriberId).query((rs, n) -> new Confirmation(rs.getLong(1),
				rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class)),
				instant(rs.getObject(5, OffsetDateTime.class)), rs.getInt(6), rs.getString(7))).list();
	}

	void deleteConfirmations(long subscriberId) {
		jdbc.sql(DELETE_CONFIRMATIONS).param("subscriber", subscriberId).update();
	}

	void deleteLimitKeys(List<String> keys) {
		if (keys.isEmpty()) {
			return;
		}
		jdbc.sql(DELETE_HITS).param("keys", keys).update();
		jdbc.sql(DELETE_KEYS).param("keys", keys).update();
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
