package org.callout.subscribers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.callout.platform.AuditLog;
import org.callout.platform.SupportedLanguages;
import org.callout.platform.TypedText;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberDetails;
import org.callout.subscribers.Subscribers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organizer's correction of a subscriber's details, for the API and the console alike: the same checks, the same
 * change, the same audit entry.
 */
@Service
public class DetailsCorrections {

	static final int MAX_NAME = 100;

	static final int MAX_STREET = 200;

	private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

	private final Subscribers subscribers;

	private final SupportedLanguages languages;

	private final AuditLog audit;

	DetailsCorrections(Subscribers subscribers, SupportedLanguages languages, AuditLog audit) {
		this.subscribers = subscribers;
		this.languages = languages;
		this.audit = audit;
	}

	/** What was typed, untouched. */
	public record Typed(String firstName, String lastName, String zip, String streetAddress, String language) {
	}

	/**
	 * One thing wrong: the field and a code ({@code missing}, {@code long}, {@code invalid}) that each channel turns
	 * into its own words.
	 */
	public record Problem(String field, String code) {
	}

	/** The checked details, or the problems (then details is null). */
	public record Checked(SubscriberDetails details, List<Problem> problems) {
	}

	public Checked check(Typed typed) {
		List<Problem> problems = new ArrayList<>();
		String first = name("firstName", typed.firstName(), problems);
		String last = name("lastName", typed.lastName(), problems);
		String zip = typed.zip() == null ? null : typed.zip().strip();
		if (zip == null || !ZIP.matcher(zip).matches()) {
			problems.add(new Problem("zip", "invalid"));
		}
		String street = TypedText.clean(typed.streetAddress());
		if (TypedText.length(street) > MAX_STREET) {
			problems.add(new Problem("streetAddress", "long"));
		}
		String language = languages.match(typed.language()).orElse(null);
		if (language == null) {
			problems.add(new Problem("language", "invalid"));
		}
		return problems.isEmpty() ? new Checked(new SubscriberDetails(first, last, zip, street, language), List.of())
				: new Checked(null, List.copyOf(problems));
	}

	/** The correction, with its audit entry in the same transaction; empty when there is no such subscriber. */
	@Transactional
	public Optional<Subscriber> correct(long id, SubscriberDetails details) {
		Optional<Subscriber> before = subscribers.byId(id);
		if (before.isEmpty()) {
			return before;
		}
		Subscriber after = subscribers.correct(id, details).orElseThrow();
		// The names of the fields that changed, not their values: an append-only log could never erase a
		// supporter's name or address when they ask to be forgotten.
		audit.record("subscriber.correct", "subscriber:" + id, Map.of("fields", changed(before.get(), after)));
		return Optional.of(after);
	}

	private static List<String> changed(Subscriber before, Subscriber after) {
		List<String> fields = new ArrayList<>();
		if (!Objects.equals(before.firstName(), after.firstName())) {
			fields.add("firstName");
		}
		if (!Objects.equals(before.lastName(), after.lastName())) {
			fields.add("lastName");
		}
		if (!Objects.equals(before.zip(), after.zip())) {
			fields.add("zip");
		}
		if (!Objects.equals(before.streetAddress(), after.streetAddress())) {
			fields.add("streetAddress");
		}
		if (!Objects.equals(before.language(), after.language())) {
			fields.add("language");
		}
		return fields;
	}

	private static String name(String field, String raw, List<Problem> problems) {
		String name = TypedText.clean(raw);
		if (name == null) {
			problems.add(new Problem(field, "missing"));
		}
		else if (TypedText.length(name) > MAX_NAME) {
			problems.add(new Problem(field, "long"));
		}
		return name;
	}

}
