package org.callout.legislators.internal;

/** A whole import file refused (missing column, too large, unreadable): nothing is written. */
public class ImportRefusedException extends RuntimeException {

	ImportRefusedException(String reason) {
		super(reason);
	}

	ImportRefusedException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
