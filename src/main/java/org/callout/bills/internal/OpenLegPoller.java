package org.callout.bills.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.callout.bills.internal.openleg.OpenLegClient;
import org.callout.bills.internal.openleg.OpenLegException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows the tracked bills in Open Legislation: reads the updates feed (status changes only) over
 * [cursor, now), fetches each tracked bill named in it, and moves the cursor only once all were applied, so a
 * failure re-reads the same window later (repeats announce nothing). Prints never fetched are fetched once
 * whatever the feed says. One instance polls at a time (ShedLock). Without an API key it stays idle. Failures are
 * logged once per kind until a poll succeeds, counted, and retried with a backoff that doubles to an hour.
 */
@Component
class OpenLegPoller {

	private static final Logger log = LoggerFactory.getLogger(OpenLegPoller.class);

	private static final Duration FIRST_WINDOW = Duration.ofDays(7);

	private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

	private final BillStore bills;

	private final OpenLegSync sync;

	private final PollCursor cursor;

	private final BillsProperties.Openleg settings;

	private final OpenLegClient client;

	private final ObjectProvider<MeterRegistry> meters;

	private final Clock clock;

	private final Set<OpenLegException.Kind> logged = EnumSet.noneOf(OpenLegException.Kind.class);

	private volatile Instant notBefore = Instant.EPOCH;

	private volatile Duration backoff = Duration.ZERO;

	private volatile boolean idleLogged;

	OpenLegPoller(BillStore bills, OpenLegSync sync, PollCursor cursor, BillsProperties properties,
			ObjectProvider<MeterRegistry> meters, Clock clock) {
		this.bills = bills;
		this.sync = sync;
		this.cursor = cursor;
		this.settings = properties.openleg();
		this.client = settings.configured() ? new OpenLegClient(settings.baseUrl(), settings.apiKey(), settings.timeout()) : null;
		this.meters = meters;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${callout.bills.openleg.initial-delay:PT20S}", fixedDelayString = "${callout.bills.openleg.interval:PT15M}")
	@SchedulerLock(name = "openleg-poller", lockAtMostFor = "PT10M")
	void scheduledPoll() {
		if (client == null) {
			if (!idleLogged) {
				idleLogged = true;
				log.info("Open Legislation poller is idle: no API key. Set CALLOUT_BILLS_OPENLEG_API_KEY (a free key from the "
						+ "NY Senate) to follow tracked bills automatically; statuses can be set through the API meanwhile.");
			}
			return;
		}
		if (clock.instant().isBefore(notBefore)) {
			return;
		}
		poll();
	}

	/** One poll; returns how many prints it applied. */
	int poll() {
		Instant now = clock.instant();
		try {
			int applied = fetchNeverFetched();
			Instant from = cursor.readThrough().orElse(now.minus(FIRST_WINDOW));
			applied += followUpdates(from, now);
			cursor.advanceTo(now);
			recovered();
			return applied;
		}
		catch (OpenLegException ex) {
			failed(ex, now);
			return 0;
		}
	}

	private int fetchNeverFetched() {
		int applied = 0;
		for (BillStore.PrintRow print : bills.allPrints()) {
			if (print.status() == null && fetch(print, "first fetch")) {
				applied++;
			}
		}
		return applied;
	}

	private int followUpdates(Instant from, Instant to) {
		Set<String> seen = new HashSet<>();
		int applied = 0;
		int offset = 1;
		while (true) {
			OpenLegClient.UpdatesPage page = client.statusUpdates(local(from), local(to), offset);
			for (OpenLegClient.BillId id : page.bills()) {
				if (!seen.add(id.session() + "/" + id.basePrintNo())) {
					continue;
				}
				var print = bills.printByBase(id.session(), id.basePrintNo());
				if (print.isPresent() && fetch(print.get(), "updates " + local(from) + ".." + local(to))) {
					applied++;
				}
			}
			if (page.bills().isEmpty() || page.offsetEnd() >= page.total()) {
				return applied;
			}
			offset = page.offsetEnd() + 1;
		}
	}

	/** A print Open Legislation does not know (a typo when it was registered) is reported and skipped, not retried. */
	private boolean fetch(BillStore.PrintRow print, String sourceRef) {
		try {
			sync.apply(print, client.bill(print.session(), print.basePrintNo()), sourceRef);
			return true;
		}
		catch (OpenLegException ex) {
			if (ex.kind() != OpenLegException.Kind.NOT_FOUND) {
				throw ex;
			}
			count(ex);
			log.warn("Open Legislation has no bill {} in the {} session: check the print number of tracked bill {}",
					print.basePrintNo(), print.session(), print.billId());
			return false;
		}
	}

	private void count(OpenLegException ex) {
		MeterRegistry registry = meters.getIfAvailable();
		if (registry != null) {
			registry.counter("callout.openleg.failures", "kind", ex.kind().name()).increment();
		}
	}

	private void failed(OpenLegException ex, Instant now) {
		count(ex);
		backoff = backoff.isZero() ? settings.interval() : backoff.multipliedBy(2);
		backoff = backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff;
		notBefore = now.plus(backoff);
		synchronized (logged) {
			if (logged.add(ex.kind())) {
				log.warn("Open Legislation poll failed ({}); tracked bills keep their status and the poll is retried in {}: {}",
						ex.kind(), backoff, ex.getMessage(), ex);
			}
		}
	}

	private void recovered() {
		backoff = Duration.ZERO;
		notBefore = Instant.EPOCH;
		synchronized (logged) {
			if (!logged.isEmpty()) {
				log.info("Open Legislation poll works again.");
				logged.clear();
			}
		}
	}

	Duration backoff() {
		return backoff;
	}

	private static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, StatusRequests.ALBANY);
	}

	List<OpenLegException.Kind> loggedKinds() {
		synchronized (logged) {
			return List.copyOf(logged);
		}
	}

}
