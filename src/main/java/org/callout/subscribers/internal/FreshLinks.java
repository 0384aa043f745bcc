package org.callout.subscribers.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.callout.platform.AddressHasher;
import org.callout.platform.ClientAddresses;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.SubscribersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * "Email me a fresh unsubscribe link". The limits are counted for every address typed, known or not, and the
 * lookup and send happen on another thread, so neither the answer nor its timing tells whether an address is on
 * a list.
 */
@Component
class FreshLinks implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FreshLinks.class);

	private final FreshLinkLimitStore limits;

	private final FreshLinkEmails emails;

	private final AddressHasher hasher;

	private final SubscribersProperties.FreshLinks properties;

	// One to two seconds after the answer, so the lookup and the send (real work only for known addresses) never
	// compete with the response for the CPU or the connection pool. Two threads; a flood past MAX_WAITING is
	// dropped rather than held in memory (the limits make one unlikely). Not a bean, so Spring's own task
	// executor stays the one @Async and event listeners use.
	private static final int MAX_WAITING = 200;

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2,
			Thread.ofPlatform().name("fresh-unsubscribe-link-", 1).daemon().factory());

	FreshLinks(FreshLinkLimitStore limits, FreshLinkEmails emails, AddressHasher hasher, SubscribersProperties properties) {
		this.limits = limits;
		this.emails = emails;
		this.hasher = hasher;
		this.properties = properties.freshLinks();
	}

	@Override
	public void destroy() throws InterruptedException {
		executor.shutdown();
		executor.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** @return empty when the request was taken, else which limit it hit and for how long */
	Optional<Refusal> request(EmailAddress address, Requester requester) {
		if (requester.ipAddress() != null) {
			Optional<Duration> wait = limits.tryAcquire("ip:" + ClientAddresses.limitGroup(requester.ipAddress()),
					properties.perIpPerHour(), Duration.ofHours(1));
			if (wait.isPresent()) {
				return Optional.of(new Refusal(Limit.NETWORK, wait.get()));
			}
		}
		Optional<Duration> wait = limits.tryAcquire("address:" + hasher.hash(address.matchKey()), 1,
				properties.perAddressInterval());
		if (wait.isPresent()) {
			return Optional.of(new Refusal(Limit.ADDRESS, wait.get()));
		}
		if (executor.getQueue().size() >= MAX_WAITING) {
			log.warn("A fresh unsubscribe link for {} was dropped: too many are waiting to be sent", address);
			return Optional.empty();
		}
		try {
			executor.schedule(() -> send(address), 1000 + ThreadLocalRandom.current().nextInt(1000), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException shuttingDown) {
			log.warn("A fresh unsubscribe link for {} was dropped: Callout is shutting down", address);
		}
		return Optional.empty();
	}

	private void send(EmailAddress address) {
		try {
			emails.sendIfSubscribed(address);
		}
		catch (RuntimeException ex) {
			log.error("A fresh unsubscribe link for {} failed", address, ex);
		}
	}

	enum Limit {

		/** Too many requests from this client network in the last hour. */
		NETWORK,
		/** This address asked recently. */
		ADDRESS

	}

	record Refusal(Limit limit, Duration retryAfter) {

		long minutes() {
			return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
		}

	}

}
