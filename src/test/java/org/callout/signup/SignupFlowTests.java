package org.callout.signup;

import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.callout.subscribers.SubscriberUnsubscribed;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** The double opt-in, end to end, as a supporter and their mailbox live it. */
@H2Database
class SignupFlowTests extends SignupFlowSupport {

	@Test
	void theConfirmationEmailHasATextAndAnHtmlPartTheHeadersAndTheSignedLinks() throws Exception {
		String address = unique("ana");
		HttpResponse<String> response = signUp(address, "en");

		assertThat(response.statusCode()).isEqualTo(202);
		MimeMessage email = awaitEmailTo(address);
		assertThat(email.getSubject()).isEqualTo("Please confirm: join New York for All");
		assertThat(email.getHeader("From")[0]).isEqualTo("New York Civil Liberties Union <action@example.org>");
		assertThat(email.getHeader("Message-ID")).isNotNull();
		assertThat(email.getHeader("Date")).isNotNull();
		Multipart parts = (Multipart) email.getContent();
		assertThat(email.getContentType()).startsWith("multipart/alternative");
		String text = parts.getBodyPart(0).getContent().toString();
		String html = parts.getBodyPart(1).getContent().toString();
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		assertThat(text).contains("Hello,", "125 Broad Street, 19th Floor, New York, NY 10004", "works for 7 days");
		assertThat(html).contains("125 Broad Street, 19th Floor, New York, NY 10004", "Confirm my subscription");
		assertThat(link(email, "confirm")).startsWith("https://act.example.org/confirm?token=").endsWith("&lang=en");
		assertThat(link(email, "not-me")).startsWith("https://act.example.org/not-me?token=");
	}

	@Test
	void aSpanishSignupGetsItsConfirmationAndPagesInSpanish() throws Exception {
		String address = unique("lucia");
		signUp(address, "es");

		MimeMessage email = awaitEmailTo(address);
		assertThat(email.getSubject()).isEqualTo("Confirme, por favor: únase a la lista «New York for All»");
		assertThat(((Multipart) email.getContent()).getBodyPart(0).getContent().toString()).contains("Hola:");
		String confirm = link(email, "confirm");
		assertThat(confirm).endsWith("&lang=es");
		assertThat(get(local(confirm)).body()).contains("Confirme su suscripción", "lang=\"es\"");
		assertThat(pressButton(confirm).body()).contains("¡Listo! Su suscripción está confirmada");
	}

