package org.callout.legislators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

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

	private final LockProvider locks;

	private final Clock clock;

	BundledData(LegislatorsProperties properties, LegislatorStore legislators, LegislatorImports imports, ZipTable zips,
			LockProvider locks, Clock clock) {
		this.locks = locks;
		this.clock = clock;
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
		importUnlessAnotherInstanceIs();
	}

	/**
	 * Instances started together on an empty database would each find the tables empty and load them, and all but
	 * the first would fail on the ZIP table's key (seen once): a lock shared through the database lets one load,
	 * and the others go on without waiting, since the data appears when its transaction commits.
	 */
	void importUnlessAnotherInstanceIs() throws IOException {
		Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), "legislators-first-start", Duration.ofMinutes(10),
				Duration.ZERO));
		if (lock.isEmpty()) {
			log.info("First start: another instance is importing the bundled legislators and ZIP areas");
			return;
		}
		try {
			importWhatIsMissing();
		}
		finally {
			lock.get().unlock();
		}
	}

	private void importWhatIsMissing() throws IOException {
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
