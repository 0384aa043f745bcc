package org.callout.campaigns.internal.blasts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.campaigns.BlastProgress;
import org.callout.campaigns.internal.CampaignsProperties;
import org.callout.platform.AuditLog;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organizer's moves of a blast, each with its one audit entry, for the API and the console alike: the rules
 * (four-eyes, send-by, the state table) live here once, whichever door the organizer came through.
 */
@Service
public class BlastActions {

	private static final Logger log = LoggerFactory.getLogger(BlastActions.class);

	/** The longest a cancel waits for the chunks in flight before it answers anyway. */
	private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

	private final BlastStore store;

	private final BlastMoves moves;

	private final DueBlasts due;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final ObjectProvider<BlastProgress> progress;

	private final Clock clock;

	private final boolean fourEyes;

	private final java.time.ZoneId defaultZone;

	BlastActions(BlastStore store, BlastMoves moves, DueBlasts due, AuditLog audit, TransactionTemplate transactions,
			ObjectProvider<BlastProgress> progress, Clock clock, CampaignsProperties properties) {
		this.store = store;
		this.moves = moves;
		this.due = due;
		this.audit = audit;
		this.transactions = transactions;
		this.progress = progress;
		this.clock = clock;
		this.fourEyes = properties.fourEyes();
		this.defaultZone = properties.quietHours().zone();
	}

	/** Who acts, as blasts record it: {@code organizer:<account>}, or the admin token's holder. */
	public static String author(java.security.Principal principal) {
		return "organizer:" + (principal == null ? "admin-token" : principal.getName());
	}

	/** A draft submitted: scheduled, or awaiting approval when asked for (always under four-eyes). */
	@Transactional
	public Blast submit(long id, boolean needsApproval, String author) {
		Blast blast = moves.locked(id);
		// Only a draft is submitted: submitting again must not be a way around an approval.
		requireState(blast, BlastState.DRAFT, "Only a draft can be submitted");
		refuseIfPastSendBy(blast);
		if (blast.startAt() == null) {
			moves.reschedule(id, clock.instant(), blast.startZone(), blast.sendBy(), author);
		}
		// Under four-eyes every hand-made blast waits for someone else's approval: asking for none would be the way around it.
		boolean approval = fourEyes || needsApproval;
		moves.move(id, approval ? BlastState.AWAITING_APPROVAL : BlastState.SCHEDULED, author, "submitted");
		// One submitted to start now goes on the handover queue at once, not at the scheduler's next pass.
		due.readyIfDue(id, "due when submitted");
		Blast submitted = find(id);
		audit.record("blast.submit", "blast:" + id, Map.of("state", blast.state().name()), Map.of("state", submitted.state().name()));
		return submitted;
	}

	/** @throws RequestRefusedException 403 titled {@value #FOUR_EYES} when the author approves their own blast */
	@Transactional
	public Blast approve(long id, String author) {
		Blast blast = moves.locked(id);
		requireState(blast, BlastState.AWAITING_APPROVAL, "Only a blast awaiting approval can be approved");
		if (fourEyes && blast.createdBy().equals(author)) {
			throw RequestRefusedException.of(HttpStatus.FORBIDDEN, FOUR_EYES,
					"A blast is approved by someone other than its author (" + blast.createdBy() + "): ask another organizer.");
		}
		refuseIfPastSendBy(blast);
		moves.move(id, BlastState.SCHEDULED, author, "approved");
		// An alert approved after its start came goes on the handover queue at once (outside quiet hours).
		due.readyIfDue(id, "due when approved");
		Blast approved = find(id);
		audit.record("blast.approve", "blast:" + id, Map.of("state", blast.state().name()), Map.of("state", approved.state().name()));
		return approved;
	}

	public static final String FOUR_EYES = "Four-eyes rule";

