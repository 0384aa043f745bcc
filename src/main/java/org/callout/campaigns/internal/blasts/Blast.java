package org.callout.campaigns.internal.blasts;

import java.time.Instant;

import org.callout.bills.ActsNext;
import org.callout.bills.BillStatus;

/**
 * A blast as stored.
 *
 * @param triggerId the trigger that made it, or null for one made by hand
 * @param billId the bill it is about, or null
 * @param historyId the status change that made it, or null
 * @param from the status before that change, or null
 * @param to the status it announces, or null
 * @param templateName the template
 * @param templateVersion the version it keeps (its exact words)
 * @param startAt when it may start; null for a draft
 * @param startZone the zone the organizer scheduled in (times are shown in it)
 * @param sendBy after this it expires unstarted; null: no limit
 * @param changeRecordedAt when Callout recorded the status change, or null
 * @param pausedBy {@code organizer} or {@code relay} while paused
 * @param actsNext who had to act on the bill when the blast was made (the ask keeps to it), or null without a bill
 */
public record Blast(long id, Long triggerId, Long billId, Long historyId, BillStatus from, BillStatus to, String templateName,
		int templateVersion, Audience audience, String ask, boolean quietHours, BlastState state, Instant startAt,
		String startZone, Instant sendBy, Instant changeRecordedAt, String pausedBy, String createdBy, Instant createdAt,
		Instant updatedAt, ActsNext actsNext) {
}
