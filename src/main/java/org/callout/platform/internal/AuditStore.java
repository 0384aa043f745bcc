package org.callout.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit_log table. Only INSERT and SELECT: the database refuses anything else (V91). JdbcClient joins the
 * caller's transaction through the DataSource's transaction synchronization, which is what keeps an entry and
 * its action together (both commit or neither does).
 */
@Repository
class AuditStore {

	/** The filters of the API and the export, each optional; {@code beforeId} pages newest first. */
	record Filter(String actor, String action, Instant from, Instant to, Long beforeId) {
	}

	private static final int MAX_BEFORE_AFTER = 4000;

	private final JdbcClient jdbc;

	AuditStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AuditEntry entry) {
		jdbc.sql("""
				INSERT INTO audit_log (occurred_at, actor, channel, client_ip, action, target, outcome, before_state,
				                       after_state, detail)
				VALUES (:at, :actor, :channel, :ip, :action, :target, :outcome, :before, :after, :detail)""")
			// Both databases keep microseconds: what a filter compares is what was stored.
			.param("at", OffsetDateTime.ofInstant(entry.occurredAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
			.param("actor", clip(entry.actor(), 200))
			.param("channel", clip(entry.channel(), 20))
			.param("ip", clip(entry.clientIp(), 64))
			.param("action", clip(entry.action(), 64))
			.param("target", clip(entry.target(), 300))
			.param("outcome", entry.outcome())
			.param("before", clip(entry.before(), MAX_BEFORE_AFTER))
			.param("after", clip(entry.after(), MAX_BEFORE_AFTER))
			.param("detail", clip(entry.detail(), 1000))
			.update();
	}

	/** Newest first (by id, which follows insertion), at most {@code limit}. */
	List<AuditEntry> find(Filter filter, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.actor() != null) {
			sql.append(" AND actor = :actor");
			params.put("actor", filter.actor());
		}
		if (filter.action() != null) {
			// 'blast' matches every blast action, 'blast.approve' just that one.
			sql.append(" AND (action = :action OR action LIKE :prefix)");
			params.put("action", filter.action());
			params.put("prefix", filter.action().replace("%", "").replace("_", "\\_") + ".%");
		}
		if (filter.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.put("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.put("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
		}
		if (filter.beforeId() != null) {
			sql.append(" AND id < :beforeId");
			params.put("beforeId", filter.beforeId());
		}
		sql.append(" ORDER BY id DESC LIMIT ").append(limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, row) -> entry(rs)).list();
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("channel"), rs.getString("client_ip"), rs.getString("action"),
				rs.getString("target"), rs.getString("outcome"), rs.getString("before_state"), rs.getString("after_state"),
				rs.getString("detail"));
	}

	private static String clip(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

}
