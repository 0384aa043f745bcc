package org.callout.consent;

import java.time.Instant;

/**
 * A consent event an import brings, with the evidence the file gave for it, kept as given.
 *
 * @param event the event; its {@code occurredAt} is the time the file gives (see migration V81)
 * @param importId the import that recorded it
 * @param recordedAt when Callout recorded it (the import's time)
 * @param evidenceSource where the person signed up, in the organizer's words, or null
 * @param evidenceText the consent words the person saw, when the file has them rather than a terms version
 * @param consentedAtCell the file's {@code consented_at} cell as written
 * @param confirmedAtCell the file's {@code confirmed_at} cell as written, or null
 */
public record ImportedConsent(ConsentEvent event, long importId, Instant recordedAt, String evidenceSource,
		String evidenceText, String consentedAtCell, String confirmedAtCell) {
}
