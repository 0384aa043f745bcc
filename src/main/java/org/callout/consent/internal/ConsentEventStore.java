package org.callout.consent.internal;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.callout.consent.ConsentEvent;
import org.callout.consent.ConsentHistoryEntry;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentTerms;
import org.callout.consent.ImportedConsent;
import org.callout.consent.RecordedChoice;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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

	// An import appends a chunk's events in one JDBC batch: one round trip per chunk, not per row.
	private static final String APPEND_IMPORTED = """
			INSERT INTO consent_events (subscriber_id, list_id, kind, terms_version, occurred_at, ip_address, user_agent,
			                            source, form_id, page_url, language, address_hash, import_id, recorded_at,
			                            evidence_source, evidence_text, evidence_consented_at, evidence_confirmed_at)
			VALUES (:subscriber, :list, :kind, :terms, :at, :ip, :agent, :source, :form, :page, :language, :hash, :import,
			        :recorded, :evidenceSource, :evidenceText, :consentedCell, :confirmedCell)""";

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
		if (imported.isEmpty()) {
			return;
		}
		MapSqlParameterSource[] rows = imported.stream().map(ConsentEventStore::params).toArray(MapSqlParameterSource[]::new);
		batch.batchUpdate(APPEND_IMPORTED, rows);
	}

	private static MapSqlParameterSource params(ImportedConsent imported) {
		ConsentEvent event = imported.event();
		return new MapSqlParameterSource().addValue("subscriber", event.subscriberId())
			.addValue("list", event.listId())
			.addValue("kind", event.kind().name())
			.addValue("terms", event.termsVersion())
			.addValue("at", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
			.addValue("ip", event.ipAddress())
			.addValue("agent", truncate(event.userAgent(), 512))
			.addValue("source", event.source().dbValue())
			.addValue("form", event.formId())
			.addValue("page", event.pageUrl())
			.addValue("language", event.language())
			.addValue("hash", event.addressHash())
			.addValue("import", imported.importId())
			.addValue("recorded", OffsetDateTime.ofInstant(imported.recordedAt(), ZoneOffset.UTC))
			.addValue("evidenceSource", imported.evidenceSource())
			.addValue("evidenceText", imported.evidenceText())
			.addValue("consentedCell", imported.consentedAtCell())
			.addValue("confirmedCell", imported.confirmedAtCell());
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
