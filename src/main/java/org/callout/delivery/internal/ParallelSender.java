package org.callout.delivery.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.callout.delivery.DeliveryProperties;
import org.callout.mail.MailComposer;
import org.callout.mail.MailDeliveryException;
import org.callout.mail.Messenger;
import org.callout.mail.OutgoingEmail;
import org.eclipse.angus.mail.util.MailConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes, composes and hands a chunk's messages to the transport on several threads at once (as many as the SMTP pool
 * has connections, or {@code callout.delivery.parallelism}); each message's outcome comes back classified. Making
 * (rendering the template) is here, not on the job's thread: it was two fifths of that thread's time, and the
 * senders waited for it.
 */
@Component
class ParallelSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ParallelSender.class);

	private final MailComposer composer;

	private final Messenger messenger;

	private final Clock clock;

	private final ExecutorService threads;

	private final int parallelism;

	ParallelSender(MailComposer composer, Messenger messenger, Clock clock, DeliveryProperties properties) {
		this.composer = composer;
		this.messenger = messenger;
		this.clock = clock;
		this.parallelism = properties.parallelism() > 0 ? properties.parallelism() : Math.max(1, messenger.parallelism());
		this.threads = Executors.newFixedThreadPool(parallelism, Thread.ofPlatform().name("blast-sender-", 1).daemon().factory());
	}

	/** Opens as many connections to the relay as this sends over at once, before a burst; see Messenger.open. */
	int openConnections() {
		return messenger.open(parallelism);
	}

	/** Makes and sends each email unless the send-by time has come; the outcomes in the makers' order. */
	List<Outcome> send(List<Supplier<OutgoingEmail>> makers, Instant sendBy) {
		List<CompletableFuture<Outcome>> futures = new ArrayList<>(makers.size());
		for (Supplier<OutgoingEmail> maker : makers) {
			futures.add(CompletableFuture.supplyAsync(() -> made(maker, sendBy), threads));
		}
		return futures.stream().map(CompletableFuture::join).toList();
	}

	private Outcome made(Supplier<OutgoingEmail> maker, Instant sendBy) {
		OutgoingEmail email;
		try {
			email = maker.get();
		}
		catch (RuntimeException ex) {
			// One person's values must not stop everyone's email: recorded, with why, and the blast goes on.
			log.warn("An email could not be made for its recipient", ex);
			return new Outcome(Outcome.Kind.UNMADE, String.valueOf(ex.getMessage()), null);
		}
		return one(email, sendBy);
	}

	private Outcome one(OutgoingEmail email, Instant sendBy) {
		// Checked just before the hand-over: a chunk can take a while, and an alert is never sent late.
		if (sendBy != null && !clock.instant().isBefore(sendBy)) {
			return new Outcome(Outcome.Kind.TOO_LATE, null, email.messageId());
		}
		try {
			String reply = messenger.send(composer.compose(email));
			return new Outcome(Outcome.Kind.SENT, reply, email.messageId());
		}
		catch (MailDeliveryException ex) {
			String reply = ex.reply() != null && !ex.reply().isBlank() ? ex.reply() : ex.getMessage();
			return new Outcome(switch (ex.kind()) {
				case ADDRESS_REFUSED -> Outcome.Kind.REFUSED;
				case TEMPORARY -> unreachable(ex) ? Outcome.Kind.RELAY_FAULT : Outcome.Kind.DEFERRED;
				case RELAY_FAULT, PAUSED -> Outcome.Kind.RELAY_FAULT;
			}, reply, email.messageId());
		}
		catch (RuntimeException ex) {
			// Not the relay's answer (a composing bug, a signer failure): tried again later like a passing failure.
			log.warn("Message {} failed before or while it was handed over", email.messageId(), ex);
			return new Outcome(Outcome.Kind.DEFERRED, ex.getClass().getSimpleName() + ": " + ex.getMessage(),
					email.messageId());
		}
	}

	/**
	 * No connection to the relay at all (refused, timed out, no such host, no route): the mail module calls that passing, but
	 * it is the relay that is down, not this message. Deferring each message would count an attempt against every
	 * recipient the blast reaches while the relay is down, and fail them all once the outage outlasts their tries;
	 * as a relay fault the blast pauses and probes instead.
	 */
	static boolean unreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// MailConnectException: Angus's "could not connect", also when the connection timed out.
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException || cause instanceof MailConnectException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void destroy() {
		threads.shutdownNow();
	}

}
