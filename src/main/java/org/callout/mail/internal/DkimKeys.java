package org.callout.mail.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.callout.mail.MailProperties;

/**
 * Reads the DKIM private key from the environment or a file. Both PEM forms are accepted: PKCS#8 ("BEGIN PRIVATE
 * KEY", what OpenSSL 3 writes) and PKCS#1 ("BEGIN RSA PRIVATE KEY", what opendkim-genkey and older OpenSSL write),
 * parsed by Bouncy Castle (already there for the DKIM library) rather than by hand.
 */
final class DkimKeys {

	/** RFC 8301: verifiers must not accept RSA keys under 1024 bits as valid. */
	static final int MINIMUM_BITS = 1024;

	static final String VARIABLE = "CALLOUT_MAIL_DKIM_PRIVATE_KEY";

	private DkimKeys() {
	}

	static RSAPrivateKey load(MailProperties.Dkim dkim) {
		if (dkim.privateKey() != null && dkim.privateKeyFile() != null) {
			throw new DkimKeyException("Both " + VARIABLE + " and callout.mail.dkim.private-key-file are set: set only one, "
					+ "so that it is clear which key signs.");
		}
		if (dkim.privateKey() != null) {
			return parse(dkim.privateKey(), "The DKIM private key in " + VARIABLE);
		}
		Path file = Path.of(dkim.privateKeyFile());
		return parse(read(file), "The DKIM private key file " + file);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (NoSuchFileException ex) {
			throw new DkimKeyException("The DKIM private key file " + file + " does not exist.");
		}
		catch (AccessDeniedException ex) {
			throw new DkimKeyException("The DKIM private key file " + file + " cannot be read by Callout (permission denied).");
		}
		catch (IOException ex) {
			throw new DkimKeyException("The DKIM private key file " + file + " cannot be read (" + ex.getClass().getSimpleName()
					+ "); it must be a PEM text file.");
		}
	}

	/** The key, or one sentence about what is wrong with it (never its content). */
	static RSAPrivateKey parse(String pem, String source) {
		PrivateKey key = privateKey(normalized(pem), source);
		if (!(key instanceof RSAPrivateKey rsa)) {
			throw new DkimKeyException(source + " is an " + key.getAlgorithm() + " key, not RSA: rsa-sha256 signing needs an "
					+ "RSA key (openssl genrsa 2048).");
		}
		int bits = rsa.getModulus().bitLength();
		if (bits < MINIMUM_BITS) {
			throw new DkimKeyException(source + " has only " + bits + " bits: receivers ignore RSA keys under " + MINIMUM_BITS
					+ " bits (RFC 8301); use 2048.");
		}
		return rsa;
	}

	private static PrivateKey privateKey(String pem, String source) {
		Object parsed;
		try (PEMParser parser = new PEMParser(new StringReader(pem))) {
			parsed = parser.readObject();
		}
		catch (IOException | RuntimeException ex) {
			// Not chained: the parser's message may quote the text it failed on.
			parsed = null;
		}
		if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
			throw new DkimKeyException(source + " is encrypted: Callout cannot ask for a passphrase, so give it the key "
					+ "unencrypted (openssl pkey -in encrypted.pem -out key.pem) where only Callout can read it.");
		}
		try {
			JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
			if (parsed instanceof PEMKeyPair pair) {
				return converter.getKeyPair(pair).getPrivate();
			}
			if (parsed instanceof PrivateKeyInfo info) {
				return converter.getPrivateKey(info);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new DkimKeyException(source + " is PEM but not a private key Java can read.");
		}
		if (parsed != null) {
			throw new DkimKeyException(source + " holds no private key (a public key or a certificate?).");
		}
		throw new DkimKeyException(source + " is not a private key in PEM (a \"BEGIN PRIVATE KEY\" or "
				+ "\"BEGIN RSA PRIVATE KEY\" block).");
	}

	/**
	 * An environment variable set from a one-line form (a .env file, some dashboards) may carry {@code \n} for
	 * each line break; PEM needs real ones.
	 */
	private static String normalized(String pem) {
		String text = pem.strip();
		return text.indexOf('\n') < 0 ? text.replace("\\n", "\n") : text;
	}

}
