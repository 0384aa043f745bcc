package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A running Callout (see {@link SignupFlowSupport}) with confirmed subscribers to unsubscribe, reached with a
 * plain HTTP client that keeps no cookies (as a mail app's one-click POST does), and a small per-IP cap on the
 * fresh-link form so its test can reach it.
 */
@H2Database
@TestPropertySource(properties = "callout.subscribers.fresh-links.per-ip-per-hour=4")
public abstract class UnsubscribeFlowSupport extends SignupFlowSupport {

	/** No cookie handler: nothing a response sets is ever sent back. */
	protected final HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	protected UnsubscribeLinks links;

	@Autowired
	protected SubscriberLists lists;

	@BeforeEach
	void freshLimitWindows() {
		// The test classes share one running Callout: every test starts outside the fresh-link windows of the
		// tests before it (per address 15 min, per network 1 h), whichever class they were in.
		clock.advance(Duration.ofHours(2));
	}

	/** A subscriber confirmed on the default list and on one new list per extra name; their list ids in that order. */
	protected Confirmed confirmed(String address, String language, String... extraLists) throws Exception {
		List<String> slugs = new ArrayList<>();
		slugs.add("supporters");
		for (String name : extraLists) {
			String slug = name.toLowerCase().replace(' ', '-') + "-" + UUID.randomUUID().toString().substring(0, 6);
			lists.create(slug, name, null, true);
			slugs.add(slug);
		}
		List<Long> listIds = new ArrayList<>();
		for (int i = 0; i < slugs.size(); i++) {
			HttpResponse<String> signup = postJson("/api/v1/signups", signupJson(address, language, slugs.get(i)), Map.of());
			assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
			int expected = i + 1;
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> emailsTo(address).size() >= expected);
			MimeMessage email = emailsTo(address).get(i);
			assertThat(pressButton(link(email, "confirm")).statusCode()).isEqualTo(200);
			listIds.add(lists.bySlug(slugs.get(i)).orElseThrow().id());
		}
		long id = jdbc.sql("SELECT id FROM subscribers WHERE email_key = :key").param("key", address.toLowerCase()).query(Long.class).single();
		listIds.forEach(list -> assertThat(status(id, list)).isEqualTo("CONFIRMED"));
		return new Confirmed(id, List.copyOf(listIds));
	}

	protected record Confirmed(long id, List<Long> listIds) {

		public UnsubscribeTarget link(List<Long> lists) {
			return new UnsubscribeTarget(id, lists, 7L, false);
		}

		public UnsubscribeTarget linkForFirstList() {
			return link(List.of(listIds.getFirst()));
		}

	}

	protected String path(UnsubscribeTarget target) {
		return "/u/" + links.token(target);
	}

	protected HttpResponse<String> oneClick(String path) throws Exception {
		return plain.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", "ExampleMail/2.0 (one-click)")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The page's own button, with its choice ({@code list} or {@code all}); no cookie, no CSRF field. */
	protected HttpResponse<String> pressUnsubscribe(String path, String scope, String language) throws Exception {
		return plain.send(HttpRequest.newBuilder(URI.create(base() + path + "?lang=" + language))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", "Mozilla/5.0 (Unsubscribing)")
			.POST(HttpRequest.BodyPublishers.ofString("scope=" + scope, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	protected HttpResponse<String> plainGet(String path) throws Exception {
		return plain.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	protected String status(long subscriber, long list) {
		return jdbc.sql("SELECT status FROM memberships WHERE subscriber_id = :s AND list_id = :l")
			.param("s", subscriber)
			.param("l", list)
			.query(String.class)
			.single();
	}

	protected long withdrawals(long subscriber) {
		return jdbc.sql("SELECT COUNT(*) FROM consent_events WHERE subscriber_id = :s AND kind = 'WITHDRAWN'")
			.param("s", subscriber)
			.query(Long.class)
			.single();
	}

	protected List<SubscriberUnsubscribed> unsubscribedEvents(long subscriber) {
		return confirmedEvents.unsubscribed().stream().filter(e -> e.subscriberId() == subscriber).toList();
	}

}
