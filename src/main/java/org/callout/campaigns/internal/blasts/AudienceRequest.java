package org.callout.campaigns.internal.blasts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.callout.platform.FieldError;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;

/**
 * An audience as the API takes it: list slugs, optionally narrowed.
 *
 * @param lists list slugs, at least one
 * @param knownDistricts only supporters whose districts are known exactly
 * @param chamber {@code senate} or {@code assembly}: only supporters with a known district there
 * @param districts with {@code chamber}: only these districts
 */
record AudienceRequest(List<String> lists, Boolean knownDistricts, String chamber, List<String> districts) {

	Audience check(SubscriberLists known, List<FieldError> errors) {
		List<Long> ids = new ArrayList<>();
		if (lists == null || lists.isEmpty()) {
			errors.add(new FieldError("lists", "Give at least one list, by its slug."));
		}
		else {
			for (String slug : lists) {
				known.bySlug(slug == null ? "" : slug).map(SubscriberList::id).ifPresentOrElse(ids::add,
						() -> errors.add(new FieldError("lists", "There is no list '" + clip(slug) + "'.")));
			}
		}
		String room = chamber == null ? null : chamber.strip().toLowerCase(Locale.ROOT);
		if (room != null && !room.equals("senate") && !room.equals("assembly")) {
			errors.add(new FieldError("chamber", "The chamber is senate or assembly."));
		}
		List<String> wanted = districts == null ? List.of() : districts;
		if (!wanted.isEmpty() && room == null) {
			errors.add(new FieldError("districts", "Districts need a chamber (senate or assembly)."));
		}
		for (String district : wanted) {
			if (district == null || !district.matches("\\d{1,3}")) {
				errors.add(new FieldError("districts", "A district is a number, like 59."));
				break;
			}
		}
		return new Audience(ids, Boolean.TRUE.equals(knownDistricts), room,
				wanted.stream().filter(d -> d != null && d.matches("\\d{1,3}")).map(d -> String.valueOf(Integer.parseInt(d))).toList());
	}

	static String clip(String value) {
		return value == null ? "" : value.length() > 64 ? value.substring(0, 64) + "…" : value;
	}

}
