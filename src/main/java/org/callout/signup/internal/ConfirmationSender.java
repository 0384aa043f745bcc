package org.callout.signup.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.callout.mail.MailComposer;
import org.callout.mail.MailTemplates;
import org.callout.mail.Messenger;
import org.callout.mail.OutgoingEmail;
import org.callout.mail.RenderedEmail;
import org.callout.platform.CalloutProperties;
import org.callout.signup.SignupProperties;
import org.callout.subscribers.Membership;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Subscribers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the confirmation queue: woken after each signup commits, and polled so that whatever a restart or
 * the hourly cap left behind goes out later. Nothing is lost: a row leaves the queue only once sent.
 */
@Component
class ConfirmationSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationSender.class);

	private static final Duration WINDOW = Duration.ofHours(1);

	private static final int BATCH = 20;

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final ConfirmationQueue queue;

	private final Subscribers subscribers;

	private final SubscriberLists lists;

	private final Memberships memberships;

	private final ConfirmationLinks links;

	private final MailTemplates templates;

	private final MailComposer composer;

	private final Messenger messenger;

	private final CalloutProperties callout;

	private final SignupProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("confirmation-sender").daemon().factory());

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	private volatile Instant capWarnedAt = Instant.EPOCH;

	private volatile boolean stopping;

	ConfirmationSender(ConfirmationQueue queue, Subscribers subscribers, SubscriberLists lists, Memberships memberships,
			ConfirmationLinks links, MailTemplates templates, MailComposer composer, Messenger messenger,
			CalloutProperties callout, SignupProperties properties, TransactionTemplate transactions, Clock clock) {
		this.queue = queue;
		this.subscribers = subscribers;
		this.lists = lists;
		this.memberships = memberships;
		this.links = links;
		this.templates = templates;
		this.composer = composer;
		this.messenger = messenger;
		this.callout = callout;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Asks for a drain soon, on the sender's own thread; many wake-ups in a row make one drain. */
	void wakeUp() {
		if (wakeUpPending.compareAndSet(false, true)) {
			executor.execute(() -> {
				wakeUpPending.set(false);
				drain();
			});
		}
	}

	@Scheduled(fixedDelayString = "${callout.signup.queue-poll-interval}", initialDelayString = "${callout.signup.queue-poll-interval}")
	void poll() {
		wakeUp();
	}

	/** Sends what the cap allows, batch by batch; stops at the first failure and leaves the rest for later. */
	void drain() {
		try {
			boolean more = true;
			while (more && !stopping) {
				more = sendBatch();
			}
		}
		catch (RuntimeException ex) {
			log.warn("Confirmation emails could not be sent now; they stay queued: {}", ex.getMessage());
		}
	}

	/**
	 * Leases a batch in a short transaction, then sends and marks each row on its own: a crash re-sends at
	 * most the one message in flight. Returns whether another batch may follow.
	 */
	private boolean sendBatch() {
		Instant now = clock.instant();
		long allowance = properties.confirmationsPerHour() - queue.sentSince(now.minus(WINDOW));
		if (allowance <= 0) {
			warnCapReached(now);
			return false;
		}
		List<ConfirmationQueue.Pending> batch = transactions
			.execute(status -> queue.claim((int) Math.min(BATCH, allowance), now, now.plus(LEASE)));
		for (ConfirmationQueue.Pending pending : batch) {
			if (stopping) {
				queue.release(pending.id()); // Shutting down: leave it for the next start, without waiting for the lease.
				continue;
			}
			try {
				send(pending);
				queue.markSent(pending.id(), now);
			}
			catch (RuntimeException ex) {
				queue.markFailed(pending.id());
				log.warn("Confirmation email {} failed (will retry): {}", pending.id(), ex.getMessage());
				return false;
			}
		}
		return batch.size() == BATCH;
	}

	private void warnCapReached(Instant now) {
		if (now.isAfter(capWarnedAt.plus(WINDOW))) {
			capWarnedAt = now;
			log.warn("The cap of {} confirmation emails per hour is reached; {} wait in the queue and go out as the "
					+ "hour rolls on (callout.signup.confirmations-per-hour).", properties.confirmationsPerHour(), queue.pending());
		}
	}

	private void send(ConfirmationQueue.Pending pending) {
		Optional<Membership> membership = memberships.find(pending.subscriberId(), pending.listId());
		if (membership.isEmpty() || membership.get().status() != MembershipStatus.UNCONFIRMED
				|| membership.get().confirmationNonce() == null) {
			return; // Confirmed or disowned meanwhile: nothing to ask any more.
		}
		Subscriber subscriber = subscribers.byId(pending.subscriberId()).orElseThrow();
		SubscriberList list = lists.byId(pending.listId()).orElseThrow();
		ConfirmationLinks.Target target = new ConfirmationLinks.Target(subscriber.id(), list.id(),
				membership.get().confirmationNonce());
		Map<String, Object> model = new HashMap<>();
		model.put("firstName", subscriber.firstName());
		model.put("listName", list.name());
		model.put("organization", callout.organization().name());
		model.put("postalAddress", callout.organization().postalAddress());
		model.put("privacyPolicyUrl", callout.organization().privacyPolicyUrl().toString());
		model.put("confirmUrl", links.url(ConfirmationLinks.CONFIRM, target, pending.language()));
		model.put("notMeUrl", links.url(ConfirmationLinks.NOT_ME, target, pending.language()));
		model.put("expiresInDays", properties.confirmationLinkTtl().toDays());
		RenderedEmail email = templates.render("confirm-subscription", pending.language(), model);
		String name = String.join(" ", nonNull(subscriber.firstName()), nonNull(subscriber.lastName())).strip();
		messenger.send(composer.compose(new OutgoingEmail(subscriber.email(), name, email.subject(), email.text(),
				email.html(), Map.of("Auto-Submitted", "auto-generated"))));
		log.info("Confirmation email for list '{}' sent to {}", list.slug(), subscriber.email());
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

	/** Lets the message in flight finish and be marked, so a normal stop never causes a duplicate. */
	@Override
	public void destroy() throws InterruptedException {
		stopping = true;
		executor.shutdown();
		if (!executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
			executor.shutdownNow();
		}
	}

}
