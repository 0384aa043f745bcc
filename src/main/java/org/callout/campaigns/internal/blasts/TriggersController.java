package org.callout.campaigns.internal.blasts;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.callout.platform.AuditLog;
import org.callout.platform.RequestRefusedException;

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

	private final TriggerActions actions;

	private final BlastViews views;

	private final Clock clock;

	private final AuditLog audit;

	TriggersController(TriggerStore store, TriggerActions actions, BlastViews views, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.store = store;
		this.actions = actions;
		this.views = views;
		this.clock = clock;
	}

	@PostMapping("/api/v1/triggers")
	@Transactional
	ResponseEntity<Map<String, Object>> create(@RequestBody TriggerRequest request, Principal principal) {
		long id = actions.create(request, principal);
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
	Map<String, Object> update(@PathVariable long id, @RequestBody TriggerRequest request) {
		actions.update(id, request);
		return views.trigger(store.find(id).orElseThrow());
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
		return TriggerActions.notFound(id);
	}

}
