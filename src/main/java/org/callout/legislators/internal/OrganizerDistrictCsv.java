package org.callout.legislators.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.callout.legislators.Chamber;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;

import org.springframework.stereotype.Service;

/**
 * Organizer-set districts from a CSV of {@code email,senate_district,assembly_district} (by column name; a
 * blank district is left unset). Each bad row is reported with its line; the others are applied.
 */
@Service
class OrganizerDistrictCsv {

	record Report(int set, List<RecordError> errors) {
	}

	private final Subscribers subscribers;

	private final OrganizerDistricts organizer;

	OrganizerDistrictCsv(Subscribers subscribers, OrganizerDistricts organizer) {
		this.subscribers = subscribers;
		this.organizer = organizer;
	}

	Report apply(ImportFile file) {
		List<RecordError> errors = new ArrayList<>();
		int set = 0;
		try {
			CsvReader reader = new CsvReader(new StringReader(file.text()), ',');
			CsvReader.Row header = reader.next();
			Map<String, Integer> columns = new HashMap<>();
			for (int i = 0; header != null && i < header.fields().size(); i++) {
				columns.put(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
			}
			for (String required : List.of("email", "senate_district", "assembly_district")) {
				if (!columns.containsKey(required)) {
					throw new ImportRefusedException("missing required column: " + required);
				}
			}
			for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
				String where = file.name() + ":" + row.line();
				String problem = applyRow(row.fields(), columns);
				if (problem == null) {
					set++;
				}
				else {
					errors.add(new RecordError(where, null, problem));
				}
			}
		}
		catch (IOException ex) {
			throw new ImportRefusedException(file.name() + " is not readable CSV: " + ex.getMessage(), ex);
		}
		return new Report(set, errors);
	}

	/** @return why the row was not applied, or null */
	private String applyRow(List<String> fields, Map<String, Integer> columns) {
		String rawSenate = field(fields, columns.get("senate_district"));
		String rawAssembly = field(fields, columns.get("assembly_district"));
		Optional<String> senate = RecordChecks.district(Chamber.UPPER, rawSenate);
		Optional<String> assembly = RecordChecks.district(Chamber.LOWER, rawAssembly);
		if (!rawSenate.isEmpty() && senate.isEmpty()) {
			return "no Senate district '" + rawSenate + "' (1 to 63)";
		}
		if (!rawAssembly.isEmpty() && assembly.isEmpty()) {
			return "no Assembly district '" + rawAssembly + "' (1 to 150)";
		}
		if (senate.isEmpty() && assembly.isEmpty()) {
			return "no district given";
		}
		Optional<Subscriber> subscriber;
		try {
			subscriber = subscribers.byEmail(EmailAddress.parse(field(fields, columns.get("email"))));
		}
		catch (RuntimeException invalid) {
			return "not an email address";
		}
		if (subscriber.isEmpty()) {
			return "no subscriber has this email address";
		}
		organizer.set(subscriber.get().id(), senate.orElse(null), assembly.orElse(null));
		return null;
	}

	private static String field(List<String> fields, int at) {
		return at < fields.size() ? fields.get(at).strip() : "";
	}

}
