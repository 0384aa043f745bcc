package org.callout.campaigns.internal.console;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.callout.bills.TrackedBill;
import org.callout.campaigns.internal.blasts.Trigger;
import org.callout.campaigns.internal.blasts.TriggerActions;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;

/**
 * The trigger form as typed: kept whole when refused. Unticked boxes send nothing, so a missing
 * {@code quietHours} or {@code enabled} is "no".
 */
record TriggerForm(String billId, List<String> statuses, String template, List<String> lists, String mode, String delay,
		String sendBy, String quietHours, String ask, String enabled) {

	TriggerForm {
		statuses = statuses == null ? List.of() : List.copyOf(statuses);
		lists = lists == null ? List.of() : List.copyOf(lists);
	}

	static TriggerForm blank(String template, Duration sendBy) {
		return new TriggerForm("", List.of(), template, List.of(), "NEEDS_APPROVAL", "0", TriggerPages.duration(sendBy),
				"true", "auto", "true");
	}

	static TriggerForm of(Trigger trigger, SubscriberLists lists) {
		List<String> slugs = trigger.audience().listIds().stream()
			.map(id -> lists.byId(id).map(SubscriberList::slug).orElse(null))
			.filter(Objects::nonNull)
			.toList();
		return new TriggerForm(String.valueOf(trigger.billId()), trigger.statuses().stream().map(Enum::name).sorted().toList(),
				trigger.templateName(), slugs, trigger.needsApproval() ? "NEEDS_APPROVAL" : "AUTO_SEND",
				TriggerPages.duration(trigger.delay()), TriggerPages.duration(trigger.sendBy()), trigger.quietHours() ? "true" : null,
				trigger.ask(), trigger.enabled() ? "true" : null);
	}

	TriggerActions.Fields fields() {
		Long bill;
		try {
			bill = billId == null || billId.isBlank() ? null : Long.valueOf(billId.strip());
		}
		catch (NumberFormatException ex) {
			bill = -1L; // Refused at its field as no tracked bill.
		}
		return new TriggerActions.Fields(bill, statuses, template, lists, mode, delay, sendBy, quietHours != null,
				ask, enabled != null);
	}

	public boolean has(String status) {
		return statuses.contains(status);
	}

	public boolean onList(String slug) {
		return lists.contains(slug);
	}

	/** Each tracked bill by its prints, for choosing one and for naming it in the list. */
	static Map<Long, String> billNames(List<TrackedBill> bills) {
		Map<Long, String> names = new LinkedHashMap<>();
		bills.forEach(b -> names.put(b.id(), String.join(" / ", b.prints().stream().map(TrackedBill.Print::activePrintNo).toList())
				+ " (" + b.session() + ")" + (b.title() == null ? "" : " " + b.title())));
		return names;
	}

}
