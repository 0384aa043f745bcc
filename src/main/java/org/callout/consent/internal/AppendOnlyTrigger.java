package org.callout.consent.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2 trigger that refuses UPDATE and DELETE on the consent ledger (PostgreSQL uses a plpgsql trigger). */
public class AppendOnlyTrigger implements Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException("consent_events is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
				"42501");
	}

}
