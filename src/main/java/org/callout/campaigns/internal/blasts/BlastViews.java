package org.callout.campaigns.internal.blasts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;

import org.springframework.stereotype.Component;

/** Blasts and triggers as the API shows them: lists by slug, times in UTC and in the organizer's zone. */
@Component
class BlastViews {

	private final SubscriberLists lists;

	BlastViews(SubscriberLists lists) {
		this.lists = lists;
	}

	Map<String, Object> blast(Blast blast) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", blast.id());
		view.put("state", blast.state().name());
		view.put("allowedMoves", blast.state().next().stream().map(Enum::name).sorted().toList());
		view.put("triggerId", blast.triggerId());
		view.put("billId", blast.billId());
		view.put("historyId", blast.historyId());
		view.put("fromStatus", blast.from() == null ? null : blast.from().name());
		view.put("toStatus", blast.to() == null ? null : blast.to().name());
		view.put("template", Map.of("name", blast.templateName(), "version", blast.templateVersion()));
		view.put("audience", audience(blast.audience()));
		view.put("ask", blast.ask());
		view.put("quietHours", blast.quietHours());
		view.put("startAt", blast.startAt());
		view.put("zone", blast.startZone());
		view.put("startAtLocal", local(blast.startAt(), blast.startZone()));
		view.put("sendBy", blast.sendBy());
		view.put("sendByLocal", local(blast.sendBy(), blast.startZone()));
		view.put("changeRecordedAt", blast.changeRecordedAt());
		view.put("pausedBy", blast.pausedBy());
		view.put("createdBy", blast.createdBy());
		view.put("createdAt", blast.createdAt());
		view.put("updatedAt", blast.updatedAt());
		return view;
	}

	Map<String, Object> trigger(Trigger trigger) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", trigger.id());
		view.put("billId", trigger.billId());
		view.put("statuses", trigger.statuses().stream().map(Enum::name).sorted().toList());
		view.put("template", trigger.templateName());
		view.putAll(audience(trigger.audience()));
		view.put("mode", trigger.mode());
		view.put("delay", trigger.delay().toString());
		view.put("sendBy", trigger.sendBy().toString());
		view.put("quietHours", trigger.quietHours());
		view.put("ask", trigger.ask());
		view.put("enabled", trigger.enabled());
		view.put("createdBy", trigger.createdBy());
		view.put("createdAt", trigger.createdAt());
		view.put("updatedAt", trigger.updatedAt());
		return view;
	}

	private Map<String, Object> audience(Audience audience) {
		Map<String, Object> view = new LinkedHashMap<>();
		List<String> slugs = audience.listIds().stream()
			.map(id -> lists.byId(id).map(SubscriberList::slug).orElse(null))
			.filter(Objects::nonNull)
			.toList();
		view.put("lists", slugs);
		view.put("knownDistricts", audience.knownOnly());
		view.put("chamber", audience.chamber());
		view.put("districts", audience.districts());
		return view;
	}

	private static String local(Instant instant, String zone) {
		return instant == null ? null : instant.atZone(ZoneId.of(zone)).toOffsetDateTime().toString();
	}

}
