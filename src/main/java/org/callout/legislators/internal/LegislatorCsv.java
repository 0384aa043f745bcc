package org.callout.legislators.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.callout.legislators.Chamber;

/**
 * Legislators from CSV, by column name, in both shapes: OpenStates' published per-state file ({@code id, name,
 * current_party, current_district, current_chamber, ..., capitol_voice, district_voice}) and the flattened
 * one ({@code chamber, district, name, party, capitol_phone, district_phone, email, openstates_id}).
 */
final class LegislatorCsv {

	private LegislatorCsv() {
	}

	static ParsedPeople parse(ImportFile file) {
		ParsedPeople people = new ParsedPeople();
		try {
			CsvReader reader = new CsvReader(new StringReader(file.text()), ',');
			CsvReader.Row header = reader.next();
			if (header == null) {
				throw new ImportRefusedException(file.name() + " is empty");
			}
			Columns columns = new Columns(header.fields());
			for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
				read(file.name() + ":" + row.line(), columns, row.fields(), people);
			}
		}
		catch (IOException ex) {
			throw new ImportRefusedException(file.name() + " is not readable CSV: " + ex.getMessage(), ex);
		}
		return people;
	}

	private static void read(String where, Columns columns, List<String> fields, ParsedPeople people) {
		String id = RecordChecks.text(columns.get(fields, "id"));
		if (!RecordChecks.validId(id)) {
			people.error(where, null, id == null ? "no OpenStates id" : "not an OpenStates id: " + abbreviate(id));
			return;
		}
		String name = RecordChecks.text(columns.get(fields, "name"));
		Optional<Chamber> chamber = Chamber.parse(columns.get(fields, "chamber"));
		if (name == null || RecordChecks.tooLong(name)) {
			people.error(where, id, name == null ? "no name" : "name over 200 characters");
			return;
		}
		if (chamber.isEmpty()) {
			people.error(where, id, "chamber must be upper or lower, not '" + abbreviate(columns.get(fields, "chamber")) + "'");
			return;
		}
		Optional<String> district = RecordChecks.district(chamber.get(), columns.get(fields, "district"));
		if (district.isEmpty()) {
			people.error(where, id, "no " + chamber.get().code() + " district '" + abbreviate(columns.get(fields, "district"))
					+ "' (1 to " + RecordChecks.seats(chamber.get()) + ")");
			return;
		}
		String districtPhones = RecordChecks.text(columns.get(fields, "district_phone"));
		List<String> phones = districtPhones == null ? List.of()
				: Arrays.stream(districtPhones.split(";")).map(String::strip).filter(p -> !p.isEmpty()).toList();
		people.add(new PersonRecord(where, id, chamber.get(), district.get(), name,
				RecordChecks.text(columns.get(fields, "party")), RecordChecks.text(columns.get(fields, "capitol_phone")),
				phones, RecordChecks.text(columns.get(fields, "email")), null));
	}

	private static String abbreviate(String text) {
		if (text == null) {
			return "";
		}
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	/** Column positions by name; each field has its names in both shapes. */
	private static final class Columns {

		private static final Map<String, List<String>> NAMES = Map.of("id", List.of("openstates_id", "id"), "name",
				List.of("name"), "chamber", List.of("chamber", "current_chamber"), "district",
				List.of("district", "current_district"), "party", List.of("party", "current_party"), "capitol_phone",
				List.of("capitol_phone", "capitol_voice"), "district_phone", List.of("district_phone", "district_voice"),
				"email", List.of("email"));

		private static final List<String> REQUIRED = List.of("id", "name", "chamber", "district");

		private final Map<String, Integer> positions = new HashMap<>();

		Columns(List<String> header) {
			Map<String, Integer> byName = new HashMap<>();
			for (int i = 0; i < header.size(); i++) {
				byName.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
			}
			NAMES.forEach((field, names) -> names.stream()
				.filter(byName::containsKey)
				.findFirst()
				.ifPresent(name -> positions.put(field, byName.get(name))));
			List<String> missing = REQUIRED.stream().filter(f -> !positions.containsKey(f)).map(f -> NAMES.get(f).getFirst()).toList();
			if (!missing.isEmpty()) {
				throw new ImportRefusedException("missing required column(s): " + String.join(", ", missing));
			}
		}

		String get(List<String> fields, String field) {
			Integer position = positions.get(field);
			return position == null || position >= fields.size() ? null : fields.get(position);
		}

	}

}
