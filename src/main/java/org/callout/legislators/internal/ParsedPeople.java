package org.callout.legislators.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a parser made of an import: the good records (one per id) and a reason for each bad one. */
final class ParsedPeople {

	private final Map<String, PersonRecord> records = new LinkedHashMap<>();

	private final List<RecordError> errors = new ArrayList<>();

	/** Keeps the first record of an id; a later one with the same id is reported, not imported. */
	void add(PersonRecord record) {
		Optional<String> overlong = RecordChecks.overlong(record);
		if (overlong.isPresent()) {
			// Reported here: the database would refuse the row and, with it, the whole import.
			errors.add(new RecordError(record.where(), record.openstatesId(), overlong.get() + " is too long; this record is skipped"));
			return;
		}
		PersonRecord first = records.putIfAbsent(record.openstatesId(), record);
		if (first != null) {
			errors.add(new RecordError(record.where(), record.openstatesId(),
					"duplicate id " + record.openstatesId() + ", first seen at " + first.where() + "; this one is skipped"));
		}
	}

	void error(String where, String openstatesId, String reason) {
		errors.add(new RecordError(where, openstatesId, reason));
	}

	List<PersonRecord> records() {
		return List.copyOf(records.values());
	}

	List<RecordError> errors() {
		return List.copyOf(errors);
	}

}
