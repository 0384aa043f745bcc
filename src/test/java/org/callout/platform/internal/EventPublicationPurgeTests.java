package org.callout.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Completed event publications go after a week; incomplete ones, however old, stay to be retried. */
@SpringBootTest
abstract class EventPublicationPurgeTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationPurge purge;

	@Test
	void aPublicationCompletedMoreThanAWeekAgoIsDeletedAndNewerOrIncompleteOnesStay() {
		Instant now = Instant.now();
		UUID old = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
		UUID recent = publication(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
		UUID incomplete = publication(now.minus(Duration.ofDays(30)), null);

		purge.purge();

		assertThat(exists(old)).isFalse();
		assertThat(exists(recent)).isTrue();
		assertThat(exists(incomplete)).isTrue();
	}

	private UUID publication(Instant published, Instant completed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status,
				                               completion_attempts)
				VALUES (:id, 'purge-test-listener', 'org.callout.Test', '{}', :published, :completed, :status, 1)""")
			.param("id", id)
			.param("published", OffsetDateTime.ofInstant(published, ZoneOffset.UTC))
			.param("completed", completed == null ? null : OffsetDateTime.ofInstant(completed, ZoneOffset.UTC))
			.param("status", completed == null ? "PROCESSING" : "COMPLETED")
			.update();
		return id;
	}

	private boolean exists(UUID id) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE id = :id").param("id", id).query(Long.class).single() > 0;
	}

}
