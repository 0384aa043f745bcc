package org.callout.bills.internal.openleg;

/** Open Legislation did not give a usable answer; {@link #kind()} says which way, for logs and metrics. */
public class OpenLegException extends RuntimeException {

	/** Ways a call fails. */
	public enum Kind {

		/** 401, errorCode 701: the API key is missing or wrong. */
		UNAUTHORIZED,
		/** 404, errorCode 11: no such bill. */
		NOT_FOUND,
		/** 5xx. */
		SERVER_ERROR,
		/** No answer in time, or no connection. */
		UNREACHABLE,
		/** An answer that is not the documented JSON. */
		MALFORMED,
		/** Anything else (a bug, the database): caught so the poller backs off instead of failing every run. */
		UNEXPECTED

	}

	private final Kind kind;

	public OpenLegException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}

}
