package org.callout.bills.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How far the poller has read Open Legislation's updates feed; kept in the database so restarts resume there. */
@Repository
class PollCursor {

	private final JdbcClient jdbc;

	PollCursor(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Instant> readThrough() {
		return jdbc.sql("SELECT updated_through FROM openleg_cursor WHERE id = 1")
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	void advanceTo(Instant through) {
		OffsetDateTime value = OffsetDateTime.ofInstant(through, ZoneOffset.UTC);
		if (jdbc.sql("UPDATE openleg_cursor SET updated_through = :t WHERE id = 1").param("t", value).update() == 0) {
			jdbc.sql("INSERT INTO openleg_cursor (id, updated_through) VALUES (1, :t) ON CONFLICT DO NOTHING").param("t", value).update();
		}
	}

}
