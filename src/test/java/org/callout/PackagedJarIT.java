package org.callout;

import java.nio.file.attribute.PosixFilePermissions;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.callout.support.PostgresAvailableCondition;
import org.callout.support.PostgresServer;
import org.callout.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged jar, started as an operator installs it: from a directory holding only config/ and
 * templates/, configured only by the environment variables the Dockerfile and README name.
 */
class PackagedJarIT {

	static final Path JAR = Path.of(System.getProperty("callout.packaged-jar", "target/callout.jar"));

	static final int SMTP_PORT = ServiceProcess.freePort();

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@TempDir
	Path installDir;

	@Test
	void onItsEmbeddedDefaultsItStartsFromABareDirectoryKeepsItsDataAndStopsCleanlyOnCtrlC() throws Exception {
		install();
		String firstToken;
		try (ServiceProcess service = ServiceProcess.start(JAR, installDir, Map.of()).awaitHealthy()) {
			Path tokenFile = installDir.resolve("data/secrets/admin-token");
			assertThat(service.log()).contains("Organizer admin token: in " + tokenFile.toAbsolutePath());
			firstToken = Files.readString(tokenFile).strip();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installDir.resolve("data"))))
				.isEqualTo("rwx------");
			assertThat(service.log()).doesNotContain(firstToken);
			assertThat(sendTestEmail(service, firstToken).statusCode()).isEqualTo(202);
			assertThat(service.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/lists"))
				.header("Authorization", "Bearer " + firstToken)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"kept-across-restarts\",\"name\":\"Kept\",\"isPublic\":true}"))
				.build()).statusCode()).isEqualTo(201);
			assertThat(service.interrupt()).isIn(0, 130);
			assertThat(service.log()).doesNotContain(" ERROR ").doesNotContain("Exception");
		}
		assertThat(emlFiles()).isEqualTo(1);

		try (ServiceProcess again = ServiceProcess.start(JAR, installDir, Map.of()).awaitHealthy()) {
			assertThat(Files.readString(installDir.resolve("data/secrets/admin-token")).strip()).isEqualTo(firstToken);
			assertThat(again.log()).contains("is up to date. No migration necessary");
			assertThat(again.send(HttpRequest.newBuilder(URI.create(again.baseUrl() + "/api/v1/lists/kept-across-restarts"))
				.header("Authorization", "Bearer " + firstToken)
				.build()).body()).contains("\"name\":\"Kept\"");
			assertThat(sendTestEmail(again, firstToken).statusCode()).isEqualTo(202);
			again.interrupt();
		}
		assertThat(emlFiles()).isEqualTo(2);
	}

	@Test
	@ExtendWith(PostgresAvailableCondition.class)
	void configuredOnlyByDocumentedEnvironmentVariablesItRunsOnPostgresqlAndSendsThroughSmtp() throws Exception {
		install();
		Map<String, String> environment = postgresAndSmtpEnvironment();
		assertThat(environment.keySet()).isSubsetOf(documentedVariables());

		try (ServiceProcess service = ServiceProcess.start(JAR, installDir, environment).awaitHealthy()) {
			assertThat(service.log()).contains("PostgreSQL");
			assertThat(sendTestEmail(service, environment.get("CALLOUT_ADMIN_TOKEN")).statusCode()).isEqualTo(202);
			MimeMessage received = smtp.getReceivedMessages()[0];
			assertThat(received.getAllRecipients()[0].toString()).isEqualTo("operator@example.org");
			assertThat(healthCheckExitCode(service)).isZero();
			service.interrupt();
		}
		// The secrets came from the environment: none was generated. The one file is the first admin's setup link (a
		// fresh database has no account), owner-only.
		try (var files = java.nio.file.Files.list(installDir.resolve("data/secrets"))) {
			assertThat(files.map(f -> f.getFileName().toString())).containsExactly("setup-link");
		}
		assertThat(java.nio.file.Files.getPosixFilePermissions(installDir.resolve("data/secrets/setup-link")))
			.isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	@ExtendWith(PostgresAvailableCondition.class)
	void onPostgresqlAMissingSecretStopsStartUpWithOneClearSentence() throws Exception {
		install();
		Map<String, String> environment = postgresAndSmtpEnvironment();
		environment.remove("CALLOUT_LINK_KEY");

		try (ServiceProcess service = ServiceProcess.start(JAR, installDir, environment)) {
			assertThat(service.awaitExit()).isNotZero();
			assertThat(service.log()).contains("CALLOUT_LINK_KEY is not set: with a shared database every instance must use the same secrets");
		}
	}

	private Map<String, String> postgresAndSmtpEnvironment() {
		PostgresServer.Coordinates server = PostgresServer.coordinates();
		Map<String, String> environment = new HashMap<>();
		environment.put("CALLOUT_DB_URL", server.urlWithSchema(PostgresServer.createFreshSchema()));
		environment.put("CALLOUT_DB_USER", server.user());
		environment.put("CALLOUT_DB_PASSWORD", server.password());
		environment.put("CALLOUT_MAIL_TRANSPORT", "smtp");
		environment.put("CALLOUT_MAIL_SMTP_HOST", "127.0.0.1");
		environment.put("CALLOUT_MAIL_SMTP_PORT", String.valueOf(SMTP_PORT));
		environment.put("CALLOUT_MAIL_SMTP_SECURITY", "none");
		environment.put("CALLOUT_ADMIN_TOKEN", "jar-test-admin-token-0123456789");
		environment.put("CALLOUT_LINK_KEY", "jar-test-link-key-0123456789");
		environment.put("CALLOUT_ADDRESS_HASH_KEY", "jar-test-hash-key-0123456789");
		environment.put("CALLOUT_PUBLIC_BASE_URL", "https://act.example.org");
		return environment;
	}

	/** Every variable the Dockerfile names, in its ENV lines or the comment listing the rest. */
	private static Set<String> documentedVariables() throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("\\b(CALLOUT_[A-Z_]+|PORT)\\b").matcher(Files.readString(Path.of("Dockerfile")));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		String readme = Files.readString(Path.of("README.md"));
		assertThat(names).allMatch(readme::contains, "named in the README too");
		return names;
	}

	private void install() throws IOException {
		FileSystemUtils.copyRecursively(Path.of("config"), installDir.resolve("config"));
		FileSystemUtils.copyRecursively(Path.of("templates"), installDir.resolve("templates"));
	}

	private static HttpResponse<String> sendTestEmail(ServiceProcess service, String token)
			throws IOException, InterruptedException {
		return service.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/mail/test"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"operator@example.org\"}"))
			.build());
	}

	/** Runs the Docker HEALTHCHECK's own program against the service. */
	private static int healthCheckExitCode(ServiceProcess service) throws Exception {
		Path classes = Files.createTempDirectory("healthcheck");
		assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), ".ci/HealthCheck.java")).isZero();
		ProcessBuilder check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classes.toString(), "HealthCheck").inheritIO();
		check.environment().put("PORT", String.valueOf(service.port()));
		return check.start().waitFor();
	}

	private long emlFiles() throws IOException {
		try (Stream<Path> files = Files.list(installDir.resolve("data/outbox"))) {
			return files.filter(p -> p.toString().endsWith(".eml")).count();
		}
	}

}
