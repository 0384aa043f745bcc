package org.callout.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Key pairs made in the test JVM (a key in the repository would be one somebody might use), and their PEM text. */
public final class DkimTestKeys {

	/** One 2048-bit RSA pair for the whole run: generating one takes a noticeable fraction of a second. */
	public static final KeyPair RSA_2048 = generate("RSA", 2048);

	private DkimTestKeys() {
	}

	public static KeyPair generate(String algorithm, int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** PKCS#8 ("PRIVATE KEY") or X.509 ("PUBLIC KEY") PEM, as OpenSSL 3 writes them. */
	public static String pem(Key key) {
		return pem(key.getFormat().equals("PKCS#8") ? "PRIVATE KEY" : "PUBLIC KEY", key.getEncoded());
	}

	public static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

}
