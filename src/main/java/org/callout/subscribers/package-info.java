/**
 * Subscribers, lists and per-list memberships (each with its own consent status). Publishes
 * {@link org.callout.subscribers.SubscriptionConfirmed}, {@link org.callout.subscribers.SubscriberUnsubscribed}
 * and {@link org.callout.subscribers.SubscriberDetailsChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscribers", allowedDependencies = "platform")
package org.callout.subscribers;
