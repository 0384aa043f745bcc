package org.callout.delivery.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import jakarta.mail.MessagingException;
import org.callout.campaigns.BlastEmails;
import org.callout.mail.MailComposer;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.SubscriberList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The first chunk's parts, readied while the snapshot is written: the relay's connections opened, and one email of
 * the blast made and written out to nowhere, so that the first recipients' messages wait neither for connects nor for
 * code running for the first time. Measured on a blast's first chunk: each of the first four messages took 140 ms to
 * make, compose and send (70 ms of it making), the ones after them 5 ms. The snapshot is the database's work; this
 * runs beside it, on a virtual thread. Nothing of it is kept, recorded or sent.
 */
@Component
class BlastWarmUp {

	private static final Logger log = LoggerFactory.getLogger(BlastWarmUp.class);

	// Nobody's: subscriber 0 does not exist, the address is in a domain that cannot (RFC 2606), and its one list is none.
	private static final BlastEmails.Recipient NOBODY = new BlastEmails.Recipient(0, new EmailAddress("warm-up@example.invalid"),
			"Warm-up", null, "en", Optional.empty(), List.of(new SubscriberList(0, "warm-up", "Warm-up", null, false, Instant.EPOCH)));

	private final BlastEmails emails;

	private final MailComposer composer;

	private final ParallelSender sender;

	private final Executor thread = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("blast-warm-up-", 0).factory());

	BlastWarmUp(BlastEmails emails, MailComposer composer, ParallelSender sender) {
		this.emails = emails;
		this.composer = composer;
		this.sender = sender;
	}

	/** Starts readying the blast's sending; the caller need not wait for it. Completes with whether an email was made. */
	CompletableFuture<Boolean> start(long blastId) {
		return CompletableFuture.supplyAsync(() -> run(blastId), thread);
	}

	private boolean run(long blastId) {
		long started = System.nanoTime();
		CompletableFuture<Integer> connections = CompletableFuture.supplyAsync(sender::openConnections, thread);
		try {
			composer.compose(emails.prepare(blastId).email(NOBODY)).writeTo(OutputStream.nullOutputStream());
			log.debug("Blast {}: sending readied in {} ms ({} connections opened)", blastId,
					(System.nanoTime() - started) / 1_000_000, connections.join());
			return true;
		}
		catch (RuntimeException | IOException | MessagingException ex) {
			// Only time is lost: the first chunk makes, connects and meets whatever failed here itself.
			log.debug("Blast {}: readying its sending failed: {}", blastId, ex.toString());
			return false;
		}
	}

}
