package org.callout.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailAddressTests {

	@Test
	void anAddressIsTrimmedAndItsDomainLowerCased() {
		assertThat(EmailAddress.parse("  Alice.Smith@Example.ORG ").value()).isEqualTo("Alice.Smith@example.org");
	}

	@Test
	void anInternationalDomainIsConvertedToAscii() {
		assertThat(EmailAddress.parse("maria@correo.españa.es").value()).isEqualTo("maria@correo.xn--espaa-rta.es");
	}

	@Test
	void addressesDifferingOnlyInCaseMatch() {
		assertThat(EmailAddress.parse("ALICE@example.org").matchKey()).isEqualTo(EmailAddress.parse("alice@EXAMPLE.org").matchKey());
	}

	@Test
	void aNonAsciiLocalPartIsRefusedWithAClearMessage() {
		assertThatThrownBy(() -> EmailAddress.parse("josé@example.org"))
			.isInstanceOf(EmailAddress.InvalidEmailAddressException.class)
			.hasMessageContaining("before the @");
	}

	@Test
	void malformedAndHostileAddressesAreRefused() {
		for (String bad : new String[] { "", "   ", "no-at-sign", "@example.org", "alice@", "alice@localhost",
				"alice@exa mple.org", "al ice@example.org", "alice@example.org\r\nBcc: eve@example.org",
				"\"quoted\"@example.org", "alice..smith@example.org", "alice@-example.org", "a@b@example.org" }) {
			assertThatThrownBy(() -> EmailAddress.parse(bad)).as(bad).isInstanceOf(EmailAddress.InvalidEmailAddressException.class);
		}
		assertThatThrownBy(() -> EmailAddress.parse(null)).isInstanceOf(EmailAddress.InvalidEmailAddressException.class);
	}

	@Test
	void anAddressLongerThan254CharactersIsRefused() {
		String longDomain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".org";
		assertThatThrownBy(() -> EmailAddress.parse("alice.smith@" + longDomain))
			.isInstanceOf(EmailAddress.InvalidEmailAddressException.class);
		assertThatThrownBy(() -> EmailAddress.parse("x".repeat(10_000) + "@example.org"))
			.isInstanceOf(EmailAddress.InvalidEmailAddressException.class);
	}

}
