package org.callout.console.internal.accounts;

import java.util.Optional;

import org.callout.platform.EmailAddress;
import org.callout.platform.OrganizerAddresses;

import org.springframework.stereotype.Component;

/** The accounts' own addresses, for the modules that send an organizer their own test email. */
@Component
class AccountAddresses implements OrganizerAddresses {

	private final AccountStore store;

	AccountAddresses(AccountStore store) {
		this.store = store;
	}

	@Override
	public Optional<EmailAddress> of(String username) {
		return store.byUsername(username).filter(account -> !account.disabled()).map(account -> EmailAddress.parse(account.email()));
	}

}
