package org.callout.legislators.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.callout.legislators.Chamber;
import org.callout.legislators.Legislator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the legislator directory. */
@Repository
public class LegislatorStore {

	static final String PHONES = "; ";

	static final String NAMES = "\n";

	private static final String COLUMNS = """
			SELECT id, openstates_id, jurisdiction, chamber, district, name, party, capitol_phone, district_phones, email,
			       other_names, is_current, source, source_version, imported_at
			FROM legislators""";

	private static final String INSERT = """
			INSERT INTO legislators (openstates_id, jurisdiction, chamber, district, name, party, capitol_phone,
			                         district_phones, email, other_names, is_current, source, source_version, imported_at)
			VALUES (:id, 'ny', :chamber, :district, :name, :party, :capitol, :phones, :email, :otherNames, TRUE, :source,
			        :version, :now)""";

	// Upsert by OpenStates id as select-then-update in the import's transaction: H2 has no ON CONFLICT DO UPDATE.
	private static final String UPDATE = """
			UPDATE legislators SET chamber = :chamber, district = :district, name = :name, party = :party,
			       capitol_phone = :capitol, district_phones = :phones, email = :email, other_names = :otherNames,
			       is_current = TRUE, source = :source, source_version = :version, imported_at = :now
			WHERE openstates_id = :id""";

	// Retired, never deleted: old blasts and call records point at the person.
	private static final String RETIRE = """
			UPDATE legislators SET is_current = FALSE, source = :source, source_version = :version, imported_at = :now
			WHERE openstates_id = :id""";

	private final JdbcClient jdbc;

	LegislatorStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Legislator> all() {
		return jdbc.sql(COLUMNS + " ORDER BY chamber DESC, id").query(LegislatorStore::map).list();
	}

	/**
	 * Legislators matching every filter given (null: any). {@code q} is a case-insensitive part of the name or
	 * of another name; LIKE wildcards in it are taken literally.
	 */
	public List<Legislator> search(Chamber chamber, String district, String q, boolean currentOnly) {
		StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (chamber != null) {
			sql.append(" AND chamber = :chamber");
			params.put("chamber", chamber.code());
		}
		if (district != null) {
			sql.append(" AND district = :district");
			params.put("district", district);
		}
		if (q != null) {
			sql.append(" AND (LOWER(name) LIKE :q ESCAPE '\\' OR LOWER(other_names) LIKE :q ESCAPE '\\')");
			params.put("q", "%" + q.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (currentOnly) {
			sql.append(" AND is_current = TRUE");
		}
		sql.append(" ORDER BY chamber DESC, CAST(district AS INT), id");
		return jdbc.sql(sql.toString()).params(params).query(LegislatorStore::map).list();
	}

	public Optional<Legislator> byId(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(LegislatorStore::map).optional();
	}

	/**
	 * The current holder of a seat. A partial import of a new holder leaves the old one current too (a partial
	 * import retires nobody): the most recently imported is then the one who holds it.
	 */
	public Optional<Legislator> current(Chamber chamber, String district) {
		return jdbc.sql(COLUMNS + " WHERE chamber = :chamber AND district = :district AND is_current = TRUE"
				+ " ORDER BY imported_at DESC, id DESC")
			.param("chamber", chamber.code())
			.param("district", district)
			.query(LegislatorStore::map)
			.list()
			.stream()
			.findFirst();
	}

	/** The order of {@link #current}: where an import left two current holders of a seat, the newest wins. */
	public List<Legislator> allCurrent() {
		return jdbc.sql(COLUMNS + " WHERE is_current = TRUE ORDER BY imported_at DESC, id DESC").query(LegislatorStore::map).list();
	}

	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM legislators").query(Long.class).single();
	}

	void insert(PersonRecord record, String source, String version, Instant now) {
		write(INSERT, record, source, version, now);
	}

	void update(PersonRecord record, String source, String version, Instant now) {
		write(UPDATE, record, source, version, now);
	}

	void retire(String openstatesId, String source, String version, Instant now) {
		jdbc.sql(RETIRE).param("id", openstatesId).param("source", source).param("version", version).param("now", utc(now)).update();
	}

	private void write(String sql, PersonRecord r, String source, String version, Instant now) {
		jdbc.sql(sql)
			.param("id", r.openstatesId())
			.param("chamber", r.chamber().code())
			.param("district", r.district())
			.param("name", r.name())
			.param("party", r.party())
			.param("capitol", r.capitolPhone())
			.param("phones", r.districtPhones().isEmpty() ? null : String.join(PHONES, r.districtPhones()))
			.param("email", r.email())
			.param("otherNames", r.otherNames() == null || r.otherNames().isEmpty() ? null : String.join(NAMES, r.otherNames()))
			.param("source", source)
			.param("version", version)
			.param("now", utc(now))
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Legislator map(ResultSet rs, int row) throws SQLException {
		return new Legislator(rs.getLong("id"), rs.getString("openstates_id"), rs.getString("jurisdiction"),
				Chamber.parse(rs.getString("chamber")).orElseThrow(), rs.getString("district"), rs.getString("name"),
				rs.getString("party"), rs.getString("capitol_phone"), split(rs.getString("district_phones"), PHONES),
				rs.getString("email"), split(rs.getString("other_names"), NAMES), rs.getBoolean("is_current"),
				rs.getString("source"), rs.getString("source_version"),
				rs.getObject("imported_at", OffsetDateTime.class).toInstant());
	}

	private static List<String> split(String joined, String separator) {
		return joined == null ? List.of() : Arrays.asList(joined.split(Pattern.quote(separator)));
	}

}
