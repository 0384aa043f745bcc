package org.callout.bills.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.callout.bills.internal.openleg.OpenLegException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;

/**
 * What went wrong talking to Open Legislation, and when to try again: each kind of failure is logged once (with
 * its stack trace) until a poll succeeds, every one is counted ({@code callout.openleg.failures}), and a failed
 * poll backs off from the poll interval, doubling, to an hour. A bill Open Legislation does not know, or describes
 * in a way Callout cannot read, is reported once per print and skipped, so it never holds up the others.
 */
final class PollFailures {

	private static final Logger log = LoggerFactory.getLogger(OpenLegPoller.class);

	private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

	private final Duration interval;

	private final ObjectProvider<MeterRegistry> meters;

	private final Set<OpenLegException.Kind> logged = EnumSet.noneOf(OpenLegException.Kind.class);

	private final Set<Long> skippedPrints = new HashSet<>();

	private Instant notBefore = Instant.EPOCH;

	private Duration backoff = Duration.ZERO;

	PollFailures(Duration interval, ObjectProvider<MeterRegistry> meters) {
		this.interval = interval;
		this.meters = meters;
	}

	synchronized boolean waiting(Instant now) {
		return now.isBefore(notBefore);
	}

	synchronized void pollFailed(OpenLegException ex, Instant now) {
		count(ex.kind());
		backoff = backoff.isZero() ? interval : backoff.multipliedBy(2);
		backoff = backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff;
		notBefore = now.plus(backoff);
		if (logged.add(ex.kind())) {
			log.warn("Open Legislation poll failed ({}); tracked bills keep their status and the poll is retried in {}: {}",
					ex.kind(), backoff, ex.getMessage(), ex);
		}
	}

	synchronized void billSkipped(BillStore.PrintRow print, OpenLegException ex) {
		count(ex.kind());
		if (skippedPrints.add(print.id())) {
			log.warn("Open Legislation bill {} of the {} session (tracked bill {}) is skipped ({}): {}", print.basePrintNo(),
					print.session(), print.billId(), ex.kind(), ex.getMessage());
		}
	}

	synchronized void pollSucceeded() {
		backoff = Duration.ZERO;
		notBefore = Instant.EPOCH;
		if (!logged.isEmpty()) {
			log.info("Open Legislation poll works again.");
			logged.clear();
		}
	}

	synchronized Duration backoff() {
		return backoff;
	}

	synchronized List<OpenLegException.Kind> loggedKinds() {
		return List.copyOf(logged);
	}

	private void count(OpenLegException.Kind kind) {
		MeterRegistry registry = meters.getIfAvailable();
		if (registry != null) {
			registry.counter("callout.openleg.failures", "kind", kind.name()).increment();
		}
	}

}
