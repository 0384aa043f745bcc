package org.callout.subscribers;

import java.time.Instant;

/**
 * A person confirmed, through the emailed link, that they want a list's emails. Published by
 * {@link Memberships} in the transaction that confirms the membership, so listeners (legislator lookup,
 * campaigns) never miss one: Spring Modulith's event publication registry keeps it until each
 * {@code @ApplicationModuleListener} has run, across restarts.
 *
 * @param subscriberId the subscriber
 * @param listId the list
 * @param language the language they confirmed in
 * @param confirmedAt when
 */
public record SubscriptionConfirmed(long subscriberId, long listId, String language, Instant confirmedAt) {
}
