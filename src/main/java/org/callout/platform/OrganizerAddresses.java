package org.callout.platform;

import java.util.Optional;

/**
 * Where a signed-in organizer's own email goes (a test send from the console, never to an address typed on the page).
 * The console module keeps the accounts and implements this, so no module reads its tables.
 */
public interface OrganizerAddresses {

	/** The address of this account, if it is an active one. */
	Optional<EmailAddress> of(String username);

}
