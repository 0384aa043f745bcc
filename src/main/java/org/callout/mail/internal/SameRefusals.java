package org.callout.mail.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.callout.mail.MailDeliveryException;
import org.callout.mail.MailDeliveryException.Kind;

/**
 * The same refusal ("550 5.1.1") for several different recipients in a row, with nothing accepted between,
 * says more about the relay (a wrong account, a misconfigured route) than about the addresses: from the
 * {@code same-refusal-limit}th such refusal on, they count as a relay fault, and stop marking addresses
 * refused until a message gets through again.
 */
final class SameRefusals {

	private final int limit;

	private final Set<String> recipients = new LinkedHashSet<>();

	private String signature = "";

	SameRefusals(int limit) {
		this.limit = limit;
	}

	synchronized MailDeliveryException check(MailDeliveryException failure, String recipient) {
		if (failure.kind() != Kind.ADDRESS_REFUSED) {
			return failure;
		}
		String current = SmtpReplies.signature(failure.reply());
		if (!current.equals(signature)) {
			signature = current;
			recipients.clear();
		}
		recipients.add(recipient.toLowerCase(Locale.ROOT));
		if (recipients.size() < limit) {
			return failure;
		}
		return new MailDeliveryException("The relay refused " + recipients.size() + " different recipients in a row with '"
				+ signature + "': treated as a relay fault, not as bad addresses (" + failure.getMessage() + ")",
				failure.getCause(), Kind.RELAY_FAULT, failure.smtpCode(), failure.reply());
	}

	synchronized void clear() {
		recipients.clear();
		signature = "";
	}

}
