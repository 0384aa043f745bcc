package org.callout.campaigns;

import java.time.Instant;

/**
 * An organizer resumed a blast they had paused (PAUSED to SENDING): sending may go on now. Published in the
 * transaction of the move; like {@link BlastBecameReady}, a wake-up for the engine, which would otherwise restart its
 * stopped execution at its next poll.
 *
 * @param blastId the blast
 * @param resumedAt when it was resumed
 */
public record BlastResumed(long blastId, Instant resumedAt) {
}
