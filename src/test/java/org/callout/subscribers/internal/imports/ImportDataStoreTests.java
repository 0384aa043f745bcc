package org.callout.subscribers.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An import confirms only memberships still pending when it writes, and says which, so the ledger says no more. */
@SpringBootTest
@H2Database
class ImportDataStoreTests {

	@Autowired
	ImportDataStore data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMembershipItsPersonLeftSinceThePlanIsNotConfirmedAndSaysSo() {
		long list = jdbc.sql("SELECT id FROM subscriber_lists WHERE slug = 'supporters'").query(Long.class).single();
		long pending = member(list, "UNCONFIRMED");
		long left = member(list, "UNSUBSCRIBED");

		boolean[] confirmed = data.confirm(List.of(new long[] { pending, list }, new long[] { left, list }), Instant.now());

		assertThat(confirmed).containsExactly(true, false);
		assertThat(status(left, list)).isEqualTo("UNSUBSCRIBED");
		assertThat(status(pending, list)).isEqualTo("CONFIRMED");
	}

	private long member(long list, String status) {
		String key = "store-" + UUID.randomUUID() + "@example.org";
		var now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("INSERT INTO subscribers (email, email_key, email_hash, language, created_at) VALUES (:e, :e, :e, 'en', :now)")
			.param("e", key).param("now", now).update();
		long id = jdbc.sql("SELECT id FROM subscribers WHERE email_key = :e").param("e", key).query(Long.class).single();
		jdbc.sql("INSERT INTO memberships (subscriber_id, list_id, status, updated_at) VALUES (:s, :l, :status, :now)")
			.param("s", id).param("l", list).param("status", status).param("now", now).update();
		return id;
	}

	private String status(long subscriber, long list) {
		return jdbc.sql("SELECT status FROM memberships WHERE subscriber_id = :s AND list_id = :l").param("s", subscriber).param("l", list)
			.query(String.class).single();
	}

}
