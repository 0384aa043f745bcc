package org.callout.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.callout.support.MutableClock;
import org.callout.support.ScriptedSmtpServer;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running Callout whose relay is a {@link ScriptedSmtpServer} on loopback (so a test decides every reply, can
 * slow it down, hang up or take it down), with a clock the test moves (retries are due only when the test says
 * so) and helpers to make lists, supporters and blasts through the organizer API and to read the records back.
 * Every test makes its own list: the server and the context are shared by all the classes that extend this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callout.mail.transport=smtp", "callout.mail.smtp.host=127.0.0.1",
				// A login, so that a refused one (535) can be scripted.
				"callout.mail.smtp.username=callout", "callout.mail.smtp.password=relay-password-0123",
				"callout.mail.smtp.read-timeout=10s", "callout.mail.smtp.borrow-timeout=10s",
				"callout.mail.relay.relay-fault-first-pause=300ms", "callout.mail.relay.relay-fault-longest-pause=1s",
				"callout.public-base-url=https://act.example.org", "callout.secrets.admin-token=" + ScriptedRelaySupport.ADMIN,
				"callout.signup.queue-poll-interval=300ms", "callout.signup.rate-limit.per-ip-per-hour=100000",
				"callout.campaigns.scheduler-interval=300ms", "callout.delivery.poll-interval=200ms",
				"callout.delivery.first-retry=1s", "callout.delivery.longest-retry=2s", "callout.delivery.chunk-size=20",
				"callout.delivery.max-attempts=3", "callout.delivery.progress-log-interval=1s" })
@Import(ScriptedRelaySupport.Clocks.class)
abstract class ScriptedRelaySupport {

	static final String ADMIN = "faults-admin-token-0123456789";

	static final int CHUNK = 20;

	/** Send workers per blast (the default): chunks of one blast in flight at once on an instance. */
	static final int WORKERS = 2;

	/** One relay for the whole JVM: contexts are cached across test classes and keep its port. */
	static final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("callout.mail.smtp.port", smtp::port);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AddressHasher hasher;

	final JsonMapper json = JsonMapper.builder().build();

