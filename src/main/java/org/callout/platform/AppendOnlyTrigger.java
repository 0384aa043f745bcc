package org.callout.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.h2.api.Trigger;

/**
 * H2 trigger that refuses UPDATE and DELETE on an append-only table (the consent ledger, the bill history):
 * evidence never changes. PostgreSQL migrations use plpgsql triggers instead. Named by class in H2 migrations.
 */
public class AppendOnlyTrigger implements Trigger {

	private String table = "table";

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
