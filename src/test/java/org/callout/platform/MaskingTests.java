package org.callout.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

	@Test
	void anEmailAddressKeepsOnlyItsFirstCharacterAndDomain() {
		assertThat(Masking.text("sent to alice.smith+news@example.org today")).isEqualTo("sent to a***@example.org today");
	}

	@Test
	void anIpv4AddressKeepsOnlyItsFirstTwoOctets() {
		assertThat(Masking.text("from 203.0.113.77:443")).isEqualTo("from 203.0.x.x:443");
	}

	@Test
	void anIpv6AddressKeepsOnlyItsFirstTwoGroups() {
		assertThat(Masking.text("from 2001:db8:85a3::8a2e:370:7334 via [::1]")).doesNotContain("7334").contains("2001:db8:x:x");
		assertThat(Masking.text("2001:0db8:0000:0000:0000:ff00:0042:8329")).isEqualTo("2001:0db8:x:x");
	}

	@Test
	void clockTimesAndVersionsAreLeftAlone() {
		assertThat(Masking.text("at 03:35:12 Flyway 12.4.0 took 1.5 s")).isEqualTo("at 03:35:12 Flyway 12.4.0 took 1.5 s");
	}

	@Test
	void linkTokensAreBlanked() {
		assertThat(Masking.text("GET \"/confirm?token=MTc5NjE4MzY3NnwxOjE6.XFb_DNKjkW_4aT&lang=en\""))
			.isEqualTo("GET \"/confirm?token=***&lang=en\"");
	}

	@Test
	void unsubscribeTokensInThePathAreBlanked() {
		assertThat(Masking.text("POST \"/u/bmV2ZXJ8NDI6MTpiNw.XFb_DNKjkW_4aT?lang=es\", parameters={}"))
			.isEqualTo("POST \"/u/***?lang=es\", parameters={}");
	}

	@Test
	void aMessageIdStaysWholeSoItCanBeFollowedThroughRelayLogs() {
		String line = "Test email <3f1c2a9e-5b7d-4e21-9c0a-77d2f1e4b8a6@example.org> sent to ana@example.org";
		assertThat(Masking.text(line))
			.isEqualTo("Test email <3f1c2a9e-5b7d-4e21-9c0a-77d2f1e4b8a6@example.org> sent to a***@example.org");
	}

	@Test
	void anAddressInAngleBracketsIsStillMasked() {
		assertThat(Masking.text("To: Ana <ana.perez@example.org>")).isEqualTo("To: Ana <a***@example.org>");
	}

	@Test
	void aPrivateKeyWhoseBase64HoldsALinkOrTokenShapeIsBlankedWhole() {
		String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQ/u/zltampMQdjwtoken=abcdefgh9\nwLcy/4HmaQ2w\n-----END PRIVATE KEY-----\n";

		assertThat(Masking.text("config: " + pem + " end")).isEqualTo("config: [private key]\n end");
	}

}
