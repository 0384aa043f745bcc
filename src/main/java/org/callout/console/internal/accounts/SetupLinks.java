package org.callout.console.internal.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.callout.platform.CalloutProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first admin, on a fresh install: while no account exists, each start writes a one-time link (valid for an hour)
 * to {@code data/secrets/setup-link}, readable by its owner only, and logs where the file is, never the link (logs
 * travel further than files). The link creates one admin, once.
 */
@Service
class SetupLinks {

	private static final Logger log = LoggerFactory.getLogger(SetupLinks.class);

	static final Duration VALID = Duration.ofHours(1);

	static final String PATH = "/console/setup";

	/** Why a link cannot be used: shown on the page. */
	enum Refusal {
		UNKNOWN, EXPIRED, USED, DONE
	}

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final CalloutProperties properties;

	private final Clock clock;

	SetupLinks(JdbcClient jdbc, Accounts accounts, CalloutProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void issueIfNoAccount() {
		if (accounts.any()) {
			return;
		}
		Path file = issue();
		log.info("No organizer account yet: the one-time link that creates the first admin (valid for {} minutes) is in {}",
				VALID.toMinutes(), file.toAbsolutePath());
	}

	/** A new link, written to the secrets directory; returns the file. */
	Path issue() {
		String token = Secrets.token("setup_");
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO account_setup_links (token_hash, created_at, expires_at) VALUES (:hash, :now, :expires)")
			.param("hash", Secrets.sha256(token)).param("now", AccountStore.utc(now)).param("expires", AccountStore.utc(now.plus(VALID)))
			.update();
		String link = properties.publicBaseUrl().toString().replaceAll("/+$", "") + PATH + "?token=" + token;
		Path file = properties.dataDir().resolve("secrets").resolve("setup-link");
		try {
			write(file, link);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the setup link to " + file, ex);
		}
		return file;
	}

	/**
	 * The file is created readable by its owner only, never for a moment with the default permissions (a chmod after
	 * the write would leave a window), in a directory only the owner may enter.
	 */
	private static void write(Path file, String link) throws IOException {
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		if (!Files.isDirectory(file.getParent())) {
			if (posix) {
				Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			else {
				Files.createDirectories(file.getParent());
			}
		}
		var options = java.util.Set.of(java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
				java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
		try (var channel = posix
				? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.newByteChannel(file, options)) {
			channel.write(java.nio.ByteBuffer.wrap((link + "\n").getBytes(StandardCharsets.UTF_8)));
		}
		if (posix) {
			// A file left by an older version, or made by hand, gets the owner-only mode too.
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

	/** Why this link cannot create the first admin, or null when it can. */
	Refusal check(String token) {
		if (accounts.any()) {
			return Refusal.DONE;
		}
		if (token == null || token.isBlank()) {
			return Refusal.UNKNOWN;
		}
		var row = jdbc.sql("SELECT expires_at, used_at FROM account_setup_links WHERE token_hash = :hash")
			.param("hash", Secrets.sha256(token.strip()))
			.query((rs, n) -> new Instant[] { AccountStore.instant(rs, "expires_at"), AccountStore.instant(rs, "used_at") })
			.optional();
		if (row.isEmpty()) {
			return Refusal.UNKNOWN;
		}
		if (row.get()[1] != null) {
			return Refusal.USED;
		}
		return row.get()[0].isBefore(clock.instant()) ? Refusal.EXPIRED : null;
	}

	/**
	 * Uses the link: marks it used and creates the admin, in one transaction, so two submissions of one link (or of
	 * two links) make one admin: the UPDATE takes the link's row lock, and the account check runs after it.
	 */
	@Transactional
	Account use(String token, String username, String email, String password) {
		// Every link's row: two links submitted at once wait for each other here, and the second finds the admin.
		jdbc.sql("SELECT token_hash FROM account_setup_links ORDER BY token_hash FOR UPDATE").query(String.class).list();
		int marked = jdbc.sql("UPDATE account_setup_links SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL AND expires_at >= :now")
			.param("now", AccountStore.utc(clock.instant())).param("hash", Secrets.sha256(token == null ? "" : token.strip())).update();
		if (marked == 0 || accounts.any()) {
			throw new SetupRefusedException(check(token) == null ? Refusal.USED : check(token));
		}
		return accounts.create(username, email, password, org.callout.platform.OrganizerRole.ADMIN);
	}

	static class SetupRefusedException extends RuntimeException {

		final Refusal refusal;

		SetupRefusedException(Refusal refusal) {
			super(refusal.name());
			this.refusal = refusal;
		}

	}

}
