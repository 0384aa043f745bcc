package org.callout.platform;

import java.util.Optional;

/**
 * Personal API tokens, checked by the API's security chain beside the shared admin token: the console module keeps
 * the accounts and implements this, so the platform needs no account of its own.
 */
public interface OrganizerTokens {

	/** Who holds this token, if it is a live one (not revoked, its account not disabled). */
	Optional<TokenHolder> authenticate(String presented);

	/**
	 * An authenticated holder.
	 *
	 * @param name the account's name: the principal every action is recorded under
	 * @param role what the account may do
	 */
	record TokenHolder(String name, OrganizerRole role) {
	}

}
