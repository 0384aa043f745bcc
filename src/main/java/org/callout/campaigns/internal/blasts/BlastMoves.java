package org.callout.campaigns.internal.blasts;

import java.time.Clock;
import java.time.Instant;

import org.callout.campaigns.BlastBecameReady;
import org.callout.campaigns.BlastResumed;
import org.callout.platform.RequestRefusedException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves blasts between states, only as {@link BlastState} allows, each move under the blast's row lock and
 * recorded with who made it. A refused move changes nothing and says the current state. A move that gives the
 * sending engine something to do (onto the handover queue, an organizer's resume) publishes an event in the same
 * transaction, so the engine wakes up instead of waiting for its next poll.
 */
@Service
public class BlastMoves {

	private final BlastStore store;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	BlastMoves(BlastStore store, Clock clock, ApplicationEventPublisher events) {
		this.store = store;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * @param by who moves it ({@code organizer:<name>}, {@code scheduler}, {@code engine}, {@code relay})
	 * @throws RequestRefusedException 404 for no such blast, 409 naming the current state for a forbidden move
	 */
	@Transactional
	public Blast move(long id, BlastState to, String by, String note) {
		Blast blast = locked(id);
		if (blast.state() == BlastState.PAUSED && to == BlastState.PAUSED && "relay".equals(blast.pausedBy())
				&& by.startsWith("organizer")) {
			// An organizer may pause what the relay paused: it then stays paused when the relay answers again.
			Instant now = clock.instant();
			store.setState(id, to, "organizer", now);
			store.recordChange(id, blast.state(), to, by, note, now);
			return store.find(id).orElseThrow();
		}
		refuseUnlessAllowed(blast, to);
		if (blast.state() == BlastState.PAUSED && to == BlastState.SENDING && "organizer".equals(blast.pausedBy())
				&& !by.startsWith("organizer")) {
			throw conflict(blast, "An organizer paused this blast; only an organizer resumes it.");
		}
		Instant now = clock.instant();
		String pausedBy = to == BlastState.PAUSED ? (by.startsWith("relay") ? "relay" : "organizer") : null;
		store.setState(id, to, pausedBy, now);
		store.recordChange(id, blast.state(), to, by, note, now);
		if (to == BlastState.READY) {
			store.handOver(id, now);
			events.publishEvent(new BlastBecameReady(id, now));
		}
		else if (blast.state() == BlastState.READY) {
			store.withdrawHandover(id);
		}
		if (blast.state() == BlastState.PAUSED && to == BlastState.SENDING && by.startsWith("organizer")) {
			events.publishEvent(new BlastResumed(id, now));
		}
		return store.find(id).orElseThrow();
	}

	/** Moves a scheduled blast to a new time (SCHEDULED to SCHEDULED), or a draft's schedule before it is submitted. */
	@Transactional
	public Blast reschedule(long id, Instant startAt, String zone, Instant sendBy, String by) {
		Blast blast = locked(id);
		if (blast.state() != BlastState.DRAFT && blast.state() != BlastState.AWAITING_APPROVAL) {
			refuseUnlessAllowed(blast, BlastState.SCHEDULED);
		}
		Instant now = clock.instant();
		store.setSchedule(id, startAt, zone, sendBy, now);
		store.recordChange(id, blast.state(), blast.state(), by, "rescheduled to " + startAt, now);
		return store.find(id).orElseThrow();
	}

	Blast locked(long id) {
		return store.lock(id).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such blast",
				"There is no blast " + id + "."));
	}

	private static void refuseUnlessAllowed(Blast blast, BlastState to) {
		if (!blast.state().canMoveTo(to)) {
			throw conflict(blast, "A blast that is " + blast.state() + " cannot become " + to + ".");
		}
	}

	private static RequestRefusedException conflict(Blast blast, String detail) {
		return RequestRefusedException.of(HttpStatus.CONFLICT, "Not allowed in this state", detail)
			.with("state", blast.state().name())
			.with("allowed", blast.state().next().stream().map(Enum::name).sorted().toList());
	}

}
