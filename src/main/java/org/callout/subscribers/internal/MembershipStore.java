package org.callout.subscribers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.callout.subscribers.Membership;
import org.callout.subscribers.MembershipStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for memberships. */
@Repository
public class MembershipStore {

	private static final String INSERT_IF_ABSENT = """
			INSERT INTO memberships (subscriber_id, list_id, status, confirmation_nonce, updated_at)
			VALUES (:subscriber, :list, 'UNCONFIRMED', :nonce, :now)
			ON CONFLICT DO NOTHING""";

	// FOR UPDATE serializes concurrent signups of one (address, list): the second waits for the first to
	// commit, then sees its confirmation_sent_at and sends nothing. PostgreSQL and H2 both lock the row.
	private static final String LOCK = """
			SELECT subscriber_id, list_id, status, confirmation_nonce, confirmation_sent_at
			FROM memberships WHERE subscriber_id = :subscriber AND list_id = :list FOR UPDATE""";

	private static final String FIND = """
			SELECT subscriber_id, list_id, status, confirmation_nonce, confirmation_sent_at
			FROM memberships WHERE subscriber_id = :subscriber AND list_id = :list""";

	private static final String OF_SUBSCRIBER = """
			SELECT subscriber_id, list_id, status, confirmation_nonce, confirmation_sent_at
			FROM memberships WHERE subscriber_id = :subscriber ORDER BY list_id""";

	private static final String SET_STATUS = """
			UPDATE memberships SET status = :status, confirmation_nonce = :nonce, updated_at = :now
			WHERE subscriber_id = :subscriber AND list_id = :list""";

	// Coming back after leaving starts afresh: the resend interval counts from the new confirmation only.
	private static final String REOPEN = """
			UPDATE memberships SET status = 'UNCONFIRMED', confirmation_nonce = :nonce, confirmation_sent_at = NULL,
			       updated_at = :now
			WHERE subscriber_id = :subscriber AND list_id = :list""";

	private static final String CONFIRMATION_SENT = """
			UPDATE memberships SET confirmation_sent_at = :now, updated_at = :now
			WHERE subscriber_id = :subscriber AND list_id = :list""";

	private final JdbcClient jdbc;

	MembershipStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insertIfAbsent(long subscriberId, long listId, String nonce, Instant now) {
		jdbc.sql(INSERT_IF_ABSENT)
			.param("subscriber", subscriberId)
			.param("list", listId)
			.param("nonce", nonce)
			.param("now", utc(now))
			.update();
	}

	public Membership lock(long subscriberId, long listId) {
		return jdbc.sql(LOCK).param("subscriber", subscriberId).param("list", listId).query(MembershipStore::membership).single();
	}

	public Optional<Membership> find(long subscriberId, long listId) {
		return jdbc.sql(FIND).param("subscriber", subscriberId).param("list", listId).query(MembershipStore::membership).optional();
	}

	public List<Membership> ofSubscriber(long subscriberId) {
		return jdbc.sql(OF_SUBSCRIBER).param("subscriber", subscriberId).query(MembershipStore::membership).list();
	}

	public void setStatus(long subscriberId, long listId, MembershipStatus status, String nonce, Instant now) {
		jdbc.sql(SET_STATUS)
			.param("subscriber", subscriberId)
			.param("list", listId)
			.param("status", status.name())
			.param("nonce", nonce)
			.param("now", utc(now))
			.update();
	}

	public void reopen(long subscriberId, long listId, String nonce, Instant now) {
		jdbc.sql(REOPEN).param("subscriber", subscriberId).param("list", listId).param("nonce", nonce).param("now", utc(now)).update();
	}

	public List<Long> confirmedSubscriberIds() {
		return jdbc.sql("SELECT DISTINCT subscriber_id FROM memberships WHERE status = 'CONFIRMED' ORDER BY subscriber_id")
			.query(Long.class)
			.list();
	}

	public void confirmationSent(long subscriberId, long listId, Instant now) {
		jdbc.sql(CONFIRMATION_SENT).param("subscriber", subscriberId).param("list", listId).param("now", utc(now)).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Membership membership(ResultSet rs, int row) throws SQLException {
		OffsetDateTime sent = rs.getObject("confirmation_sent_at", OffsetDateTime.class);
		return new Membership(rs.getLong("subscriber_id"), rs.getLong("list_id"), MembershipStatus.valueOf(rs.getString("status")),
				rs.getString("confirmation_nonce"), sent == null ? null : sent.toInstant());
	}

}
