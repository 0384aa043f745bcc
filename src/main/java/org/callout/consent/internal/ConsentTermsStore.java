package org.callout.consent.internal;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.callout.consent.ConsentTerms;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for consent terms versions. */
@Repository
public class ConsentTermsStore {

	// A version is content-addressed: inserting it again is a no-op, never an edit. Several instances may
	// race to store the same new version at start-up; ON CONFLICT DO NOTHING (PostgreSQL and H2) lets them.
	private static final String INSERT = """
			INSERT INTO consent_terms (version_id, language, text, privacy_policy_url, privacy_policy_version, created_at)
			VALUES (:id, :language, :text, :url, :version, :now)
			ON CONFLICT DO NOTHING""";

	private static final String FIND = """
			SELECT version_id, language, text, privacy_policy_url, privacy_policy_version
			FROM consent_terms WHERE version_id = :id""";

	private final JdbcClient jdbc;

	private final Clock clock;

	ConsentTermsStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public ConsentTerms storeOnce(ConsentTerms terms) {
		jdbc.sql(INSERT)
			.param("id", terms.versionId())
			.param("language", terms.language())
			.param("text", terms.text())
			.param("url", terms.privacyPolicyUrl().toString())
			.param("version", terms.privacyPolicyVersion())
			.param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		return terms;
	}

	public Optional<ConsentTerms> find(String versionId) {
		return jdbc.sql(FIND)
			.param("id", versionId)
			.query((rs, row) -> new ConsentTerms(rs.getString(1), rs.getString(2), rs.getString(3), URI.create(rs.getString(4)),
					rs.getString(5)))
			.optional();
	}

}
