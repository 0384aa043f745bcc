package org.callout.subscribers;

import java.util.concurrent.atomic.AtomicReference;

import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

import org.springframework.core.annotation.Order;

/**
 * A module part that fails the erasure of one chosen address after every real part but the subscribers' ran,
 * to show that the erasure is one transaction. Does nothing for any other address.
 */
@Order(650)
class FailingErasurePart implements PersonalData {

	final AtomicReference<String> failFor = new AtomicReference<>();

	@Override
	public String section() {
		return "testFailure";
	}

	@Override
	public Object describe(PersonRef person) {
		return null;
	}

	@Override
	public void erase(PersonRef person) {
		if (person.addressHash().equals(failFor.get())) {
			throw new IllegalStateException("a module failed mid-erasure (test)");
		}
	}

}