	@Test
	void getAndHeadConfirmNothingAndOnlyThePagesPostConfirmsWithItsOwnIpAndUserAgent() throws Exception {
		String address = unique("scanned");
		signUp(address, "en");
		String confirm = link(awaitEmailTo(address), "confirm");

		for (int i = 0; i < 3; i++) {
			assertThat(get(local(confirm)).statusCode()).isEqualTo(200);
			assertThat(head(local(confirm)).statusCode()).isEqualTo(200);
		}
		JsonNode subscriber = json.readTree(admin("/api/v1/subscribers?email=" + address).body());
		assertThat(subscriber.get("memberships").get(0).get("status").asString()).isEqualTo("UNCONFIRMED");
		assertThat(subscriber.toString()).doesNotContain("onfirmationNonce");
		long id = subscriber.get("id").asLong();
		assertThat(json.readTree(admin("/api/v1/subscribers/" + id + "/consent-history").body())).hasSize(1);

		HttpResponse<String> confirmed = pressButton(confirm);

		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("You&#39;re signed up");
		JsonNode history = json.readTree(admin("/api/v1/subscribers/" + id + "/consent-history").body());
		assertThat(history).hasSize(2);
		JsonNode granted = history.get(0);
		JsonNode confirmedEvent = history.get(1);
		assertThat(granted.get("kind").asString()).isEqualTo("GRANTED");
		assertThat(granted.get("userAgent").asString()).isEqualTo("FlowTest/1.0");
		assertThat(granted.get("ipAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(granted.get("source").asString()).isEqualTo("api");
		assertThat(granted.get("formId").asString()).isEqualTo("press-release");
		assertThat(granted.get("pageUrl").asString()).isEqualTo("https://www.example.org/join");
		assertThat(granted.get("language").asString()).isEqualTo("en");
		assertThat(granted.get("terms").get("text").asString()).isEqualTo(
				"By completing this form, I agree to receive occasional emails per the terms of New York Civil Liberties Union's privacy policy.");
		assertThat(confirmedEvent.get("kind").asString()).isEqualTo("CONFIRMED");
		assertThat(confirmedEvent.get("userAgent").asString()).isEqualTo("Mozilla/5.0 (Confirming)");
		assertThat(confirmedEvent.get("ipAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(confirmedEvent.get("terms").get("versionId").asString()).isEqualTo(granted.get("terms").get("versionId").asString());
		assertThat(json.readTree(admin("/api/v1/consent-history?email=" + address.toUpperCase()).body())).hasSize(2);
		assertThat(pressButton(confirm).body()).contains("already signed up");
		assertThat(confirmedEvents.received().stream().filter(e -> e.subscriberId() == id))
			.singleElement()
			.satisfies(e -> assertThat(e.language()).isEqualTo("en"));
	}

	@Test
	void thisWasntMeRecordsTheReportAndLaterSignupsOfThatAddressSendNothing() throws Exception {
		String address = unique("victim");
		signUp(address, "en");
		String notMe = link(awaitEmailTo(address), "not-me");
		get(local(notMe));
		head(local(notMe));
		assertThat(count("SELECT COUNT(*) FROM consent_events WHERE kind = 'REPORTED_NOT_ME'")).isZero();

		assertThat(pressButton(notMe).body()).contains("Thanks for letting us know");

		assertThat(count("SELECT COUNT(*) FROM consent_events WHERE kind = 'REPORTED_NOT_ME'")).isEqualTo(1);
		long id = json.readTree(admin("/api/v1/subscribers?email=" + address).body()).get("id").asLong();
		assertThat(confirmedEvents.unsubscribed().stream().filter(e -> e.subscriberId() == id)).singleElement()
			.satisfies(e -> assertThat(e.reason()).isEqualTo(SubscriberUnsubscribed.Reason.NOT_ME));
		clock.advance(Duration.ofDays(2));
		String before = jdbc.sql("SELECT first_name || '|' || zip FROM subscribers WHERE email_key = :key").param("key", address)
			.query(String.class).single();
		Map<String, Object> other = new HashMap<>(json.readValue(signupJson(address, "en", null), Map.class));
		other.put("firstName", "Overwriter");
		other.put("zip", "12345");
		assertThat(postJson("/api/v1/signups", json.writeValueAsString(other), Map.of()).statusCode()).isEqualTo(202);
		assertNothingSentTo(address, 1);
		assertThat(jdbc.sql("SELECT first_name || '|' || zip FROM subscribers WHERE email_key = :key").param("key", address)
			.query(String.class).single()).isEqualTo(before);
		clock.advance(Duration.ofDays(89));
		signUp(address, "en");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> emailsTo(address).size() == 2);
	}

	@Test
	void signingUpAConfirmedAddressAgainAnswersTheSameAndChangesNothing() throws Exception {
		String address = unique("loyal");
		HttpResponse<String> first = signUp(address, "en");
		pressButton(link(awaitEmailTo(address), "confirm"));
		String before = state(address);
		clock.advance(Duration.ofDays(3));

		Map<String, Object> stranger = new HashMap<>(json.readValue(signupJson(address.toUpperCase(), "es", null), Map.class));
		stranger.put("firstName", "Mallory");
		stranger.put("zip", "99999");
		HttpResponse<String> again = postJson("/api/v1/signups", json.writeValueAsString(stranger), Map.of());

		assertThat(again.statusCode()).isEqualTo(first.statusCode());
		assertThat(again.body()).isEqualTo(first.body());
		assertNothingSentTo(address, 1);
		assertThat(state(address)).isEqualTo(before).contains("CONFIRMED", "Ana", "10004", "|en|");
	}

	/** Everything a signup could change about an address: its details, membership and ledger. */
	private String state(String address) {
		return jdbc.sql("""
				SELECT s.first_name || '|' || s.zip || '|' || s.language || '|' || m.status || '|' || m.confirmation_sent_at
				       || '|' || (SELECT COUNT(*) FROM consent_events e WHERE e.subscriber_id = s.id)
				FROM subscribers s JOIN memberships m ON m.subscriber_id = s.id WHERE s.email_key = :key""")
			.param("key", address)
			.query(String.class)
			.single();
	}

	@Test
	void anUnconfirmedAddressGetsTheConfirmationAgainOnlyOncePerInterval() throws Exception {
		String address = unique("forgetful");
		signUp(address, "en");
		awaitEmailTo(address);

		signUp(address, "en");
		clock.advance(Duration.ofHours(23));
		signUp(address, "en");
		assertNothingSentTo(address, 1);

		clock.advance(Duration.ofHours(2));
		signUp(address, "en");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> emailsTo(address).size() == 2);
	}

	@Test
	void joiningASecondListNeedsItsOwnConfirmation() throws Exception {
		String address = unique("twolists");
		postAdmin("/api/v1/lists", "{\"slug\":\"rapid-" + address.substring(9, 17) + "\",\"name\":\"Rapid response\",\"isPublic\":true}");
		signUp(address, "en");
		pressButton(link(awaitEmailTo(address), "confirm"));

		postJson("/api/v1/signups", signupJson(address, "en", "rapid-" + address.substring(9, 17)), Map.of());

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> emailsTo(address).size() == 2);
		assertThat(emailsTo(address).get(1).getSubject()).isEqualTo("Please confirm: join Rapid response");
	}

	@Test
	void comingBackAfterUnsubscribingNeedsANewConfirmationAndTheOldLinkNoLongerWorks() throws Exception {
		String address = unique("returner");
		signUp(address, "en");
		String firstLink = link(awaitEmailTo(address), "confirm");
		pressButton(firstLink);
		// Unsubscribing is built by a later issue; this is the state it leaves.
		jdbc.sql("UPDATE memberships SET status = 'UNSUBSCRIBED', confirmation_nonce = NULL WHERE subscriber_id = "
				+ "(SELECT id FROM subscribers WHERE email_key = :key)").param("key", address).update();
		clock.advance(Duration.ofHours(1)); // well inside the 24-hour resend interval: a return is a fresh start

		signUp(address, "en");

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> emailsTo(address).size() == 2);
		assertThat(pressButton(firstLink).body()).contains("Nothing to do");
		assertThat(pressButton(link(emailsTo(address).get(1), "confirm")).body()).contains("You&#39;re signed up");
	}

