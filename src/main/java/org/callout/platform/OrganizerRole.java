package org.callout.platform;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an organizer may do. Each role holds the ones below it: an admin is an organizer, an organizer a viewer, so a
 * rule names the least role an endpoint needs.
 */
public enum OrganizerRole {

	/** Reads everything; changes nothing. */
	VIEWER,
	/** Bills, templates, triggers, lists, imports, blasts (approval included). */
	ORGANIZER,
	/** Everything, accounts and the audit log included. */
	ADMIN;

	/** {@code ROLE_VIEWER}, {@code ROLE_ORGANIZER}...: this role's and every lesser one's. */
	public List<GrantedAuthority> authorities() {
		return java.util.Arrays.stream(values())
			.filter(role -> role.ordinal() <= ordinal())
			.<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
	}

}
