package org.callout.platform;

import jakarta.servlet.ServletRequest;

/**
 * Lets a page controller speak to a known person in their own language: the language it names for a request
 * comes after an explicit {@code ?lang=} but before the language cookie and the browser's Accept-Language.
 * (An unsubscribe link opened on a shared computer is still read in the subscriber's language.)
 */
public final class PageLanguage {

	public static final String PREFERRED = "callout.preferred-language";

	private PageLanguage() {
	}

	/** Must be called before the view renders; an unsupported language is ignored. */
	public static void prefer(ServletRequest request, String language) {
		if (language != null) {
			request.setAttribute(PREFERRED, language);
		}
	}

}
