package org.callout.subscribers.internal.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.callout.consent.ConsentTermsCatalog;
import org.callout.platform.EmailAddress;
import org.callout.platform.SupportedLanguages;
import org.callout.platform.TypedText;
import org.callout.subscribers.SubscriberList;

/**
 * Turns one CSV record into an {@link ImportRow}, or refuses it naming the column: the same rules as the
 * signup's for the address, names (typed text, lengths in code points), ZIP and language. Evidence cells are
 * kept as given, only checked to be what they claim to be (a time not in the future, an IP address).
 */
final class RowValidator {

	static final int MAX_NAME = 100;

	static final int MAX_STREET = 200;

	static final int MAX_SOURCE = 200;

	static final int MAX_TEXT = 4000;

	private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

	private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	/** Slugs in the {@code lists} column are separated by semicolons (commas would need quoting in CSV). */
	static final String LIST_SEPARATOR = ";";

	private final Columns columns;

	private final Map<String, SubscriberList> lists;

	private final List<SubscriberList> defaultLists;

	private final SupportedLanguages languages;

	private final ConsentTermsCatalog terms;

	private final Instant now;

	RowValidator(Columns columns, Map<String, SubscriberList> lists, List<SubscriberList> defaultLists,
			SupportedLanguages languages, ConsentTermsCatalog terms, Instant now) {
		this.columns = columns;
		this.lists = lists;
		this.defaultLists = defaultLists;
		this.languages = languages;
		this.terms = terms;
		this.now = now;
	}

	/** Thrown for the first thing wrong with a row. */
	static final class Refusal extends Exception {

		final String column;

		Refusal(String column, String message) {
			super(message, null, false, false);
			this.column = column;
		}

	}

	ImportRow validate(int row, List<String> record) throws Refusal {
		String rawEmail = columns.cell(record, Columns.EMAIL);
		EmailAddress email;
		try {
			email = EmailAddress.parse(rawEmail);
		}
		catch (EmailAddress.InvalidEmailAddressException ex) {
			throw new Refusal("email", ex.getMessage());
		}
		String first = name(record, "first_name", MAX_NAME);
		String last = name(record, "last_name", MAX_NAME);
		String street = name(record, "street_address", MAX_STREET);
		String zip = blankToNull(columns.cell(record, "zip"));
		if (zip != null && !ZIP.matcher(zip).matches()) {
			throw new Refusal("zip", "A ZIP code has 5 digits, like 10004 or 10004-1234.");
		}
		String language = blankToNull(columns.cell(record, "language"));
		if (language != null) {
			language = languages.match(language).filter(terms::speaks).orElseThrow(() -> new Refusal("language",
					"Unknown language; offered: " + String.join(", ", languages.all()) + "."));
		}
		return new ImportRow(row, email, first, last, zip, street, language, lists(record), evidence(record));
	}

	private String name(List<String> record, String column, int max) throws Refusal {
		String text = TypedText.clean(columns.cell(record, column));
		if (text != null && TypedText.length(text) > max) {
			throw new Refusal(column, "Limited to " + max + " characters.");
		}
		return text;
	}

	private List<SubscriberList> lists(List<String> record) throws Refusal {
		String cell = blankToNull(columns.cell(record, "lists"));
		if (cell == null) {
			return defaultLists;
		}
		Set<SubscriberList> named = new LinkedHashSet<>();
		for (String slug : cell.split(LIST_SEPARATOR)) {
			if (slug.isBlank()) {
				continue;
			}
			SubscriberList list = lists.get(slug.strip());
			if (list == null) {
				throw new Refusal("lists", "No list has the slug '" + TypedText.clean(slug) + "'.");
			}
			named.add(list);
		}
		return named.isEmpty() ? defaultLists : new ArrayList<>(named);
	}

	private ImportRow.Evidence evidence(List<String> record) throws Refusal {
		String consentedCell = blankToNull(columns.cell(record, "consented_at"));
		String confirmedCell = blankToNull(columns.cell(record, "confirmed_at"));
		String source = blankToNull(columns.cell(record, "consent_source"));
		String text = blankToNull(columns.cell(record, "consent_text"));
		String version = blankToNull(columns.cell(record, "terms_version"));
		String ip = blankToNull(columns.cell(record, "ip"));
		if (consentedCell == null) {
			if (confirmedCell != null) {
				throw new Refusal("consented_at", "A confirmation (confirmed_at) needs the consent it confirms (consented_at).");
			}
			return null; // Nothing says when the person agreed: no consent is recorded, whatever else the row has.
		}
		Instant consented = time("consented_at", consentedCell);
		Instant confirmed = confirmedCell == null ? null : time("confirmed_at", confirmedCell);
		if (confirmed != null && confirmed.isBefore(consented)) {
			throw new Refusal("confirmed_at", "A confirmation cannot come before the consent it confirms.");
		}
		check(source, MAX_SOURCE, "consent_source");
		check(text, MAX_TEXT, "consent_text");
		if (version != null && terms.find(version).isEmpty()) {
			throw new Refusal("terms_version", "No consent terms have this version (GET /api/v1/terms shows the current one).");
		}
		if (ip != null && !IPV4.matcher(ip).matches() && !(ip.contains(":") && IPV6.matcher(ip).matches())) {
			throw new Refusal("ip", "Not an IPv4 or IPv6 address.");
		}
		return new ImportRow.Evidence(consented, consentedCell, confirmed, confirmedCell, source, text, version, ip);
	}

	private static void check(String value, int max, String column) throws Refusal {
		if (value != null && TypedText.length(value) > max) {
			throw new Refusal(column, "Limited to " + max + " characters.");
		}
	}

	/** ISO 8601: an instant with offset ({@code 2024-03-01T14:05:00Z}, {@code ...-05:00}) or a date (taken as UTC midnight). */
	private Instant time(String column, String cell) throws Refusal {
		Instant instant;
		try {
			instant = cell.length() == 10 ? LocalDate.parse(cell).atStartOfDay(ZoneOffset.UTC).toInstant()
					: OffsetDateTime.parse(cell).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new Refusal(column, "Not a date or time in ISO 8601, like 2024-03-01 or 2024-03-01T14:05:00Z.");
		}
		if (instant.isAfter(now)) {
			throw new Refusal(column, "In the future.");
		}
		return instant;
	}

	private static String blankToNull(String cell) {
		return cell == null || cell.isBlank() ? null : cell.strip();
	}

}
