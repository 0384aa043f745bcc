package org.callout.signup.internal;

import java.util.List;

import org.callout.platform.ClientAddresses;
import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The person's confirmation emails and the signup limit's rows of their IP addresses. */
@Component
@Order(500)
class SignupPersonalData implements PersonalData {

	private final SignupPersonalDataStore store;

	SignupPersonalData(SignupPersonalDataStore store) {
		this.store = store;
	}

	@Override
	public String section() {
		return "confirmationEmails";
	}

	@Override
	public List<SignupPersonalDataStore.Confirmation> describe(PersonRef person) {
		return person.subscriberIds().stream().flatMap(id -> store.confirmations(id).stream()).toList();
	}

	@Override
	public void erase(PersonRef person) {
		person.subscriberIds().forEach(store::deleteConfirmations);
		// The same key SignupLimits counts under.
		store.deleteLimitKeys(person.ipAddresses().stream().map(ip -> "signup-ip:" + ClientAddresses.limitGroup(ip)).distinct().toList());
	}

}
