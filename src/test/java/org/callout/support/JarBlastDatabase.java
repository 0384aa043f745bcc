package org.callout.support;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.awaitility.Awaitility;
import org.callout.delivery.AudienceSql;
import org.callout.platform.AddressHasher;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh schema on the test PostgreSQL server for packaged-jar blast tests: the environment every instance of the
 * jar gets (the same database and secrets, its own instance id and SMTP sink, short leases and polls), the audience
 * written set-wise, and what the tests read back of the blast. The test's own connections carry their own
 * application name, so that the service's connections can be told from them.
 */
public final class JarBlastDatabase implements AutoCloseable {

	public static final String ADMIN_TOKEN = "jar-blast-admin-token-0123456789";

	private static final String HASH_KEY = "jar-blast-hash-key-0123456789";

	private static final String TEST_CONNECTIONS = "callout-jar-test";

	private final String url;

	private final PostgresServer.Coordinates server;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final SingleConnectionDataSource source;

	private JarBlastDatabase(PostgresServer.Coordinates server, String schema) {
		this.server = server;
		this.url = server.urlWithSchema(schema);
		// One connection for the whole test: the server's connections are shared with other suites on this machine,
		// and a test that polls must not open one per look.
		this.source = new SingleConnectionDataSource(url + "&ApplicationName=" + TEST_CONNECTIONS
				+ "&reWriteBatchedInserts=true", server.user(), server.password(), true);
		this.jdbc = JdbcClient.create(source);
		this.batch = new JdbcTemplate(source);
	}

	public static JarBlastDatabase fresh() {
		return new JarBlastDatabase(PostgresServer.coordinates(), PostgresServer.createFreshSchema());
	}

	@Override
	public void close() {
		source.destroy();
	}

	public JdbcClient jdbc() {
		return jdbc;
	}

	/**
	 * What one instance is started with: this database, the shared secrets, its SMTP sink, and the settings given
	 * (relaxed-binding names, e.g. {@code CALLOUT_CLAIMS_EXPIREAFTER}).
	 */
	public Map<String, String> environment(String instanceId, int smtpPort, Map<String, String> settings) {
		Map<String, String> environment = new HashMap<>();
		// Its connections named after it: a test can wait for a killed instance's to be gone.
		environment.put("CALLOUT_DB_URL", url + "&ApplicationName=" + connectionName(instanceId));
		environment.put("CALLOUT_DB_USER", server.user());
		environment.put("CALLOUT_DB_PASSWORD", server.password());
		environment.put("CALLOUT_ADMIN_TOKEN", ADMIN_TOKEN);
		environment.put("CALLOUT_LINK_KEY", "jar-blast-link-key-0123456789");
		environment.put("CALLOUT_ADDRESS_HASH_KEY", HASH_KEY);
		environment.put("CALLOUT_PUBLIC_BASE_URL", "https://act.example.org");
		environment.put("CALLOUT_INSTANCE_ID", instanceId);
		environment.put("CALLOUT_MAIL_TRANSPORT", "smtp");
		environment.put("CALLOUT_MAIL_SMTP_HOST", "127.0.0.1");
		environment.put("CALLOUT_MAIL_SMTP_PORT", String.valueOf(smtpPort));
		environment.put("CALLOUT_MAIL_SMTP_SECURITY", "none");
		environment.putAll(settings);
		return environment;
	}

	/**
	 * Writes {@code count} confirmed members of the default list ({@code <prefix>-<n>@example.org}, all in Albany's
	 * districts, exact) set-wise, then ANALYZEs: autovacuum is off on these machines, and unanalyzed tables made
	 * every claim a sequential scan. Answers the addresses (lower case). The service must have started once (the
	 * schema and the list exist).
	 */
	public List<String> members(String prefix, int count) {
		AudienceSql audience = new AudienceSql(jdbc, batch, new AddressHasher(HASH_KEY), Instant.now());
		List<String> addresses = new ArrayList<>(count);
		List<AudienceSql.Person> people = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String address = prefix + "-" + i + "@example.org";
			addresses.add(address.toLowerCase(Locale.ROOT));
			people.add(new AudienceSql.Person(address, "en", "12207"));
		}
		audience.subscribers(people);
		String like = prefix.toLowerCase(Locale.ROOT) + "-%";
		audience.memberships(like, audience.listId("supporters"), "CONFIRMED");
		audience.districts(like, "46", "109", "exact");
		for (String table : List.of("subscribers", "memberships", "representations")) {
			jdbc.sql("ANALYZE " + table).update();
		}
		return addresses;
	}

	/** The addresses (lower case) whose delivery of the blast is recorded SENT. */
	public Set<String> sentAddresses(long blast) {
		return new HashSet<>(jdbc.sql("""
				SELECT LOWER(s.email) FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
				WHERE d.blast_id = :blast AND d.status = 'SENT'""").param("blast", blast).query(String.class).list());
	}

	/** The blast's delivery records per status. */
	public Map<String, Long> statuses(long blast) {
		Map<String, Long> statuses = new TreeMap<>();
		jdbc.sql("SELECT status, COUNT(*) FROM deliveries WHERE blast_id = :blast GROUP BY status").param("blast", blast)
			.query(rs -> {
				statuses.put(rs.getString(1), rs.getLong(2));
			});
		return statuses;
	}

	/** The blast's SENT records per recipient address (lower case): more than one would be a second message. */
	public Map<String, Long> sentRecordsPerAddress(long blast) {
		Map<String, Long> records = new HashMap<>();
		jdbc.sql("""
				SELECT LOWER(s.email), COUNT(*) FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
				WHERE d.blast_id = :blast AND d.status = 'SENT' GROUP BY LOWER(s.email)""").param("blast", blast)
			.query(rs -> {
				records.put(rs.getString(1), rs.getLong(2));
			});
		return records;
	}

	public String blastState(long blast) {
		return jdbc.sql("SELECT state FROM blasts WHERE id = :id").param("id", blast).query(String.class).single();
	}

	/** When the blast's run was marked finished, or null. */
	public OffsetDateTime runFinishedAt(long blast) {
		return jdbc.sql("SELECT finished_at FROM delivery_runs WHERE blast_id = :blast").param("blast", blast)
			.query(OffsetDateTime.class).optional().orElse(null);
	}

	/** The Batch statuses of the blast's executions on one instance, oldest first. */
	public List<String> executions(long blast, String instanceId) {
		return jdbc.sql("""
				SELECT e.status FROM batch_job_execution e
				JOIN batch_job_execution_params b ON b.job_execution_id = e.job_execution_id
				  AND b.parameter_name = 'blastId' AND b.parameter_value = :blast
				JOIN batch_job_execution_params i ON i.job_execution_id = e.job_execution_id
				  AND i.parameter_name = 'instanceId' AND i.parameter_value = :instance
				ORDER BY e.job_execution_id""")
			.param("blast", String.valueOf(blast)).param("instance", instanceId).query(String.class).list();
	}

	/**
	 * Waits until the server has no connection of this instance left: a COMMIT a killed instance sent just before it
	 * died may still be applied by its backend, so its records are read only after every such backend has gone.
	 */
	public void awaitNoConnectionOf(String instanceId, Duration atMost) {
		Awaitility.await("no connection of " + instanceId + " left").atMost(atMost).pollInterval(Duration.ofMillis(50))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = :name")
				.param("name", connectionName(instanceId)).query(Long.class).single() == 0);
	}

	private static String connectionName(String instanceId) {
		return "callout-" + instanceId;
	}

}
