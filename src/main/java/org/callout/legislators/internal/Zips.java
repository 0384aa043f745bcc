package org.callout.legislators.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/** ZIP codes as people type them. */
final class Zips {

	private static final Pattern ZIP = Pattern.compile("(\\d{5})(-\\d{4})?");

	private Zips() {
	}

	/** The 5-digit ZIP of {@code 10004} or {@code 10004-1234}; empty for anything else (letters, 4 or 6 digits). */
	static Optional<String> five(String raw) {
		if (raw == null || raw.length() > 20) {
			return Optional.empty();
		}
		var matcher = ZIP.matcher(raw.strip());
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/**
	 * Whether a ZIP belongs to New York: 100xx to 149xx, the IRS's Holtsville ZIPs and Fishers Island. A New
	 * York ZIP with no ZIP area in the table (PO boxes) is unknown, not outside the state.
	 */
	static boolean newYork(String zip) {
		int prefix = Integer.parseInt(zip.substring(0, 3));
		return (prefix >= 100 && prefix <= 149) || zip.equals("00501") || zip.equals("00544") || zip.equals("06390");
	}

}
