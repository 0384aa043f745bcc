package org.callout.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server tests use, chosen once: the server named by {@code CALLOUT_TEST_POSTGRES_URL} (with
 * {@code CALLOUT_TEST_POSTGRES_USER} and {@code _PASSWORD}); else a Testcontainers container when a Docker
 * engine answers; else none, which skips PostgreSQL tests with a reason, or fails them when {@code CI=true}.
 * Each caller gets a fresh schema, so tests never clean up (the consent ledger refuses deletes anyway).
 */
public final class PostgresServer {

	public static final String URL_VARIABLE = "CALLOUT_TEST_POSTGRES_URL";

	private static volatile Coordinates coordinates;

	private static volatile String unavailableReason;

	private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

	static {
		// Each Spring test context gets its own schema; they are dropped when the test JVM ends, after the
		// contexts (and their connection pools) are closed by their own shutdown hooks or not: a schema still
		// in use waits at most the lock timeout and is then left for the next .ci/run, which drops old databases.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(PostgresServer::drop), "drop-test-schemas"));
	}

	private PostgresServer() {
	}

	public record Coordinates(String url, String user, String password) {

		public String urlWithSchema(String schema) {
			return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		}

	}

	/** The server, or null with {@link #unavailableReason()} saying why. */
	public static synchronized Coordinates coordinates() {
		if (coordinates == null && unavailableReason == null) {
			String url = System.getenv(URL_VARIABLE);
			if (url != null && !url.isBlank()) {
				coordinates = new Coordinates(url, envOr("CALLOUT_TEST_POSTGRES_USER", "postgres"),
						envOr("CALLOUT_TEST_POSTGRES_PASSWORD", ""));
			}
			else if (dockerAvailable()) {
				PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
				container.start();
				coordinates = new Coordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword());
			}
			else {
				unavailableReason = "no PostgreSQL for tests: set " + URL_VARIABLE
						+ " (e.g. jdbc:postgresql://127.0.0.1:5432/test) or run a Docker engine for Testcontainers";
			}
		}
		return coordinates;
	}

	public static String unavailableReason() {
		coordinates();
		return unavailableReason;
	}

	/** Creates an empty schema and returns its name. */
	public static String createFreshSchema() {
		Coordinates server = coordinates();
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
			CREATED.add(schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a test schema on " + server.url(), ex);
		}
		return schema;
	}

	/** Drops a schema made by {@link #createFreshSchema()}, with all it holds (append-only tables included). */
	public static boolean drop(String schema) {
		Coordinates server = coordinates();
		try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute("SET lock_timeout = '5s'");
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			CREATED.remove(schema);
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

}
