package org.callout.campaigns.internal.blasts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.callout.campaigns.BlastHandover;
import org.callout.campaigns.BlastPlan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The handover queue as the engine sees it, and its reports turned into state moves. */
@Service
class HandoverQueue implements BlastHandover {

	// Sending and paused ones: each instance joins every blast being sent, and probes the relay for those it paused.
	private static final String IN_PROGRESS = "SELECT id FROM blasts WHERE state IN ('SENDING', 'PAUSED') ORDER BY id";

	private final JdbcClient jdbc;

	private final BlastMoves moves;

	private final BlastStore store;

	private final Clock clock;

	HandoverQueue(JdbcClient jdbc, BlastMoves moves, BlastStore store, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.moves = moves;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Optional<ReadyBlast> claim(String owner) {
		// SKIP LOCKED: two instances claiming at once take different blasts instead of waiting for each other.
		Optional<Long> id = jdbc.sql("SELECT blast_id FROM blast_handover WHERE claimed_by IS NULL"
				+ " ORDER BY queued_at, blast_id LIMIT 1 FOR UPDATE SKIP LOCKED").query(Long.class).optional();
		id.ifPresent(blast -> jdbc.sql("UPDATE blast_handover SET claimed_by = :owner, claimed_at = :now WHERE blast_id = :id")
			.param("owner", owner).param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", blast)
			.update());
		// Read, not locked: a cancel locks the blast and then the queue row, so taking them the other way round here
		// could deadlock with it.
		return id.map(blast -> {
			Blast found = store.find(blast).orElseThrow();
			return new ReadyBlast(blast, found.templateName(), found.templateVersion());
		});
	}

	@Override
	public Optional<BlastPlan> plan(long blastId) {
		return store.find(blastId).map(blast -> new BlastPlan(blast.id(), blast.state().name(), blast.pausedBy(),
				blast.sendBy(), blast.audience().listIds(), blast.audience().knownOnly(), blast.audience().chamber(),
				blast.audience().districts()));
	}

	@Override
	public List<Long> inProgress() {
		return jdbc.sql(IN_PROGRESS).query(Long.class).list();
	}

	// The engine's reports are conditional: another instance, or an organizer, may have moved the blast since the
	// engine last looked, and a refused move thrown into the engine's transaction would roll back what it sent.

	@Override
	@Transactional
	public void started(long blastId) {
		Blast blast = moves.locked(blastId);
		boolean relayPaused = blast.state() == BlastState.PAUSED && "relay".equals(blast.pausedBy());
		if (blast.state() == BlastState.READY || relayPaused) {
			moves.move(blastId, BlastState.SENDING, "engine", relayPaused ? "the relay answers again" : null);
		}
		store.leaveHandover(blastId);
	}

	@Override
	@Transactional
	public void pausedByRelay(long blastId, String reason) {
		if (moves.locked(blastId).state() == BlastState.SENDING) {
			moves.move(blastId, BlastState.PAUSED, "relay", reason == null ? "the relay refused or failed" : reason);
		}
	}

	@Override
	@Transactional
	public void finished(long blastId) {
		if (moves.locked(blastId).state() == BlastState.SENDING) {
			moves.move(blastId, BlastState.SENT, "engine", null);
		}
	}

	@Override
	@Transactional
	public void expired(long blastId) {
		if (!moves.locked(blastId).state().isFinal()) {
			moves.move(blastId, BlastState.EXPIRED, "engine", "its send-by time passed");
		}
	}

}
