package org.callout.campaigns.internal.email;

import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;

/** Phone numbers as shown and as {@code tel:} links, which phones on a mail app dial at a tap. */
final class Phones {

	private Phones() {
	}

	/** {@code number} as published, and {@code tel} (RFC 3966: +1 and ten digits, an extension kept). */
	static Map<String, Object> of(String number) {
		Map<String, Object> phone = new LinkedHashMap<>();
		phone.put("number", number.strip());
		phone.put("tel", tel(number));
		return phone;
	}

	// Compiled once: every legislator of every email of a blast has a phone or two.
	private static final Pattern EXTENSION = Pattern.compile("(?i)\\s*(?:ext\\.?|x)\\s*");

	private static final Pattern NOT_DIGITS = Pattern.compile("\\D");

	static String tel(String number) {
		String[] parts = EXTENSION.split(number, 2);
		String digits = NOT_DIGITS.matcher(parts[0]).replaceAll("");
		if (digits.length() == 11 && digits.startsWith("1")) {
			digits = digits.substring(1);
		}
		String extension = parts.length > 1 ? NOT_DIGITS.matcher(parts[1]).replaceAll("") : "";
		String tel = digits.length() == 10 ? "tel:+1" + digits : "tel:" + digits;
		return extension.isEmpty() ? tel : tel + ";ext=" + extension;
	}

}
