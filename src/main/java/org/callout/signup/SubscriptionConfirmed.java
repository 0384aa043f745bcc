package org.callout.signup;

import java.time.Instant;

/**
 * A person confirmed, through the emailed link, that they want a list's emails. Published in the same
 * transaction as the CONFIRMED consent event, so listeners (later: campaigns, legislator lookup) never miss
 * one: Spring Modulith's event publication registry keeps it until each listener has run.
 *
 * @param subscriberId the subscriber
 * @param listId the list
 * @param language the language they confirmed in
 * @param confirmedAt when
 */
public record SubscriptionConfirmed(long subscriberId, long listId, String language, Instant confirmedAt) {
}
