package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.callout.platform.EmailAddress;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The form behind a broken unsubscribe link: a fresh link by email, the same answer for everyone, and limits. */
class FreshLinkTests extends UnsubscribeFlowSupport {

	@Autowired
	Suppressions suppressions;

	private static final String SUBJECT = "Your link to unsubscribe";

	private static final String SENT = "If that address is on our lists, we have just sent it a new unsubscribe link.";

	@Test
	void theFormEmailsAFreshLinkNamingEveryListAndTheLinkWorks() throws Exception {
		String address = unique("fresh");
		Confirmed ana = confirmed(address, "en", "Tenants");

		HttpResponse<String> answer = askForLink(address);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains(SENT);
		MimeMessage email = awaitFreshLinkTo(address);
		String body = decoded(email);
		assertThat(body).contains("New York for All", "Tenants");
		String link = find("(https://act\\.example\\.org/u/[A-Za-z0-9_.-]+)", body);
		assertThat(oneClick(link.substring("https://act.example.org".length())).statusCode()).isEqualTo(200);
		assertThat(ana.listIds()).allSatisfy(list -> assertThat(status(ana.id(), list)).isEqualTo("UNSUBSCRIBED"));
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNoEmail() throws Exception {
		String known = unique("known");
		confirmed(known, "en");
		String unknown = unique("unknown");

		HttpResponse<String> knownAnswer = askForLink(known);
		HttpResponse<String> unknownAnswer = askForLink(unknown);

		assertThat(unknownAnswer.statusCode()).isEqualTo(knownAnswer.statusCode());
		assertThat(unknownAnswer.body()).isEqualTo(knownAnswer.body());
		awaitFreshLinkTo(known);
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> emailsTo(unknown).isEmpty());
	}

	@Test
	void anAddressThatHasLeftEveryListGetsTheSameAnswerAndNoEmail() throws Exception {
		String address = unique("gone");
		Confirmed ana = confirmed(address, "en");
		oneClick(path(ana.linkForFirstList()));

		HttpResponse<String> answer = askForLink(address);

		assertThat(answer.body()).contains(SENT);
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> freshLinksTo(address).isEmpty());
	}

	@Test
	void aSuppressedAddressGetsTheSameAnswerAndNoEmail() throws Exception {
		String address = unique("suppressed");
		confirmed(address, "en");
		suppressions.suppress(EmailAddress.parse(address), Suppressions.ORGANIZER, null, Suppressions.API);

		HttpResponse<String> answer = askForLink(address);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains(SENT);
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> freshLinksTo(address).isEmpty());
	}

	@Test
	void aSecondRequestForTheSameAddressWithinFifteenMinutesIsRefusedAndSaysTheLimit() throws Exception {
		String address = unique("again");
		confirmed(address, "en");
		askForLink(address);
		awaitFreshLinkTo(address);
		clock.advance(Duration.ofMinutes(10));

		HttpResponse<String> refused = askForLink(address.toUpperCase());

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("300");
		assertThat(refused.body()).contains("at most one link per address every 15 minutes", "try again in 5 minutes");
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> freshLinksTo(address).size() == 1);
	}

	@Test
	void afterFifteenMinutesTheSameAddressMayAskAgain() throws Exception {
		String address = unique("later");
		confirmed(address, "en");
		askForLink(address);
		awaitFreshLinkTo(address);
		clock.advance(Duration.ofMinutes(16));

		HttpResponse<String> again = askForLink(address);

		assertThat(again.statusCode()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> freshLinksTo(address).size() == 2);
	}

	@Test
	void theNetworkLimitHoldsAndThePageSaysIt() throws Exception {
		for (int i = 0; i < 4; i++) {
			assertThat(askForLink(unique("network-" + i)).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = askForLink(unique("network-5"));

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("at most 4 requests per network per hour");
	}

	@Test
	void anInvalidAddressShowsTheFormAgainWithAFriendlyErrorAndTheTypedTextEscaped() throws Exception {
		HttpResponse<String> answer = askForLink("<b>not an address");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("Enter an email address like name@example.com.", "value=\"&lt;b&gt;not an address\"",
				"aria-invalid=\"true\"")
			.doesNotContain("<b>not");
	}

	@Test
	void aPostWithoutTheFormsCsrfTokenSendsNothingAndShowsTheFormAgain() throws Exception {
		String address = unique("no-csrf");
		confirmed(address, "en");

		HttpResponse<String> answer = plain.send(HttpRequest.newBuilder(URI.create(base() + "/unsubscribe-link"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(address, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("did not send back the cookie", "value=\"" + address + "\"");
		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> freshLinksTo(address).isEmpty());
	}

	@Test
	void theFormIsOfferedInSpanish() throws Exception {
		HttpResponse<String> page = get(base() + "/unsubscribe-link?lang=es");

		assertThat(page.body()).contains("lang=\"es\"", "Pida un nuevo enlace para cancelar la suscripción", "Correo electrónico");
	}

	/** Shows the form (which sets its CSRF cookie), then posts it with the address, as a browser would. */
	private HttpResponse<String> askForLink(String address) throws Exception {
		HttpResponse<String> form = get(base() + "/unsubscribe-link?lang=en");
		String csrf = find("name=\"_csrf\" value=\"([^\"]*)\"", form.body());
		String body = "email=" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		return http.send(HttpRequest.newBuilder(URI.create(base() + "/unsubscribe-link?lang=en"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private MimeMessage awaitFreshLinkTo(String address) {
		Awaitility.await("fresh link to " + address).atMost(Duration.ofSeconds(20)).until(() -> !freshLinksTo(address).isEmpty());
		return freshLinksTo(address).getFirst();
	}

	private List<MimeMessage> freshLinksTo(String address) {
		return emailsTo(address).stream().filter(m -> {
			try {
				return SUBJECT.equals(m.getSubject());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String decoded(MimeMessage message) {
		return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
	}

}
