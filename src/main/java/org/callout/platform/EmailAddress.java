package org.callout.platform;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A normalized email address: trimmed, domain lower-cased and converted from IDN to ASCII, ASCII local part
 * only (SMTPUTF8 is not assumed of relays), at most 254 characters. Two addresses that differ only in case
 * are the same subscriber: {@link #matchKey()} is the lower-cased form used for matching.
 */
public record EmailAddress(String value) {

	public static final int MAX_LENGTH = 254;

	// RFC 5321 dot-atom local part; quoted local parts are refused as they are nearly always mistakes or attacks.
	private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	public static EmailAddress parse(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidEmailAddressException(Reason.MISSING, "Enter an email address.");
		}
		String trimmed = raw.strip();
		if (trimmed.length() > MAX_LENGTH * 2) {
			throw new InvalidEmailAddressException(Reason.TOO_LONG, "That email address is too long.");
		}
		int at = trimmed.lastIndexOf('@');
		if (at <= 0 || at == trimmed.length() - 1) {
			throw new InvalidEmailAddressException(Reason.MALFORMED, "That does not look like an email address.");
		}
		String local = trimmed.substring(0, at);
		if (!local.chars().allMatch(c -> c < 128)) {
			throw new InvalidEmailAddressException(Reason.NON_ASCII,
					"The part before the @ must use only unaccented letters, digits and . _ + - characters.");
		}
		if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
			throw new InvalidEmailAddressException(Reason.MALFORMED, "That does not look like an email address.");
		}
		String domain = asciiDomain(trimmed.substring(at + 1));
		String address = local + "@" + domain;
		if (address.length() > MAX_LENGTH) {
			throw new InvalidEmailAddressException(Reason.TOO_LONG, "That email address is too long.");
		}
		return new EmailAddress(address);
	}

	/** For API input: the address in {@code field}, or a 400 problem detail naming that field. */
	public static EmailAddress parseField(String field, String raw) {
		try {
			return parse(raw);
		}
		catch (InvalidEmailAddressException ex) {
			throw RequestRefusedException.invalidField("Invalid email address", field, ex.getMessage());
		}
	}

	private static String asciiDomain(String domain) {
		String ascii;
		try {
			ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEmailAddressException(Reason.BAD_DOMAIN, "The part after the @ is not a valid domain.");
		}
		String[] labels = ascii.split("\\.", -1);
		if (labels.length < 2 || ascii.length() > 253) {
			throw new InvalidEmailAddressException(Reason.BAD_DOMAIN, "The part after the @ is not a valid domain.");
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				throw new InvalidEmailAddressException(Reason.BAD_DOMAIN, "The part after the @ is not a valid domain.");
			}
		}
		return ascii;
	}

	/** The case-insensitive identity of this address. */
	public String matchKey() {
		return value.toLowerCase(Locale.ROOT);
	}

	public String domain() {
		return value.substring(value.lastIndexOf('@') + 1);
	}

	@Override
	public String toString() {
		return Masking.email(value);
	}

	/** Thrown with a message fit to show the person who typed the address. */
	public static class InvalidEmailAddressException extends IllegalArgumentException {

		private final Reason reason;

		public InvalidEmailAddressException(Reason reason, String message) {
			super(message);
			this.reason = reason;
		}

		/** Why, as a message key suffix for pages in other languages. */
		public Reason reason() {
			return reason;
		}

	}

	/** Why an address was refused. */
	public enum Reason {

		MISSING, TOO_LONG, NON_ASCII, MALFORMED, BAD_DOMAIN;

		public String messageKey() {
			return "email." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
