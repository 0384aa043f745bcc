package org.callout.legislators.internal;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

import org.callout.legislators.Chamber;

/** Rules every import format shares: what a New York id, district and text field may be. */
final class RecordChecks {

	private static final Pattern DISTRICT = Pattern.compile("0*([1-9][0-9]{0,2})");

	private static final int MAX_TEXT = 200;

	private RecordChecks() {
	}

	/** New York has 63 Senate and 150 Assembly districts. */
	static int seats(Chamber chamber) {
		return chamber == Chamber.UPPER ? 63 : 150;
	}

	/** The district without leading zeros, or empty when it is no district of that chamber. */
	static Optional<String> district(Chamber chamber, String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		var matcher = DISTRICT.matcher(raw.strip());
		if (!matcher.matches() || Integer.parseInt(matcher.group(1)) > seats(chamber)) {
			return Optional.empty();
		}
		return Optional.of(matcher.group(1));
	}

	/**
	 * Trimmed, NFC-normalized (the OpenStates YAML writes some accents decomposed, its CSV composed: one person
	 * must compare equal in both), control characters (CR, LF, NUL...) become spaces, blank becomes null.
	 */
	static String text(String raw) {
		if (raw == null) {
			return null;
		}
		String cleaned = Normalizer.normalize(raw, Normalizer.Form.NFC).replaceAll("\\p{Cc}+", " ").strip();
		return cleaned.isEmpty() ? null : cleaned;
	}

	static boolean tooLong(String text) {
		return text != null && text.length() > MAX_TEXT;
	}

	/** The first field longer than its column (V20), if any. */
	static Optional<String> overlong(PersonRecord record) {
		if (longer(record.party(), 200)) {
			return Optional.of("party");
		}
		if (longer(record.capitolPhone(), 40)) {
			return Optional.of("capitol phone");
		}
		if (longer(String.join("; ", record.districtPhones()), 1000)) {
			return Optional.of("district phones");
		}
		if (longer(record.email(), 320)) {
			return Optional.of("email");
		}
		if (record.otherNames() != null && longer(String.join("\n", record.otherNames()), 4000)) {
			return Optional.of("other names");
		}
		return Optional.empty();
	}

	private static boolean longer(String text, int max) {
		return text != null && text.length() > max;
	}

	static boolean validId(String id) {
		return id != null && id.length() <= 100 && id.matches("[A-Za-z0-9:/._-]+");
	}

}
