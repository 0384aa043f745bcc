package org.callout.signup.internal;

/**
 * Who submitted: recorded with consent.
 *
 * @param ipAddress the client's IP address (the socket's, unless a trusted proxy says otherwise)
 * @param userAgent the User-Agent header
 */
public record ClientInfo(String ipAddress, String userAgent) {
}
