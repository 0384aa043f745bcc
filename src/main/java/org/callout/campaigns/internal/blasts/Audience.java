package org.callout.campaigns.internal.blasts;

import java.util.Arrays;
import java.util.List;

/**
 * Who a blast goes to: confirmed members of these lists, optionally narrowed.
 *
 * @param listIds the lists (at least one)
 * @param knownOnly only subscribers whose districts are known (exactly)
 * @param chamber with {@code districts}, or alone: only subscribers with a known district in this chamber
 * ({@code senate} or {@code assembly}); null: either
 * @param districts only these districts of {@code chamber}; empty: any
 */
public record Audience(List<Long> listIds, boolean knownOnly, String chamber, List<String> districts) {

	public Audience {
		listIds = List.copyOf(listIds);
		districts = districts == null ? List.of() : List.copyOf(districts);
	}

	String listIdsColumn() {
		return String.join(",", listIds.stream().map(String::valueOf).toList());
	}

	String districtsColumn() {
		return districts.isEmpty() ? null : String.join(",", districts);
	}

	static Audience of(String listIds, boolean knownOnly, String chamber, String districts) {
		return new Audience(Arrays.stream(listIds.split(",")).filter(s -> !s.isBlank()).map(Long::parseLong).toList(),
				knownOnly, chamber, districts == null || districts.isBlank() ? List.of() : List.of(districts.split(",")));
	}

}
