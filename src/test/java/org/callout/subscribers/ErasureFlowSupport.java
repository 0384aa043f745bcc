package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.callout.campaigns.internal.email.CallPageLinks;
import org.callout.delivery.DeliveryFlowSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A running Callout behind a trusted proxy (so each test's signup records an IP of its own from X-Forwarded-For),
 * with helpers to make a person with everything Callout can hold about them, erase them, and search every text
 * column of every table for what identified them.
 */
@TestPropertySource(properties = "callout.trusted-proxies=127.0.0.1,::1")
@Import(FailingErasurePart.class)
abstract class ErasureFlowSupport extends DeliveryFlowSupport {

	@Autowired
	FailingErasurePart failingPart;

	private static final AtomicInteger NEXT = new AtomicInteger();

	private static final AtomicInteger PRINTS = new AtomicInteger(7100);

	@Autowired
	CallPageLinks callPages;

	/** What identifies one person, each value used by nobody else. */
	record Person(String email, String firstName, String lastName, String street, String ip, String userAgent) {

		List<String> identifying() {
			return List.of(email, firstName, lastName, street, ip, userAgent);
		}

	}

	static Person newPerson() {
		// Letters only (hex digits moved to g-p), so no other value in the database contains it by chance.
		String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8).chars()
			.mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
			.collect(java.util.stream.Collectors.joining());
		int n = NEXT.incrementAndGet();
		return new Person("erase-" + tag + n + "@example.org", "Zebulon" + tag, "Quattlebaum" + tag, n + " Lark" + tag + " Street",
				"198.51.100." + (10 + n), "ErasureTest/" + n + " (" + tag + ")");
	}

	/** Signs the person up through the public API from their own IP and browser, and answers the 202's body. */
	HttpResponse<String> signUp(Person person) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", person.email());
		body.put("firstName", person.firstName());
		body.put("lastName", person.lastName());
		body.put("zip", "12207");
		body.put("streetAddress", person.street());
		body.put("termsVersion", terms("en").get("versionId").asString());
		body.put("consent", true);
		body.put("pageUrl", "https://www.example.org/join?ref=" + person.firstName());
		body.put("formId", "erasure-test");
		// Not postJson: it sets a User-Agent of its own, and the person's must be the only one.
		return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/signups"))
			.header("Content-Type", "application/json")
			.header("User-Agent", person.userAgent())
			.header("X-Forwarded-For", person.ip())
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Signed up and confirmed through the emailed link, with districts from ZIP 12207; answers their id. */
	long confirmed(Person person) throws Exception {
		int before = emailsTo(person.email()).size();
		assertThat(signUp(person).statusCode()).isEqualTo(202);
		Awaitility.await("confirmation to " + person.email()).atMost(Duration.ofSeconds(20))
			.until(() -> emailsTo(person.email()).size() > before);
		assertThat(pressButton(link(emailsTo(person.email()).getLast(), "confirm")).statusCode()).isEqualTo(200);
		long id = subscriberId(person.email());
		Awaitility.await("districts of " + id).atMost(Duration.ofSeconds(20))
			.until(() -> admin("/api/v1/subscribers/" + id + "/districts").statusCode() == 200);
		return id;
	}

	/**
	 * Confirmed, then sent a blast (its record has the address and the relay's reply), then reported a call, then asked
	 * for a fresh unsubscribe link from their own IP.
	 */
	long withEverything(Person person) throws Exception {
		long id = confirmed(person);
		int print = PRINTS.incrementAndGet();
		long bill = trackBill("S" + print, "A" + print, List.of(), List.of(), "IN_SENATE_COMM", null);
		long blast = startBlast(bill, Map.of());
		awaitState(blast, "SENT", Duration.ofSeconds(60));
		assertThat(blastEmailsTo(person.email(), blast)).hasSize(1);
		String page = local(callPages.blastUrl(id, blast, "en"));
		String form = "target=" + legislatorId("upper", "46") + "&outcome=TALKED";
		HttpResponse<String> called = http.send(HttpRequest.newBuilder(URI.create(page))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
		askForFreshLink(person);
		return id;
	}

	/** The fresh-link form, as the person's browser posts it (its CSRF cookie set by showing the form first). */
	void askForFreshLink(Person person) throws Exception {
		HttpResponse<String> form = get(base() + "/unsubscribe-link?lang=en");
		String csrf = find("name=\"_csrf\" value=\"([^\"]*)\"", form.body());
		HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(base() + "/unsubscribe-link?lang=en"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", person.userAgent())
			.header("X-Forwarded-For", person.ip())
			.POST(HttpRequest.BodyPublishers.ofString("email=" + encode(person.email()) + "&_csrf=" + encode(csrf)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
	}

	long subscriberId(String email) throws Exception {
		HttpResponse<String> found = admin("/api/v1/subscribers?email=" + encode(email));
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return json.readTree(found.body()).get("id").asLong();
	}

	HttpResponse<String> erase(String email) throws Exception {
		return postJson("/api/v1/subscribers/erasures", json.writeValueAsString(Map.of("email", email)), organizer());
	}

	HttpResponse<String> access(String email) throws Exception {
		return admin("/api/v1/subscribers/access?email=" + encode(email));
	}

	static Map<String, String> organizer() {
		return Map.of("Authorization", "Bearer " + ADMIN);
	}

	/** Every text column of every table holding one of the values, in any case: "table.column: value". */
	List<String> whereFound(List<String> values) {
		return new TextColumnSearch(jdbc).whereFound(values);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
