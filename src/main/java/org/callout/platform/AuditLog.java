package org.callout.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The organizers' audit log: every organizer action, recorded by the module that performs it. The caller says what
 * happened (an action code such as {@code blast.approve}, its target such as {@code blast:42}, and small before and
 * after maps of the fields that changed); the platform adds who (the signed-in actor), when (the application's
 * clock) and from where (the client's address, the channel). An entry joins the caller's transaction when one is
 * open, so an action that rolls back leaves no entry. Keep the maps short: never whole template bodies (use
 * {@link #fingerprint}), never secrets. Entries are append-only.
 */
public interface AuditLog {

	/** An action that was carried out. {@code before} and {@code after} may be null. */
	void record(String action, String target, Map<String, ?> before, Map<String, ?> after);

	/** An action that was carried out, with only what it made. */
	default void record(String action, String target, Map<String, ?> after) {
		record(action, target, null, after);
	}

	/** A write the actor attempted and the service refused (validation, state), with the problem's title. */
	void refused(String action, String target, String detail);

	/** A short stand-in for a long text (a template body): its length and the start of its SHA-256. */
	static String fingerprint(String text) {
		if (text == null) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return text.length() + " chars, sha256:" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
