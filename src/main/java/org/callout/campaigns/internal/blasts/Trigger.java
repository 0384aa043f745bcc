package org.callout.campaigns.internal.blasts;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.callout.bills.BillStatus;

/**
 * Which status changes of a bill start a blast, to whom, and when.
 *
 * @param billId the bill: a change of either of its prints fires
 * @param statuses the new statuses it fires on; empty: any change
 * @param templateName the template (its latest version when the blast is made)
 * @param needsApproval {@code NEEDS_APPROVAL}: the blast waits for an organizer; else it is scheduled at once
 * @param delay how long after the change the blast may start
 * @param sendBy how long after the change an alert that has not started still may; after it, it expires
 * @param quietHours whether the configured quiet hours hold back its start
 * @param ask whom the email asks to call
 * @param enabled a disabled trigger fires on nothing
 */
public record Trigger(long id, long billId, Set<BillStatus> statuses, String templateName, Audience audience,
		boolean needsApproval, Duration delay, Duration sendBy, boolean quietHours, String ask, boolean enabled,
		String createdBy, Instant createdAt, Instant updatedAt) {

	boolean firesOn(BillStatus status) {
		return enabled && (statuses.isEmpty() || statuses.contains(status));
	}

	String mode() {
		return needsApproval ? "NEEDS_APPROVAL" : "AUTO_SEND";
	}

}
