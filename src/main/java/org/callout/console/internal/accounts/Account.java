package org.callout.console.internal.accounts;

import java.time.Instant;

import org.callout.platform.OrganizerRole;

/** An organizer's account, without its password hash. */
record Account(long id, String username, String email, OrganizerRole role, Instant createdAt, Instant disabledAt) {

	boolean disabled() {
		return disabledAt != null;
	}

}
