package org.callout.mail.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;

/**
 * A relay connection whose writes {@link WriteWatchdog} can see: each write and flush notes when it started and
 * clears it when done, two volatile stores instead of a task scheduled per write. It can also be corked: what is written
 * meanwhile (flushes included) is held, and goes out in one write when it is uncorked, so that pipelined commands leave
 * in one packet. TLS layered over it writes through it too, so corking holds whole TLS records the same way.
 */
final class RelaySocket extends Socket {

	// The last connection made on each thread: how PipeliningTransport finds the one Angus just opened for it.
	private static final ThreadLocal<RelaySocket> CREATED = new ThreadLocal<>();

	private final WriteWatchdog watchdog;

	private volatile long writingSinceNanos;

	private volatile boolean writing;

	private OutputStream watched;

	private byte[] held = new byte[256];

	private int heldLength;

	private boolean corked;

	/** @param watchdog null for no write timeout */
	RelaySocket(WriteWatchdog watchdog) {
		this.watchdog = watchdog;
		CREATED.set(this);
	}

	/** The connection made last on this thread, if any, and forgets it. */
	static RelaySocket takeCreated() {
		RelaySocket socket = CREATED.get();
		CREATED.remove();
		return socket;
	}

	/** Holds what is written from now on; only the thread that writes may cork and uncork. */
	void cork() {
		corked = true;
	}

	/** Stops holding and forgets what was held, unsent. */
	void dropHeld() {
		corked = false;
		heldLength = 0;
	}

	/** Writes what was held, in one write, and stops holding. */
	void uncork() throws IOException {
		if (!corked) {
			return;
		}
		corked = false;
		if (heldLength > 0) {
			int length = heldLength;
			heldLength = 0;
			watched.write(held, 0, length);
			watched.flush();
		}
	}

	@Override
	public synchronized OutputStream getOutputStream() throws IOException {
		if (watched == null) {
			watched = new Watched(super.getOutputStream());
			if (watchdog != null) {
				watchdog.watch(this);
			}
		}
		return watched;
	}

	@Override
	public void close() throws IOException {
		if (watchdog != null) {
			watchdog.forget(this);
		}
		super.close();
	}

	/** Whether a write has been under way for longer than {@code nanos}, at {@code now}. */
	boolean writingLongerThan(long nanos, long now) {
		return writing && now - writingSinceNanos > nanos;
	}

	private final class Watched extends FilterOutputStream {

		Watched(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			if (corked) {
				hold(new byte[] { (byte) b }, 0, 1);
				return;
			}
			started();
			try {
				out.write(b);
			}
			finally {
				writing = false;
			}
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (corked) {
				hold(b, off, len);
				return;
			}
			started();
			try {
				out.write(b, off, len);
			}
			finally {
				writing = false;
			}
		}

		@Override
		public void flush() throws IOException {
			if (corked) {
				return;
			}
			started();
			try {
				out.flush();
			}
			finally {
				writing = false;
			}
		}

		private void hold(byte[] b, int off, int len) {
			if (heldLength + len > held.length) {
				held = Arrays.copyOf(held, Math.max(held.length * 2, heldLength + len));
			}
			System.arraycopy(b, off, held, heldLength, len);
			heldLength += len;
		}

		private void started() {
			writingSinceNanos = System.nanoTime();
			writing = true;
		}

	}

}