	@Test
	void aConfirmationTheRelayRefusedIsRetriedLaterAndNeverGivenUp() throws Exception {
		greenMail.stop();
		String address = unique("outage");
		signUp(address, "en");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> attempts(address) >= 1);
		clock.advance(Duration.ofSeconds(31));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> attempts(address) >= 2);
		// Many failures later the row is still there, waiting.
		jdbc.sql("UPDATE confirmation_queue SET attempts = 40 WHERE subscriber_id = (SELECT id FROM subscribers WHERE email_key = :key)")
			.param("key", address)
			.update();

		greenMail.start();
		clock.advance(Duration.ofHours(1).plusMinutes(1));

		assertThat(awaitEmailTo(address).getSubject()).startsWith("Please confirm");
		// Nothing waits any more (rows refused for good, by the relay or as suppressed, are not waiting).
		assertThat(count("SELECT COUNT(*) FROM confirmation_queue WHERE sent_at IS NULL AND refused_at IS NULL")).isZero();
	}

	private int attempts(String address) {
		return jdbc.sql("SELECT q.attempts FROM confirmation_queue q JOIN subscribers s ON s.id = q.subscriber_id WHERE s.email_key = :key")
			.param("key", address)
			.query(Integer.class)
			.single();
	}

	@Test
	void anExpiredLinkShowsAClearPageAndConfirmsNothing() throws Exception {
		String address = unique("late");
		signUp(address, "en");
		String confirm = link(awaitEmailTo(address), "confirm");
		clock.advance(Duration.ofDays(7).plusMinutes(1));

		HttpResponse<String> page = get(local(confirm));

		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("This link has expired", "Sign up again");
		assertThat(count("SELECT COUNT(*) FROM memberships WHERE status = 'CONFIRMED' AND subscriber_id = "
				+ "(SELECT id FROM subscribers WHERE email_key = '" + address + "')")).isZero();
	}

	@Test
	void aTamperedTokenShowsAClearPage() throws Exception {
		String address = unique("tamper");
		signUp(address, "en");
		String confirm = local(link(awaitEmailTo(address), "confirm"));
		String tampered = confirm.replaceFirst("token=(.)", "token=X");

		assertThat(get(tampered).statusCode()).isEqualTo(400);
		assertThat(get(tampered).body()).contains("This link does not work");
		assertThat(get(base() + "/confirm").body()).contains("This link does not work");
		assertThat(get(base() + "/confirm?token=" + "A".repeat(5000)).statusCode()).isEqualTo(400);
	}

	@Test
	void emailLinksUseTheConfiguredBaseUrlWhateverHostTheRequestNamed() throws Exception {
		String address = unique("hosty");
		byte[] body = signupJson(address, "en", null).getBytes(StandardCharsets.UTF_8);
		// A raw request, since HTTP clients refuse to forge the Host header.
		try (Socket socket = new Socket("127.0.0.1", port)) {
			String head = "POST /api/v1/signups HTTP/1.1\r\nHost: evil.example.net\r\nX-Forwarded-Host: evil.example.net\r\n"
					+ "Forwarded: host=evil.example.net;proto=http\r\nContent-Type: application/json\r\nContent-Length: " + body.length
					+ "\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().write(body);
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 202");
		}

		String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(awaitEmailTo(address));
		assertThat(text).contains("https://act.example.org/confirm?token=").doesNotContain("evil.example.net").doesNotContain("localhost");
	}

	@Test
	void theBrowsersAcceptLanguageChoosesTheFormsLanguageWhenNoneWasPicked() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/join")).header("Accept-Language", "es-US,es;q=0.9,en;q=0.5").build();

		HttpResponse<String> page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(page.body()).contains("<html lang=\"es\"", "Exijamos a Albany");
	}

	private void postAdmin(String path, String body) throws Exception {
		HttpResponse<String> response = postJson(path, body, Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

}
