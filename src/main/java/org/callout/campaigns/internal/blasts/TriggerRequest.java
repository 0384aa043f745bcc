package org.callout.campaigns.internal.blasts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.callout.bills.BillStatus;
import org.callout.bills.Bills;
import org.callout.campaigns.internal.ask.AskMode;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.SubscriberLists;

/** A trigger as the API takes it; {@link #check} refuses it whole, naming every bad field. */
record TriggerRequest(Long billId, List<String> statuses, String template, List<String> lists, Boolean knownDistricts,
		String chamber, List<String> districts, String mode, String delay, String sendBy, Boolean quietHours, String ask,
		Boolean enabled) {

	private static final Duration LONGEST = Duration.ofDays(30);

	/** What the checks need from other modules and the settings. */
	record Known(Bills bills, CampaignTemplates templates, SubscriberLists lists, Duration defaultSendBy,
			String defaultTemplate) {
	}

	Trigger check(long id, Known known, String by, Instant now) {
		return check(id, known, by, now, true);
	}

	/** @param wasEnabled what a request that leaves out {@code enabled} keeps */
	Trigger check(long id, Known known, String by, Instant now, boolean wasEnabled) {
		List<FieldError> errors = new ArrayList<>();
		if (billId == null) {
			errors.add(new FieldError("billId", "Give the id of a tracked bill."));
		}
		else if (known.bills().find(billId).isEmpty()) {
			errors.add(new FieldError("billId", "There is no tracked bill " + billId + "."));
		}
		Set<BillStatus> wanted = EnumSet.noneOf(BillStatus.class);
		for (String status : statuses == null ? List.<String>of() : statuses) {
			try {
				wanted.add(BillStatus.valueOf(status));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				errors.add(new FieldError("statuses", "Unknown status '" + AudienceRequest.clip(status)
						+ "'; the statuses are Open Legislation's (PASSED_SENATE, IN_ASSEMBLY_COMM...) and SESSION_ENDED."));
			}
		}
		String name = template == null || template.isBlank() ? known.defaultTemplate() : template.strip();
		if (known.templates().current(name).isEmpty()) {
			errors.add(new FieldError("template", "There is no campaign template '" + AudienceRequest.clip(name) + "'."));
		}
		Audience audience = new AudienceRequest(lists, knownDistricts, chamber, districts).check(known.lists(), errors);
		boolean needsApproval = false;
		if (mode != null && !mode.equals("AUTO_SEND") && !mode.equals("NEEDS_APPROVAL")) {
			errors.add(new FieldError("mode", "The mode is AUTO_SEND or NEEDS_APPROVAL."));
		}
		else {
			needsApproval = !"AUTO_SEND".equals(mode);
		}
		Duration wait = Moments.duration("delay", delay, Duration.ZERO, errors);
		Duration limit = Moments.duration("sendBy", sendBy, known.defaultSendBy(), errors);
		// An alert is news: a month is already far longer than any wait worth having.
		if (wait.compareTo(LONGEST) > 0) {
			errors.add(new FieldError("delay", "The delay is at most 30 days."));
		}
		if (limit.compareTo(LONGEST) > 0) {
			errors.add(new FieldError("sendBy", "The send-by limit is at most 30 days."));
		}
		else if (limit.compareTo(wait) <= 0) {
			errors.add(new FieldError("sendBy", "The send-by limit must be longer than the delay, or the alert always expires."));
		}
		String askCode = AskMode.of(ask).map(AskMode::code).orElse(null);
		if (askCode == null) {
			errors.add(new FieldError("ask", "The ask is one of auto, both, senate, assembly, governor, none."));
		}
		if (!errors.isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid trigger", errors);
		}
		return new Trigger(id, billId, wanted, name, audience, needsApproval, wait, limit, !Boolean.FALSE.equals(quietHours),
				askCode, enabled == null ? wasEnabled : enabled, by, now, now);
	}

}
