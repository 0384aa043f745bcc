package org.callout.bills.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.callout.bills.TrackedBill;

import org.springframework.http.ResponseEntity;
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

	private final StatusRequests statuses;

	private final HistoryStore history;

	BillsController(BillRegistry registry, BillViews views, StatusRequests statuses, HistoryStore history) {
		this.registry = registry;
		this.views = views;
		this.statuses = statuses;
		this.history = history;
	}

	record BillUpdate(String title, Map<String, String> summary, String publicUrl,
			List<BillRegistry.SponsorsOfPrint> sponsors) {
	}

	record StatusAnswer(String result, Long historyId, TrackedBill bill) {
	}

	@PostMapping("/api/v1/bills")
	ResponseEntity<TrackedBill> register(@RequestBody BillRegistry.Registration request) {
		TrackedBill bill = registry.register(request == null ? new BillRegistry.Registration(null, null, null, null, null, null) : request);
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
	TrackedBill update(@PathVariable long id, @RequestBody BillUpdate update) {
		BillUpdate body = update == null ? new BillUpdate(null, null, null, null) : update;
		return registry.update(id, new BillRegistry.Registration(null, null, null, body.title(), body.summary(), body.publicUrl()),
				body.sponsors());
	}

	@PostMapping("/api/v1/bills/{id}/status")
	StatusAnswer status(@PathVariable long id, @RequestBody StatusRequests.StatusRequest request) {
		StatusRecorder.Outcome outcome = statuses.apply(id,
				request == null ? new StatusRequests.StatusRequest(null, null, null, null, null) : request, "api");
		return new StatusAnswer(outcome.result().name(), outcome.historyId(), views.find(id).orElseThrow());
	}

	@GetMapping("/api/v1/bills/{id}/history")
	List<HistoryStore.Entry> history(@PathVariable long id) {
		views.find(id).orElseThrow(() -> BillRegistry.notFound(id));
		return history.ofBill(id);
	}

}
