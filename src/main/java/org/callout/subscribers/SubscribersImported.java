package org.callout.subscribers;

import java.time.Instant;

/**
 * A real (not dry) CSV import finished writing. It names only the import: who it made due for a district
 * lookup is read through {@link ImportedSupporters#dueForLookup(long)}, so that an import of 100 000 people
 * does not put 100 000 ids into the event publication registry.
 *
 * @param importId the import
 * @param finishedAt when it finished
 */
public record SubscribersImported(long importId, Instant finishedAt) {
}
