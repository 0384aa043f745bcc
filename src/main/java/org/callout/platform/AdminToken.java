package org.callout.platform;

import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The organizer bearer token, compared in constant time so response timing reveals nothing about it. */
public final class AdminToken {

	private final byte[] digest;

	public AdminToken(String token) {
		this.digest = sha256(token);
	}

	public boolean matches(String presented) {
		// Comparing digests keeps the comparison constant-time even when the lengths differ.
		return presented != null && MessageDigest.isEqual(digest, sha256(presented));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "AdminToken[masked]";
	}

}
