package org.callout.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.callout.platform.AddressHasher;
import org.callout.platform.AdminToken;
import org.callout.platform.CalloutProperties;
import org.callout.platform.LinkSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

	@Bean
	ResolvedSecrets resolvedSecrets(CalloutProperties properties, Environment environment) throws IOException {
		restrictDataDirectory(properties.dataDir());
		String url = environment.getProperty("spring.datasource.url", "");
		ResolvedSecrets secrets = new SecretResolver(properties, url.startsWith("jdbc:h2:")).resolve();
		secrets.all().forEach(SensitiveValues::register);
		if (secrets.generatedAdminTokenFile() != null) {
			log.info("Organizer admin token: in {} (send it as 'Authorization: Bearer <token>')",
					secrets.generatedAdminTokenFile().toAbsolutePath());
		}
		return secrets;
	}

	/** The data directory holds personal data (database, outbox) and secrets: its owner alone may enter it. */
	private static void restrictDataDirectory(Path dataDir) throws IOException {
		Files.createDirectories(dataDir);
		if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
		}
	}

	@Bean
	AdminToken adminToken(ResolvedSecrets secrets) {
		return new AdminToken(secrets.adminToken());
	}

	@Bean
	LinkSigner linkSigner(ResolvedSecrets secrets) {
		return new LinkSigner(secrets.linkKey(), secrets.linkPreviousKeys());
	}

	@Bean
	AddressHasher addressHasher(ResolvedSecrets secrets) {
		return new AddressHasher(secrets.addressHashKey());
	}

}
