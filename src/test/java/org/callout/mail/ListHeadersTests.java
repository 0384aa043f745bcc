package org.callout.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

class ListHeadersTests {

	private static final URI LINK = URI.create("https://act.example.org/u/abc.def");

	@Test
	void theHeadersOfferOneClickUnsubscribeOverHttpsAndAMailbox() {
		Map<String, String> headers = new ListHeaders(LINK, "leave@example.org", "Supporters", "supporters", "example.org",
				"b12:supporters:call:callout").asHeaders();

		assertThat(headers).containsEntry("List-Unsubscribe",
				"<https://act.example.org/u/abc.def>, <mailto:leave@example.org?subject=unsubscribe>")
			.containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
			.containsEntry("List-Id", "Supporters <supporters.example.org>")
			.containsEntry("Feedback-ID", "b12:supporters:call:callout");
	}

	@Test
	void aListNameThatIsNotAsciiIsEncodedAndItsLabelIsOneAtom() throws Exception {
		String listId = new ListHeaders(LINK, "leave@example.org", "Simpatizantes \"Nueva York\" — más", "Nueva York!",
				"example.org", "x").asHeaders().get("List-Id");

		assertThat(listId).endsWith(" <nueva-york.example.org>").doesNotContain("á").startsWith("=?UTF-8?Q?");
		assertThat(MimeUtility.decodeText(listId.substring(0, listId.indexOf(" <")))).isEqualTo("Simpatizantes \"Nueva York\" — más");
	}

	@Test
	void aNameWithCarriageReturnsCannotAddAHeader() {
		String listId = new ListHeaders(LINK, "leave@example.org", "Supporters\r\nBcc: x@evil.example", "s", "example.org", "x")
			.asHeaders().get("List-Id");

		assertThat(listId).doesNotContain("\r").doesNotContain("\n");
	}

}
