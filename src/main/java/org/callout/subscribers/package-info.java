/**
 * Subscribers, lists and per-list memberships (each with its own consent status), and leaving them through
 * the signed unsubscribe link ({@code /u/{token}}: one-click, the page, a fresh link by email), which
 * records the withdrawal in the consent ledger, and the suppression list ({@link org.callout.subscribers.Suppressions}):
 * addresses never to be sent to again, kept as a keyed hash so that a suppression outlives the subscriber. Publishes
 * {@link org.callout.subscribers.SubscriptionConfirmed}, {@link org.callout.subscribers.SubscriberUnsubscribed}
 * and {@link org.callout.subscribers.SubscriberDetailsChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscribers", allowedDependencies = { "platform", "consent", "mail" })
package org.callout.subscribers;
