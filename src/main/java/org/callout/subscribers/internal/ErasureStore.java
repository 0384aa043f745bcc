package org.callout.subscribers.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL that removes a subscriber's own rows when they are erased. */
@Repository
class ErasureStore {

	// Taken first in an erasure, in list order like an unsubscribe: a blast chunk locks the same rows (FOR SHARE)
	// before it sends, then updates its deliveries; the erasure, holding these, updates deliveries after. The
	// same order on both sides means a chunk in flight finishes first, and a later one finds no membership.
	private static final String LOCK_MEMBERSHIPS = """
			SELECT list_id FROM memberships WHERE subscriber_id = :id ORDER BY list_id FOR UPDATE""";

	private static final String DELETE_MEMBERSHIPS = "DELETE FROM memberships WHERE subscriber_id = :id";

	// The row with the address, names, ZIP and street. Consent events, deliveries and call reports refer to the
	// id without a foreign key, so they may keep it; what still refers to it by one was deleted before.
	private static final String DELETE_SUBSCRIBER = "DELETE FROM subscribers WHERE id = :id";

	private final JdbcClient jdbc;

	ErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void lockMemberships(List<Long> subscriberIds) {
		subscriberIds.forEach(id -> jdbc.sql(LOCK_MEMBERSHIPS).param("id", id).query(Long.class).list());
	}

	void deleteMemberships(long subscriberId) {
		jdbc.sql(DELETE_MEMBERSHIPS).param("id", subscriberId).update();
	}

	void deleteSubscriber(long subscriberId) {
		jdbc.sql(DELETE_SUBSCRIBER).param("id", subscriberId).update();
	}

}
