package org.callout.delivery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.callout.campaigns.BlastEmails;
import org.callout.campaigns.BlastHandover;
import org.callout.campaigns.BlastPlan;
import org.callout.legislators.Seats;
import org.callout.mail.OutgoingEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one claimed chunk inside the chunk's transaction: takes the rate's tokens, locks the recipients' memberships
 * (unsubscribe wins), has each email made and handed to SMTP in parallel and records every outcome with the chunk. One writer per step execution (step scope): it keeps the blast's prepared emails.
 */
class ChunkWriter implements ItemWriter<List<Delivery>> {

	private static final Logger log = LoggerFactory.getLogger(ChunkWriter.class);

	private final long blastId;

	private final BlastHandover handover;

	private final BlastEmails.Prepared emails;

	private final DeliveryStore store;

	private final MembershipLocks locks;

	private final Recipients recipients;

	private final DeliveryRate rate;

	private final ParallelSender sender;

	private final DeliveryProgress progress;

	private final OutcomeRecorder recorder;

	private final TransactionTemplate own;

	ChunkWriter(long blastId, Parts parts) {
		this.blastId = blastId;
		this.handover = parts.handover();
		this.emails = parts.emails().prepare(blastId);
		this.store = parts.store();
		this.locks = parts.locks();
		this.recipients = parts.recipients();
		this.rate = parts.rate();
		this.sender = parts.sender();
		this.recorder = parts.recorder();
		this.progress = parts.progress();
		this.own = parts.own();
	}

	/** What every writer uses. */
	record Parts(BlastHandover handover, BlastEmails emails, DeliveryStore store, MembershipLocks locks, Recipients recipients,
			DeliveryRate rate, ParallelSender sender, OutcomeRecorder recorder, DeliveryProgress progress,
			TransactionTemplate own) {
	}

	@Override
	public void write(Chunk<? extends List<Delivery>> chunk) {
		for (List<Delivery> claimed : chunk) {
			send(claimed);
		}
	}

	private void send(List<Delivery> claimed) {
		// Whatever this transaction does not commit (a database failure mid-chunk) gives its claims back at once:
		// this instance's heartbeat would otherwise keep them from everyone, itself included.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					try {
						own.executeWithoutResult(s -> claimed.forEach(d -> store.release(d.id())));
					}
					catch (RuntimeException ex) {
						// The reader takes back its blast's stale claims before it waits next.
						log.warn("Blast {}: claims of a rolled-back chunk could not be given back now", blastId, ex);
					}
				}
			}
		});
		BlastPlan plan = handover.plan(blastId).orElse(null);
		if (plan == null || !(plan.sending() || plan.pausedByRelay())) {
			claimed.forEach(d -> store.release(d.id())); // Paused or over since the claim: the reader sees it next.
			return;
		}
		int granted = rate.take(claimed.size());
		List<Delivery> now = claimed.subList(0, granted);
		claimed.subList(granted, claimed.size()).forEach(d -> store.release(d.id()));
		if (now.isEmpty()) {
			return;
		}
		Map<Long, List<Long>> confirmed = locks.lockConfirmed(blastId, now.stream().map(Delivery::subscriberId).toList());
		Seats seats = recipients.seats();
		List<Delivery> going = new ArrayList<>();
		List<Supplier<OutgoingEmail>> makers = new ArrayList<>();
		for (Delivery delivery : now) {
			if (delivery.address() == null || !confirmed.containsKey(delivery.subscriberId())) {
				recorder.skipped(delivery, delivery.address() == null ? "the subscriber is gone" : "unsubscribed before it was sent");
				continue;
			}
			List<Long> lists = confirmed.get(delivery.subscriberId());
			makers.add(() -> emails.email(recipients.of(delivery, lists, seats)));
			going.add(delivery);
		}
		rate.giveBack(now.size() - going.size());
		List<Outcome> outcomes = sender.send(makers, plan.sendBy());
		recorder.recordAll(going, outcomes, plan);
		int untried = 0;
		String faultReply = null;
		boolean relayFault = false;
		boolean anySent = false;
		for (Outcome outcome : outcomes) {
			untried += outcome.tried() ? 0 : 1;
			anySent |= outcome.kind() == Outcome.Kind.SENT;
			if (outcome.kind() == Outcome.Kind.RELAY_FAULT) {
				relayFault = true;
				faultReply = outcome.reply();
			}
		}
		rate.giveBack(untried);
		progress.maybeLog(blastId);
		if (relayFault && plan.sending()) {
			String reason = "the relay refused or failed: " + DeliveryStore.cut(faultReply);
			report(() -> handover.pausedByRelay(blastId, reason));
			log.warn("Blast {} is paused: the relay refused or failed ({}). Nothing was marked failed; it resumes by "
					+ "itself when the relay answers again.", blastId, DeliveryStore.cut(faultReply));
		}
		else if (anySent && plan.pausedByRelay()) {
			report(() -> handover.started(blastId));
			log.info("Blast {}: the relay accepts messages again; sending resumes", blastId);
		}
	}

	/**
	 * A state report in its own transaction, its failure only logged: the chunk's outcomes are the truth about what
	 * went to the relay and must commit whatever became of the blast meanwhile.
	 */
	private void report(Runnable move) {
		try {
			own.executeWithoutResult(status -> move.run());
		}
		catch (RuntimeException ex) {
			log.warn("Blast {}: the engine's report to campaigns was refused; the next chunk looks again", blastId, ex);
		}
	}

}
