package org.callout.legislators.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.callout.support.SharedData;
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

	/**
	 * The New York extract from ../shared/data as the ZIP table, loaded unless it is there already (a test that
	 * loads a file of its own replaces a chamber, and the context, so the database, is shared between classes).
	 */
	void loadSharedZipTable() throws IOException {
		if (count("SELECT COUNT(*) FROM zip_districts WHERE chamber = 'upper'") == 2374
				&& count("SELECT COUNT(*) FROM zip_districts WHERE chamber = 'lower'") == 2796) {
			return;
		}
		for (String chamber : new String[] { "senate", "assembly" }) {
			Path file = SharedData.file("ny-zcta-" + chamber + "-districts.txt");
			zips.load(new ImportFile(file.toString(), Files.readAllBytes(file)), file.toString());
		}
	}

	ImportReport importFull(String source, String format) {
		return imports.run(source, format, LegislatorImporter.Mode.FULL, false);
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
