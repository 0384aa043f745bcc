package org.callout.delivery.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The chunks of one step execution being sent at once, each on its own thread and in its own transaction (its
 * memberships locked, its messages handed over and its outcomes recorded together, as with one). With one chunk at
 * a time the senders waited through every chunk's database work (committing, recording, locking: a quarter of a
 * blast's time); with two, one chunk's database work overlaps the other's sending. Used from the step's thread only.
 * <p>
 * The reader {@link #drain drains} before anything that assumes nothing of the blast is in flight here: ending or
 * stopping the step, closing the blast's open records, taking back this instance's stale claims, probing a relay.
 * Not final: a step-scoped bean, proxied.
 */
class ChunkLanes implements AutoCloseable {

	private final int lanes;

	private final ExecutorService threads;

	private final Deque<Future<?>> inFlight = new ArrayDeque<>();

	ChunkLanes(int lanes, long blastId) {
		if (lanes < 1) {
			throw new IllegalArgumentException("at least one chunk in flight, not " + lanes);
		}
		this.lanes = lanes;
		this.threads = Executors.newFixedThreadPool(lanes,
				Thread.ofPlatform().name("blast-" + blastId + "-lane-", 1).daemon().factory());
	}

	/** Sends the chunk on a free lane, first waiting for the oldest one when all are busy; rethrows what failed. */
	void submit(Runnable chunk) {
		while (inFlight.size() >= lanes) {
			awaitOldest();
		}
		inFlight.add(threads.submit(chunk));
	}

	/** Waits until no chunk is in flight; the first failure among them is thrown once all are done. */
	void drain() {
		RuntimeException failed = null;
		while (!inFlight.isEmpty()) {
			try {
				awaitOldest();
			}
			catch (RuntimeException ex) {
				failed = failed == null ? ex : failed;
			}
		}
		if (failed != null) {
			throw failed;
		}
	}

	private void awaitOldest() {
		Throwable failure = waitFor(inFlight.poll());
		if (failure != null) {
			drainQuietly();
			throw failure instanceof RuntimeException runtime ? runtime
					: new IllegalStateException("A chunk failed while it was sent", failure);
		}
	}

	/**
	 * Waits for the chunk whatever interrupts come: its claims and outcomes commit together, and the step must not
	 * end while it runs. An interrupt is kept for the reader, which stops at its next read. Returns what the chunk
	 * failed with, or null.
	 */
	private static Throwable waitFor(Future<?> chunk) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					chunk.get();
					return null;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					return ex.getCause();
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** After a failure: the other chunks still finish before the step fails, so nothing of it runs on after it. */
	private void drainQuietly() {
		while (!inFlight.isEmpty()) {
			waitFor(inFlight.poll());
		}
	}

	@Override
	public void close() {
		drainQuietly();
		threads.shutdown();
	}

}
