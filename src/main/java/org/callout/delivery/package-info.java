/**
 * The blast engine: a Spring Batch job per blast and instance (snapshot, send, finish) that claims READY blasts
 * from campaigns' handover queue, writes one delivery record per recipient, claims them in key order with
 * owner-and-heartbeat claims, sends each recipient's campaign email within the service-wide rate and the relay
 * budget, records every outcome, and reports back through campaigns' {@link org.callout.campaigns.BlastHandover}
 * and {@link org.callout.campaigns.BlastProgress}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery",
		allowedDependencies = { "platform", "campaigns", "mail", "subscribers", "legislators" })
package org.callout.delivery;
