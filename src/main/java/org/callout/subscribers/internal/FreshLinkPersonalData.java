package org.callout.subscribers.internal;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.callout.platform.ClientAddresses;
import org.callout.platform.PersonRef;
import org.callout.platform.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * When the address asked for a fresh unsubscribe link (the limit counts them for a day), and the limit's rows of
 * the person's IPs. The same keys {@link FreshLinks} counts under.
 */
@Component
@Order(700)
class FreshLinkPersonalData implements PersonalData {

	private final FreshLinkLimitStore limits;

	FreshLinkPersonalData(FreshLinkLimitStore limits) {
		this.limits = limits;
	}

	@Override
	public String section() {
		return "freshLinkRequests";
	}

	@Override
	public List<Instant> describe(PersonRef person) {
		return limits.requestsOf(addressKey(person));
	}

	@Override
	public void erase(PersonRef person) {
		limits.forgetKeys(Stream.concat(Stream.of(addressKey(person)),
				person.ipAddresses().stream().map(ip -> "ip:" + ClientAddresses.limitGroup(ip))).distinct().toList());
	}

	private static String addressKey(PersonRef person) {
		return "address:" + person.addressHash();
	}

}
