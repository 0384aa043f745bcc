package org.callout.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.callout.platform.CalloutProperties;
import org.callout.platform.MissingSecretException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretResolverTests {

	@TempDir
	Path dataDir;

	@Test
	void onTheEmbeddedDatabaseMissingSecretsAreGeneratedOnceIntoOwnerOnlyFiles() throws IOException {
		ResolvedSecrets first = new SecretResolver(properties(new CalloutProperties.Secrets(null, null, null, null)), true).resolve();
		ResolvedSecrets second = new SecretResolver(properties(new CalloutProperties.Secrets("", " ", null, null)), true).resolve();

		assertThat(second.adminToken()).isEqualTo(first.adminToken()).hasSizeGreaterThanOrEqualTo(32);
		assertThat(second.linkKey()).isEqualTo(first.linkKey()).isNotEqualTo(first.adminToken());
		assertThat(second.addressHashKey()).isEqualTo(first.addressHashKey());
		Path tokenFile = dataDir.resolve("secrets/admin-token");
		assertThat(first.generatedAdminTokenFile()).isEqualTo(tokenFile);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile.getParent()))).isEqualTo("rwx------");
	}

	@Test
	void configuredSecretsAreUsedAndNothingIsWritten() {
		ResolvedSecrets secrets = new SecretResolver(properties(new CalloutProperties.Secrets("admin-token-0123456789",
				"link-key-0123456789abc", List.of("old-link-key-0123456789"), "hash-key-0123456789abc")), false).resolve();

		assertThat(secrets.adminToken()).isEqualTo("admin-token-0123456789");
		assertThat(secrets.linkPreviousKeys()).containsExactly("old-link-key-0123456789");
		assertThat(secrets.generatedAdminTokenFile()).isNull();
		assertThat(dataDir.resolve("secrets")).doesNotExist();
	}

	@Test
	void onASharedDatabaseAMissingSecretStopsStartUpNamingTheVariable() {
		var secrets = new CalloutProperties.Secrets(null, "link-key-0123456789abc", null, "hash-key-0123456789abc");

		assertThatThrownBy(() -> new SecretResolver(properties(secrets), false).resolve())
			.isInstanceOf(MissingSecretException.class)
			.hasMessageStartingWith("CALLOUT_ADMIN_TOKEN is not set");
		assertThat(dataDir.resolve("secrets")).doesNotExist();
	}

	@Test
	void aShortSecretIsRefused() {
		var secrets = new CalloutProperties.Secrets("short", "link-key-0123456789abc", null, "hash-key-0123456789abc");

		assertThatThrownBy(() -> new SecretResolver(properties(secrets), true).resolve())
			.isInstanceOf(MissingSecretException.class)
			.hasMessageContaining("CALLOUT_ADMIN_TOKEN is too short");
	}

	private CalloutProperties properties(CalloutProperties.Secrets secrets) {
		return new CalloutProperties(dataDir, null, null, null, null, secrets, null, null, null, null);
	}

}
