package org.callout.subscribers.internal.export;

/**
 * Which subscribers an export holds: everyone (both null), the members of one list, or its members in one status.
 *
 * @param listId the list's id, or null for every subscriber
 * @param status a membership status name of that list, or null for any
 */
record ExportFilter(Long listId, String status) {

	static final ExportFilter EVERYONE = new ExportFilter(null, null);

}
