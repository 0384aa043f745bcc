package org.callout.subscribers.internal.imports;

import java.time.Instant;
import java.util.List;

import org.callout.platform.EmailAddress;
import org.callout.subscribers.SubscriberList;

/**
 * One valid row of an import file, normalized.
 *
 * @param row its row number, counting the header as row 1 (as a spreadsheet shows it)
 * @param email the address
 * @param firstName typed text, or null when the cell is empty
 * @param lastName typed text, or null
 * @param zip a ZIP, or null
 * @param streetAddress typed text, or null
 * @param language an offered language, or null when the cell is empty
 * @param lists the lists it joins, at least one
 * @param evidence its consent evidence, or null when it has none
 */
record ImportRow(int row, EmailAddress email, String firstName, String lastName, String zip, String streetAddress,
		String language, List<SubscriberList> lists, Evidence evidence) {

	boolean confirmed() {
		return evidence != null && evidence.confirmedAt() != null;
	}

	/**
	 * Consent evidence as the file gives it: {@code consentedAt} is always present (without it a row has none).
	 *
	 * @param consentedAt when the person consented
	 * @param consentedAtCell that cell as written
	 * @param confirmedAt when they confirmed (double opt-in done elsewhere), or null
	 * @param confirmedAtCell that cell as written, or null
	 * @param source where they signed up, or null
	 * @param text the consent words they saw, or null
	 * @param termsVersion a Callout terms version, or null
	 * @param ip the IP address the signup came from, or null
	 */
	record Evidence(Instant consentedAt, String consentedAtCell, Instant confirmedAt, String confirmedAtCell, String source,
			String text, String termsVersion, String ip) {
	}

}
