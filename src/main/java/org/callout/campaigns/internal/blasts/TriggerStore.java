package org.callout.campaigns.internal.blasts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.callout.bills.BillStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Triggers, in {@code campaign_triggers}. */
@Repository
class TriggerStore {

	private static final String COLUMNS = """
			id, bill_id, statuses, template_name, list_ids, narrow_known, narrow_chamber, narrow_districts, mode,
			delay_seconds, send_by_seconds, quiet_hours, ask, enabled, created_by, created_at, updated_at""";

	private final JdbcClient jdbc;

	TriggerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Trigger trigger) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		params(jdbc.sql("INSERT INTO campaign_triggers (bill_id, statuses, template_name, list_ids, narrow_known,"
				+ " narrow_chamber, narrow_districts, mode, delay_seconds, send_by_seconds, quiet_hours, ask, enabled,"
				+ " created_by, created_at, updated_at) VALUES (:bill, :statuses, :template, :lists, :known, :chamber,"
				+ " :districts, :mode, :delay, :sendBy, :quiet, :ask, :enabled, :by, :now, :now)"), trigger)
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	void update(Trigger trigger) {
		params(jdbc.sql("UPDATE campaign_triggers SET bill_id = :bill, statuses = :statuses, template_name = :template,"
				+ " list_ids = :lists, narrow_known = :known, narrow_chamber = :chamber, narrow_districts = :districts,"
				+ " mode = :mode, delay_seconds = :delay, send_by_seconds = :sendBy, quiet_hours = :quiet, ask = :ask,"
				+ " enabled = :enabled, updated_at = :now WHERE id = :id"), trigger)
			.param("id", trigger.id())
			.update();
	}

	Optional<Trigger> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_triggers WHERE id = :id").param("id", id)
			.query(TriggerStore::row).optional();
	}

	/**
	 * Locks the trigger until the transaction ends: two instances handling the Senate and the Assembly print's
	 * change at once then decide one after the other whether the alert exists already.
	 */
	Optional<Trigger> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_triggers WHERE id = :id FOR UPDATE").param("id", id)
			.query(TriggerStore::row).optional();
	}

	List<Trigger> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_triggers ORDER BY id").query(TriggerStore::row).list();
	}

	List<Trigger> ofBill(long billId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_triggers WHERE bill_id = :bill AND enabled ORDER BY id")
			.param("bill", billId).query(TriggerStore::row).list();
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Trigger trigger) {
		return spec.param("bill", trigger.billId())
			.param("statuses", trigger.statuses().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("template", trigger.templateName())
			.param("lists", trigger.audience().listIdsColumn())
			.param("known", trigger.audience().knownOnly())
			.param("chamber", trigger.audience().chamber())
			.param("districts", trigger.audience().districtsColumn())
			.param("mode", trigger.mode())
			.param("delay", trigger.delay().toSeconds())
			.param("sendBy", trigger.sendBy().toSeconds())
			.param("quiet", trigger.quietHours())
			.param("ask", trigger.ask())
			.param("enabled", trigger.enabled())
			.param("by", trigger.createdBy())
			.param("now", OffsetDateTime.ofInstant(trigger.updatedAt(), ZoneOffset.UTC));
	}

	private static Trigger row(ResultSet rs, int n) throws SQLException {
		String statuses = rs.getString("statuses");
		Set<BillStatus> set = statuses.isBlank() ? EnumSet.noneOf(BillStatus.class)
				: Arrays.stream(statuses.split(",")).map(BillStatus::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(BillStatus.class)));
		return new Trigger(rs.getLong("id"), rs.getLong("bill_id"), set, rs.getString("template_name"),
				Audience.of(rs.getString("list_ids"), rs.getBoolean("narrow_known"), rs.getString("narrow_chamber"),
						rs.getString("narrow_districts")),
				"NEEDS_APPROVAL".equals(rs.getString("mode")), Duration.ofSeconds(rs.getLong("delay_seconds")),
				Duration.ofSeconds(rs.getLong("send_by_seconds")), rs.getBoolean("quiet_hours"), rs.getString("ask"),
				rs.getBoolean("enabled"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
