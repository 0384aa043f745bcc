package org.callout.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.callout.mail.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether sending is paused by a relay fault, and when the next probe may go. While paused, every send is
 * refused at once except one probe per pause; the pause doubles after each failed probe, up to
 * {@code relay-fault-longest-pause}, and ends with the first message the relay accepts.
 */
final class RelayStatus {

	private static final Logger log = LoggerFactory.getLogger(RelayStatus.class);

	record Snapshot(boolean paused, String reason, Instant since, Instant nextProbeAt) {
	}

	private final MailProperties.Relay settings;

	private final Clock clock = Clock.systemUTC();

	private final AtomicBoolean probing = new AtomicBoolean();

	private volatile Snapshot state = new Snapshot(false, null, null, null);

	private Duration pause = Duration.ZERO;

	RelayStatus(MailProperties.Relay settings) {
		this.settings = settings;
	}

	Snapshot snapshot() {
		return state;
	}

	/**
	 * Null when a send may go ahead (possibly as the probe); otherwise the reason it may not. A caller that
	 * got null must call {@link #succeeded()} or {@link #faulted} (or {@link #probeDone()}) afterwards.
	 */
	String refusal() {
		Snapshot now = state;
		if (!now.paused()) {
			return null;
		}
		if (clock.instant().isBefore(now.nextProbeAt()) || !probing.compareAndSet(false, true)) {
			return "sending is paused by a relay fault since " + now.since() + " (" + now.reason() + "); next probe at "
					+ now.nextProbeAt();
		}
		return null;
	}

	synchronized void succeeded() {
		if (state.paused()) {
			log.info("The SMTP relay accepts messages again; sending resumes (paused since {} by: {})", state.since(),
					state.reason());
		}
		pause = Duration.ZERO;
		state = new Snapshot(false, null, null, null);
		probing.set(false);
	}

	/** A send that was neither accepted nor a relay fault (a 4xx, a refused address) ends a probe too. */
	void probeDone() {
		probing.set(false);
	}

	synchronized void faulted(String reason, Throwable cause) {
		boolean first = !state.paused();
		pause = first ? settings.relayFaultFirstPause() : min(pause.multipliedBy(2), settings.relayFaultLongestPause());
		Instant now = clock.instant();
		state = new Snapshot(true, reason, first ? now : state.since(), now.plus(pause));
		probing.set(false);
		if (first) {
			log.warn("Sending is paused: the SMTP relay refuses ({}). Nothing is marked failed; a probe follows in {}.",
					reason, pause, cause);
		}
		else {
			log.warn("The SMTP relay still refuses ({}); next probe in {}", reason, pause);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

}
