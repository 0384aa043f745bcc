package org.callout.campaigns.internal.templates;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.callout.campaigns.internal.templates.TemplateVersion.Parts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the stored template versions. StoredVersions are only ever added (the database refuses anything else): a delete
 * is a row of its own, hiding the organizer's versions up to then.
 */
@Repository
class TemplateStore {

	private static final String DELETED_THROUGH = """
			COALESCE((SELECT MAX(d.through_version) FROM campaign_template_deletions d WHERE d.name = v.name), 0)""";

	private static final String ROWS = """
			SELECT v.name, v.version, v.origin, v.saved_at, p.language,
			       CASE WHEN v.origin = 'api' AND v.version <= %s THEN TRUE ELSE FALSE END AS hidden
			FROM campaign_template_versions v JOIN campaign_template_parts p ON p.name = v.name AND p.version = v.version
			""".formatted(DELETED_THROUGH);

	private final JdbcClient jdbc;

	TemplateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds the version numbered after the newest. Two saves at once compute the same number, and the primary key
	 * refuses the second: the caller retries it (a DuplicateKeyException).
	 */
	TemplateVersion append(String name, String origin, Instant savedAt, Map<String, Parts> languages, String hash) {
		int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM campaign_template_versions WHERE name = :name")
			.param("name", name)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				INSERT INTO campaign_template_versions (name, version, origin, saved_at, content_hash)
				VALUES (:name, :version, :origin, :at, :hash)""")
			.param("name", name)
			.param("version", version)
			.param("origin", origin)
			.param("at", OffsetDateTime.ofInstant(savedAt, ZoneOffset.UTC))
			.param("hash", hash)
			.update();
		languages.forEach((language, parts) -> jdbc.sql("""
				INSERT INTO campaign_template_parts (name, version, language, text_part, html_part)
				VALUES (:name, :version, :language, :text, :html)""")
			.param("name", name)
			.param("version", version)
			.param("language", language)
			.param("text", parts.text())
			.param("html", parts.html())
			.update());
		return new TemplateVersion(name, version, origin, savedAt, languages);
	}

	Optional<TemplateVersion> find(String name, int version) {
		Optional<StoredVersion> row = rows("WHERE v.name = :name AND v.version = :version", Map.of("name", name, "version", version))
			.stream()
			.findFirst();
		return row.map(r -> new TemplateVersion(r.name(), r.version(), r.origin(), r.savedAt(), parts(name, version)));
	}

	/** The newest version an organizer saved and did not delete since. */
	Optional<Integer> latestVisible(String name) {
		return jdbc.sql("SELECT MAX(v.version) FROM campaign_template_versions v WHERE v.name = :name AND v.origin = 'api'"
				+ " AND v.version > " + DELETED_THROUGH)
			.param("name", name)
			.query(Integer.class)
			.optional();
	}

	/** Names with a version an organizer saved and did not delete since. */
	List<String> visibleNames() {
		return jdbc.sql("SELECT DISTINCT v.name FROM campaign_template_versions v WHERE v.origin = 'api' AND v.version > "
				+ DELETED_THROUGH + " ORDER BY v.name")
			.query(String.class)
			.list();
	}

	/** Every stored version of {@code name}, oldest first. */
	List<StoredVersion> versions(String name) {
		return rows("WHERE v.name = :name", Map.of("name", name));
	}

	/** A copy of the file default with exactly these words, if one was stored before. */
	Optional<Integer> fileCopy(String name, String hash) {
		return jdbc.sql("""
				SELECT MIN(version) FROM campaign_template_versions
				WHERE name = :name AND origin = 'file' AND content_hash = :hash""")
			.param("name", name)
			.param("hash", hash)
			.query(Integer.class)
			.optional();
	}

	/** Hides every organizer version of {@code name} up to {@code throughVersion}. */
	void recordDeletion(String name, int throughVersion, Instant at) {
		jdbc.sql("""
				INSERT INTO campaign_template_deletions (name, through_version, deleted_at)
				VALUES (:name, :through, :at)""")
			.param("name", name)
			.param("through", throughVersion)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	private Map<String, Parts> parts(String name, int version) {
		Map<String, Parts> parts = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT language, text_part, html_part FROM campaign_template_parts
				WHERE name = :name AND version = :version ORDER BY language""")
			.param("name", name)
			.param("version", version)
			.query((rs, n) -> parts.put(rs.getString("language"), new Parts(rs.getString("text_part"), rs.getString("html_part"))))
			.list();
		return parts;
	}

	private List<StoredVersion> rows(String where, Map<String, ?> params) {
		Map<Integer, StoredVersion> rows = new LinkedHashMap<>();
		jdbc.sql(ROWS + where + " ORDER BY v.version, p.language").params(params).query((rs, n) -> {
			int version = rs.getInt("version");
			StoredVersion row = rows.get(version);
			List<String> languages = row == null ? List.of() : row.languages();
			rows.put(version, new StoredVersion(rs.getString("name"), version, rs.getString("origin"),
					rs.getObject("saved_at", OffsetDateTime.class).toInstant(),
					Stream.concat(languages.stream(), Stream.of(rs.getString("language"))).toList(),
					rs.getBoolean("hidden")));
			return version;
		}).list();
		return List.copyOf(rows.values());
	}

}
