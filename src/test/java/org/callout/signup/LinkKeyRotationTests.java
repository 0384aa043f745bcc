package org.callout.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.callout.platform.LinkSigner;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** Links signed before a key rotation keep working while the old key is configured as previous. */
@H2Database
@TestPropertySource(properties = { "callout.secrets.link-key=rotated-current-key-0123456789",
		"callout.secrets.link-previous-keys=retired-key-0123456789abcdef" })
class LinkKeyRotationTests extends SignupFlowSupport {

	@Test
	void aConfirmationLinkSignedWithThePreviousKeyStillConfirms() throws Exception {
		String link = pendingLinkSignedWith("retired-key-0123456789abcdef", "rotation");

		assertThat(pressButton(link).body()).contains("You&#39;re signed up");
	}

	@Test
	void aConfirmationLinkSignedWithAnUnknownKeyIsRefusedWithAClearPage() throws Exception {
		String link = pendingLinkSignedWith("somebody-elses-key-0123456789", "forged");

		assertThat(get(local(link)).statusCode()).isEqualTo(400);
		assertThat(get(local(link)).body()).contains("This link does not work");
	}

	private String pendingLinkSignedWith(String key, String name) throws Exception {
		String address = unique(name);
		signUp(address, "en");
		awaitEmailTo(address);
		var row = jdbc.sql("SELECT m.subscriber_id, m.list_id, m.confirmation_nonce FROM memberships m JOIN subscribers s "
				+ "ON s.id = m.subscriber_id WHERE s.email_key = :key").param("key", address).query().singleRow();
		String token = new LinkSigner(key, List.of()).sign("confirm",
				row.get("subscriber_id") + ":" + row.get("list_id") + ":" + row.get("confirmation_nonce"),
				clock.instant().plus(Duration.ofDays(1)));
		return "https://act.example.org/confirm?token=" + token + "&lang=en";
	}

}
