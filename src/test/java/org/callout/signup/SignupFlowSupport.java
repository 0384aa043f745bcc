package org.callout.signup;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.callout.subscribers.SubscriberDetailsChanged;
import org.callout.subscribers.SubscriberUnsubscribed;
import org.callout.subscribers.SubscriptionConfirmed;
import org.callout.support.LocalhostCookies;
import org.callout.support.MutableClock;
import org.callout.support.TestSmtp;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running Callout on a random port, sending through GreenMail (real SMTP on loopback), with a clock the
 * test moves. Talks to it over real HTTP, keeping cookies like a browser does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callout.mail.transport=smtp", "callout.mail.smtp.host=127.0.0.1",
				"callout.public-base-url=https://act.example.org", "callout.secrets.admin-token=flow-admin-token-0123456789",
				"callout.signup.queue-poll-interval=1s",
				"callout.signup.cors-allowed-origins=https://www.example.org",
				// These tests send many signups from 127.0.0.1; the per-IP limit has tests of its own.
				"callout.signup.rate-limit.per-ip-per-hour=100000",
				// Every test signs in from 127.0.0.1: the address throttle has tests of its own (SignInThrottleTests).
				"callout.console.sign-in.address-failures=100000" })
@Import(SignupFlowSupport.Clocks.class)
public abstract class SignupFlowSupport {

	public static final String ADMIN = "flow-admin-token-0123456789";

	@RegisterExtension
	protected static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("callout.mail.smtp.port", () -> TestSmtp.PORT);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

		@Bean
		ConfirmedEvents confirmedEvents() {
			return new ConfirmedEvents();
		}

	}

	/** Collects the events the subscribers module publishes, whatever thread. */
	public static class ConfirmedEvents {

		private final Queue<SubscriptionConfirmed> received = new ConcurrentLinkedQueue<>();

		private final Queue<SubscriberDetailsChanged> detailsChanged = new ConcurrentLinkedQueue<>();

		private final Queue<SubscriberUnsubscribed> unsubscribed = new ConcurrentLinkedQueue<>();

		@EventListener
		void on(SubscriptionConfirmed event) {
			received.add(event);
		}

		@EventListener
		void on(SubscriberDetailsChanged event) {
			detailsChanged.add(event);
		}

		@EventListener
		void on(SubscriberUnsubscribed event) {
			unsubscribed.add(event);
		}

		public List<SubscriptionConfirmed> received() {
			return List.copyOf(received);
		}

		public List<SubscriberDetailsChanged> detailsChanged() {
			return List.copyOf(detailsChanged);
		}

		public List<SubscriberUnsubscribed> unsubscribed() {
			return List.copyOf(unsubscribed);
		}

	}

	@Autowired
	protected ConfirmedEvents confirmedEvents;

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	protected final JsonMapper json = JsonMapper.builder().build();

	protected final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new LocalhostCookies())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	protected String base() {
		return "http://localhost:" + port;
	}

	protected static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	protected JsonNode terms(String language) throws Exception {
		return json.readTree(get(base() + "/api/v1/terms?lang=" + language).body());
	}

	protected String signupJson(String email, String language, String list) throws Exception {
		return json.writeValueAsString(Map.of("email", email, "firstName", "Ana", "lastName", "Pérez", "zip", "10004",
				"language", language, "list", list == null ? "" : list, "termsVersion", terms(language).get("versionId").asString(),
				"consent", true, "pageUrl", "https://www.example.org/join", "formId", "press-release"));
	}

	protected HttpResponse<String> signUp(String email, String language) throws Exception {
		return postJson("/api/v1/signups", signupJson(email, language, null), Map.of());
	}

	protected HttpResponse<String> postJson(String path, String body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/json")
			.header("User-Agent", "FlowTest/1.0")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	protected HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	protected HttpResponse<String> admin(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + ADMIN).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	protected HttpResponse<Void> head(String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.discarding());
	}

	/** Presses the page's button: GET the page, then POST its form with the token and CSRF field. */
	protected HttpResponse<String> pressButton(String link) throws Exception {
		HttpResponse<String> page = get(local(link));
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		String action = find("<form method=\"post\" action=\"([^\"]+)\"", page.body());
		String form = "token=" + encode(htmlValue("token", page.body())) + "&_csrf=" + encode(htmlValue("_csrf", page.body()));
		return http.send(HttpRequest.newBuilder(URI.create(base() + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", "Mozilla/5.0 (Confirming)")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Links in emails point at the public base URL; the test reaches the same path on localhost. */
	protected String local(String link) {
		assertThat(link).startsWith("https://act.example.org/");
		return base() + link.substring("https://act.example.org".length());
	}

	protected MimeMessage awaitEmailTo(String address) {
		Awaitility.await("email to " + address).atMost(Duration.ofSeconds(20)).until(() -> emailsTo(address).size() >= 1);
		return emailsTo(address).getFirst();
	}

	protected List<MimeMessage> emailsTo(String address) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().toLowerCase().contains(address.toLowerCase()));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/**
	 * Proves that nothing is (or will be) sent to {@code address}: confirmations go out in queue order, so once
	 * a later marker signup's email has arrived, an email to {@code address} would have arrived before it.
	 */
	protected void assertNothingSentTo(String address, int alreadyReceived) throws Exception {
		String marker = unique("marker");
		assertThat(signUp(marker, "en").statusCode()).isEqualTo(202);
		awaitEmailTo(marker);
		assertThat(emailsTo(address)).hasSize(alreadyReceived);
	}

	protected static String link(MimeMessage message, String path) throws Exception {
		return find("(https://act\\.example\\.org/" + path + "\\?token=[A-Za-z0-9_.-]+&lang=[a-z]+)", GreenMailUtil.getBody(message)
			.replace("=\r\n", "").replace("=3D", "="));
	}

	protected static String find(String regex, String text) {
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

	protected long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
