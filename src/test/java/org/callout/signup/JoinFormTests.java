package org.callout.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

/** The form over plain HTTP, as a browser without JavaScript (or a script) would post it. */
@H2Database
class JoinFormTests extends SignupFlowSupport {

	@Test
	void aCompleteSubmissionRedirectsToTheThanksPageAndSendsTheConfirmationInTheFormsLanguage() throws Exception {
		String address = unique("former");
		Map<String, String> form = loadForm("es");
		fill(form, address);
		clock.advance(Duration.ofSeconds(5));

		HttpResponse<String> answer = submit(form, "es");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/join/thanks?lang=es"));
		assertThat(awaitEmailTo(address).getSubject()).startsWith("Confirme, por favor");
		assertThat(count("SELECT COUNT(*) FROM consent_events e JOIN subscribers s ON s.id = e.subscriber_id WHERE s.email_key = '"
				+ address + "' AND e.kind = 'GRANTED' AND e.source = 'form' AND e.form_id = 'join' AND e.language = 'es' "
				+ "AND e.page_url = 'https://act.example.org/join?list=supporters' AND e.user_agent IS NOT NULL")).isEqualTo(1);
	}

	@Test
	void theConsentBoxIsUncheckedByDefaultAndShowsTheCurrentTermsVerbatim() throws Exception {
		String page = get(base() + "/join?lang=en").body();

		assertThat(page).containsPattern("<input id=\"consent\" name=\"consent\" type=\"checkbox\" value=\"true\" required aria-required=\"true\"\\s+aria-invalid=\"false\"");
		assertThat(page).doesNotContain("checked");
		assertThat(page).contains(terms("en").get("text").asString().replace("'", "&#39;"));
		assertThat(page).contains("name=\"termsVersion\" value=\"" + terms("en").get("versionId").asString() + "\"");
		assertThat(page).contains("href=\"https://www.nyclu.org/en/privacy-policy\"");
	}

	@Test
	void aRefusedSubmissionKeepsWhatWasTypedAndTiesEachErrorToItsField() throws Exception {
		Map<String, String> form = loadForm("en");
		form.put("email", "not-an-address");
		form.put("firstName", "Ana <b>");
		form.put("zip", "1234");
		clock.advance(Duration.ofSeconds(5));

		HttpResponse<String> answer = submit(form, "en");

		assertThat(answer.statusCode()).isEqualTo(400);
		String page = answer.body();
		assertThat(page).contains("id=\"error-summary\"", "href=\"#email\"", "href=\"#lastName\"", "href=\"#zip\"", "href=\"#consent\"");
		assertThat(page).contains("value=\"not-an-address\"", "value=\"Ana &lt;b&gt;\"", "value=\"1234\"");
		assertThat(page).containsPattern("id=\"email\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"email-error\"");
		assertThat(page).contains("id=\"email-error\" class=\"error\">Enter an email address like name@example.com.");
		assertThat(page).containsPattern("id=\"firstName\"[^>]*aria-invalid=\"false\"");
		assertThat(page).contains("<title>Error: ");
	}

	@Test
	void aFormSubmittedTooFastIsShownAgainWithANoteAndNothingIsStored() throws Exception {
		String address = unique("autofill");
		Map<String, String> form = loadForm("en");
		fill(form, address);

		HttpResponse<String> answer = submit(form, "en");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("That was quick!", "value=\"" + address + "\"");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email_key = '" + address + "'")).isZero();
		String stamp = find("name=\"stamp\" value=\"([^\"]+)\"", answer.body());
		form.put("stamp", stamp);
		clock.advance(Duration.ofSeconds(5));
		assertThat(submit(form, "en").statusCode()).isEqualTo(302);
	}

	@Test
	void aFormOlderThanADayIsShownAgainWithANote() throws Exception {
		Map<String, String> form = loadForm("en");
		fill(form, unique("slowpoke"));
		clock.advance(Duration.ofHours(25));

		HttpResponse<String> answer = submit(form, "en");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("open for a long time", "value=\"Ana\"");
	}

	@Test
	void aMissingOrStaleCsrfTokenShowsTheFormAgainWithWhatWasTypedNotA403() throws Exception {
		String address = unique("stale");
		Map<String, String> form = loadForm("en");
		fill(form, address);
		form.put("_csrf", "stale-token-from-yesterday");
		clock.advance(Duration.ofSeconds(5));

		HttpResponse<String> answer = submit(form, "en");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("open for a long time", "value=\"" + address + "\"");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email_key = '" + address + "'")).isZero();
	}

	@Test
	void aFilledHoneypotLooksLikeSuccessButStoresNothing() throws Exception {
		String address = unique("formbot");
		Map<String, String> form = loadForm("en");
		fill(form, address);
		form.put("website", "http://spam.example");
		clock.advance(Duration.ofSeconds(5));

		assertThat(submit(form, "en").statusCode()).isEqualTo(302);
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email_key = '" + address + "'")).isZero();
		assertNothingSentTo(address, 0);
	}

	@Test
	void anUnknownOrPrivateListShowsAFriendlyPage() throws Exception {
		HttpResponse<String> page = get(base() + "/join?list=nope&lang=es");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Esta lista no existe");
	}

	@Test
	void theHomePageLinksToTheForm() throws Exception {
		assertThat(get(base() + "/").body()).contains("href=\"/join\"");
	}

	@Test
	void aFormSubmittedTooFastWithoutConsentShowsTheNoteAndTheMissingConsentTogether() throws Exception {
		String address = unique("hasty");
		Map<String, String> form = loadForm("en");
		fill(form, address);
		form.remove("consent");

		HttpResponse<String> answer = submit(form, "en");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("That was quick!", "href=\"#consent\"", "Check the box to agree to receive our emails.");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email_key = '" + address + "'")).isZero();
	}

	private Map<String, String> loadForm(String language) throws Exception {
		String page = get(base() + "/join?lang=" + language).body();
		Map<String, String> form = new LinkedHashMap<>();
		for (String hidden : new String[] { "_csrf", "list", "termsVersion", "stamp" }) {
			form.put(hidden, find("name=\"" + hidden + "\" value=\"([^\"]*)\"", page));
		}
		return form;
	}

	private static void fill(Map<String, String> form, String address) {
		form.put("email", address);
		form.put("firstName", "Ana");
		form.put("lastName", "Ruiz");
		form.put("zip", "11211");
		form.put("consent", "true");
		form.put("website", "");
	}

	private HttpResponse<String> submit(Map<String, String> form, String language) throws Exception {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create(base() + "/join?lang=" + language))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
