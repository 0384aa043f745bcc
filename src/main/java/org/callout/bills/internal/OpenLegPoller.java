package org.callout.bills.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
 * Follows the tracked bills in Open Legislation: reads the updates feed (status changes only) since the cursor,
 * fetches each tracked bill named in it, and moves the cursor only once all were applied, so a failure re-reads
 * the same window later (repeats announce nothing). The window starts an hour before the cursor: an update
 * Open Legislation processed late, or a clock a little off, is read again rather than lost. The first poll, and
 * any print never fetched, fetch each tracked bill once. One instance polls at a time (ShedLock); without an API
 * key the poller stays idle.
 */
@Component
class OpenLegPoller {

	private static final Logger log = LoggerFactory.getLogger(OpenLegPoller.class);

	private static final Duration OVERLAP = Duration.ofHours(1);

	private final BillStore bills;

	private final OpenLegSync sync;

	private final PollCursor cursor;

	private final OpenLegClient client;

	private final PollFailures failures;

	private final Clock clock;

	private volatile boolean idleLogged;

	OpenLegPoller(BillStore bills, OpenLegSync sync, PollCursor cursor, BillsProperties properties,
			ObjectProvider<MeterRegistry> meters, Clock clock) {
		BillsProperties.Openleg settings = properties.openleg();
		this.bills = bills;
		this.sync = sync;
		this.cursor = cursor;
		this.client = settings.configured() ? new OpenLegClient(settings.baseUrl(), settings.apiKey(), settings.timeout()) : null;
		this.failures = new PollFailures(settings.interval(), meters);
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${callout.bills.openleg.initial-delay}", fixedDelayString = "${callout.bills.openleg.interval}")
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
		if (!failures.waiting(clock.instant())) {
			poll();
		}
	}

	/** One poll; returns how many prints it applied. */
	int poll() {
		Instant now = clock.instant();
		try {
			Optional<Instant> through = cursor.readThrough();
			int applied = fetchOnce(through.isEmpty());
			if (through.isPresent()) {
				applied += followUpdates(through.get().minus(OVERLAP), now);
			}
			cursor.advanceTo(now);
			failures.pollSucceeded();
			return applied;
		}
		catch (OpenLegException ex) {
			failures.pollFailed(ex, now);
			return 0;
		}
		catch (RuntimeException ex) {
			failures.pollFailed(new OpenLegException(OpenLegException.Kind.UNEXPECTED, ex.toString(), ex), now);
			return 0;
		}
	}

	/** On the first poll every tracked print, afterwards those never fetched (tracked since). */
	private int fetchOnce(boolean everything) {
		int applied = 0;
		for (BillStore.PrintRow print : bills.allPrints()) {
			if ((everything || print.status() == null) && fetch(print, "first fetch")) {
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
			for (OpenLegClient.Update update : page.updates()) {
				if (!seen.add(update.session() + "/" + update.basePrintNo())) {
					continue;
				}
				Optional<BillStore.PrintRow> print = bills.printByBase(update.session(), update.basePrintNo());
				if (print.isPresent() && fetch(print.get(), update.sourceId())) {
					applied++;
				}
			}
			if (page.updates().isEmpty() || page.offsetEnd() >= page.total()) {
				return applied;
			}
			offset = page.offsetEnd() + 1;
		}
	}

	/** A bill Open Legislation does not know (a typo when registered) or sends unreadable is skipped, not fatal. */
	private boolean fetch(BillStore.PrintRow print, String sourceRef) {
		try {
			sync.apply(print, client.bill(print.session(), print.basePrintNo()), sourceRef);
			return true;
		}
		catch (OpenLegException ex) {
			if (ex.kind() != OpenLegException.Kind.NOT_FOUND && ex.kind() != OpenLegException.Kind.MALFORMED) {
				throw ex;
			}
			failures.billSkipped(print, ex);
			return false;
		}
	}

	boolean waiting() {
		return failures.waiting(clock.instant());
	}

	Duration backoff() {
		return failures.backoff();
	}

	List<OpenLegException.Kind> loggedKinds() {
		return failures.loggedKinds();
	}

	private static LocalDateTime local(Instant instant) {
		return LocalDateTime.ofInstant(instant, StatusRequests.ALBANY);
	}

}
