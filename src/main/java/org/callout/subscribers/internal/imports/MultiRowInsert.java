package org.callout.subscribers.internal.imports;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * One multi-row {@code INSERT ... VALUES (...), (...)} per up to {@link #ROWS_PER_STATEMENT} rows: on PostgreSQL
 * a JDBC batch still executes row by row, and a chunk of an import inserts thousands. Every value is typed
 * ({@link #text}, {@link #number}, {@link #time}), so a null never makes the driver ask the server for the
 * parameter's type. The same SQL runs on H2.
 */
final class MultiRowInsert {

	// 500 rows of at most 20 columns stay far below PostgreSQL's 65 535 parameters per statement.
	static final int ROWS_PER_STATEMENT = 500;

	private MultiRowInsert() {
	}

	/**
	 * @param head {@code INSERT INTO t (a, b)}
	 * @param tail what follows the values, such as {@code ON CONFLICT DO NOTHING}, or empty
	 * @param rows the values of each row, all of one length
	 */
	static void insert(JdbcTemplate jdbc, String head, String tail, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
			List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
			int columns = part.getFirst().length;
			String one = "(" + "?, ".repeat(columns - 1) + "?)";
			StringBuilder sql = new StringBuilder(head.length() + part.size() * (one.length() + 2) + tail.length() + 10);
			sql.append(head).append(" VALUES ");
			List<Object> args = new ArrayList<>(part.size() * columns);
			for (int i = 0; i < part.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append(one);
				java.util.Collections.addAll(args, part.get(i));
			}
			sql.append(' ').append(tail);
			jdbc.update(sql.toString(), args.toArray());
		}
	}

	static SqlParameterValue text(String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	static SqlParameterValue number(Long value) {
		return new SqlParameterValue(Types.BIGINT, value);
	}

	static SqlParameterValue time(Instant value) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, value == null ? null : ImportStore.utc(value));
	}

}
