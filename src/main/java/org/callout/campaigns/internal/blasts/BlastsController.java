package org.callout.campaigns.internal.blasts;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.bills.Bills;
import org.callout.campaigns.BlastProgress;
import org.callout.campaigns.internal.CampaignsProperties;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.platform.AuditLog;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.SubscriberLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: blasts, their audience, their exact template, and every move the state table allows. */
@RestController
class BlastsController {

	private static final Logger log = LoggerFactory.getLogger(BlastsController.class);

	/** The longest a cancel waits for the chunks in flight before it answers anyway. */
	private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

	private final BlastStore store;

	private final BlastFactory factory;

	private final BlastMoves moves;

	private final BlastViews views;

	private final AudienceCounts audiences;

	private final CampaignTemplates templates;

	private final BlastRequest.Known known;

	private final Clock clock;

	private final ObjectProvider<BlastProgress> progress;

	private final DueBlasts due;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	BlastsController(BlastStore store, BlastFactory factory, BlastMoves moves, BlastViews views, AudienceCounts audiences,
			CampaignTemplates templates, Bills bills, SubscriberLists lists, CampaignsProperties properties, Clock clock,
			ObjectProvider<BlastProgress> progress, DueBlasts due, AuditLog audit, TransactionTemplate transactions) {
		this.audit = audit;
		this.transactions = transactions;
		this.progress = progress;
		this.due = due;
		this.store = store;
		this.factory = factory;
		this.moves = moves;
		this.views = views;
		this.audiences = audiences;
		this.templates = templates;
		this.known = new BlastRequest.Known(bills, templates, lists, properties.quietHours().zone(),
				properties.defaultTemplate(), clock);
		this.clock = clock;
		this.fourEyes = properties.fourEyes();
	}

	private final boolean fourEyes;

	/** Who acts: today the admin token's holder; organizer accounts will name the person. */
	static String author(Principal principal) {
		return "organizer:" + (principal == null ? "admin-token" : principal.getName());
	}

	record Submit(Boolean needsApproval) {
	}

	record Reschedule(String startAt, String zone, String sendBy) {
	}

	@PostMapping("/api/v1/blasts")
	@Transactional
	ResponseEntity<Map<String, Object>> create(@RequestBody BlastRequest request, Principal principal) {
		long id = factory.draft(request.check(known), author(principal));
		Blast made = find(id);
		audit.record("blast.create", "blast:" + id, Map.of("state", made.state().name(), "template",
				made.templateName() + " v" + made.templateVersion()));
		return ResponseEntity.created(URI.create("/api/v1/blasts/" + id)).body(views.blast(find(id)));
	}

	@GetMapping("/api/v1/blasts")
	List<Map<String, Object>> list(@RequestParam(required = false) Long billId, @RequestParam(required = false) String state) {
		BlastState wanted = null;
		if (state != null) {
			try {
				wanted = BlastState.valueOf(state);
			}
			catch (IllegalArgumentException ex) {
				throw RequestRefusedException.invalidField("Unknown state", "state", "The states are "
						+ String.join(", ", java.util.Arrays.stream(BlastState.values()).map(Enum::name).toList()) + ".");
			}
		}
		return store.list(billId, wanted, 500).stream().map(views::blast).toList();
	}

	@GetMapping("/api/v1/blasts/{id}")
	Map<String, Object> one(@PathVariable long id) {
		Map<String, Object> view = new LinkedHashMap<>(views.blast(find(id)));
		view.put("changes", store.changes(id));
		view.put("onHandoverQueue", store.handoverQueue().contains(id));
		// The engine's counts (total, sent, deferred, failed, skipped, expired, pending, rate, estimated finish) once
		// it has taken the snapshot.
		view.put("counts", progress.getIfAvailable() == null ? null
				: progress.getIfAvailable().counts(id).orElse(null));
		return view;
	}

	@GetMapping("/api/v1/blasts/{id}/audience")
	AudienceCounts.Counts audience(@PathVariable long id) {
		return audiences.count(find(id).audience());
	}

	/** The exact words the blast sends: the template version it keeps. */
	@GetMapping("/api/v1/blasts/{id}/template")
	Object template(@PathVariable long id) {
		Blast blast = find(id);
		return templates.version(blast.templateName(), blast.templateVersion()).orElseThrow();
	}

	@GetMapping("/api/v1/blasts/handover")
	List<Long> handover() {
		return store.handoverQueue();
	}

	@PostMapping("/api/v1/blasts/{id}/submit")
	@Transactional
	Map<String, Object> submit(@PathVariable long id, @RequestBody(required = false) Submit submit, Principal principal) {
		Blast blast = moves.locked(id);
		// Only a draft is submitted: submitting again must not be a way around an approval.
		requireState(blast, BlastState.DRAFT, "Only a draft can be submitted");
		refuseIfPastSendBy(blast);
		if (blast.startAt() == null) {
			moves.reschedule(id, clock.instant(), blast.startZone(), blast.sendBy(), author(principal));
		}
		// Under four-eyes every hand-made blast waits for someone else's approval: asking for none would be the way around it.
		boolean approval = fourEyes || (submit != null && Boolean.TRUE.equals(submit.needsApproval()));
		moves.move(id, approval ? BlastState.AWAITING_APPROVAL : BlastState.SCHEDULED, author(principal), "submitted");
		// One submitted to start now goes on the handover queue at once, not at the scheduler's next pass.
		due.readyIfDue(id, "due when submitted");
		Blast submitted = find(id);
		audit.record("blast.submit", "blast:" + id, Map.of("state", blast.state().name()), Map.of("state", submitted.state().name()));
		return views.blast(submitted);
	}

