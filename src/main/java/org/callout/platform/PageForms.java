package org.callout.platform;

import jakarta.servlet.ServletRequest;

/**
 * Agreement between the security layer and page controllers: when a form's CSRF token is missing or stale
 * (a form left open overnight, cookies cleared), the request is forwarded back to its controller with this
 * attribute set, and the controller shows the form again with what the person typed, never a bare 403.
 * The controller must not act on such a request.
 */
public final class PageForms {

	public static final String CSRF_REJECTED = "callout.csrf-rejected";

	private PageForms() {
	}

	public static boolean csrfRejected(ServletRequest request) {
		return request.getAttribute(CSRF_REJECTED) != null;
	}

	/** The browser sent no CSRF cookie at all: most likely it blocks cookies. */
	public static boolean csrfCookieMissing(ServletRequest request) {
		return "missing".equals(request.getAttribute(CSRF_REJECTED));
	}

}
