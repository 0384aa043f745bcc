package org.callout.platform.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who acts, for the audit log: the one place that turns the security context into an actor's name. Today only the
 * shared admin token authenticates organizers ({@code admin-token}); accounts will put a person's name here.
 */
@Component
class CurrentActor {

	static final String ADMIN_TOKEN = "admin-token";

	static final String ANONYMOUS = "anonymous";

	/** Work no request started (a scheduler, a poller). */
	static final String SYSTEM = "system";

	String name(HttpServletRequest request) {
		if (request == null) {
			return SYSTEM;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return ANONYMOUS;
		}
		return AdminTokenFilter.ADMIN_PRINCIPAL.equals(authentication.getName()) ? ADMIN_TOKEN : authentication.getName();
	}

	/** {@code api} for the organizer API; the console's chain will answer {@code console}. */
	String channel(HttpServletRequest request) {
		if (request == null) {
			return SYSTEM;
		}
		return request.getRequestURI().startsWith("/console") ? "console" : "api";
	}

}
