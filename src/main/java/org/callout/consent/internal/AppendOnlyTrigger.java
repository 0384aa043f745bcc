package org.callout.consent.internal;

import java.util.Locale;
import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2 trigger that refuses UPDATE and DELETE on the consent ledger and terms (PostgreSQL uses plpgsql). */
public class AppendOnlyTrigger implements Trigger {

	private String table = "consent_events";

	@Override
	public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
			int type) {
		this.table = tableName.toLowerCase(Locale.ROOT);
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException(table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
				"42501");
	}

}
