package org.callout.legislators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.callout.legislators.Chamber;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * OpenStates people YAML, one file per person ({@code data/ny/legislature/*.yml}). The current role is the one
 * without an {@code end_date} (people who moved chamber have ended ones too); phones come from {@code offices} by
 * {@code classification}; {@code other_names} are kept for matching bill sponsors.
 */
final class PeopleYaml {

	private PeopleYaml() {
	}

	static ParsedPeople parse(List<ImportFile> files) {
		ParsedPeople people = new ParsedPeople();
		for (ImportFile file : files) {
			read(file, people);
		}
		return people;
	}

	/** Only maps, lists and scalars: a hostile file cannot name a class to build, nor blow up with aliases. */
	private static Yaml yaml(int size) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(20);
		options.setCodePointLimit(Math.max(size, 1024) * 2);
		options.setNestingDepthLimit(20);
		return new Yaml(new SafeConstructor(options));
	}

	private static void read(ImportFile file, ParsedPeople people) {
		Object document;
		try {
			document = yaml(file.bytes().length).load(file.text());
		}
		catch (MarkedYAMLException ex) {
			people.error(file.name() + ":" + (ex.getProblemMark() == null ? 0 : ex.getProblemMark().getLine() + 1), null,
					"not valid YAML: " + ex.getProblem());
			return;
		}
		catch (YAMLException ex) {
			people.error(file.name(), null, "not valid YAML: " + ex.getMessage());
			return;
		}
		if (!(document instanceof Map<?, ?> person)) {
			people.error(file.name(), null, "not a person: the file must be a mapping with id, name and roles");
			return;
		}
		String id = RecordChecks.text(string(person.get("id")));
		if (!RecordChecks.validId(id)) {
			people.error(file.name(), null, "no valid OpenStates id");
			return;
		}
		String name = RecordChecks.text(string(person.get("name")));
		if (name == null || RecordChecks.tooLong(name)) {
			people.error(file.name(), id, name == null ? "no name" : "name over 200 characters");
			return;
		}
		List<Map<?, ?>> current = maps(person.get("roles")).stream().filter(role -> role.get("end_date") == null).toList();
		if (current.isEmpty()) {
			// Reported without the id: a person whose every role has ended left office, and a full import retires
			// them (a record that is merely broken keeps its person current).
			people.error(file.name(), null, "no current role (every role has an end_date): " + id + " is not current");
			return;
		}
		if (current.size() > 1) {
			people.error(file.name(), id, current.size() + " current roles (roles without an end_date); expected one");
			return;
		}
		Map<?, ?> role = current.getFirst();
		Optional<Chamber> chamber = Chamber.parse(string(role.get("type")));
		if (chamber.isEmpty()) {
			people.error(file.name(), id, "current role type must be upper or lower, not '" + string(role.get("type")) + "'");
			return;
		}
		Optional<String> district = RecordChecks.district(chamber.get(), string(role.get("district")));
		if (district.isEmpty()) {
			people.error(file.name(), id, "no " + chamber.get().code() + " district '" + string(role.get("district")) + "'");
			return;
		}
		people.add(new PersonRecord(file.name(), id, chamber.get(), district.get(), name, party(person),
				phones(person, "capitol").stream().findFirst().orElse(null), phones(person, "district"),
				RecordChecks.text(string(person.get("email"))), otherNames(person)));
	}

	/** The current party names (no end_date), as given: NY fusion tickets are already one name. */
	private static String party(Map<?, ?> person) {
		List<String> names = maps(person.get("party")).stream()
			.filter(p -> p.get("end_date") == null)
			.map(p -> RecordChecks.text(string(p.get("name"))))
			.filter(n -> n != null)
			.toList();
		return names.isEmpty() ? null : String.join("/", names);
	}

	private static List<String> phones(Map<?, ?> person, String classification) {
		return maps(person.get("offices")).stream()
			.filter(o -> classification.equals(string(o.get("classification"))))
			.map(o -> RecordChecks.text(string(o.get("voice"))))
			.filter(v -> v != null)
			.toList();
	}

	private static List<String> otherNames(Map<?, ?> person) {
		List<String> names = new ArrayList<>();
		for (Map<?, ?> other : maps(person.get("other_names"))) {
			String name = RecordChecks.text(string(other.get("name")));
			if (name != null && !RecordChecks.tooLong(name) && !names.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}

	private static List<Map<?, ?>> maps(Object node) {
		if (!(node instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast).toList();
	}

	private static String string(Object value) {
		return value == null ? null : String.valueOf(value);
	}

}
