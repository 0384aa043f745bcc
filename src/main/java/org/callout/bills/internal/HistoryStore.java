package org.callout.bills.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.callout.bills.BillStatus;
import org.callout.bills.Chamber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the append-only status history. There is deliberately no UPDATE or DELETE here. */
@Repository
class HistoryStore {

	enum Kind {

		STATUS, AMENDED, STALE, INITIAL

	}

	record Entry(long id, long billId, long printId, String printNo, Kind kind, BillStatus from, BillStatus to,
			LocalDate actionDate, String committee, Chamber chamber, String source, String sourceRef, Boolean finalEnd,
			Instant recordedAt) {
	}

	private static final String APPEND = """
			INSERT INTO bill_status_history (bill_id, print_id, print_no, kind, from_status, to_status, action_date,
			                                 committee, chamber, source, source_ref, final_end, recorded_at)
			VALUES (:bill, :print, :printNo, :kind, :from, :to, :date, :committee, :chamber, :source, :ref, :final, :now)""";

	private static final String OF_BILL = """
			SELECT id, bill_id, print_id, print_no, kind, from_status, to_status, action_date, committee, chamber, source,
			       source_ref, final_end, recorded_at
			FROM bill_status_history WHERE bill_id = :bill ORDER BY id""";

	private final JdbcClient jdbc;

	HistoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long append(Entry entry) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(APPEND)
			.param("bill", entry.billId())
			.param("print", entry.printId())
			.param("printNo", entry.printNo())
			.param("kind", entry.kind().name())
			.param("from", entry.from() == null ? null : entry.from().name())
			.param("to", entry.to().name())
			.param("date", entry.actionDate())
			.param("committee", entry.committee())
			.param("chamber", entry.chamber().name())
			.param("source", entry.source())
			.param("ref", entry.sourceRef())
			.param("final", entry.finalEnd())
			.param("now", OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/** Whether the latest session end applied to this print was final; null when it never had one. */
	Boolean lastSessionEnd(long printId) {
		return jdbc.sql("""
				SELECT final_end FROM bill_status_history
				WHERE print_id = :print AND to_status = 'SESSION_ENDED' AND kind IN ('STATUS', 'INITIAL')
				ORDER BY id DESC LIMIT 1""")
			.param("print", printId)
			.query((rs, row) -> (Boolean) rs.getObject(1))
			.optional()
			.orElse(null);
	}

	List<Entry> ofBill(long billId) {
		return jdbc.sql(OF_BILL).param("bill", billId).query(HistoryStore::entry).list();
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		String from = rs.getString("from_status");
		Object finalEnd = rs.getObject("final_end");
		return new Entry(rs.getLong("id"), rs.getLong("bill_id"), rs.getLong("print_id"), rs.getString("print_no"),
				Kind.valueOf(rs.getString("kind")), from == null ? null : BillStatus.valueOf(from),
				BillStatus.valueOf(rs.getString("to_status")), rs.getDate("action_date").toLocalDate(),
				rs.getString("committee"), Chamber.valueOf(rs.getString("chamber")), rs.getString("source"),
				rs.getString("source_ref"), finalEnd == null ? null : (Boolean) finalEnd,
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
	}

}
