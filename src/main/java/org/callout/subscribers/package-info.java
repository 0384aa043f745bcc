/**
 * Subscribers, lists and per-list memberships (each with its own consent status).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscribers")
package org.callout.subscribers;
