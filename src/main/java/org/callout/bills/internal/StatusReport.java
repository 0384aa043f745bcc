package org.callout.bills.internal;

import java.time.LocalDate;

import org.callout.bills.BillStatus;

/**
 * A status of one print as someone reported it.
 *
 * @param printId the print
 * @param activePrintNo the active version the source names (S3076A), or null when it names none
 * @param status the status
 * @param actionDate when the legislature acted
 * @param committee the committee, if any
 * @param source organizer, api, openleg or calendar
 * @param sourceRef the source's own reference (an update token, an action sequence number)
 * @param initial the poller's report: when the print has no status yet it is recorded as where the bill stands,
 * not announced as news
 * @param finalEnd for SESSION_ENDED, whether the two-year session ended
 */
record StatusReport(long printId, String activePrintNo, BillStatus status, LocalDate actionDate, String committee,
		String source, String sourceRef, boolean initial, Boolean finalEnd) {

	static StatusReport of(long printId, BillStatus status, LocalDate actionDate, String committee, String source) {
		return new StatusReport(printId, null, status, actionDate, committee, source, null, false, null);
	}

}
