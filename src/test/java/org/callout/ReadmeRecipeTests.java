package org.callout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.callout.mail.MailProperties;
import org.callout.support.H2Database;
import org.callout.support.ServiceProcess;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's "confirm as a person would" recipe, run as written with bash, curl and perl against a running
 * Callout on the outbox transport: only the port and the outbox directory are changed.
 */
@H2Database
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ReadmeRecipeTests {

	private static final int PORT = ServiceProcess.freePort();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("callout.public-base-url", () -> "http://localhost:" + PORT);
	}

	@Autowired
	MailProperties mail;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theConfirmRecipeConfirmsAnEnglishSignupAndWritesNoFile() throws Exception {
		signUp("readme-en@example.org", "en");

		String output = runRecipe();

		assertThat(output).contains("<h1>Confirm your subscription</h1>", "<h1>You&#39;re signed up</h1>");
		assertThat(Path.of("jar")).doesNotExist();
		assertThat(Path.of("page.html")).doesNotExist();
	}

	@Test
	void theConfirmRecipeFindsTheLinkInASpanishEmailWhoseTextIsQuotedPrintable() throws Exception {
		signUp("readme-es@example.org", "es");

		String output = runRecipe();

		assertThat(output).contains("<h1>Confirme su suscripción</h1>", "<h1>¡Listo! Su suscripción está confirmada</h1>");
	}

	private void signUp(String address, String language) throws Exception {
		String terms = get("/api/v1/terms?lang=" + language);
		String version = find("\"versionId\":\"([0-9a-f]+)\"", terms);
		String body = "{\"email\":\"" + address + "\",\"firstName\":\"Ana\",\"lastName\":\"Pérez\",\"zip\":\"10004\",\"language\":\""
				+ language + "\",\"termsVersion\":\"" + version + "\",\"consent\":true}";
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/api/v1/signups"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(202);
		Awaitility.await("a confirmation in the outbox").atMost(Duration.ofSeconds(20)).until(() -> {
			try (var files = Files.list(outbox())) {
				return files.anyMatch(f -> f.toString().endsWith(".eml") && contains(f, address));
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	private String runRecipe() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		String recipe = find("```sh\n(LINK=\\$\\(perl[\\s\\S]*?)```", readme)
			.replace("http://localhost:8080", "http://localhost:" + PORT)
			.replace("data/outbox/*.eml", outbox().toAbsolutePath() + "/*.eml");
		Process process = new ProcessBuilder(List.of("bash", "-euo", "pipefail", "-c", recipe)).redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private Path outbox() {
		return mail.outboxDir();
	}

	private String get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	private static boolean contains(Path file, String address) {
		try {
			return Files.readString(file, StandardCharsets.ISO_8859_1).contains(address);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String find(String regex, String text) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

}
