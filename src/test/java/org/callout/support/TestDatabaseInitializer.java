package org.callout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Gives each test application context its own empty database and its own data directory, so tests never
 * touch a user's ./data and never see each other's rows.
 */
public abstract class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		environment = context.getEnvironment();
		Map<String, Object> properties = new HashMap<>(database());
		try {
			Path dataDir = TempDirectories.create("callout-test-");
			properties.put("callout.data-dir", dataDir.toString());
			// Tests import the shared reference data and their own temporary copies of it.
			properties.put("callout.legislators.import-dirs", System.getProperty("java.io.tmpdir") + ","
					+ Path.of("..", "shared", "data").toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("callout-test-database", properties));
	}

	/** The environment as the test declared it (its own properties included), before this initializer. */
	org.springframework.core.env.Environment environment;

	abstract Map<String, Object> database();

	public static class H2 extends TestDatabaseInitializer {

		@Override
		Map<String, Object> database() {
			// LOCK_TIMEOUT as in application.yml's H2 URL: an unsubscribe outwaits a blast chunk's lock.
			return Map.of("spring.datasource.url",
					"jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000", "spring.datasource.username",
					"sa", "spring.datasource.password", "");
		}

	}

	public static class Postgres extends TestDatabaseInitializer {

		@Override
		Map<String, Object> database() {
			PostgresServer.Coordinates server = PostgresServer.coordinates();
			if (server == null) {
				throw new IllegalStateException(PostgresServer.unavailableReason());
			}
			String schema = PostgresServer.createFreshSchema();
			Map<String, Object> properties = new HashMap<>(Map.of("spring.datasource.url", server.urlWithSchema(schema), "spring.datasource.username",
					server.user(), "spring.datasource.password", server.password(),
					"spring.flyway.default-schema", schema));
			// Spring keeps each test context, and each its pool: idle ones give their connections back after 10 s, or a
			// full run holds some 60 of the server's 100 (and "too many clients" fails whichever context starts next).
			properties.put("spring.datasource.hikari.minimum-idle", 0);
			properties.put("spring.datasource.hikari.idle-timeout", "10000");
			// A shared database needs configured secrets: tests supply throwaway ones where the test set none.
			Map.of("callout.secrets.admin-token", "test-admin-token-0123456789", "callout.secrets.link-key",
					"test-link-key-0123456789abcdef", "callout.secrets.address-hash-key", "test-hash-key-0123456789abcdef")
				.forEach((key, value) -> {
					if (!StringUtils.hasText(environment.getProperty(key))) {
						properties.put(key, value);
					}
				});
			return properties;
		}

	}

}
