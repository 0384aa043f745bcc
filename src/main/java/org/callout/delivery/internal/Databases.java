package org.callout.delivery.internal;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database the engine's few vendor-specific statements (a share lock, an ANALYZE) are written for. */
final class Databases {

	private Databases() {
	}

	static boolean isPostgres(DataSource dataSource) throws MetaDataAccessException {
		return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
			.toLowerCase(Locale.ROOT)
			.contains("postgres");
	}

}
