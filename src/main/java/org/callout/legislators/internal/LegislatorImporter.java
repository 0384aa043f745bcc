package org.callout.legislators.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.callout.legislators.Legislator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports people into the directory: upsert by OpenStates id, in one transaction. A record that equals what
 * is stored is left alone (re-importing the same data changes nothing); a full import retires the current
 * people it does not name; a dry run works out the same counts and writes nothing.
 */
@Service
class LegislatorImporter {

	private static final Logger log = LoggerFactory.getLogger(LegislatorImporter.class);

	enum Mode {

		FULL, PARTIAL

	}

	private final LegislatorStore store;

	private final Clock clock;

	LegislatorImporter(LegislatorStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Transactional
	public ImportReport apply(ParsedPeople parsed, String format, String source, String version, Mode mode, boolean dryRun) {
		long started = System.nanoTime();
		Instant now = clock.instant();
		Map<String, Legislator> stored = store.all().stream().collect(Collectors.toMap(Legislator::openstatesId, Function.identity()));
		List<PersonRecord> records = parsed.records();
		if (mode == Mode.FULL && records.isEmpty()) {
			throw new ImportRefusedException("a full import with no good record would retire everyone; nothing was changed");
		}
		int added = 0;
		int changed = 0;
		int unchanged = 0;
		List<ImportReport.Change> changes = new java.util.ArrayList<>();
		for (PersonRecord record : records) {
			Legislator before = stored.get(record.openstatesId());
			if (before == null) {
				added++;
				changes.add(new ImportReport.Change("added", record.name(), record.chamber().code(), record.district(), List.of()));
				if (!dryRun) {
					store.insert(record, source, version, now);
				}
			}
			else if (same(before, record)) {
				unchanged++;
			}
			else {
				changed++;
				changes.add(new ImportReport.Change("changed", record.name(), record.chamber().code(), record.district(),
						differences(before, record)));
				if (!dryRun) {
					store.update(merged(before, record), source, version, now);
				}
			}
		}
		int retired = 0;
		if (mode == Mode.FULL) {
			// A person whose record was bad is not missing from the file: only people it does not name at all retire.
			Set<String> named = new HashSet<>();
			records.forEach(r -> named.add(r.openstatesId()));
			parsed.errors().stream().map(RecordError::openstatesId).filter(Objects::nonNull).forEach(named::add);
			for (Legislator legislator : stored.values()) {
				if (legislator.current() && !named.contains(legislator.openstatesId())) {
					retired++;
					changes.add(new ImportReport.Change("retired", legislator.name(), legislator.chamber().code(),
							legislator.district(), List.of()));
					if (!dryRun) {
						store.retire(legislator.openstatesId(), source, version, now);
					}
				}
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		ImportReport report = new ImportReport(source, format, mode.name().toLowerCase(Locale.ROOT), dryRun,
				records.size(), added, changed, retired, unchanged, parsed.errors(), millis, List.copyOf(changes));
		log.info("Legislator import from {} ({}, {}{}): {} added, {} changed, {} retired, {} unchanged, {} errors, {} ms",
				source, format, report.mode(), dryRun ? ", dry run" : "", added, changed, retired, unchanged,
				parsed.errors().size(), millis);
		return report;
	}

	/** Other names the source does not carry (CSV) are kept as stored. */
	private static PersonRecord merged(Legislator before, PersonRecord record) {
		if (record.otherNames() != null) {
			return record;
		}
		return new PersonRecord(record.where(), record.openstatesId(), record.chamber(), record.district(), record.name(),
				record.party(), record.capitolPhone(), record.districtPhones(), record.email(), before.otherNames());
	}

	/** The fields {@link #same} finds different, by their API names. */
	private static List<String> differences(Legislator before, PersonRecord record) {
		List<String> fields = new java.util.ArrayList<>();
		if (!before.current()) {
			fields.add("current");
		}
		if (before.chamber() != record.chamber() || !before.district().equals(record.district())) {
			fields.add("district");
		}
		if (!before.name().equals(record.name())) {
			fields.add("name");
		}
		if (!Objects.equals(before.party(), record.party())) {
			fields.add("party");
		}
		if (!Objects.equals(before.capitolPhone(), record.capitolPhone()) || !before.districtPhones().equals(record.districtPhones())) {
			fields.add("phones");
		}
		if (!Objects.equals(before.email(), record.email())) {
			fields.add("email");
		}
		if (record.otherNames() != null && !before.otherNames().equals(record.otherNames())) {
			fields.add("otherNames");
		}
		return fields;
	}

	private static boolean same(Legislator before, PersonRecord record) {
		return before.current() && before.chamber() == record.chamber() && before.district().equals(record.district())
				&& before.name().equals(record.name()) && Objects.equals(before.party(), record.party())
				&& Objects.equals(before.capitolPhone(), record.capitolPhone())
				&& before.districtPhones().equals(record.districtPhones()) && Objects.equals(before.email(), record.email())
				&& (record.otherNames() == null || before.otherNames().equals(record.otherNames()));
	}

}
