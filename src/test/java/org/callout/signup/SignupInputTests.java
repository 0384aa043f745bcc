package org.callout.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a supporter types, as the API takes it: names, languages, and the words around it in the email. */
@H2Database
class SignupInputTests extends SignupFlowSupport {

	@Test
	void aNameOfOnlyZeroWidthOrFormatCharactersIsRefusedAsMissing() throws Exception {
		Map<String, Object> body = valid(unique("ghost"), "en");
		body.put("firstName", "\u200B\u200D\u2060\uFEFF");

		HttpResponse<String> response = post(body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(fields(response)).containsExactly("firstName");
	}

	@Test
	void aRightToLeftOverrideIsRemovedFromTheStoredName() throws Exception {
		String address = unique("rtl");
		Map<String, Object> body = valid(address, "en");
		body.put("lastName", "Pérez\u202Egnp.exe");

		assertThat(post(body).statusCode()).isEqualTo(202);

		assertThat(stored(address).get("lastName").asString()).isEqualTo("Pérezgnp.exe");
	}

	@Test
	void aLanguageTagWithARegionOrInCapitalsGetsThatLanguagesEmail() throws Exception {
		String mexico = unique("mx");
		String capitals = unique("caps");
		Map<String, Object> first = valid(mexico, "es");
		first.put("language", "es-MX");
		Map<String, Object> second = valid(capitals, "es");
		second.put("language", "ES");

		assertThat(post(first).statusCode()).isEqualTo(202);
		assertThat(post(second).statusCode()).isEqualTo(202);

		assertThat(awaitEmailTo(mexico).getSubject()).startsWith("Confirme, por favor");
		assertThat(awaitEmailTo(capitals).getSubject()).startsWith("Confirme, por favor");
		assertThat(stored(mexico).get("language").asString()).isEqualTo("es");
	}

	@Test
	void aLanguageThatMatchesNoneOfferedIsRefusedNotTurnedIntoEnglish() throws Exception {
		for (String language : List.of("fr", "x-klingon", "12")) {
			Map<String, Object> body = valid(unique("lang"), "en");
			body.put("language", language);

			HttpResponse<String> response = post(body);

			assertThat(response.statusCode()).as(language).isEqualTo(400);
			assertThat(fields(response)).as(language).containsExactly("language");
		}
	}

	@Test
	void theConfirmationEmailInEitherLanguageShowsAListNameAsTextNeverAsMarkupOrTemplate() throws Exception {
		String slug = "hostile-" + Long.toHexString(System.nanoTime());
		String name = "<b>Board</b> {{confirmUrl}} {{{notMeUrl}}} [[${7*7}]]";
		assertThat(postJson("/api/v1/lists", json.writeValueAsString(Map.of("slug", slug, "name", name, "isPublic", true)),
				Map.of("Authorization", "Bearer " + ADMIN)).statusCode()).isEqualTo(201);

		for (String language : List.of("en", "es")) {
			String address = unique("inert-" + language);
			assertThat(postJson("/api/v1/signups", signupJson(address, language, slug), Map.of()).statusCode()).isEqualTo(202);
			MimeMessage email = awaitEmailTo(address);
			Multipart parts = (Multipart) email.getContent();
			String text = parts.getBodyPart(0).getContent().toString();
			String html = parts.getBodyPart(1).getContent().toString();

			assertThat(email.getSubject()).contains(name);
			assertThat(text).contains(name);
			assertThat(html).contains("&lt;b&gt;Board&lt;/b&gt; {{confirmUrl}} {{{notMeUrl}}} [[${7*7}]]").doesNotContain("<b>Board");
		}
	}

	private Map<String, Object> valid(String email, String language) throws Exception {
		return new HashMap<>(Map.of("email", email, "firstName", "Ana", "lastName", "Pérez", "zip", "10004", "language",
				language, "termsVersion", terms(language).get("versionId").asString(), "consent", true));
	}

	private HttpResponse<String> post(Map<String, Object> body) throws Exception {
		return postJson("/api/v1/signups", json.writeValueAsString(body), Map.of());
	}

	private JsonNode stored(String address) throws Exception {
		return json.readTree(admin("/api/v1/subscribers?email=" + address).body());
	}

	private List<String> fields(HttpResponse<String> response) throws Exception {
		JsonNode errors = json.readTree(response.body()).get("errors");
		assertThat(errors).as(response.body()).isNotNull();
		return errors.valueStream().map(e -> e.get("field").asString()).toList();
	}

}
