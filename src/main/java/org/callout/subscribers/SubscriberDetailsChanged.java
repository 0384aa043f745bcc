package org.callout.subscribers;

import java.time.Instant;

/**
 * A subscriber's ZIP code or street address changed (a corrected signup, or an organizer through the API),
 * so whatever was derived from them, such as their legislative districts, must be worked out again.
 *
 * @param subscriberId the subscriber
 * @param at when
 */
public record SubscriberDetailsChanged(long subscriberId, Instant at) {
}
