package org.callout.platform;

import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the data carried by emailed links (confirm, unsubscribe...) so they cannot be forged or altered.
 * New links use the current key; links signed with a configured previous key keep verifying until that
 * key is removed from configuration, which is how the key is rotated without breaking mail in flight.
 */
public final class LinkSigner {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final String NEVER = "never";

	private final byte[] currentKey;

	private final List<byte[]> previousKeys;

	public LinkSigner(String currentKey, List<String> previousKeys) {
		this.currentKey = currentKey.getBytes(StandardCharsets.UTF_8);
		this.previousKeys = previousKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
	}

	/** A URL-safe token binding {@code data} to {@code purpose} until {@code expiresAt}. */
	public String sign(String purpose, String data, Instant expiresAt) {
		String body = ENCODER.encodeToString((expiresAt.getEpochSecond() + "|" + data).getBytes(StandardCharsets.UTF_8));
		return body + "." + ENCODER.encodeToString(mac(currentKey, purpose, body));
	}

	/**
	 * A URL-safe token binding {@code data} to {@code purpose} that never expires: unsubscribe links in old emails
	 * must keep working for as long as any key that signed them is kept for verification.
	 */
	public String signPermanent(String purpose, String data) {
		String body = ENCODER.encodeToString((NEVER + "|" + data).getBytes(StandardCharsets.UTF_8));
		return body + "." + ENCODER.encodeToString(mac(currentKey, purpose, body));
	}

	public Verification verify(String purpose, String token, Instant now) {
		if (token == null || token.length() > 2048) {
			return new Verification.Invalid();
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			return new Verification.Invalid();
		}
		String body = token.substring(0, dot);
		byte[] presented;
		String payload;
		try {
			presented = DECODER.decode(token.substring(dot + 1));
			payload = new String(DECODER.decode(body), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return new Verification.Invalid();
		}
		if (!signedByKnownKey(purpose, body, presented)) {
			return new Verification.Invalid();
		}
		int bar = payload.indexOf('|');
		if (bar > 0 && NEVER.equals(payload.substring(0, bar))) {
			return new Verification.Valid(payload.substring(bar + 1), Instant.MAX);
		}
		long expiresAt;
		try {
			expiresAt = Long.parseLong(payload.substring(0, Math.max(bar, 0)));
		}
		catch (NumberFormatException ex) {
			return new Verification.Invalid();
		}
		if (now.getEpochSecond() >= expiresAt) {
			return new Verification.Expired();
		}
		return new Verification.Valid(payload.substring(bar + 1), Instant.ofEpochSecond(expiresAt));
	}

	private boolean signedByKnownKey(String purpose, String body, byte[] presented) {
		boolean matched = MessageDigest.isEqual(mac(currentKey, purpose, body), presented);
		for (byte[] key : previousKeys) {
			matched |= MessageDigest.isEqual(mac(key, purpose, body), presented);
		}
		return matched;
	}

	/**
	 * One keyed Mac per thread, kept while the key stays the same: looking the algorithm up and keying it was most of a
	 * signature's cost, twice in every email of a blast.
	 */
	private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();

	private record KeyedMac(byte[] key, Mac mac) {
	}

	private static byte[] mac(byte[] key, String purpose, String body) {
		try {
			KeyedMac keyed = MACS.get();
			if (keyed == null || keyed.key() != key) {
				Mac fresh = Mac.getInstance("HmacSHA256");
				fresh.init(new SecretKeySpec(key, "HmacSHA256"));
				keyed = new KeyedMac(key, fresh);
				MACS.set(keyed);
			}
			Mac mac = keyed.mac();
			mac.reset();
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) '\n');
			return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	/** What a presented token turned out to be. */
	public sealed interface Verification {

		/** @param expiresAt when it stops verifying; {@link Instant#MAX} for a permanent token */
		record Valid(String data, Instant expiresAt) implements Verification {
		}

		record Expired() implements Verification {
		}

		record Invalid() implements Verification {
		}

	}

}
