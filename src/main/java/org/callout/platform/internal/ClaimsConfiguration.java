package org.callout.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.callout.platform.CalloutProperties;
import org.callout.platform.Claims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This instance's identity and its claims. The id is {@code callout.instance-id} when set (best with several
 * instances on one PostgreSQL, each with its own fixed id); otherwise it is generated once into
 * {@code <data-dir>/instance-id}, so a restart on the same data directory keeps it and takes its claims back.
 */
@Configuration(proxyBeanMethods = false)
class ClaimsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClaimsConfiguration.class);

	@Bean
	Claims claims(JdbcClient jdbc, CalloutProperties properties, Clock clock) {
		String id = properties.instanceId();
		if (id == null || id.isBlank()) {
			id = readOrCreate(properties.dataDir().resolve("instance-id"));
		}
		log.info("Instance id: {}", id.strip());
		return new Claims(jdbc, id.strip(), properties.claims(), clock);
	}

	@Bean(destroyMethod = "close")
	ClaimsHeartbeat claimsHeartbeat(Claims claims, CalloutProperties properties) {
		return new ClaimsHeartbeat(claims, properties.claims().heartbeatInterval());
	}

	/**
	 * Renews this instance's claims on a thread of its own: on the shared scheduler a long job (a legislature
	 * poll, a batch of geocoder retries) could hold it past the claims' expiry, and another instance would then
	 * send what this one is still sending.
	 */
	static final class ClaimsHeartbeat implements AutoCloseable {

		private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("claims-heartbeat").daemon().factory());

		ClaimsHeartbeat(Claims claims, Duration interval) {
			thread.scheduleWithFixedDelay(() -> {
				try {
					claims.heartbeat();
				}
				catch (RuntimeException ex) {
					log.warn("Could not renew this instance's claims; trying again in {}", interval, ex);
				}
			}, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		}

		@Override
		public void close() {
			thread.shutdownNow();
		}

	}

	private static String readOrCreate(Path file) {
		try {
			Files.createDirectories(file.getParent());
			if (!Files.exists(file)) {
				try {
					Files.writeString(file, "instance-" + UUID.randomUUID().toString().substring(0, 13) + "\n",
							StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				}
				catch (FileAlreadyExistsException raced) {
					// Another process on this data directory wrote it first: use theirs.
				}
			}
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the instance id file " + file, ex);
		}
	}

}
