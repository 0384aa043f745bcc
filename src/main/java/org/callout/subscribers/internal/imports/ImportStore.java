package org.callout.subscribers.internal.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.callout.subscribers.ImportedSupporters.PendingConfirmation;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for import runs (their progress rows) and what a finished import leaves for others: confirmations, lookups. */
@Repository
public class ImportStore {

	private static final String INSERT = """
			INSERT INTO subscriber_imports (status, dry_run, update_mode, default_list, instance_id, total, done, new_count,
			       updated_count, unchanged_count, skipped_count, refused_count, started_at)
			VALUES ('running', :dry, :mode, :list, :instance, :total, :done, 0, 0, 0, 0, :refused, :now)""";

	private static final String PROGRESS = """
			UPDATE subscriber_imports SET done = :done, new_count = :created, updated_count = :updated,
			       unchanged_count = :unchanged, skipped_count = :skipped, refused_count = :refused
			WHERE id = :id""";

	private static final String FINISH = "UPDATE subscriber_imports SET status = :status, finished_at = :now WHERE id = :id";

	private static final String SELECT = """
			SELECT id, status, dry_run, update_mode, default_list, total, done, new_count, updated_count, unchanged_count,
			       skipped_count, refused_count, started_at, finished_at
			FROM subscriber_imports""";

	// Only this instance's runs: on a shared PostgreSQL another instance's import may be running right now.
	private static final String INTERRUPTED = """
			UPDATE subscriber_imports SET status = 'interrupted', finished_at = :now
			WHERE status = 'running' AND instance_id = :instance""";

	// Locks the rows asked for (FOR UPDATE), so two requests to send confirmations never hand out one twice; a
	// membership confirmed or ended since the import is left out: there is nothing to ask any more.
	private static final String PENDING = """
			SELECT p.subscriber_id, p.list_id, p.language FROM subscriber_import_pending p
			JOIN memberships m ON m.subscriber_id = p.subscriber_id AND m.list_id = p.list_id
			WHERE p.import_id = :import AND p.requested_at IS NULL AND m.status = 'UNCONFIRMED'
			ORDER BY p.subscriber_id, p.list_id FOR UPDATE""";

	private static final String MARK_REQUESTED = """
			UPDATE subscriber_import_pending SET requested_at = :now
			WHERE import_id = :import AND subscriber_id = :subscriber AND list_id = :list""";

	// The same stamp a signup's confirmation sets, so the signup's resend interval counts from this email too.
	private static final String CONFIRMATION_SENT = """
			UPDATE memberships SET confirmation_sent_at = :now, updated_at = :now
			WHERE subscriber_id = :subscriber AND list_id = :list""";

	private static final String UNREQUESTED = """
			SELECT COUNT(*) FROM subscriber_import_pending p
			JOIN memberships m ON m.subscriber_id = p.subscriber_id AND m.list_id = p.list_id
			WHERE p.import_id = :import AND p.requested_at IS NULL AND m.status = 'UNCONFIRMED'""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	ImportStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	long start(boolean dryRun, UpdateMode mode, String list, String instance, int total, int refused, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(INSERT)
			.param("dry", dryRun)
			.param("mode", mode.wire())
			.param("list", list)
			.param("instance", instance)
			.param("total", total)
			.param("done", refused)
			.param("refused", refused)
			.param("now", utc(now))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	void progress(long id, int done, Tally tally) {
		jdbc.sql(PROGRESS)
			.param("id", id)
			.param("done", done)
			.param("created", tally.created())
			.param("updated", tally.updated())
			.param("unchanged", tally.unchanged())
			.param("skipped", tally.skipped())
			.param("refused", tally.refused())
			.update();
	}

	void finish(long id, String status, Instant now) {
		jdbc.sql(FINISH).param("id", id).param("status", status).param("now", utc(now)).update();
	}

	Optional<ImportStatus> find(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ImportStore::status).optional();
	}

	int markInterrupted(String instance, Instant now) {
		return jdbc.sql(INTERRUPTED).param("instance", instance).param("now", utc(now)).update();
	}

	void addPending(long importId, List<PendingConfirmation> pending) {
		MultiRowInsert.insert(batch.getJdbcTemplate(), "INSERT INTO subscriber_import_pending (import_id, subscriber_id, list_id, language)",
				"", pending.stream()
					.map(p -> new Object[] { importId, p.subscriberId(), p.listId(), MultiRowInsert.text(p.language()) })
					.toList());
	}

	void addLookups(long importId, List<Long> subscriberIds) {
		MultiRowInsert.insert(batch.getJdbcTemplate(), "INSERT INTO subscriber_import_lookups (import_id, subscriber_id)", "",
				subscriberIds.stream().map(id -> new Object[] { importId, id }).toList());
	}

	public List<PendingConfirmation> claimConfirmations(long importId, Instant now) {
		List<PendingConfirmation> pending = jdbc.sql(PENDING)
			.param("import", importId)
			.query((rs, row) -> new PendingConfirmation(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
		MapSqlParameterSource[] params = pending.stream()
			.map(p -> new MapSqlParameterSource("import", importId).addValue("subscriber", p.subscriberId())
				.addValue("list", p.listId())
				.addValue("now", utc(now)))
			.toArray(MapSqlParameterSource[]::new);
		batch.batchUpdate(MARK_REQUESTED, params);
		batch.batchUpdate(CONFIRMATION_SENT, params);
		return pending;
	}

	int unrequested(long importId) {
		return jdbc.sql(UNREQUESTED).param("import", importId).query(Integer.class).single();
	}

	public List<Long> dueForLookup(long importId) {
		return jdbc.sql("SELECT subscriber_id FROM subscriber_import_lookups WHERE import_id = :import ORDER BY subscriber_id")
			.param("import", importId)
			.query(Long.class)
			.list();
	}

	private static ImportStatus status(ResultSet rs, int row) throws SQLException {
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new ImportStatus(rs.getLong("id"), rs.getString("status"), rs.getBoolean("dry_run"), rs.getString("update_mode"),
				rs.getString("default_list"), rs.getInt("total"), rs.getInt("done"),
				new ImportStatus.Counts(rs.getInt("new_count"), rs.getInt("updated_count"), rs.getInt("unchanged_count"),
						rs.getInt("skipped_count"), rs.getInt("refused_count")),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant());
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
