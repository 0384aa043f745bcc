package org.callout.support;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.core.env.Environment;

/** A connection pool of its own on the test's database, as a second instance of the service has. */
public final class SecondInstancePool {

	private SecondInstancePool() {
	}

	/** Close it when done. */
	public static HikariDataSource on(Environment environment) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(environment.getProperty("spring.datasource.url"));
		pool.setUsername(environment.getProperty("spring.datasource.username"));
		pool.setPassword(environment.getProperty("spring.datasource.password"));
		String schema = environment.getProperty("spring.flyway.default-schema");
		if (schema != null) {
			pool.setSchema(schema);
		}
		pool.setMaximumPoolSize(2);
		return pool;
	}

}
