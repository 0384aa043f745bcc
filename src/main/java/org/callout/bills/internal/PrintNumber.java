package org.callout.bills.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.callout.bills.Chamber;

/**
 * A New York print number: a bill-type letter, digits, and an optional amendment letter (S3076, S3076A).
 * The base print names the bill across amendments; the active print is the current version.
 */
record PrintNumber(String base, String amendment) {

	private static final Pattern SHAPE = Pattern.compile("([SAJKBCELR])0*(\\d{1,6})([A-Z]?)");

	static Optional<PrintNumber> parse(String raw) {
		if (raw == null || raw.length() > 20) {
			return Optional.empty();
		}
		Matcher matcher = SHAPE.matcher(raw.strip().toUpperCase(Locale.ROOT));
		if (!matcher.matches() || Integer.parseInt(matcher.group(2)) == 0) {
			return Optional.empty();
		}
		return Optional.of(new PrintNumber(matcher.group(1) + matcher.group(2), matcher.group(3)));
	}

	String active() {
		return base + amendment;
	}

	Chamber chamber() {
		return Chamber.ofPrintLetter(base.charAt(0));
	}

}