	/** @param zone null: the blast's own */
	@Transactional
	public Blast reschedule(long id, String startAt, String zone, String sendBy, String author) {
		Blast blast = moves.locked(id);
		if (!blast.state().canMoveTo(BlastState.SCHEDULED) && blast.state() != BlastState.DRAFT) {
			requireState(blast, BlastState.SCHEDULED, "Only a draft, or a blast awaiting approval or scheduled, can be rescheduled");
		}
		List<FieldError> errors = new ArrayList<>();
		if (startAt == null || startAt.isBlank()) {
			errors.add(new FieldError("startAt", "Give the new start, like 2026-12-02T10:00."));
		}
		BlastRequest.Schedule schedule = BlastRequest.Schedule.check(startAt, zone == null ? blast.startZone() : zone,
				sendBy, defaultZone, clock.instant(), errors);
		if (errors.isEmpty() && schedule.sendBy() == null && blast.sendBy() != null
				&& !schedule.startAt().isBefore(blast.sendBy())) {
			errors.add(new FieldError("startAt", "That is after the blast's send-by time, " + blast.sendBy() + "."));
		}
		if (!errors.isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid schedule", errors);
		}
		Blast moved = moves.reschedule(id, schedule.startAt(), schedule.zone().getId(),
				schedule.sendBy() != null ? schedule.sendBy() : blast.sendBy(), author);
		audit.record("blast.reschedule", "blast:" + id, schedule(blast), schedule(moved));
		return moved;
	}

	/** An organizer's pause: the engine's automatic resume after a relay fault never lifts it. */
	public Blast pause(long id, String author) {
		return moveAudited(id, BlastState.PAUSED, author, "paused", "blast.pause");
	}

	public Blast resume(long id, String author) {
		return moveAudited(id, BlastState.SENDING, author, "resumed", "blast.resume");
	}

	public Blast cancel(long id, String author) {
		// Its own transaction, not the caller's: the wait below must see the cancel committed.
		Blast cancelled = moveAudited(id, BlastState.CANCELLED, author, "cancelled", "blast.cancel");
		// Answered once the chunks being handed over when the cancel committed are out and recorded (a chunk's time,
		// usually under a second): every later chunk sees the cancel and sends nothing, so nothing is sent after
		// this answer. A relay that hangs could hold a chunk for longer than an organizer should wait.
		BlastProgress engine = progress.getIfAvailable();
		if (engine != null && !engine.awaitNothingInFlight(id, CANCEL_WAIT)) {
			log.warn("Blast {} is cancelled, but a chunk of it was still being handed over {} later; its last messages "
					+ "may go out after the answer", id, CANCEL_WAIT);
		}
		return cancelled;
	}

	/** A move and its audit entry commit together (or neither does). */
	private Blast moveAudited(long id, BlastState to, String author, String note, String action) {
		return transactions.execute(status -> {
			BlastState before = moves.locked(id).state();
			Blast moved = moves.move(id, to, author, note);
			audit.record(action, "blast:" + id, Map.of("state", before.name()), Map.of("state", moved.state().name()));
			return moved;
		});
	}

	private static Map<String, Object> schedule(Blast blast) {
		Map<String, Object> schedule = new LinkedHashMap<>();
		schedule.put("startAt", blast.startAt());
		schedule.put("zone", blast.startZone());
		schedule.put("sendBy", blast.sendBy());
		return schedule;
	}

	private static void requireState(Blast blast, BlastState wanted, String what) {
		if (blast.state() != wanted) {
			throw RequestRefusedException.of(HttpStatus.CONFLICT, "Not allowed in this state",
					what + "; this one is " + blast.state() + ".")
				.with("state", blast.state().name())
				.with("allowed", blast.state().next().stream().map(Enum::name).sorted().toList());
		}
	}

	/** An alert past its send-by is never sent: approving or submitting it then would only make it expire unseen. */
	private void refuseIfPastSendBy(Blast blast) {
		if (blast.sendBy() != null && !clock.instant().isBefore(blast.sendBy())) {
			throw RequestRefusedException.of(HttpStatus.CONFLICT, "Too late",
					"This blast's send-by time, " + blast.sendBy() + ", has passed: it can no longer be sent.")
				.with("state", blast.state().name())
				.with("field", "sendBy");
		}
	}

	private Blast find(long id) {
		return store.find(id).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such blast",
				"There is no blast " + id + "."));
	}

}
