package org.callout.consent.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.h2.api.Trigger;

/**
 * H2's guard on UPDATEs of the consent ledger (PostgreSQL's is the plpgsql function of migration V86): the one
 * change allowed is an erasure, which sets {@code ip_address}, {@code user_agent} and {@code page_url} to NULL,
 * leaves every other column as it was, and names an address hash whose erasure is recorded in
 * {@code consent_erasures}. Anything else is refused as the append-only trigger refuses it. Named by class in
 * the H2 migration.
 */
public class LedgerErasureTrigger implements Trigger {

	private static final Set<String> ERASABLE = Set.of("IP_ADDRESS", "USER_AGENT", "PAGE_URL", "EVIDENCE_SOURCE");

	// Column names in row order, read when the trigger is created, so that a column added later is protected
	// (compared) without changing this class.
	private final List<String> columns = new ArrayList<>();

	@Override
	public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
			int type) throws SQLException {
		try (PreparedStatement columnsOf = connection.prepareStatement("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""")) {
			columnsOf.setString(1, schemaName);
			columnsOf.setString(2, tableName);
			try (ResultSet rs = columnsOf.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1).toUpperCase(Locale.ROOT));
				}
			}
		}
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		if (newRow == null || !onlyErasableFieldsCleared(oldRow, newRow) || !erasureRecorded(connection, oldRow)) {
			throw new SQLException("consent_events is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
					+ " refused (only a recorded erasure may clear ip_address, user_agent, page_url and evidence_source)", "42501");
		}
	}

	private boolean onlyErasableFieldsCleared(Object[] oldRow, Object[] newRow) {
		if (columns.size() != oldRow.length) {
			return false; // The table changed under a trigger created before: refuse rather than guess.
		}
		for (int i = 0; i < columns.size(); i++) {
			boolean allowed = ERASABLE.contains(columns.get(i)) ? newRow[i] == null : Objects.equals(oldRow[i], newRow[i]);
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private boolean erasureRecorded(Connection connection, Object[] oldRow) throws SQLException {
		try (PreparedStatement recorded = connection.prepareStatement("SELECT 1 FROM consent_erasures WHERE address_hash = ?")) {
			recorded.setObject(1, oldRow[columns.indexOf("ADDRESS_HASH")]);
			try (ResultSet rs = recorded.executeQuery()) {
				return rs.next();
			}
		}
	}

}
