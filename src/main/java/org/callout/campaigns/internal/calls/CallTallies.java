package org.callout.campaigns.internal.calls;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** What supporters reported for a blast, per person called: for pages that chart it. */
@Service
public class CallTallies {

	private final CallReportStore reports;

	CallTallies(CallReportStore reports) {
		this.reports = reports;
	}

	/** One person called, with every outcome (0 when nobody said it). */
	public record Target(String key, String name, Map<CallOutcome, Long> outcomes, long total) {
	}

	/** In the order of their keys. */
	public List<Target> perTarget(long blastId) {
		Map<String, Map<CallOutcome, Long>> outcomes = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (CallReportStore.Tally tally : reports.tally(blastId)) {
			names.putIfAbsent(tally.targetKey(), tally.targetName());
			outcomes.computeIfAbsent(tally.targetKey(), key -> {
				Map<CallOutcome, Long> none = new EnumMap<>(CallOutcome.class);
				for (CallOutcome each : CallOutcome.values()) {
					none.put(each, 0L);
				}
				return none;
			}).put(tally.outcome(), tally.count());
		}
		List<Target> targets = new ArrayList<>();
		outcomes.forEach((key, counts) -> targets.add(new Target(key, names.get(key), java.util.Collections.unmodifiableMap(counts),
				counts.values().stream().mapToLong(Long::longValue).sum())));
		return targets;
	}

}
