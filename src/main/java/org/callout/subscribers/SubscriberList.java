package org.callout.subscribers;

import java.time.Instant;

/**
 * A list supporters join. Only public lists can be joined from outside.
 *
 * @param id its id
 * @param slug its URL name
 * @param name its display name
 * @param description what it is about
 * @param isPublic whether supporters can join it through the form and API
 * @param createdAt when it was created
 */
public record SubscriberList(long id, String slug, String name, String description, boolean isPublic,
		Instant createdAt) {
}
