package org.callout.bills.internal;

import java.net.URI;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.bills.BillStatus;
import org.callout.bills.Chamber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for tracked bills and their prints. */
@Repository
class BillStore {

	record BillRow(long id, int session, String title, Map<String, String> summaries, URI publicUrl) {
	}

	record PrintRow(long id, long billId, Chamber chamber, int session, String basePrintNo, String activePrintNo,
			BillStatus status, LocalDate statusDate, String committee) {
	}

	private static final String INSERT_BILL = """
			INSERT INTO bills (session_year, title, summary_en, summary_es, public_url, created_at)
			VALUES (:session, :title, :en, :es, :url, :now)""";

	private static final String UPDATE_BILL = """
			UPDATE bills SET title = :title, summary_en = :en, summary_es = :es, public_url = :url WHERE id = :id""";

	// A second registration of the same print collides on bill_prints_unique_print: ON CONFLICT DO NOTHING lets
	// the caller see that (0 rows) without aborting its PostgreSQL transaction.
	private static final String INSERT_PRINT = """
			INSERT INTO bill_prints (bill_id, chamber, session_year, base_print_no, active_print_no)
			VALUES (:bill, :chamber, :session, :base, :active)
			ON CONFLICT DO NOTHING""";

	private static final String BILLS = "SELECT id, session_year, title, summary_en, summary_es, public_url FROM bills ";

	private static final String PRINTS = """
			SELECT id, bill_id, chamber, session_year, base_print_no, active_print_no, status, status_date, committee
			FROM bill_prints
			""";

	// Taken after the bill's lock: the second of two reports waits, then sees the first one's status and records a
	// repeat, which announces nothing.
	private static final String LOCK_PRINT = PRINTS + "WHERE id = :id FOR UPDATE";

	private static final String SET_STATUS = """
			UPDATE bill_prints SET status = :status, status_date = :date, committee = :committee WHERE id = :id""";

	private static final String SET_ACTIVE = "UPDATE bill_prints SET active_print_no = :active WHERE id = :id";

	private final JdbcClient jdbc;

	BillStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertBill(int session, String title, Map<String, String> summaries, URI url, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(INSERT_BILL)
			.param("session", session)
			.param("title", title)
			.param("en", summaries.get("en"))
			.param("es", summaries.get("es"))
			.param("url", url == null ? null : url.toString())
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	void updateBill(long id, String title, Map<String, String> summaries, URI url) {
		jdbc.sql(UPDATE_BILL)
			.param("id", id)
			.param("title", title)
			.param("en", summaries.get("en"))
			.param("es", summaries.get("es"))
			.param("url", url == null ? null : url.toString())
			.update();
	}

	/** Returns false when that print is tracked already. */
	boolean insertPrint(long billId, int session, PrintNumber print) {
		return jdbc.sql(INSERT_PRINT)
			.param("bill", billId)
			.param("chamber", print.chamber().name())
			.param("session", session)
			.param("base", print.base())
			.param("active", print.active())
			.update() == 1;
	}

	Optional<BillRow> bill(long id) {
		return jdbc.sql(BILLS + "WHERE id = :id").param("id", id).query(BillStore::bill).optional();
	}

	List<BillRow> bills() {
		return jdbc.sql(BILLS + "ORDER BY id").query(BillStore::bill).list();
	}

	List<BillRow> billsOfSession(int session) {
		return jdbc.sql(BILLS + "WHERE session_year = :s ORDER BY id").param("s", session).query(BillStore::bill).list();
	}

	List<PrintRow> prints(long billId) {
		return jdbc.sql(PRINTS + "WHERE bill_id = :bill ORDER BY chamber DESC").param("bill", billId).query(BillStore::print).list();
	}

	List<PrintRow> allPrints() {
		return jdbc.sql(PRINTS + "ORDER BY id").query(BillStore::print).list();
	}

	Optional<PrintRow> printByBase(int session, String basePrintNo) {
		return jdbc.sql(PRINTS + "WHERE session_year = :s AND base_print_no = :base")
			.param("s", session)
			.param("base", basePrintNo)
			.query(BillStore::print)
			.optional();
	}

	/**
	 * Serializes status changes of one bill: where it sits depends on both prints, so two changes of its two prints
	 * at once (each house passing it) must not each read the other's old status. Always the bill, then the print.
	 */
	void lockBill(long billId) {
		jdbc.sql("SELECT id FROM bills WHERE id = :id FOR UPDATE").param("id", billId).query(Long.class).single();
	}

	long billOf(long printId) {
		return jdbc.sql("SELECT bill_id FROM bill_prints WHERE id = :id").param("id", printId).query(Long.class).single();
	}

	PrintRow lockPrint(long printId) {
		return jdbc.sql(LOCK_PRINT).param("id", printId).query(BillStore::print).single();
	}

	void setStatus(long printId, BillStatus status, LocalDate date, String committee) {
		jdbc.sql(SET_STATUS).param("id", printId).param("status", status.name()).param("date", date).param("committee", committee).update();
	}

	void setActivePrint(long printId, String active) {
		jdbc.sql(SET_ACTIVE).param("id", printId).param("active", active).update();
	}

	private static BillRow bill(ResultSet rs, int row) throws SQLException {
		Map<String, String> summaries = new LinkedHashMap<>();
		if (rs.getString("summary_en") != null) {
			summaries.put("en", rs.getString("summary_en"));
		}
		if (rs.getString("summary_es") != null) {
			summaries.put("es", rs.getString("summary_es"));
		}
		String url = rs.getString("public_url");
		return new BillRow(rs.getLong("id"), rs.getInt("session_year"), rs.getString("title"), summaries,
				url == null ? null : URI.create(url));
	}

	private static PrintRow print(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		Date date = rs.getDate("status_date");
		return new PrintRow(rs.getLong("id"), rs.getLong("bill_id"), Chamber.valueOf(rs.getString("chamber")),
				rs.getInt("session_year"), rs.getString("base_print_no"), rs.getString("active_print_no"),
				status == null ? null : BillStatus.valueOf(status), date == null ? null : date.toLocalDate(),
				rs.getString("committee"));
	}

}
