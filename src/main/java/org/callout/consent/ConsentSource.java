package org.callout.consent;

/** How the consent reached Callout. */
public enum ConsentSource {

	FORM, API, IMPORT;

	public String dbValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
