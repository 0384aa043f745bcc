package org.callout.campaigns.internal.calls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.callout.campaigns.internal.blasts.Blasts;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizer API: what supporters said about their calls for a blast, per person called and outcome. These are
 * the supporters' own reports; there is nothing about who opened or followed what.
 */
@RestController
class CallCountsController {

	private final Blasts blasts;

	private final CallReportStore reports;

	CallCountsController(Blasts blasts, CallReportStore reports) {
		this.blasts = blasts;
		this.reports = reports;
	}

	@GetMapping("/api/v1/blasts/{id}/calls")
	Map<String, Object> calls(@PathVariable long id) {
		if (blasts.find(id).isEmpty()) {
			throw RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such blast", "There is no blast " + id + ".");
		}
		Map<String, Map<String, Object>> byTarget = new LinkedHashMap<>();
		long total = 0;
		for (CallReportStore.Tally tally : reports.tally(id)) {
			Map<String, Object> target = byTarget.computeIfAbsent(tally.targetKey(), key -> empty(key, tally.targetName()));
			@SuppressWarnings("unchecked")
			Map<String, Long> outcomes = (Map<String, Long>) target.get("outcomes");
			outcomes.put(tally.outcome().name(), tally.count());
			target.put("total", (Long) target.get("total") + tally.count());
			total += tally.count();
		}
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("blastId", id);
		view.put("total", total);
		view.put("targets", new ArrayList<>(byTarget.values()));
		return view;
	}

	/** Every outcome is present, 0 when nobody said it: a dashboard reads the same shape for every target. */
	private static Map<String, Object> empty(String key, String name) {
		Map<String, Long> outcomes = new LinkedHashMap<>();
		for (CallOutcome outcome : CallOutcome.values()) {
			outcomes.put(outcome.name(), 0L);
		}
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("target", key);
		target.put("name", name);
		target.put("outcomes", outcomes);
		target.put("total", 0L);
		return target;
	}

}
