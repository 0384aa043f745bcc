package org.callout.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.platform.ClientAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Records organizer requests the security chain refused (401: a wrong or missing token; 403: a role that does not
 * allow it) in the audit log, throttled so that a flood of bad tokens cannot fill the table: at most one entry per
 * actor ({@code anonymous} or the account) and client (an IPv4 address, an IPv6 /64) per minute, and at most {@link #MAX_PER_MINUTE} in all per minute (many addresses at once). Counted
 * in memory, per instance: a restart or a second instance may record one more, which is the point of a log.
 */
@Component
class RefusedAttempts {

	static final int MAX_PER_MINUTE = 100;

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(RefusedAttempts.class);

	private final RecordingAuditLog audit;

	private final ClientAddresses addresses;

	private final Clock clock;

	private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

	private final AtomicReference<Instant> windowStart = new AtomicReference<>(Instant.EPOCH);

	private final AtomicInteger inWindow = new AtomicInteger();

	private final CurrentActor actors;

	RefusedAttempts(RecordingAuditLog audit, ClientAddresses addresses, Clock clock, CurrentActor actors) {
		this.actors = actors;
		this.audit = audit;
		this.addresses = addresses;
		this.clock = clock;
	}

	void refused(HttpServletRequest request, int status, String why) {
		Instant now = clock.instant();
		// An account's refusals count apart from the anonymous ones of the same address.
		String client = actors.name(request) + "@" + ClientAddresses.limitGroup(addresses.of(request));
		if (!firstThisMinute(client, now) || !underTotal(now)) {
			return;
		}
		try {
			audit.refusedRequest(request, status + " " + why);
		}
		catch (RuntimeException ex) {
			// The refusal is answered whatever happens to its record.
			log.warn("Could not record a refused request in the audit log: {}", ex.toString());
		}
	}

	private boolean firstThisMinute(String client, Instant now) {
		if (lastRecorded.size() > 10_000) {
			lastRecorded.values().removeIf(at -> at.plus(WINDOW).isBefore(now));
			if (lastRecorded.size() > 10_000) {
				lastRecorded.clear(); // Thousands of addresses this minute: the total cap below still holds.
			}
		}
		boolean[] first = { false };
		lastRecorded.compute(client, (key, at) -> {
			if (at == null || !now.isBefore(at.plus(WINDOW))) {
				first[0] = true;
				return now;
			}
			return at;
		});
		return first[0];
	}

	private boolean underTotal(Instant now) {
		Instant start = windowStart.get();
		if (!now.isBefore(start.plus(WINDOW)) && windowStart.compareAndSet(start, now)) {
			inWindow.set(0);
		}
		return inWindow.incrementAndGet() <= MAX_PER_MINUTE;
	}

}
