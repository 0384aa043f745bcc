package org.callout.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** French, added with a message file on the test classpath and a consent text, and nothing else. */
@H2Database
@TestPropertySource(properties = "callout.consent.texts.fr=En remplissant ce formulaire, j'accepte de recevoir des e-mails occasionnels selon la politique de confidentialité de {organization}.")
class ThirdLanguageTests extends SignupFlowSupport {

	@Test
	void theFormSpeaksFrenchWhenAskedAndOffersItInTheLanguageSwitch() throws Exception {
		HttpResponse<String> page = get(base() + "/join?lang=fr");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"fr\"", "Dites à Albany", "j&#39;accepte de recevoir des e-mails occasionnels",
				"Politique de confidentialité de New York Civil Liberties Union");
		assertThat(get(base() + "/join?lang=en").body()).contains("hreflang=\"fr\">Français</a>");
	}

	@Test
	void aFrenchSignupRecordsFrenchAndItsFrenchTerms() throws Exception {
		String address = unique("marie");

		assertThat(signUp(address, "fr").statusCode()).isEqualTo(202);

		assertThat(terms("fr").get("language").asString()).isEqualTo("fr");
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE language = 'fr' AND email_key = '" + address + "'")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM consent_events e JOIN consent_terms t ON t.version_id = e.terms_version "
				+ "WHERE e.language = 'fr' AND t.language = 'fr' AND e.subscriber_id = (SELECT id FROM subscribers WHERE email_key = '"
				+ address + "')")).isEqualTo(1);
	}

}
