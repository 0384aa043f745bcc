package org.callout.subscribers.internal.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The columns of an import file by name, found case-insensitively in any order; the rest are reported and ignored. */
final class Columns {

	static final String EMAIL = "email";

	static final List<String> KNOWN = List.of(EMAIL, "first_name", "last_name", "zip", "street_address", "language", "lists",
			"consented_at", "consent_source", "consent_text", "terms_version", "confirmed_at", "ip");

	private final Map<String, Integer> index;

	private final List<String> unknown;

	private Columns(Map<String, Integer> index, List<String> unknown) {
		this.index = index;
		this.unknown = unknown;
	}

	/** The first of two columns with one name counts; the second is reported as unknown (it is ignored). */
	static Columns of(List<String> header) {
		Map<String, Integer> index = new HashMap<>();
		Map<String, String> unknown = new java.util.LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip().toLowerCase(Locale.ROOT);
			if (KNOWN.contains(name) && !index.containsKey(name)) {
				index.put(name, i);
			}
			else if (!name.isEmpty()) {
				unknown.putIfAbsent(name, header.get(i).strip());
			}
		}
		return new Columns(index, new ArrayList<>(unknown.values()));
	}

	boolean has(String name) {
		return index.containsKey(name);
	}

	/** The cell, or null when the column is absent or the row is short. */
	String cell(List<String> record, String name) {
		Integer i = index.get(name);
		return i == null || i >= record.size() ? null : record.get(i);
	}

	List<String> unknown() {
		return List.copyOf(unknown);
	}

}