	/** The list each blast of this test goes to: blast ids repeat across the contexts that share the relay. */
	private final Map<Long, String> blastLists = new java.util.HashMap<>();

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void aWorkingRelayWithFreshConnections() {
		smtp.script(line -> null).dataDelay(Duration.ZERO);
		// Up if a test left it down, and every pooled connection hung up: each test's first message logs in again,
		// so a scripted login refusal is met.
		smtp.up().down().up();
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	/** A new public list; answers its slug. */
	String newList() throws Exception {
		String slug = "faults-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = send("POST", "/api/v1/lists",
				json.writeValueAsString(Map.of("slug", slug, "name", "Faults " + slug, "isPublic", true)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return slug;
	}

	long listId(String slug) throws Exception {
		return json.readTree(admin("/api/v1/lists/" + slug).body()).get("id").asLong();
	}

	/**
	 * Confirmed members written straight into the tables, as an import would leave them: many quickly. No
	 * districts (the email then links to the lookup). Answers their addresses in id order.
	 */
	List<String> members(String slug, int count, String prefix) throws Exception {
		long list = listId(slug);
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			addresses.add(member(list, unique(prefix + i), "Member" + i));
		}
		return addresses;
	}

	String member(long list, String address, String firstName) {
		EmailAddress parsed = EmailAddress.parse(address);
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO subscribers (email, email_key, first_name, zip, language, created_at, email_hash)
				VALUES (:email, :key, :first, '12207', 'en', :now, :hash)""")
			.param("email", parsed.value()).param("key", parsed.matchKey()).param("first", firstName).param("now", now)
			.param("hash", hasher.hash(parsed.matchKey()))
			.update();
		jdbc.sql("""
				INSERT INTO memberships (subscriber_id, list_id, status, updated_at)
				SELECT id, :list, 'CONFIRMED', :now FROM subscribers WHERE email_key = :key""")
			.param("list", list).param("key", parsed.matchKey()).param("now", now)
			.update();
		return parsed.value();
	}

	long subscriberId(String address) {
		return jdbc.sql("SELECT id FROM subscribers WHERE email_key = :key").param("key", EmailAddress.parse(address).matchKey())
			.query(Long.class).single();
	}

	/** Signs up through the public API onto the list and confirms through the link the relay received. */
	long confirmedSupporter(String address, String slug) throws Exception {
		String terms = json.readTree(get("/api/v1/terms?lang=en").body()).get("versionId").asString();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", address);
		body.put("firstName", "Ana");
		body.put("lastName", "Díaz");
		body.put("zip", "12207");
		body.put("language", "en");
		body.put("list", slug);
		body.put("termsVersion", terms);
		body.put("consent", true);
		HttpResponse<String> signup = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/signups"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
		Awaitility.await("confirmation to " + address).atMost(Duration.ofSeconds(20)).until(() -> smtp.receivedFor(address) >= 1);
		MimeMessage confirmation = mime(smtp.received().stream()
			.filter(r -> r.recipients().stream().anyMatch(address::equalsIgnoreCase))
			.findFirst()
			.orElseThrow()
			.data());
		String link = find("(https://act\\.example\\.org/confirm\\?token=[A-Za-z0-9_.-]+&lang=[a-z]+)",
				GreenMailUtil.getBody(confirmation).replace("=\r\n", "").replace("=3D", "="));
		HttpResponse<String> page = get(link.substring("https://act.example.org".length()));
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		String action = find("<form method=\"post\" action=\"([^\"]+)\"", page.body());
		String form = "token=" + encode(htmlValue("token", page.body())) + "&_csrf=" + encode(htmlValue("_csrf", page.body()));
		HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(base() + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", "Mozilla/5.0 (Confirming)")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		return subscriberId(address);
	}

	/** A hand-made blast to the list with no bill, sent at once (no quiet hours); answers its id. */
	long startBlast(String slug, Map<String, Object> extra) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("lists", List.of(slug));
		body.put("quietHours", false);
		body.putAll(extra);
		HttpResponse<String> created = send("POST", "/api/v1/blasts", json.writeValueAsString(body));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json.readTree(created.body()).get("id").asLong();
		blastLists.put(id, slug);
		HttpResponse<String> submitted = send("POST", "/api/v1/blasts/" + id + "/submit", null);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		return id;
	}

	/** An instant as the API takes it. */
	static String at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	JsonNode blast(long id) throws Exception {
		HttpResponse<String> response = admin("/api/v1/blasts/" + id);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	String state(long id) throws Exception {
		return blast(id).get("state").asString();
	}

	JsonNode awaitState(long id, String state, Duration atMost) throws Exception {
		Awaitility.await("blast " + id + " " + state).atMost(atMost).pollInterval(Duration.ofMillis(50))
			.until(() -> state.equals(state(id)));
		return blast(id);
	}

	/** Every delivery record of the blast, page by page. */
	List<JsonNode> deliveries(long id) throws Exception {
		List<JsonNode> all = new ArrayList<>();
		String next = "/api/v1/blasts/" + id + "/deliveries?limit=100";
		while (next != null) {
			HttpResponse<String> page = admin(next);
			assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
			JsonNode body = json.readTree(page.body());
			body.get("items").forEach(all::add);
			next = body.get("next").isNull() ? null : body.get("next").asString();
		}
		return all;
	}

	/** The record of one recipient, found by subscriber (the address column is only set once it is tried). */
	JsonNode record(long blast, String address) throws Exception {
		return findRecord(blast, address).orElseThrow(() -> new AssertionError("No record of " + address + " in blast " + blast));
	}

	/** Empty until the snapshot is taken. */
	java.util.Optional<JsonNode> findRecord(long blast, String address) throws Exception {
		long subscriber = subscriberId(address);
		return deliveries(blast).stream().filter(r -> r.get("subscriberId").asLong() == subscriber).findFirst();
	}

	JsonNode awaitRecord(long blast, String address, String status, int attempts) throws Exception {
		Awaitility.await(address + " " + status + " after " + attempts).atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> findRecord(blast, address)
				.filter(r -> status.equals(r.get("status").asString()) && r.get("attempts").asInt() == attempts)
				.isPresent());
		return record(blast, address);
	}

	/** Whole copies of this blast's message to the address that the relay got: acknowledged, or not. */
	long copies(String address, long blast) {
		return copies(smtp.received(), address, blast) + copies(smtp.unacknowledged(), address, blast);
	}

	/** Copies of this blast's message to the address that the relay acknowledged (250 to the end of DATA). */
	long accepted(String address, long blast) {
		return copies(smtp.received(), address, blast);
	}

	private long copies(List<ScriptedSmtpServer.Received> messages, String address, long blast) {
		return messages.stream()
			.filter(r -> r.recipients().stream().anyMatch(address::equalsIgnoreCase))
			.filter(r -> ofBlast(r, blast))
			.count();
	}

	/** Messages of this blast the relay acknowledged, to anyone. */
	long acceptedOfBlast(long blast) {
		return smtp.received().stream().filter(r -> ofBlast(r, blast)).count();
	}

	/** Its Feedback-ID names the blast, and its List-Id the blast's list (unique to the test, so to the context). */
	private boolean ofBlast(ScriptedSmtpServer.Received message, long blast) {
		String slug = blastLists.get(blast);
		return message.data().contains("Feedback-ID: blast-" + blast + ":")
				&& (slug == null || message.data().contains("<" + slug + "."));
	}

	/** RCPT TO commands the relay got for the address (each try of each message). */
	int rcpts(String address) {
		return smtp.attemptsFor(address).size();
	}

	/** The statuses of the blast's Batch executions (this instance's job instance), oldest first. */
	List<String> executions(long blast) {
		return jdbc.sql("""
				SELECT e.status FROM batch_job_execution e
				JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE p.parameter_name = 'blastId' AND p.parameter_value = :blast
				ORDER BY e.job_execution_id""")
			.param("blast", String.valueOf(blast))
			.query(String.class)
			.list();
	}

	/** Chunks the blast's send workers committed so far, all executions (each claimed chunk, or probe, is one). */
	long sendCommits(long blast) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(s.commit_count), 0) FROM batch_step_execution s
				JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
				WHERE s.step_name LIKE 'send-worker:%' AND p.parameter_name = 'blastId' AND p.parameter_value = :blast""")
			.param("blast", String.valueOf(blast))
			.query(Long.class)
			.single();
	}

	String base() {
		return "http://localhost:" + port;
	}

	HttpResponse<String> admin(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + ADMIN).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> send(String method, String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static MimeMessage mime(String data) throws Exception {
		return new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
	}

	static String find(String regex, String text) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
		return matcher.group(1);
	}

	private static String htmlValue(String name, String html) {
		return find("name=\"" + name + "\" value=\"([^\"]*)\"", html).replace("&#45;", "-");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
