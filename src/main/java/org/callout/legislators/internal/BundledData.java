package org.callout.legislators.internal;

import java.io.IOException;
import java.io.InputStream;

import org.callout.legislators.Chamber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On a first start (empty directory, empty ZIP table) imports the copies shipped in the jar, so a fresh
 * install with no network already knows New York's 213 legislators and its ZIP areas. Newer data comes
 * through the import API; this never overwrites what is there.
 */
@Component
class BundledData {

	private static final Logger log = LoggerFactory.getLogger(BundledData.class);

	/** The OpenStates people snapshot the bundled YAML was copied from (reference/ny/SOURCE.md). */
	static final String PEOPLE_VERSION = "openstates/people@934bf09a94a35351baf872c70e778a4367c8266e (2026-08-05)";

	static final String ZCTA_SOURCE = "bundled:reference/ny/ny-zcta-%s-districts.txt (Census 2020 ZCTA relationship files, 2024 plans)";

	private final LegislatorsProperties properties;

	private final LegislatorStore legislators;

	private final LegislatorImports imports;

	private final ZipTable zips;

	BundledData(LegislatorsProperties properties, LegislatorStore legislators, LegislatorImports imports, ZipTable zips) {
		this.properties = properties;
		this.legislators = legislators;
		this.imports = imports;
		this.zips = zips;
	}

	@EventListener(ApplicationReadyEvent.class)
	void importOnFirstStart() throws IOException {
		if (!properties.importOnFirstStart()) {
			return;
		}
		if (legislators.count() == 0) {
			ImportReport report = imports.bundled(PEOPLE_VERSION);
			log.info("First start: imported {} bundled legislators ({} ms)", report.added(), report.millis());
		}
		if (zips.isEmpty()) {
			for (String chamber : new String[] { "senate", "assembly" }) {
				String name = "reference/ny/ny-zcta-" + chamber + "-districts.txt";
				try (InputStream in = new ClassPathResource(name).getInputStream()) {
					ZctaFile.Parsed parsed = zips.load(new ImportFile(name, in.readAllBytes()), ZCTA_SOURCE.formatted(chamber));
					log.info("First start: loaded {} bundled ZIP-area pairs for the {}", parsed.pairs().size(),
							parsed.chamber() == Chamber.UPPER ? "Senate" : "Assembly");
				}
			}
		}
	}

}
