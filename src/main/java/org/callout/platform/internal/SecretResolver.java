package org.callout.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.callout.platform.CalloutProperties;
import org.callout.platform.MissingSecretException;

/**
 * Takes each secret from configuration (normally an environment variable). On the embedded database only, a
 * missing one is generated once into {@code <data-dir>/secrets/} readable by the owner alone; on a shared
 * database a missing one stops start-up, so instances sharing it can never disagree on keys.
 */
final class SecretResolver {

	static final int MINIMUM_LENGTH = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CalloutProperties properties;

	private final boolean embedded;

	SecretResolver(CalloutProperties properties, boolean embedded) {
		this.properties = properties;
		this.embedded = embedded;
	}

	ResolvedSecrets resolve() {
		CalloutProperties.Secrets configured = properties.secrets();
		boolean adminGenerated = blank(configured.adminToken());
		String admin = resolve(configured.adminToken(), "CALLOUT_ADMIN_TOKEN", "admin-token");
		String link = resolve(configured.linkKey(), "CALLOUT_LINK_KEY", "link-key");
		String hash = resolve(configured.addressHashKey(), "CALLOUT_ADDRESS_HASH_KEY", "address-hash-key");
		configured.linkPreviousKeys().forEach(k -> checkLength(k, "CALLOUT_LINK_PREVIOUS_KEYS"));
		return new ResolvedSecrets(admin, link, configured.linkPreviousKeys(), hash,
				adminGenerated ? secretsDir().resolve("admin-token") : null);
	}

	private String resolve(String value, String variable, String fileName) {
		if (!blank(value)) {
			return checkLength(value.strip(), variable);
		}
		if (!embedded) {
			throw new MissingSecretException(variable + " is not set: with a shared database every instance must "
					+ "use the same secrets, so set " + variable + " (at least " + MINIMUM_LENGTH
					+ " characters) in the environment.");
		}
		return readOrCreate(secretsDir().resolve(fileName));
	}

	private Path secretsDir() {
		return properties.dataDir().resolve("secrets");
	}

	private static String readOrCreate(Path file) {
		try {
			Files.createDirectories(file.getParent());
			restrictToOwner(file.getParent(), "rwx------");
			if (!Files.exists(file)) {
				byte[] bytes = new byte[32];
				RANDOM.nextBytes(bytes);
				String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
				try {
					Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
							StandardOpenOption.WRITE);
				}
				catch (FileAlreadyExistsException raced) {
					// Another process generated it first: use theirs.
				}
			}
			restrictToOwner(file, "rw-------");
			return checkLength(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the secret file " + file, ex);
		}
	}

	private static void restrictToOwner(Path path, String permissions) throws IOException {
		if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
	}

	private static String checkLength(String value, String source) {
		if (value.length() < MINIMUM_LENGTH) {
			throw new MissingSecretException(source + " is too short: use at least " + MINIMUM_LENGTH
					+ " random characters.");
		}
		return value;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
