package org.callout.delivery.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.callout.campaigns.BlastPlan;
import org.callout.delivery.DeliveryProperties;
import org.callout.platform.EmailAddress;
import org.callout.platform.Masking;
import org.callout.subscribers.Suppressions;

import org.springframework.stereotype.Component;

/** Records what became of one recipient's message, in the chunk's transaction, and counts it for the metrics. */
@Component
class OutcomeRecorder {

	// "No such user" for good: the address does not exist, so no later blast tries it again.
	private static final Pattern NO_SUCH_USER = Pattern.compile("(?<![\\d.])5\\.1\\.(1|10)(?![\\d.])");

	private final DeliveryStore store;

	private final Suppressions suppressions;

	private final DeliveryMetrics metrics;

	private final DeliveryProperties properties;

	private final Clock clock;

	OutcomeRecorder(DeliveryStore store, Suppressions suppressions, DeliveryMetrics metrics, DeliveryProperties properties,
			Clock clock) {
		this.store = store;
		this.suppressions = suppressions;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	void skipped(Delivery delivery, String reason) {
		store.closed(delivery.id(), DeliveryStatus.SKIPPED, null, null, reason, false);
		metrics.recorded(DeliveryStatus.SKIPPED);
	}

	/**
	 * Records each delivery's outcome (in the same order); the sent ones, nearly all, in one batch. A relay fault puts
	 * the delivery back as it was, with no attempt counted.
	 */
	void recordAll(List<Delivery> deliveries, List<Outcome> outcomes, BlastPlan plan) {
		List<DeliveryStore.Sent> sent = new ArrayList<>(deliveries.size());
		for (int i = 0; i < deliveries.size(); i++) {
			Delivery delivery = deliveries.get(i);
			Outcome outcome = outcomes.get(i);
			if (outcome.kind() == Outcome.Kind.SENT) {
				sent.add(new DeliveryStore.Sent(delivery.id(), delivery.address(), outcome.messageId(), outcome.reply()));
			}
			else {
				record(delivery, outcome, plan);
			}
		}
		store.sent(sent);
		metrics.recorded(DeliveryStatus.SENT, sent.size());
	}

	private void record(Delivery delivery, Outcome outcome, BlastPlan plan) {
		switch (outcome.kind()) {
			case SENT -> throw new IllegalArgumentException("Sent outcomes are recorded in a batch");
			case UNMADE -> skipped(delivery, "the email could not be made for this recipient: " + Masking.text(outcome.reply()));
			case DEFERRED -> deferred(delivery, outcome, plan);
			case REFUSED -> refused(delivery, outcome);
			case TOO_LATE -> {
				store.closed(delivery.id(), DeliveryStatus.EXPIRED, null, null, "the send-by time came before it was sent", false);
				metrics.recorded(DeliveryStatus.EXPIRED);
			}
			case RELAY_FAULT -> store.release(delivery.id());
		}
	}

	private void deferred(Delivery delivery, Outcome outcome, BlastPlan plan) {
		int attempts = delivery.attempts() + 1;
		if (attempts >= properties.maxAttempts()) {
			store.closed(delivery.id(), DeliveryStatus.FAILED, delivery.address(), outcome.reply(),
					"deferred " + attempts + " times; not tried again", true);
			metrics.recorded(DeliveryStatus.FAILED);
			return;
		}
		Instant retryAt = clock.instant().plus(properties.retryDelay(attempts));
		if (plan.sendBy() != null && !retryAt.isBefore(plan.sendBy())) {
			store.closed(delivery.id(), DeliveryStatus.EXPIRED, delivery.address(), outcome.reply(),
					"deferred; the next try would be after the send-by time", true);
			metrics.recorded(DeliveryStatus.EXPIRED);
			return;
		}
		store.deferred(delivery.id(), delivery.address(), outcome.reply(), "try " + (attempts + 1) + " at " + retryAt, retryAt);
		metrics.recorded(DeliveryStatus.DEFERRED);
	}

	private void refused(Delivery delivery, Outcome outcome) {
		String reason = "refused by the relay";
		if (outcome.reply() != null && NO_SUCH_USER.matcher(outcome.reply()).find()) {
			suppressions.suppress(EmailAddress.parse(delivery.address()), "no-such-user", outcome.reply(), "relay");
			reason = "no such user: the address is suppressed for every later blast";
		}
		store.closed(delivery.id(), DeliveryStatus.FAILED, delivery.address(), outcome.reply(), reason, true);
		metrics.recorded(DeliveryStatus.FAILED);
	}

}
