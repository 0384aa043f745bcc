package org.callout.campaigns;

import java.time.Instant;

/**
 * A blast went onto the handover queue (READY): the sending engine may take it up now. Published in the transaction
 * that queued it, so a listener runs once the queue row is committed. A wake-up, not the handover itself: the engine
 * claims from the queue ({@link BlastHandover#claim}) whether or not it heard this, and an engine on another
 * instance, which does not hear it, finds the blast at its next poll.
 *
 * @param blastId the blast
 * @param readyAt when it was queued
 */
public record BlastBecameReady(long blastId, Instant readyAt) {
}
