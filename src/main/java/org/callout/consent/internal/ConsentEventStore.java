package org.callout.consent.internal;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.callout.consent.ConsentEvent;
import org.callout.consent.ConsentHistoryEntry;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentTerms;
import org.callout.consent.ImportedConsent;
import org.callout.consent.RecordedChoice;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the consent ledger. There is deliberately no UPDATE or DELETE here. */
@Repository
public class ConsentEventStore {

	private static final String APPEND = """
			INSERT INTO consent_events (subscriber_id, list_id, kind, terms_version, occurred_at, ip_address, user_agent,
			                            source, form_id, page_url, language, address_hash)
			VALUES (:subscriber, :list, :kind, :terms, :at, :ip, :agent, :source, :form, :page, :language, :hash)""";

	// An import appends a chunk's events with multi-row INSERTs (a JDBC batch still runs row by row on PostgreSQL),
	// ROWS_PER_INSERT at a time: 18 columns each stay far below PostgreSQL's 65 535 parameters per statement.
	private static final String APPEND_IMPORTED = """
			INSERT INTO consent_events (subscriber_id, list_id, kind, terms_version, occurred_at, ip_address, user_agent,
			                            source, form_id, page_url, language, address_hash, import_id, recorded_at,
			                            evidence_source, evidence_text, evidence_consented_at, evidence_confirmed_at)
			VALUES """;

	private static final String ONE_IMPORTED = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final int ROWS_PER_INSERT = 500;

	// Only the kinds that are a person's own choice or its undoing; ordered by the ledger's sequence, which is the
	// order things happened in as Callout learned them (an imported event's occurred_at may lie in the past).
	private static final String CHOICES = """
			SELECT address_hash, list_id, kind FROM consent_events
			WHERE address_hash IN (:hashes) ORDER BY id""";

	// History joins the terms so organizers read the exact words each event refers to; ordered by the
	// ledger's own sequence, which is insertion order even when two events share a timestamp.
	private static final String HISTORY = """
			SELECT e.id, e.subscriber_id, e.list_id, e.kind, e.occurred_at, e.ip_address, e.user_agent, e.source,
			       e.form_id, e.page_url, e.language,
			       t.version_id, t.language AS terms_language, t.text, t.privacy_policy_url, t.privacy_policy_version
			FROM consent_events e LEFT JOIN consent_terms t ON t.version_id = e.terms_version
			""";

	private static final String EXISTS_SINCE = """
			SELECT COUNT(*) FROM consent_events
			WHERE address_hash = :hash AND kind = :kind AND occurred_at >= :since""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	ConsentEventStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	public void appendImported(List<ImportedConsent> imported) {
		for (int from = 0; from < imported.size(); from += ROWS_PER_INSERT) {
			List<ImportedConsent> part = imported.subList(from, Math.min(imported.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder(APPEND_IMPORTED);
			List<Object> args = new ArrayList<>(part.size() * 18);
			for (int i = 0; i < part.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append(ONE_IMPORTED);
				args.addAll(values(part.get(i)));
			}
			batch.getJdbcTemplate().update(sql.toString(), args.toArray());
		}
	}

	// Every value typed, so that a null never makes the driver ask the server for a parameter's type.
	private static List<SqlParameterValue> values(ImportedConsent imported) {
		ConsentEvent event = imported.event();
		return List.of(number(event.subscriberId()), number(event.listId()), text(event.kind().name()), text(event.termsVersion()),
				time(event.occurredAt()), text(event.ipAddress()), text(truncate(event.userAgent(), 512)),
				text(event.source().dbValue()), text(event.formId()), text(event.pageUrl()), text(event.language()),
				text(event.addressHash()), number(imported.importId()), time(imported.recordedAt()), text(imported.evidenceSource()),
				text(imported.evidenceText()), text(imported.consentedAtCell()), text(imported.confirmedAtCell()));
	}

	private static SqlParameterValue text(String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	private static SqlParameterValue number(long value) {
		return new SqlParameterValue(Types.BIGINT, value);
	}

	private static SqlParameterValue time(Instant value) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
	}

	public List<RecordedChoice> choicesOf(Collection<String> hashes) {
		if (hashes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CHOICES)
			.param("hashes", hashes)
			.query((rs, row) -> new RecordedChoice(rs.getString(1), rs.getLong(2), ConsentKind.valueOf(rs.getString(3))))
			.list();
	}

	public long append(ConsentEvent event) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(APPEND)
			.param("subscriber", event.subscriberId())
			.param("list", event.listId())
			.param("kind", event.kind().name())
			.param("terms", event.termsVersion())
			.param("at", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
			.param("ip", event.ipAddress())
			.param("agent", truncate(event.userAgent(), 512))
			.param("source", event.source().dbValue())
			.param("form", event.formId())
			.param("page", event.pageUrl())
			.param("language", event.language())
			.param("hash", event.addressHash())
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	public List<ConsentHistoryEntry> bySubscriber(long subscriberId) {
		return jdbc.sql(HISTORY + "WHERE e.subscriber_id = :id ORDER BY e.id").param("id", subscriberId).query(this::entry).list();
	}

	public List<ConsentHistoryEntry> byAddressHash(String hash) {
		return jdbc.sql(HISTORY + "WHERE e.address_hash = :hash ORDER BY e.id").param("hash", hash).query(this::entry).list();
	}

	public boolean existsSince(String hash, ConsentKind kind, Instant since) {
		return jdbc.sql(EXISTS_SINCE)
			.param("hash", hash)
			.param("kind", kind.name())
			.param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
			.query(Long.class)
			.single() > 0;
	}

	private ConsentHistoryEntry entry(ResultSet rs, int row) throws SQLException {
		String version = rs.getString("version_id");
		ConsentTerms terms = version == null ? null : new ConsentTerms(version, rs.getString("terms_language"),
				rs.getString("text"), URI.create(rs.getString("privacy_policy_url")), rs.getString("privacy_policy_version"));
		return new ConsentHistoryEntry(rs.getLong("id"), rs.getLong("subscriber_id"), rs.getLong("list_id"),
				ConsentKind.valueOf(rs.getString("kind")), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("ip_address"), rs.getString("user_agent"), rs.getString("source"), rs.getString("form_id"),
				rs.getString("page_url"), rs.getString("language"), terms);
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
