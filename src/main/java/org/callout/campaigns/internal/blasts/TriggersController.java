package org.callout.campaigns.internal.blasts;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.callout.bills.Bills;
import org.callout.campaigns.internal.CampaignsProperties;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.platform.AuditLog;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.SubscriberLists;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: triggers. A trigger that made blasts is kept for them: DELETE disables it. */
@RestController
class TriggersController {

	private final TriggerStore store;

	private final TriggerRequest.Known known;

	private final BlastViews views;

	private final Clock clock;

	private final AuditLog audit;

	TriggersController(TriggerStore store, Bills bills, CampaignTemplates templates, SubscriberLists lists,
			CampaignsProperties properties, BlastViews views, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.store = store;
		this.known = new TriggerRequest.Known(bills, templates, lists, properties.sendBy(), properties.defaultTemplate());
		this.views = views;
		this.clock = clock;
	}

	@PostMapping("/api/v1/triggers")
	@Transactional
	ResponseEntity<Map<String, Object>> create(@RequestBody TriggerRequest request, Principal principal) {
		Trigger trigger = request.check(0, known, BlastsController.author(principal), clock.instant());
		long id = store.insert(trigger);
		audit.record("trigger.create", "trigger:" + id, summary(trigger));
		return ResponseEntity.created(URI.create("/api/v1/triggers/" + id)).body(views.trigger(store.find(id).orElseThrow()));
	}

	@GetMapping("/api/v1/triggers")
	List<Map<String, Object>> all() {
		return store.all().stream().map(views::trigger).toList();
	}

	@GetMapping("/api/v1/triggers/{id}")
	Map<String, Object> one(@PathVariable long id) {
		return views.trigger(find(id));
	}

	@PutMapping("/api/v1/triggers/{id}")
	@Transactional
	Map<String, Object> update(@PathVariable long id, @RequestBody TriggerRequest request, Principal principal) {
		Trigger existing = store.lock(id).orElseThrow(() -> notFound(id));
		Trigger changed = request.check(id, known, existing.createdBy(), clock.instant(), existing.enabled());
		store.update(changed);
		audit.record("trigger.edit", "trigger:" + id, summary(existing), summary(changed));
		return views.trigger(store.find(id).orElseThrow());
	}

	/** What an organizer reads a trigger by, short enough for the audit log. */
	private static Map<String, Object> summary(Trigger trigger) {
		Map<String, Object> summary = new java.util.LinkedHashMap<>();
		summary.put("billId", trigger.billId());
		summary.put("statuses", trigger.statuses().stream().map(Enum::name).sorted().toList());
		summary.put("template", trigger.templateName());
		summary.put("needsApproval", trigger.needsApproval());
		summary.put("enabled", trigger.enabled());
		return summary;
	}

	@DeleteMapping("/api/v1/triggers/{id}")
	@Transactional
	ResponseEntity<Void> disable(@PathVariable long id) {
		Trigger trigger = find(id);
		audit.record("trigger.delete", "trigger:" + id, Map.of("enabled", trigger.enabled()), Map.of("enabled", false));
		store.update(new Trigger(trigger.id(), trigger.billId(), trigger.statuses(), trigger.templateName(), trigger.audience(),
				trigger.needsApproval(), trigger.delay(), trigger.sendBy(), trigger.quietHours(), trigger.ask(), false,
				trigger.createdBy(), trigger.createdAt(), clock.instant()));
		return ResponseEntity.noContent().build();
	}

	private Trigger find(long id) {
		return store.find(id).orElseThrow(() -> notFound(id));
	}

	private static RequestRefusedException notFound(long id) {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such trigger", "There is no trigger " + id + ".");
	}

}
