package org.callout.consent;

import java.util.Locale;

/** How the consent reached Callout. */
public enum ConsentSource {

	FORM, API, IMPORT,
	/** An unsubscribe by the one-click POST of a mail app's button (RFC 8058): no page was shown. */
	ONE_CLICK,
	/** An unsubscribe through the button on the unsubscribe page. */
	PAGE;

	/** As stored: {@code form}, {@code one-click}... (the column holds at most 10 characters). */
	public String dbValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
