package org.callout.bills.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.callout.bills.TrackedBill;
import org.callout.platform.AuditLog;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API for tracked bills, their status and history. */
@RestController
class BillsController {

	private final BillRegistry registry;

	private final BillViews views;

	private final BillActions actions;

	private final HistoryStore history;

	private final AuditLog audit;

	BillsController(BillRegistry registry, BillViews views, BillActions actions, HistoryStore history, AuditLog audit) {
		this.audit = audit;
		this.registry = registry;
		this.views = views;
		this.actions = actions;
		this.history = history;
	}

	record BillUpdate(String title, Map<String, String> summary, String publicUrl,
			List<BillRegistry.SponsorsOfPrint> sponsors) {
	}

	record StatusAnswer(String result, Long historyId, TrackedBill bill) {
	}

	@PostMapping("/api/v1/bills")
	@Transactional
	ResponseEntity<TrackedBill> register(@RequestBody BillRegistry.Registration request) {
		TrackedBill bill = actions.register(request == null ? new BillRegistry.Registration(null, null, null, null, null, null) : request);
		return ResponseEntity.created(URI.create("/api/v1/bills/" + bill.id())).body(bill);
	}

	@GetMapping("/api/v1/bills")
	List<TrackedBill> all() {
		return views.all();
	}

	@GetMapping("/api/v1/bills/{id}")
	TrackedBill one(@PathVariable long id) {
		return views.find(id).orElseThrow(() -> BillRegistry.notFound(id));
	}

	@PutMapping("/api/v1/bills/{id}")
	@Transactional
	TrackedBill update(@PathVariable long id, @RequestBody BillUpdate update) {
		BillUpdate body = update == null ? new BillUpdate(null, null, null, null) : update;
		TrackedBill updated = registry.update(id, new BillRegistry.Registration(null, null, null, body.title(), body.summary(),
				body.publicUrl()), body.sponsors());
		// Which fields the organizer sent: the words themselves stay on the bill.
		Map<String, Object> changed = new LinkedHashMap<>();
		changed.put("title", body.title() == null ? null : AuditLog.fingerprint(body.title()));
		changed.put("summary", body.summary() == null ? null : List.copyOf(new java.util.TreeSet<>(body.summary().keySet())));
		changed.put("publicUrl", body.publicUrl());
		changed.put("sponsors", body.sponsors() == null ? null : body.sponsors().size() + " prints");
		changed.values().removeIf(java.util.Objects::isNull);
		audit.record("bill.edit", "bill:" + id, changed);
		return updated;
	}

	@PostMapping("/api/v1/bills/{id}/status")
	@Transactional
	StatusAnswer status(@PathVariable long id, @RequestBody StatusRequests.StatusRequest request) {
		BillActions.StatusResult result = actions.setStatus(id,
				request == null ? new StatusRequests.StatusRequest(null, null, null, null, null) : request, "api");
		return new StatusAnswer(result.result(), result.historyId(), views.find(id).orElseThrow());
	}

	@GetMapping("/api/v1/bills/{id}/history")
	List<HistoryStore.Entry> history(@PathVariable long id) {
		views.find(id).orElseThrow(() -> BillRegistry.notFound(id));
		return history.ofBill(id);
	}

}
