package org.callout.legislators.internal;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole application (mock web environment), without the first-start import: tests import what they need. */
@SpringBootTest(
		properties = { "callout.legislators.import-on-first-start=false", "callout.legislators.max-import-size=2MB" })
abstract class DirectorySupport {

	@Autowired
	LegislatorImports imports;

	@Autowired
	LegislatorStore store;

	@Autowired
	ZipTable zips;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyDirectory() {
		jdbc.sql("DELETE FROM legislators").update();
	}

	ImportReport importFull(String source, String format) {
		return imports.run(source, format, LegislatorImporter.Mode.FULL, false);
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
