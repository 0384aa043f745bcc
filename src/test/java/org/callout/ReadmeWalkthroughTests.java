package org.callout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.callout.mail.MailProperties;
import org.callout.platform.CalloutProperties;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.callout.support.ServiceProcess;
import org.callout.support.TempDirectories;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's walkthrough ("Your first blast, step by step"), run as written: every {@code sh} block between its
 * {@code walkthrough:start} and {@code walkthrough:end} markers, in order, in one {@code bash -euo pipefail}, against
 * this test's running Callout on the outbox transport with a fresh database and data directory. The first block is
 * the README's run command, which this test stands in for; the others run from a directory whose {@code data} is
 * the service's data directory, so {@code data/secrets/admin-token} and {@code data/outbox/*.eml} are read as the
 * README says. Only the port is changed: the scheduler and the engine keep their default intervals (15 s, 2 s), as
 * the README's reader has them, since the walkthrough's blast is due when it is made and needs neither wait.
 */
@H2Database
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ReadmeWalkthroughTests {

	private static final int PORT = ServiceProcess.freePort();

	private static final String BASE = "http://localhost:" + PORT;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("callout.public-base-url", () -> BASE);
	}

	@Autowired
	CalloutProperties callout;

	@Autowired
	MailProperties mail;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theWalkthroughTakesAFreshServiceToItsFirstBlastWhoseEmailsNameEachSupportersLegislatorsAndUnsubscribe()
			throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		List<String> blocks = walkthroughBlocks(readme);
		// Step 1 starts the service with the README's run command; here the service is this test's.
		assertThat(blocks.getFirst()).isEqualTo("./mvn21 spring-boot:run\n");
		assertThat(readme.substring(0, readme.indexOf("## What you see after starting"))).contains("```sh\n" + blocks.getFirst() + "```");
		String script = String.join("", blocks.subList(1, blocks.size())).replace("http://localhost:8080", BASE);
		assertThat(script).as("every URL in the walkthrough is http://localhost:8080/...").doesNotContain("8080");
		Map<String, String> supporters = supporters(script);
		assertThat(supporters).as("signup lines").hasSizeGreaterThanOrEqualTo(3).containsEntry("ana@example.org", "12207");

		String output = run(script);

		// What the walkthrough prints, step by step.
		assertThat(output).contains("\"status\":\"UP\"", "<h1>You&#39;re signed up</h1>",
				"<h1>¡Listo! Su suscripción está confirmada</h1>", "\"exact\":" + supporters.size(), "\"mode\":\"AUTO_SEND\"",
				"\"quietHours\":false", "\"result\":\"ANNOUNCED\"", "CALL your Senator, Pat Fahy",
				"CALL your Assembly Member, Gabriella Romero", "LLAME a su senador(a)", "HTTP/1.1 200",
				"<h1>You&#39;re unsubscribed</h1>", "\"status\":\"UNSUBSCRIBED\"", "\"kind\":\"WITHDRAWN\"");
		assertThat(output).containsPattern("blast \\d+: SENT");

		// The outcome, checked on its own: one blast, SENT, one delivery per confirmed supporter.
		JsonNode blasts = get("/api/v1/blasts");
		assertThat(blasts.size()).isEqualTo(1);
		long blastId = blasts.get(0).get("id").asLong();
		JsonNode blast = get("/api/v1/blasts/" + blastId);
		assertThat(blast.get("state").asString()).isEqualTo("SENT");
		assertThat(blast.get("counts").get("total").asLong()).isEqualTo(supporters.size());
		assertThat(blast.get("counts").get("sent").asLong()).isEqualTo(supporters.size());

		// One .eml of the blast per supporter, naming their own senator and assembly member.
		Map<String, List<String>> emails = blastEmails(blastId);
		assertThat(emails.keySet()).containsExactlyInAnyOrderElementsOf(supporters.keySet());
		for (var supporter : supporters.entrySet()) {
			assertThat(emails.get(supporter.getKey())).as("emails of the blast to %s", supporter.getKey()).hasSize(1);
			String text = emails.get(supporter.getKey()).getFirst();
			JsonNode found = get("/api/v1/subscribers?email=" + URLEncoder.encode(supporter.getKey(), StandardCharsets.UTF_8));
			JsonNode districts = get("/api/v1/subscribers/" + found.get("id").asLong() + "/districts");
			assertThat(districts.get("confidence").asString()).isEqualTo("exact");
			assertThat(text).contains(districts.get("senate").get("legislator").get("name").asString(),
					districts.get("assembly").get("legislator").get("name").asString());
		}
		assertThat(emails.get("ana@example.org").getFirst()).contains("Pat Fahy", "District 46", "Gabriella Romero",
				"District 109");
		assertThat(emails.values().stream().flatMap(List::stream).filter(text -> text.contains("Pat Fahy"))).hasSize(
				(int) supporters.values().stream().filter("12207"::equals).count());

		// The one-click unsubscribe worked for Ana only.
		for (String address : supporters.keySet()) {
			JsonNode memberships = get("/api/v1/subscribers?email=" + URLEncoder.encode(address, StandardCharsets.UTF_8))
				.get("memberships");
			assertThat(memberships.get(0).get("status").asString()).as(address)
				.isEqualTo(address.equals("ana@example.org") ? "UNSUBSCRIBED" : "CONFIRMED");
		}

		// The same emails in the console's outbox viewer, as a newcomer reads them without a mail client.
		String token = Files.readString(callout.dataDir().resolve("secrets").resolve("admin-token")).strip();
		HttpResponse<String> account = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/accounts"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\":\"newcomer\",\"email\":\"newcomer@example.org\",\"password\":\"correct horse battery staple\",\"role\":\"VIEWER\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
		ConsoleClient console = new ConsoleClient(BASE);
		assertThat(console.signIn("newcomer", "correct horse battery staple").statusCode()).isEqualTo(302);
		String outbox = console.get("/console/outbox").body();
		Matcher message = Pattern.compile("href=\"(/console/outbox/message\\?file=[^\"]+)\"").matcher(outbox);
		List<String> shown = new ArrayList<>();
		while (message.find()) {
			shown.add(console.get(message.group(1).replace("&amp;", "&")).body());
		}
		assertThat(shown).as("messages listed in the outbox viewer").hasSizeGreaterThanOrEqualTo(supporters.size());
		assertThat(shown).anySatisfy(page -> assertThat(page).contains("Pat Fahy").contains("/u/…"));
		assertThat(shown).allSatisfy(page -> assertThat(page).doesNotContainPattern("/u/[A-Za-z0-9_-]{8,}"));
	}

	/** The sh blocks between the walkthrough's markers, in order. */
	private static List<String> walkthroughBlocks(String readme) {
		int start = readme.indexOf("<!-- walkthrough:start");
		int end = readme.indexOf("<!-- walkthrough:end -->");
		assertThat(start).as("walkthrough:start marker").isNotNegative();
		assertThat(end).as("walkthrough:end marker").isGreaterThan(start);
		Matcher block = Pattern.compile("```sh\n([\\s\\S]*?)```").matcher(readme.substring(start, end));
		List<String> blocks = new ArrayList<>();
		while (block.find()) {
			blocks.add(block.group(1));
		}
		assertThat(blocks).as("sh blocks of the walkthrough").hasSizeGreaterThan(5);
		return blocks;
	}

	/** Who the walkthrough signs up ({@code signup <address> <first name> <zip> <language>}): address to ZIP. */
	private static Map<String, String> supporters(String script) {
		Matcher line = Pattern.compile("(?m)^signup (\\S+@\\S+) \\S+ (\\d{5}) [a-z]{2}\\b").matcher(script);
		Map<String, String> supporters = new LinkedHashMap<>();
		while (line.find()) {
			supporters.put(line.group(1), line.group(2));
		}
		return supporters;
	}

	private String run(String script) throws Exception {
		Path work = TempDirectories.create("callout-walkthrough-");
		Path data = callout.dataDir().toAbsolutePath().normalize();
		assertThat(mail.outboxDir().toAbsolutePath().normalize()).isEqualTo(data.resolve("outbox"));
		Files.createSymbolicLink(work.resolve("data"), data);
		Path log = work.resolve("walkthrough.log");
		Process process = new ProcessBuilder(List.of("bash", "-euo", "pipefail", "-c", script)).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean ended = process.waitFor(180, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(ended).as("the walkthrough ended within 180 s:\n" + output).isTrue();
		assertThat(process.exitValue()).as("the walkthrough's exit status:\n" + output).isZero();
		return output;
	}

	/** The text part of each outbox email of the blast (its Feedback-ID names it), by recipient. */
	private Map<String, List<String>> blastEmails(long blastId) throws Exception {
		Map<String, List<String>> byRecipient = new LinkedHashMap<>();
		Session session = Session.getInstance(new Properties());
		try (Stream<Path> files = Files.list(mail.outboxDir())) {
			for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
				MimeMessage message;
				try (InputStream in = Files.newInputStream(file)) {
					message = new MimeMessage(session, in);
				}
				String[] feedback = message.getHeader("Feedback-ID");
				if (feedback == null || !feedback[0].startsWith("blast-" + blastId + ":")) {
					continue;
				}
				byRecipient.computeIfAbsent(message.getAllRecipients()[0].toString(), key -> new ArrayList<>())
					.add(plainText(message));
			}
		}
		return byRecipient;
	}

	private static String plainText(MimeMessage message) throws Exception {
		Multipart parts = (Multipart) message.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			if (parts.getBodyPart(i).isMimeType("text/plain")) {
				return (String) parts.getBodyPart(i).getContent();
			}
		}
		throw new AssertionError("No text/plain part");
	}

	private JsonNode get(String path) throws Exception {
		String token = Files.readString(callout.dataDir().resolve("secrets").resolve("admin-token")).strip();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + path))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

}
