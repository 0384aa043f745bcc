package org.callout.consent.internal;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.callout.consent.ConsentEvent;
import org.callout.consent.ConsentHistoryEntry;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentTerms;

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

	ConsentEventStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
