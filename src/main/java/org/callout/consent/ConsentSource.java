package org.callout.consent;

import java.util.Locale;

/** How the consent reached Callout. */
public enum ConsentSource {

	FORM, API, IMPORT;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
