package org.callout.platform;

import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash of a normalized email address, so a suppression or a consent event can outlive the erasure
 * of the subscriber without keeping the address. The key never rotates: a new key would orphan every hash.
 */
public final class AddressHasher {

	private final SecretKeySpec key;

	public AddressHasher(String key) {
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	public String hash(String normalizedAddress) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(normalizedAddress.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
