package org.callout.campaigns.internal.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhonesAndPrintsTests {

	@Test
	void aDirectoryPhoneBecomesATelLinkWithTheCountryCode() {
		assertThat(Phones.tel("518-455-2225")).isEqualTo("tel:+15184552225");
		assertThat(Phones.tel("(718) 555-0100")).isEqualTo("tel:+17185550100");
		assertThat(Phones.tel("1-518-455-2225")).isEqualTo("tel:+15184552225");
	}

	@Test
	void anExtensionIsKeptAndAnOddNumberIsDialledAsWritten() {
		assertThat(Phones.tel("518-455-2225 ext. 12")).isEqualTo("tel:+15184552225;ext=12");
		assertThat(Phones.tel("311")).isEqualTo("tel:311");
	}

	@Test
	void printsAreWrittenAsStaffWriteThem() {
		assertThat(Prints.written("S3076A")).isEqualTo("S.3076-A");
		assertThat(Prints.written("A2328")).isEqualTo("A.2328");
		assertThat(Prints.written("a02328b")).isEqualTo("A.2328-B");
		assertThat(Prints.written("J123")).isEqualTo("J123");
	}

}
