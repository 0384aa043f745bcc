package org.callout.mail.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import org.callout.mail.MailProperties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code pool-size} SMTP connections open at once, in use and idle together: a relay limits
 * concurrent connections per client, and more senders than that simply wait for one to be free. A failed
 * connection is closed and frees its place.
 */
final class SmtpPool {

	private static final Logger log = LoggerFactory.getLogger(SmtpPool.class);

	/** No free connection within the borrow timeout: the message was not sent and may be retried. */
	static final class NoFreeConnectionException extends Exception {

		NoFreeConnectionException(String message) {
			super(message);
		}

	}

	/** A connection could not be opened (connect, greeting, EHLO, STARTTLS or AUTH failed). */
	static final class ConnectFailedException extends Exception {

		private final int replyCode;

		ConnectFailedException(MessagingException cause, int replyCode) {
			super(cause.getMessage(), cause);
			this.replyCode = replyCode;
		}

		/** The relay's last reply code, or 0 when it never answered (refused, unreachable, timed out). */
		int replyCode() {
			return replyCode;
		}

	}

	private final Session session;

	private final MailProperties.Smtp smtp;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition freed = lock.newCondition();

	// Newest first, each with when it was given back.
	private final Deque<Idle> idle = new ArrayDeque<>();

	private record Idle(Transport transport, long releasedAtNanos) {
	}

	/**
	 * A borrowed connection; {@code unchecked}: reused without the NOOP check, because it was given back moments ago.
	 * A relay may still have closed it since: the first command then fails, before any of the message was sent.
	 */
	record Lease(Transport transport, boolean unchecked) {
	}

	// A connection given back less than this long ago is not checked with a NOOP: the check was a round trip per
	// message, as long as the message's own (two fifths of a sender thread's time at 10 KB). SmtpMessenger sends again
	// once on a connection that turns out closed at MAIL FROM.
	private static final long FRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

	private int open;

	private boolean closed;

	SmtpPool(Session session, MailProperties.Smtp smtp) {
		this.session = session;
		this.smtp = smtp;
	}

	/** @param check whether even a connection given back moments ago is checked (a second try after one was closed) */
	Lease borrow(boolean check) throws NoFreeConnectionException, ConnectFailedException, InterruptedException {
		long deadline = System.nanoTime() + smtp.borrowTimeout().toNanos();
		while (true) {
			Idle next = takeIdleOrReservePlace(deadline);
			if (next == null) {
				return new Lease(connect(), false);
			}
			if (!check && System.nanoTime() - next.releasedAtNanos() < FRESH_NANOS) {
				return new Lease(next.transport(), true);
			}
			// Checked outside the lock (isConnected() is a NOOP round trip): a slow relay must not hold up the
			// other borrowers.
			if (next.transport().isConnected()) {
				return new Lease(next.transport(), false);
			}
			discard(next.transport());
		}
	}

	/**
	 * Opens connections side by side until {@code wanted} are open (idle or in use) or the pool is full, each left idle
	 * as soon as it is connected (a send may take it while the others still connect); returns how many it opened. One
	 * that fails gives its place back, and the sends meet the failure. Platform threads: Jakarta Mail connects inside
	 * synchronized methods, which on Java 21 would pin a virtual thread's carrier for the whole connect.
	 */
	int open(int wanted) {
		int places = reservePlaces(wanted);
		AtomicInteger opened = new AtomicInteger();
		List<Thread> connecting = new ArrayList<>(places);
		for (int i = 0; i < places; i++) {
			connecting.add(Thread.ofPlatform().daemon().name("smtp-open-", i).start(() -> {
				try {
					release(connect());
					opened.incrementAndGet();
				}
				catch (ConnectFailedException ex) {
					log.debug("An SMTP connection opened ahead failed: {}", ex.getMessage());
				}
				catch (RuntimeException ex) {
					discard(null); // connect() gives its place back only for a MessagingException.
					log.debug("An SMTP connection opened ahead failed", ex);
				}
			}));
		}
		try {
			for (Thread thread : connecting) {
				thread.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt(); // The threads finish and give back their places by themselves.
		}
		return opened.get();
	}

	/** Reserves, at once, the places that take the pool to {@code wanted} open connections (or full). */
	private int reservePlaces(int wanted) {
		lock.lock();
		try {
			int places = closed ? 0 : Math.max(0, Math.min(wanted, smtp.poolSize()) - open);
			open += places;
			return places;
		}
		finally {
			lock.unlock();
		}
	}

	/** An idle connection, or null when a place for a new one was reserved; waits until the deadline. */
	private Idle takeIdleOrReservePlace(long deadline) throws NoFreeConnectionException, InterruptedException {
		lock.lock();
		try {
			while (true) {
				if (closed) {
					throw new NoFreeConnectionException("The SMTP pool is closed (shutting down)");
				}
				Idle next = idle.pollFirst();
				if (next != null) {
					return next;
				}
				if (open < smtp.poolSize()) {
					open++;
					return null;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new NoFreeConnectionException("No free SMTP connection within " + smtp.borrowTimeout()
							+ " (callout.mail.smtp.pool-size=" + smtp.poolSize() + ")");
				}
				freed.awaitNanos(left);
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Opens a connection in the place reserved by the caller; gives the place back if it fails. */
	private Transport connect() throws ConnectFailedException {
		Transport transport = null;
		try {
			transport = new PipeliningTransport(session, new URLName("smtp", smtp.host(), smtp.port(), null, null, null));
			transport.connect(smtp.host(), smtp.port(), blankToNull(smtp.username()), blankToNull(smtp.password()));
			return transport;
		}
		catch (MessagingException ex) {
			int code = transport instanceof SMTPTransport smtpTransport ? Math.max(0, smtpTransport.getLastReturnCode()) : 0;
			discard(transport);
			throw new ConnectFailedException(ex, code);
		}
	}

	/** Returns a healthy connection for reuse. */
	void release(Transport transport) {
		lock.lock();
		try {
			if (!closed) {
				idle.addFirst(new Idle(transport, System.nanoTime()));
				freed.signal();
				return;
			}
		}
		finally {
			lock.unlock();
		}
		discard(transport);
	}

	/** Closes a connection that failed (or may be in an unknown state) and frees its place. */
	void discard(Transport transport) {
		quietlyClose(transport);
		lock.lock();
		try {
			open--;
			freed.signal();
		}
		finally {
			lock.unlock();
		}
	}

	void close() {
		Deque<Transport> toClose = new ArrayDeque<>();
		lock.lock();
		try {
			closed = true;
			idle.forEach(i -> toClose.add(i.transport()));
			open -= idle.size();
			idle.clear();
			freed.signalAll();
		}
		finally {
			lock.unlock();
		}
		toClose.forEach(SmtpPool::quietlyClose);
	}

	private static void quietlyClose(Transport transport) {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				log.debug("Closing an SMTP connection: {}", ex.getMessage());
			}
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
