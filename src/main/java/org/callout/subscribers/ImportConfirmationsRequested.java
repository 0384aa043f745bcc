package org.callout.subscribers;

import java.time.Instant;

/**
 * An organizer asked that the people an import left unconfirmed be sent a confirmation (re-permission) email.
 * Whoever sends them takes the memberships through {@link ImportedSupporters#claimConfirmations(long)}, which
 * hands each one out once per import.
 *
 * @param importId the import
 * @param requestedAt when the organizer asked
 */
public record ImportConfirmationsRequested(long importId, Instant requestedAt) {
}
