package org.callout.bills;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A tracked bill's status changed: published once per real change, in the transaction that records it, through
 * Spring Modulith's JDBC publication registry. The same status seen again, an amendment, or an action older
 * than the current one publishes nothing.
 *
 * @param billId the tracked bill
 * @param printNo the print that changed, as active then (S3076A)
 * @param chamber the chamber of that print
 * @param historyId the history row recording the change
 * @param from the status before, or null when the print had none
 * @param to the new status
 * @param actionDate when the legislature acted (or the session ended)
 * @param actsNext who must act next, the same-as bill taken into account
 * @param source organizer, api, openleg or calendar
 * @param finalEnd for {@link BillStatus#SESSION_ENDED}: whether the two-year session ended (true) or only its
 * first year (false); null otherwise
 * @param recordedAt when Callout recorded the change (a late poll may report an old action): alerts count from it
 */
public record BillStatusChanged(long billId, String printNo, Chamber chamber, long historyId, BillStatus from,
		BillStatus to, LocalDate actionDate, ActsNext actsNext, String source, Boolean finalEnd, Instant recordedAt) {
}
