package org.callout.mail;

import java.time.Duration;

import jakarta.mail.internet.MimeMessage;
import org.callout.platform.Masking;
import org.callout.platform.RequestRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends one email an organizer asked for over the API (the set-up test email, a template's test send) on the
 * one-off lane of the relay budget, and turns what goes wrong into the API's answer: 503 when the budget is spent,
 * 502 when the transport refused.
 */
@Component
public class OrganizerSends {

	private static final Logger log = LoggerFactory.getLogger(OrganizerSends.class);

	private static final Duration BUDGET_WAIT = Duration.ofSeconds(5);

	private final MailComposer composer;

	private final Messenger messenger;

	private final RelayBudget budget;

	OrganizerSends(MailComposer composer, Messenger messenger, RelayBudget budget) {
		this.composer = composer;
		this.messenger = messenger;
		this.budget = budget;
	}

	/** @return the transport's name ({@code smtp}, {@code outbox}) */
	public String send(OutgoingEmail email) {
		MimeMessage message = composer.compose(email);
		if (budget.acquire(RelayBudget.Lane.ONE_OFF, 1, BUDGET_WAIT) == 0) {
			throw RequestRefusedException.of(HttpStatus.SERVICE_UNAVAILABLE, "Relay budget spent",
					"The relay's allowance (callout.mail.relay) is spent for now; try again in a moment.")
				.header("Retry-After", "5");
		}
		try {
			messenger.send(message);
		}
		catch (MailDeliveryException ex) {
			// A relay fault is logged where it pauses sending.
			if (ex.kind() != MailDeliveryException.Kind.RELAY_FAULT && ex.kind() != MailDeliveryException.Kind.PAUSED) {
				log.warn("Email {} to {} failed", email.messageId(), email.to(), ex);
			}
			throw RequestRefusedException.of(HttpStatus.BAD_GATEWAY, "Mail transport failed",
					"The " + messenger.transportName() + " transport did not accept the message: " + Masking.text(ex.getMessage()));
		}
		return messenger.transportName();
	}

}
