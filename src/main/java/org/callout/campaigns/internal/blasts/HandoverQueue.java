package org.callout.campaigns.internal.blasts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.callout.campaigns.BlastHandover;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The handover queue as the engine sees it, and its reports turned into state moves. */
@Service
class HandoverQueue implements BlastHandover {

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
	@Transactional
	public void started(long blastId) {
		moves.move(blastId, BlastState.SENDING, "engine", null);
		store.leaveHandover(blastId);
	}

	@Override
	public void pausedByRelay(long blastId) {
		moves.move(blastId, BlastState.PAUSED, "relay", "the relay refused or failed");
	}

	@Override
	public void finished(long blastId) {
		moves.move(blastId, BlastState.SENT, "engine", null);
	}

}