	@PostMapping("/api/v1/blasts/{id}/approve")
	@Transactional
	Map<String, Object> approve(@PathVariable long id, Principal principal) {
		Blast blast = moves.locked(id);
		requireState(blast, BlastState.AWAITING_APPROVAL, "Only a blast awaiting approval can be approved");
		if (fourEyes && blast.createdBy().equals(author(principal))) {
			throw RequestRefusedException.of(HttpStatus.FORBIDDEN, "Four-eyes rule",
					"A blast is approved by someone other than its author (" + blast.createdBy() + "): ask another organizer.");
		}
		refuseIfPastSendBy(blast);
		moves.move(id, BlastState.SCHEDULED, author(principal), "approved");
		// An alert approved after its start came goes on the handover queue at once (outside quiet hours).
		due.readyIfDue(id, "due when approved");
		Blast approved = find(id);
		audit.record("blast.approve", "blast:" + id, Map.of("state", blast.state().name()), Map.of("state", approved.state().name()));
		return views.blast(approved);
	}

	@PostMapping("/api/v1/blasts/{id}/reschedule")
	@Transactional
	Map<String, Object> reschedule(@PathVariable long id, @RequestBody Reschedule request, Principal principal) {
		Blast blast = moves.locked(id);
		if (!blast.state().canMoveTo(BlastState.SCHEDULED) && blast.state() != BlastState.DRAFT) {
			requireState(blast, BlastState.SCHEDULED, "Only a draft, or a blast awaiting approval or scheduled, can be rescheduled");
		}
		List<FieldError> errors = new ArrayList<>();
		if (request == null || request.startAt() == null) {
			errors.add(new FieldError("startAt", "Give the new start, like 2026-12-02T10:00."));
		}
		BlastRequest.Schedule schedule = BlastRequest.Schedule.check(request == null ? null : request.startAt(),
				request == null || request.zone() == null ? blast.startZone() : request.zone(),
				request == null ? null : request.sendBy(), known.defaultZone(), clock.instant(), errors);
		if (errors.isEmpty() && schedule.sendBy() == null && blast.sendBy() != null
				&& !schedule.startAt().isBefore(blast.sendBy())) {
			errors.add(new FieldError("startAt", "That is after the blast's send-by time, " + blast.sendBy() + "."));
		}
		if (!errors.isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid schedule", errors);
		}
		Blast moved = moves.reschedule(id, schedule.startAt(), schedule.zone().getId(),
				schedule.sendBy() != null ? schedule.sendBy() : blast.sendBy(), author(principal));
		audit.record("blast.reschedule", "blast:" + id, schedule(blast), schedule(moved));
		return views.blast(moved);
	}

	private static Map<String, Object> schedule(Blast blast) {
		Map<String, Object> schedule = new LinkedHashMap<>();
		schedule.put("startAt", blast.startAt());
		schedule.put("zone", blast.startZone());
		schedule.put("sendBy", blast.sendBy());
		return schedule;
	}

	/** A move and its audit entry commit together (or neither does). */
	private Blast moveAudited(long id, BlastState to, Principal principal, String note, String action) {
		return transactions.execute(status -> {
			BlastState before = moves.locked(id).state();
			Blast moved = moves.move(id, to, author(principal), note);
			audit.record(action, "blast:" + id, Map.of("state", before.name()), Map.of("state", moved.state().name()));
			return moved;
		});
	}

	/** An organizer's pause: the engine's automatic resume after a relay fault never lifts it. */
	@PostMapping("/api/v1/blasts/{id}/pause")
	Map<String, Object> pause(@PathVariable long id, Principal principal) {
		return views.blast(moveAudited(id, BlastState.PAUSED, principal, "paused", "blast.pause"));
	}

	@PostMapping("/api/v1/blasts/{id}/resume")
	Map<String, Object> resume(@PathVariable long id, Principal principal) {
		return views.blast(moveAudited(id, BlastState.SENDING, principal, "resumed", "blast.resume"));
	}

	@PostMapping("/api/v1/blasts/{id}/cancel")
	Map<String, Object> cancel(@PathVariable long id, Principal principal) {
		// Its own transaction, not the method's: the wait below must see the cancel committed.
		Blast cancelled = moveAudited(id, BlastState.CANCELLED, principal, "cancelled", "blast.cancel");
		// Answered once the chunks being handed over when the cancel committed are out and recorded (a chunk's time,
		// usually under a second): every later chunk sees the cancel and sends nothing, so nothing is sent after
		// this answer. A relay that hangs could hold a chunk for longer than an organizer should wait.
		BlastProgress engine = progress.getIfAvailable();
		if (engine != null && !engine.awaitNothingInFlight(id, CANCEL_WAIT)) {
			log.warn("Blast {} is cancelled, but a chunk of it was still being handed over {} later; its last messages "
					+ "may go out after the answer", id, CANCEL_WAIT);
		}
		return views.blast(cancelled);
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
