package org.callout.consent;

/**
 * One event of an address's history, reduced to what decides whether an import may act on it.
 *
 * @param addressHash the keyed hash of the address
 * @param listId the list
 * @param kind what happened
 */
public record RecordedChoice(String addressHash, long listId, ConsentKind kind) {
}
