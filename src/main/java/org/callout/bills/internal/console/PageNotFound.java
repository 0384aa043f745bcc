package org.callout.bills.internal.console;

/** A console page about something that does not exist (a bill or trigger id typed or kept in a bookmark): a 404 page. */
final class PageNotFound extends RuntimeException {

	PageNotFound() {
		super(null, null, false, false);
	}

}
