package org.callout.mail.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a relay connection whose write has not returned within the timeout: a relay that stops reading would
 * otherwise hold a sender thread for good, since a socket's reads time out but its writes never do. One thread looks
 * at every open connection a few times per timeout, so a stuck write fails between one and about 1.25 timeouts.
 */
final class WriteWatchdog {

	private static final Logger log = LoggerFactory.getLogger(WriteWatchdog.class);

	// One per timeout (tests use several), each with its own thread, started with the first connection it watches.
	private static final Map<Duration, WriteWatchdog> SHARED = new ConcurrentHashMap<>();

	private final Set<RelaySocket> sockets = ConcurrentHashMap.newKeySet();

	private final long timeoutNanos;

	private volatile ScheduledExecutorService thread;

	private WriteWatchdog(Duration timeout) {
		this.timeoutNanos = timeout.toNanos();
	}

	static WriteWatchdog shared(Duration timeout) {
		return SHARED.computeIfAbsent(timeout, WriteWatchdog::new);
	}

	void watch(RelaySocket socket) {
		sockets.add(socket);
		if (thread == null) {
			start();
		}
	}

	void forget(RelaySocket socket) {
		sockets.remove(socket);
	}

	private synchronized void start() {
		if (thread == null) {
			long period = Math.max(TimeUnit.MILLISECONDS.toNanos(50), timeoutNanos / 4);
			thread = Executors.newSingleThreadScheduledExecutor(
					Thread.ofPlatform().daemon().name("smtp-write-watchdog").factory());
			thread.scheduleWithFixedDelay(this::check, period, period, TimeUnit.NANOSECONDS);
		}
	}

	void check() {
		try {
			closeStuck();
		}
		catch (RuntimeException ex) {
			// Never let one surprise end the schedule, and with it the timeout of every connection.
			log.warn("Checking the SMTP connections' writes failed", ex);
		}
	}

	private void closeStuck() {
		long now = System.nanoTime();
		for (RelaySocket socket : sockets) {
			if (socket.isClosed()) {
				sockets.remove(socket);
			}
			else if (socket.writingLongerThan(timeoutNanos, now)) {
				log.warn("A write to the SMTP relay {} has not returned in {} ms: the connection is closed", socket.getRemoteSocketAddress(),
						TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
				try {
					socket.close(); // the blocked write then fails, and the message is retried like any cut connection
				}
				catch (IOException ex) {
					log.debug("Closing a stuck SMTP connection: {}", ex.toString());
				}
			}
		}
	}

}
