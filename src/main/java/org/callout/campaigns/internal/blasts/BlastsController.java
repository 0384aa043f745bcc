package org.callout.campaigns.internal.blasts;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.bills.Bills;
import org.callout.campaigns.BlastProgress;
import org.callout.campaigns.internal.CampaignsProperties;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.platform.AuditLog;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.SubscriberLists;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: blasts, their audience, their exact template, and every move the state table allows. */
@RestController
class BlastsController {

	private final BlastStore store;

	private final BlastFactory factory;

	private final BlastActions actions;

	private final BlastViews views;

	private final AudienceCounts audiences;

	private final CampaignTemplates templates;

	private final BlastRequest.Known known;

	private final ObjectProvider<BlastProgress> progress;

	private final AuditLog audit;

	BlastsController(BlastStore store, BlastFactory factory, BlastActions actions, BlastViews views, AudienceCounts audiences,
			CampaignTemplates templates, Bills bills, SubscriberLists lists, CampaignsProperties properties, Clock clock,
			ObjectProvider<BlastProgress> progress, AuditLog audit) {
		this.audit = audit;
		this.progress = progress;
		this.store = store;
		this.factory = factory;
		this.actions = actions;
		this.views = views;
		this.audiences = audiences;
		this.templates = templates;
		this.known = new BlastRequest.Known(bills, templates, lists, properties.quietHours().zone(),
				properties.defaultTemplate(), clock);
	}

	/** Who acts: today the admin token's holder; organizer accounts will name the person. */
	static String author(Principal principal) {
		return BlastActions.author(principal);
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
	Map<String, Object> submit(@PathVariable long id, @RequestBody(required = false) Submit submit, Principal principal) {
		return views.blast(actions.submit(id, submit != null && Boolean.TRUE.equals(submit.needsApproval()), author(principal)));
	}

	@PostMapping("/api/v1/blasts/{id}/approve")
	Map<String, Object> approve(@PathVariable long id, Principal principal) {
		return views.blast(actions.approve(id, author(principal)));
	}

	@PostMapping("/api/v1/blasts/{id}/reschedule")
	Map<String, Object> reschedule(@PathVariable long id, @RequestBody Reschedule request, Principal principal) {
		return views.blast(actions.reschedule(id, request == null ? null : request.startAt(),
				request == null ? null : request.zone(), request == null ? null : request.sendBy(), author(principal)));
	}

	/** An organizer's pause: the engine's automatic resume after a relay fault never lifts it. */
	@PostMapping("/api/v1/blasts/{id}/pause")
	Map<String, Object> pause(@PathVariable long id, Principal principal) {
		return views.blast(actions.pause(id, author(principal)));
	}

	@PostMapping("/api/v1/blasts/{id}/resume")
	Map<String, Object> resume(@PathVariable long id, Principal principal) {
		return views.blast(actions.resume(id, author(principal)));
	}

	@PostMapping("/api/v1/blasts/{id}/cancel")
	Map<String, Object> cancel(@PathVariable long id, Principal principal) {
		return views.blast(actions.cancel(id, author(principal)));
	}

	private Blast find(long id) {
		return store.find(id).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such blast",
				"There is no blast " + id + "."));
	}

}
