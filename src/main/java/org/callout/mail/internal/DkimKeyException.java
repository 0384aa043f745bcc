package org.callout.mail.internal;

/**
 * The configured DKIM key cannot sign (not PEM, not RSA, too short, unreadable file): start-up stops with one
 * sentence saying so. The message never holds the key, and the parser's own failure is not kept as a cause,
 * since some parsers quote what they could not read.
 */
class DkimKeyException extends RuntimeException {

	DkimKeyException(String message) {
		super(message);
	}

}
