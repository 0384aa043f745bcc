package org.callout.campaigns.internal.calls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** What supporters reported from their call pages: one answer per blast, supporter and person called. */
@Repository
class CallReportStore {

	/** One group of the organizer's counts. */
	record Tally(String targetKey, String targetName, CallOutcome outcome, long count) {
	}

	private final JdbcClient jdbc;

	CallReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an answer, or changes the one given before. Update first, then insert: {@code ON CONFLICT DO UPDATE}
	 * and {@code MERGE} differ between PostgreSQL and H2's PostgreSQL mode, while {@code ON CONFLICT DO NOTHING}
	 * works on both. When a second press (another tab) inserts between our update and our insert, the insert
	 * adds nothing and the update after it makes the later press win.
	 */
	@Transactional
	void record(long blastId, long subscriberId, String targetKey, String targetName, CallOutcome outcome, Instant now) {
		if (update(blastId, subscriberId, targetKey, targetName, outcome, now) > 0) {
			return;
		}
		int inserted = jdbc.sql("""
				INSERT INTO call_reports (blast_id, subscriber_id, target_key, target_name, outcome, first_reported_at, reported_at)
				VALUES (:blast, :subscriber, :target, :name, :outcome, :now, :now) ON CONFLICT DO NOTHING""")
			.param("blast", blastId).param("subscriber", subscriberId).param("target", targetKey)
			.param("name", targetName).param("outcome", outcome.name()).param("now", ts(now))
			.update();
		if (inserted == 0) {
			update(blastId, subscriberId, targetKey, targetName, outcome, now);
		}
	}

	private int update(long blastId, long subscriberId, String targetKey, String targetName, CallOutcome outcome, Instant now) {
		return jdbc.sql("""
				UPDATE call_reports SET outcome = :outcome, target_name = :name, reported_at = :now
				WHERE blast_id = :blast AND subscriber_id = :subscriber AND target_key = :target""")
			.param("blast", blastId).param("subscriber", subscriberId).param("target", targetKey)
			.param("name", targetName).param("outcome", outcome.name()).param("now", ts(now))
			.update();
	}

	/** This supporter's answers for this blast, by target key: the page shows what they said before. */
	Map<String, CallOutcome> answers(long blastId, long subscriberId) {
		return jdbc.sql("SELECT target_key, outcome FROM call_reports WHERE blast_id = :blast AND subscriber_id = :subscriber")
			.param("blast", blastId).param("subscriber", subscriberId)
			.query((rs, n) -> Map.entry(rs.getString(1), CallOutcome.valueOf(rs.getString(2))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** A blast's answers counted per person called and outcome. */
	List<Tally> tally(long blastId) {
		return jdbc.sql("""
				SELECT target_key, MAX(target_name) AS target_name, outcome, COUNT(*) AS answers FROM call_reports
				WHERE blast_id = :blast GROUP BY target_key, outcome ORDER BY target_key, outcome""")
			.param("blast", blastId)
			.query((rs, n) -> new Tally(rs.getString("target_key"), rs.getString("target_name"),
					CallOutcome.valueOf(rs.getString("outcome")), rs.getLong("answers")))
			.list();
	}

	/** One of a supporter's answers, as an access request shows it. */
	record Report(long blastId, String targetKey, String targetName, CallOutcome outcome, Instant firstReportedAt,
			Instant reportedAt) {
	}

	List<Report> of(long subscriberId) {
		return jdbc.sql("""
				SELECT blast_id, target_key, target_name, outcome, first_reported_at, reported_at FROM call_reports
				WHERE subscriber_id = :subscriber ORDER BY blast_id, target_key""")
			.param("subscriber", subscriberId)
			.query((rs, n) -> new Report(rs.getLong(1), rs.getString(2), rs.getString(3), CallOutcome.valueOf(rs.getString(4)),
					rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list();
	}

	// An erasure removes the person's answers outright: what they said they did is theirs, and the blast's counts
	// then read as if they had not answered.
	void deleteOf(long subscriberId) {
		jdbc.sql("DELETE FROM call_reports WHERE subscriber_id = :subscriber").param("subscriber", subscriberId).update();
	}

	private static OffsetDateTime ts(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
