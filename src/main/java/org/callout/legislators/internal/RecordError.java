package org.callout.legislators.internal;

/**
 * A record an import skipped, and why. The rest of the import goes on.
 *
 * @param where the file and line, or the file
 * @param openstatesId the person's id when the record had one
 * @param reason what is wrong
 */
public record RecordError(String where, String openstatesId, String reason) {
}
