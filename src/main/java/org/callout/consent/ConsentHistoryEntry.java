package org.callout.consent;

import java.time.Instant;

/**
 * A ledger entry as organizers read it back, with the exact words of the terms version it refers to.
 *
 * @param id ledger sequence number
 * @param subscriberId the subscriber
 * @param listId the list
 * @param kind what happened
 * @param occurredAt when (UTC)
 * @param ipAddress the client's IP address
 * @param userAgent the client's User-Agent
 * @param source form, api or import
 * @param formId the form's identifier
 * @param pageUrl the page the form was on
 * @param language the language
 * @param terms the terms shown, or null
 */
public record ConsentHistoryEntry(long id, long subscriberId, long listId, ConsentKind kind, Instant occurredAt,
		String ipAddress, String userAgent, String source, String formId, String pageUrl, String language,
		ConsentTerms terms) {
}
