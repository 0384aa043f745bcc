package org.callout.console.internal;

import org.callout.platform.OrganizerRole;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every console page, whichever module serves it, has {@code me}: who is signed in, for the header and for showing
 * only the buttons that person may press. Null where nobody is (public pages, sign-in, setup).
 */
// Console pages only: an advice's model attributes are computed for every request of the controllers it applies to,
// API calls included, which never render a page.
@ControllerAdvice(annotations = org.callout.platform.ConsolePage.class)
class ConsoleModel {

	/** The signed-in organizer, or null on the sign-in and setup pages. */
	@ModelAttribute("me")
	Me me() {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
			return null;
		}
		OrganizerRole role = OrganizerRole.VIEWER;
		for (OrganizerRole each : OrganizerRole.values()) {
			if (who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + each.name()))) {
				role = each;
			}
		}
		return new Me(who.getName(), role);
	}

	/** Who is signed in; {@code can(...)} decides whether a page shows a button. */
	record Me(String username, OrganizerRole role) {

		public boolean can(String least) {
			return role.compareTo(OrganizerRole.valueOf(least)) >= 0;
		}

	}

}
