package org.callout.subscribers.internal.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.AuditLog;
import org.callout.platform.OrganizerRole;

import org.springframework.stereotype.Component;

/**
 * The role checks the console chain cannot make from the method alone (a GET that copies personal data, a POST only
 * an admin may make): the same page and the same audit entry as the chain's own refusals.
 */
@Component
class ConsoleRefusals {

	private final AuditLog audit;

	ConsoleRefusals(AuditLog audit) {
		this.audit = audit;
	}

	static boolean holds(HttpServletRequest request, OrganizerRole role) {
		return request.isUserInRole(role.name());
	}

	/** Records the refusal and answers the 403 page's view name. */
	String refuse(HttpServletRequest request, HttpServletResponse response) {
		audit.refused("refused", request.getMethod() + " " + request.getRequestURI(), "role does not allow this request");
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "error/403";
	}

}
