package org.callout.delivery.internal;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lock that makes an unsubscribe win. Before a chunk is handed to SMTP its recipients' memberships of the
 * blast's lists are read under a lock that an unsubscribe's update of the same rows also needs, and held until the
 * chunk's outcomes commit: an unsubscribe that committed first is seen here, and one that comes later waits (at most
 * one chunk) until the messages it could no longer stop are out. A check without the lock could pass just before
 * the unsubscribe commits. Subscribers' table, read by a named statement here because the lock must be taken in
 * the sending transaction.
 */
@Repository
class MembershipLocks {

	// Only the confirmed rows are returned and locked: PostgreSQL re-checks the condition on a row whose update it
	// waited for, so a membership just left is not returned. H2 has no FOR SHARE; its FOR UPDATE is stricter (two
	// blasts to one person take turns) and just as correct.
	private static final String CONFIRMED = """
			SELECT subscriber_id, list_id FROM memberships
			WHERE subscriber_id IN (:subscribers) AND status = 'CONFIRMED'
			  AND list_id IN (SELECT dl.list_id FROM delivery_lists dl WHERE dl.blast_id = :blast)
			ORDER BY subscriber_id, list_id """;

	private final JdbcClient jdbc;

	private final String lock;

	MembershipLocks(JdbcClient jdbc, DataSource dataSource) throws Exception {
		this.jdbc = jdbc;
		this.lock = Databases.isPostgres(dataSource) ? "FOR SHARE" : "FOR UPDATE";
	}

	/** Each recipient's lists of the blast they are still a confirmed member of; those not in the map are not. */
	Map<Long, List<Long>> lockConfirmed(long blastId, List<Long> subscriberIds) {
		if (subscriberIds.isEmpty()) {
			return Map.of();
		}
		List<long[]> rows = jdbc.sql(CONFIRMED + " " + lock)
			.param("subscribers", subscriberIds)
			.param("blast", blastId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		return DeliveryStore.group(rows);
	}

}
