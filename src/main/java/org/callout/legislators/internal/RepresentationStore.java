package org.callout.legislators.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.legislators.AnswerSource;
import org.callout.legislators.ChamberAnswer;
import org.callout.legislators.Confidence;
import org.callout.legislators.DistrictAnswer;
import org.callout.legislators.DistrictCandidate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for who represents each subscriber. */
@Repository
public class RepresentationStore {

	/** A stored answer with what it was worked out from. */
	public record Row(long subscriberId, DistrictAnswer answer, String fingerprint, Instant lookedUpAt, int attempts,
			Instant retryAt) {
	}

	private static final String COLUMNS = """
			SELECT subscriber_id, senate_district, assembly_district, senate_candidates, assembly_candidates, source,
			       confidence, fingerprint, looked_up_at, note, attempts, retry_at
			FROM representations""";

	// Two events for one subscriber (confirmed on two lists) may race here: the insert lets one create the row
	// without failing the other's transaction, then both update it (last writer wins, both from the same input).
	private static final String CREATE = """
			INSERT INTO representations (subscriber_id, source, confidence, fingerprint, looked_up_at, attempts)
			VALUES (:id, 'zip', 'unknown', '', :now, 0)
			ON CONFLICT DO NOTHING""";

	private static final String UPDATE = """
			UPDATE representations SET senate_district = :senate, assembly_district = :assembly,
			       senate_candidates = :senateCandidates, assembly_candidates = :assemblyCandidates, source = :source,
			       confidence = :confidence, fingerprint = :fingerprint, looked_up_at = :now, note = :note,
			       attempts = :attempts, retry_at = :retryAt
			WHERE subscriber_id = :id""";

	private static final String SUMMARY = "SELECT confidence, COUNT(*) AS n FROM representations GROUP BY confidence";

	private final JdbcClient jdbc;

	RepresentationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(long subscriberId) {
		return jdbc.sql(COLUMNS + " WHERE subscriber_id = :id").param("id", subscriberId).query(RepresentationStore::map).optional();
	}

	void save(long subscriberId, DistrictAnswer answer, String fingerprint, Instant now, int attempts, Instant retryAt) {
		jdbc.sql(CREATE).param("id", subscriberId).param("now", utc(now)).update();
		jdbc.sql(UPDATE)
			.param("id", subscriberId)
			.param("senate", answer.senate().district())
			.param("assembly", answer.assembly().district())
			.param("senateCandidates", candidates(answer.senate()))
			.param("assemblyCandidates", candidates(answer.assembly()))
			.param("source", answer.source().code())
			.param("confidence", answer.confidence().code())
			.param("fingerprint", fingerprint)
			.param("now", utc(now))
			.param("note", answer.note() == null ? null : abbreviate(answer.note()))
			.param("attempts", attempts)
			.param("retryAt", retryAt == null ? null : utc(retryAt))
			.update();
	}

	/** Subscribers whose failed lookup is due for another try, oldest first. */
	List<Long> dueForRetry(Instant now, int limit) {
		return jdbc.sql("SELECT subscriber_id FROM representations WHERE retry_at <= :now ORDER BY retry_at LIMIT :limit")
			.param("now", utc(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/** Subscribers a bulk refresh looks at again: not exactly known, or waiting for a retry. */
	List<Long> known() {
		return jdbc.sql("SELECT subscriber_id FROM representations").query(Long.class).list();
	}

	List<Long> unsure() {
		return jdbc.sql("SELECT subscriber_id FROM representations WHERE confidence <> 'exact' OR retry_at IS NOT NULL ORDER BY subscriber_id")
			.query(Long.class)
			.list();
	}

	public Map<Confidence, Long> summary() {
		Map<Confidence, Long> counts = new LinkedHashMap<>();
		for (Confidence confidence : Confidence.values()) {
			counts.put(confidence, 0L);
		}
		jdbc.sql(SUMMARY).query((rs, row) -> counts.put(Confidence.of(rs.getString("confidence")), rs.getLong("n"))).list();
		return counts;
	}

	/** Each chamber's confidence is not stored: it follows from its district and candidates. */
	private static Row map(ResultSet rs, int row) throws SQLException {
		DistrictAnswer answer = answer(rs.getString("senate_district"), rs.getString("assembly_district"),
				rs.getString("senate_candidates"), rs.getString("assembly_candidates"), rs.getString("source"),
				rs.getString("confidence"), rs.getString("note"));
		OffsetDateTime retry = rs.getObject("retry_at", OffsetDateTime.class);
		return new Row(rs.getLong("subscriber_id"), answer, rs.getString("fingerprint"),
				rs.getObject("looked_up_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts"),
				retry == null ? null : retry.toInstant());
	}

	/** An answer from its stored columns, wherever they were copied to. */
	public static DistrictAnswer answer(String senate, String assembly, String senateCandidates,
			String assemblyCandidates, String source, String confidence, String note) {
		Confidence overall = Confidence.of(confidence);
		return new DistrictAnswer(AnswerSource.of(source), chamber(senate, senateCandidates, overall),
				chamber(assembly, assemblyCandidates, overall), note);
	}

	private static ChamberAnswer chamber(String district, String joined, Confidence overall) {
		List<DistrictCandidate> candidates = new ArrayList<>();
		if (joined != null && !joined.isEmpty()) {
			for (String candidate : joined.split(",")) {
				int colon = candidate.indexOf(':');
				candidates.add(colon < 0 ? new DistrictCandidate(candidate, null)
						: new DistrictCandidate(candidate.substring(0, colon), Double.valueOf(candidate.substring(colon + 1))));
			}
		}
		Confidence confidence;
		if (candidates.size() > 1) {
			confidence = Confidence.AMBIGUOUS;
		}
		else if (district != null) {
			confidence = Confidence.EXACT;
		}
		else {
			confidence = overall == Confidence.OUTSIDE_NY ? Confidence.OUTSIDE_NY : Confidence.UNKNOWN;
		}
		return new ChamberAnswer(confidence, district, candidates);
	}

	private static String candidates(ChamberAnswer answer) {
		if (answer.candidates().isEmpty()) {
			return null;
		}
		return String.join(",", answer.candidates().stream()
			.map(c -> c.landShare() == null ? c.district() : c.district() + ":" + c.landShare())
			.toList());
	}

	private static String abbreviate(String note) {
		return note.length() > 400 ? note.substring(0, 399) + "…" : note;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
