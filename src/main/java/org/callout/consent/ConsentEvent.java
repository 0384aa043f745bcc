package org.callout.consent;

import java.time.Instant;

/**
 * One entry of the consent ledger.
 *
 * @param subscriberId the subscriber
 * @param listId the list the consent is for
 * @param kind what happened
 * @param termsVersion the terms version shown, or null where no terms were shown (a withdrawal)
 * @param occurredAt when (UTC)
 * @param ipAddress the client's IP address
 * @param userAgent the client's User-Agent
 * @param source form, api, import; one-click or page for an unsubscribe
 * @param formId the organizer's identifier of the form, if any
 * @param pageUrl the page the form was on, if known
 * @param language the language the person was addressed in
 * @param addressHash keyed hash of the normalized address
 */
public record ConsentEvent(long subscriberId, long listId, ConsentKind kind, String termsVersion, Instant occurredAt,
		String ipAddress, String userAgent, ConsentSource source, String formId, String pageUrl, String language,
		String addressHash) {
}
