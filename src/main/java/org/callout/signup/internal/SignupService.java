package org.callout.signup.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.callout.consent.ConsentEvent;
import org.callout.consent.ConsentKind;
import org.callout.consent.ConsentLedger;
import org.callout.consent.ConsentSource;
import org.callout.consent.ConsentTerms;
import org.callout.consent.ConsentTermsCatalog;
import org.callout.platform.AddressHasher;
import org.callout.platform.ClientAddresses;
import org.callout.subscribers.Membership;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.NewSubscriber;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Subscribers;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a signup: validates, records the consent grant and queues a confirmation email, all in one
 * transaction. It answers the same way whether the address is new, pending, confirmed or disowned, and the
 * email goes out asynchronously, so neither the answer nor its timing tells whether an address is known.
 */
@Service
class SignupService {

	private static final int ATTEMPTS = 5;

	private final SignupValidator validator;

	private final ConsentTermsCatalog terms;

	private final ConsentLedger ledger;

	private final SubscriberLists lists;

	private final Subscribers subscribers;

	private final Memberships memberships;

	private final ConfirmationQueue queue;

	private final ConfirmationSender sender;

	private final AddressHasher hasher;

	private final SignupProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final RateLimiter limiter;

	private final KioskAllowlist kiosks;

	SignupService(RateLimiter limiter, KioskAllowlist kiosks, SignupValidator validator, ConsentTermsCatalog terms, ConsentLedger ledger, SubscriberLists lists,
			Subscribers subscribers, Memberships memberships, ConfirmationQueue queue, ConfirmationSender sender,
			AddressHasher hasher, SignupProperties properties, TransactionTemplate transactions, Clock clock) {
		this.limiter = limiter;
		this.kiosks = kiosks;
		this.validator = validator;
		this.terms = terms;
		this.ledger = ledger;
		this.lists = lists;
		this.subscribers = subscribers;
		this.memberships = memberships;
		this.queue = queue;
		this.sender = sender;
		this.hasher = hasher;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @throws SignupRejectedException when the signup is refused; nothing is stored then
	 */
	void signUp(SignupRequest request, ClientInfo client, ConsentSource source) {
		checkClientLimit(client);
		if (request.website() != null && !request.website().isBlank()) {
			return; // The honeypot was filled: a bot. Answer as usual, store and send nothing.
		}
		SignupValidator.Result result = validator.validate(request);
		if (!result.valid()) {
			throw new SignupRejectedException.InvalidFields(result.problems());
		}
		ValidSignup signup = result.signup();
		ConsentTerms current = terms.current(signup.language());
		if (!current.versionId().equals(signup.termsVersion())) {
			throw new SignupRejectedException.OutdatedTerms(current);
		}
		SubscriberList list = lists.joinable(signup.listSlug()).orElseThrow(SignupRejectedException.NoSuchList::new);
		boolean queued = withRetries(() -> record(signup, list, current, client, source));
		if (queued) {
			sender.wakeUp();
		}
	}

	/** At most N signups per client IP (IPv6: per /64) per hour, unless the network is a listed kiosk. */
	private void checkClientLimit(ClientInfo client) {
		if (client.ipAddress() == null || kiosks.covers(client.ipAddress())) {
			return;
		}
		limiter.tryAcquire("signup-ip:" + ClientAddresses.limitGroup(client.ipAddress()), properties.rateLimit().perIpPerHour(),
				Duration.ofHours(1))
			.ifPresent(wait -> {
				throw new SignupRejectedException.RateLimited(wait);
			});
	}

	/** Returns whether a confirmation email was queued. */
	private boolean record(ValidSignup signup, SubscriberList list, ConsentTerms current, ClientInfo client,
			ConsentSource source) {
		Instant now = clock.instant();
		String addressHash = hasher.hash(signup.email().matchKey());
		if (ledger.reportedNotMeSince(addressHash, now.minus(properties.notMeQuietPeriod()))) {
			return false; // Disowned: touch nothing, not even the details on file.
		}
		Subscriber subscriber = subscribers.findOrCreate(new NewSubscriber(signup.email(), signup.firstName(),
				signup.lastName(), signup.zip(), signup.streetAddress(), signup.language()));
		Membership membership = memberships.lockForSignup(subscriber.id(), list.id());
		if (membership.status() == MembershipStatus.CONFIRMED) {
			return false;
		}
		Instant lastSent = membership.confirmationSentAt();
		if (lastSent != null && now.isBefore(lastSent.plus(properties.resendInterval()))) {
			return false;
		}
		ledger.record(new ConsentEvent(subscriber.id(), list.id(), ConsentKind.GRANTED, current.versionId(), now,
				client.ipAddress(), client.userAgent(), source, signup.formId(), signup.pageUrl(), signup.language(),
				addressHash));
		memberships.confirmationQueued(subscriber.id(), list.id());
		queue.enqueue(subscriber.id(), list.id(), signup.language(), now);
		return true;
	}

	/** Concurrent first signups of one address may collide on its unique key; the loser simply tries again. */
	private boolean withRetries(java.util.function.Supplier<Boolean> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return Boolean.TRUE.equals(transactions.execute(status -> work.get()));
			}
			catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
