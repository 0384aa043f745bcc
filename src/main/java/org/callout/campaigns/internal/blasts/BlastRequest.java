package org.callout.campaigns.internal.blasts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.callout.bills.Bills;
import org.callout.campaigns.internal.ask.AskMode;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.SubscriberLists;

/**
 * A blast written by hand: template, audience, optionally a bill, and when (a time in {@code zone}, by default
 * the quiet hours' zone, New York).
 */
record BlastRequest(String template, Long billId, List<String> lists, Boolean knownDistricts, String chamber,
		List<String> districts, String ask, Boolean quietHours, String startAt, String zone, String sendBy) {

	/** What the checks need. */
	record Known(Bills bills, CampaignTemplates templates, SubscriberLists lists, ZoneId defaultZone, String defaultTemplate,
			Clock clock) {
	}

	BlastFactory.BlastDraft check(Known known) {
		List<FieldError> errors = new ArrayList<>();
		String name = template == null || template.isBlank() ? known.defaultTemplate() : template.strip();
		if (known.templates().current(name).isEmpty()) {
			errors.add(new FieldError("template", "There is no campaign template '" + AudienceRequest.clip(name) + "'."));
		}
		if (billId != null && known.bills().find(billId).isEmpty()) {
			errors.add(new FieldError("billId", "There is no tracked bill " + billId + "."));
		}
		Audience audience = new AudienceRequest(lists, knownDistricts, chamber, districts).check(known.lists(), errors);
		String askCode = AskMode.of(ask).map(AskMode::code).orElse(null);
		if (askCode == null) {
			errors.add(new FieldError("ask", "The ask is one of auto, both, senate, assembly, governor, none."));
		}
		Schedule schedule = Schedule.check(startAt, zone, sendBy, known.defaultZone(), known.clock().instant(), errors);
		if (!errors.isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid blast", errors);
		}
		return new BlastFactory.BlastDraft(name, billId, audience, askCode, !Boolean.FALSE.equals(quietHours),
				schedule.startAt(), schedule.zone().getId(), schedule.sendBy());
	}

	/** When a blast may start and until when, checked: not in the past, send-by after the start. */
	record Schedule(Instant startAt, ZoneId zone, Instant sendBy) {

		static Schedule check(String startAt, String zone, String sendBy, ZoneId defaultZone, Instant now,
				List<FieldError> errors) {
			ZoneId in = Moments.zone(zone, defaultZone, errors);
			Instant start = Moments.at("startAt", startAt, in, errors);
			Instant limit = Moments.at("sendBy", sendBy, in, errors);
			if (start != null && start.isBefore(now.minusSeconds(60))) {
				errors.add(new FieldError("startAt", "That time has passed; give a time from now on."));
			}
			if (limit != null && !limit.isAfter(start == null ? now : start)) {
				errors.add(new FieldError("sendBy", "The send-by time must come after the start."));
			}
			return new Schedule(start, in, limit);
		}

	}

}
