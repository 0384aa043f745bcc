package org.callout.campaigns.internal.blasts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.callout.bills.BillStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Blasts, their state changes and the handover queue. */
@Repository
public class BlastStore {

	private static final String COLUMNS = """
			id, trigger_id, bill_id, history_id, from_status, to_status, template_name, template_version, list_ids,
			narrow_known, narrow_chamber, narrow_districts, ask, quiet_hours, state, start_at, start_zone, send_by,
			change_recorded_at, paused_by, created_by, created_at, updated_at, acts_next""";

	private final JdbcClient jdbc;

	BlastStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Blast blast) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO blasts (trigger_id, bill_id, history_id, from_status, to_status, alert_key, template_name, template_version,
				    list_ids, narrow_known, narrow_chamber, narrow_districts, ask, quiet_hours, state, start_at, start_zone,
				    send_by, change_recorded_at, created_by, created_at, updated_at, acts_next)
				VALUES (:trigger, :bill, :history, :from, :to, :alert, :template, :version, :lists, :known, :chamber, :districts,
				    :ask, :quiet, :state, :start, :zone, :sendBy, :recorded, :by, :now, :now, :actsNext)""")
			.param("trigger", blast.triggerId())
			.param("bill", blast.billId())
			.param("history", blast.historyId())
			.param("from", blast.from() == null ? null : blast.from().name())
			.param("to", blast.to() == null ? null : blast.to().name())
			.param("alert", blast.to() == null ? null : alertKey(blast.to()))
			.param("template", blast.templateName())
			.param("version", blast.templateVersion())
			.param("lists", blast.audience().listIdsColumn())
			.param("known", blast.audience().knownOnly())
			.param("chamber", blast.audience().chamber())
			.param("districts", blast.audience().districtsColumn())
			.param("ask", blast.ask())
			.param("quiet", blast.quietHours())
			.param("state", blast.state().name())
			.param("start", ts(blast.startAt()))
			.param("zone", blast.startZone())
			.param("sendBy", ts(blast.sendBy()))
			.param("recorded", ts(blast.changeRecordedAt()))
			.param("by", blast.createdBy())
			.param("actsNext", blast.actsNext() == null ? null : blast.actsNext().name())
			.param("now", ts(blast.createdAt()))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	Optional<Blast> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM blasts WHERE id = :id").param("id", id).query(BlastStore::row).optional();
	}

	/** Locks the blast until the transaction ends: every state move reads and writes it under this lock. */
	Optional<Blast> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM blasts WHERE id = :id FOR UPDATE").param("id", id)
			.query(BlastStore::row).optional();
	}

	List<Blast> list(Long billId, BlastState state, int limit) {
		// The casts tell PostgreSQL the type of a parameter that is null.
		return jdbc.sql("SELECT " + COLUMNS + " FROM blasts WHERE (CAST(:bill AS BIGINT) IS NULL OR bill_id = :bill)"
				+ " AND (CAST(:state AS VARCHAR(20)) IS NULL OR state = :state) ORDER BY id DESC LIMIT :limit")
			.param("bill", billId)
			.param("state", state == null ? null : state.name())
			.param("limit", limit)
			.query(BlastStore::row)
			.list();
	}

	/**
	 * Whether this trigger already made a blast for the bill reaching this status since {@code since}: the other
	 * print reporting the same change (both prints re-referred in January) must not make a second alert.
	 */
	boolean alertExists(long triggerId, long billId, BillStatus to, Instant since) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM blasts WHERE trigger_id = :trigger AND bill_id = :bill AND alert_key = :alert
				AND change_recorded_at >= :since""")
			.param("trigger", triggerId).param("bill", billId).param("alert", alertKey(to)).param("since", ts(since))
			.query(Long.class).single() > 0;
	}

	boolean madeFrom(long triggerId, long historyId) {
		return jdbc.sql("SELECT COUNT(*) FROM blasts WHERE trigger_id = :trigger AND history_id = :history")
			.param("trigger", triggerId).param("history", historyId).query(Long.class).single() > 0;
	}

	/**
	 * Blasts a scheduler pass looks at: scheduled ones that may be due, and unstarted ones past their send-by (a
	 * blast already sending finishes).
	 */
	List<Long> waiting(Instant now) {
		return jdbc.sql("""
				SELECT id FROM blasts WHERE (state = 'SCHEDULED' AND start_at <= :now)
				   OR (state IN ('AWAITING_APPROVAL', 'SCHEDULED', 'READY') AND send_by < :now)
				ORDER BY id""")
			.param("now", ts(now))
			.query(Long.class)
			.list();
	}

	void setState(long id, BlastState state, String pausedBy, Instant now) {
		jdbc.sql("UPDATE blasts SET state = :state, paused_by = :pausedBy, updated_at = :now WHERE id = :id")
			.param("state", state.name()).param("pausedBy", pausedBy).param("now", ts(now)).param("id", id).update();
	}

	void setSchedule(long id, Instant startAt, String zone, Instant sendBy, Instant now) {
		jdbc.sql("UPDATE blasts SET start_at = :start, start_zone = :zone, send_by = :sendBy, updated_at = :now WHERE id = :id")
			.param("start", ts(startAt)).param("zone", zone).param("sendBy", ts(sendBy)).param("now", ts(now))
			.param("id", id).update();
	}

	void recordChange(long id, BlastState from, BlastState to, String by, String note, Instant at) {
		jdbc.sql("""
				INSERT INTO blast_state_changes (blast_id, from_state, to_state, changed_by, note, changed_at)
				VALUES (:id, :from, :to, :by, :note, :at)""")
			.param("id", id).param("from", from == null ? null : from.name()).param("to", to.name()).param("by", by)
			.param("note", note).param("at", ts(at)).update();
	}

	List<StateChange> changes(long id) {
		return jdbc.sql("SELECT from_state, to_state, changed_by, note, changed_at FROM blast_state_changes"
				+ " WHERE blast_id = :id ORDER BY id")
			.param("id", id)
			.query((rs, n) -> new StateChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, "changed_at")))
			.list();
	}

	/** Puts a READY blast on the handover queue; a second put of the same blast adds nothing. */
	void handOver(long id, Instant now) {
		jdbc.sql("INSERT INTO blast_handover (blast_id, queued_at) VALUES (:id, :now) ON CONFLICT DO NOTHING")
			.param("id", id).param("now", ts(now)).update();
	}

	void withdrawHandover(long id) {
		jdbc.sql("DELETE FROM blast_handover WHERE blast_id = :id").param("id", id).update();
	}

	/** READY blasts no engine has taken yet, oldest first. */
	List<Long> handoverQueue() {
		return jdbc.sql("SELECT blast_id FROM blast_handover WHERE claimed_by IS NULL ORDER BY queued_at, blast_id")
			.query(Long.class).list();
	}

	/** The engine started the blast: it has left the queue. */
	void leaveHandover(long id) {
		jdbc.sql("DELETE FROM blast_handover WHERE blast_id = :id").param("id", id).update();
	}

	/**
	 * Gives back claims an engine took but never started on (it died in between): the blast is still READY, and
	 * another instance may take it.
	 */
	int releaseStaleClaims(Instant claimedBefore) {
		return jdbc.sql("""
				UPDATE blast_handover SET claimed_by = NULL, claimed_at = NULL
				WHERE claimed_by IS NOT NULL AND claimed_at < :before
				  AND blast_id IN (SELECT id FROM blasts WHERE state = 'READY')""")
			.param("before", ts(claimedBefore))
			.update();
	}

	/** Either house's committee is one alert: both prints re-referred in January are one piece of news. */
	static String alertKey(BillStatus status) {
		return status == BillStatus.IN_SENATE_COMM || status == BillStatus.IN_ASSEMBLY_COMM ? "IN_COMMITTEE" : status.name();
	}

	/** A state change as recorded. */
	record StateChange(String from, String to, String by, String note, Instant at) {
	}

	private static Blast row(ResultSet rs, int n) throws SQLException {
		return new Blast(rs.getLong("id"), rs.getObject("trigger_id", Long.class), rs.getObject("bill_id", Long.class),
				rs.getObject("history_id", Long.class), status(rs.getString("from_status")), status(rs.getString("to_status")),
				rs.getString("template_name"), rs.getInt("template_version"),
				Audience.of(rs.getString("list_ids"), rs.getBoolean("narrow_known"), rs.getString("narrow_chamber"),
						rs.getString("narrow_districts")),
				rs.getString("ask"), rs.getBoolean("quiet_hours"), BlastState.valueOf(rs.getString("state")),
				instant(rs, "start_at"), rs.getString("start_zone"), instant(rs, "send_by"),
				instant(rs, "change_recorded_at"), rs.getString("paused_by"), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getString("acts_next") == null ? null : org.callout.bills.ActsNext.valueOf(rs.getString("acts_next")));
	}

	private static BillStatus status(String name) {
		return name == null ? null : BillStatus.valueOf(name);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/**
	 * Truncated to the microseconds the columns keep: a database rounding a start up would put it after the very
	 * instant it was due, and the scheduler would find it not due yet.
	 */
	private static OffsetDateTime ts(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

}
