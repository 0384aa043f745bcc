package org.callout.mail.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxLinkTokensTests {

	@Test
	void theSignedPartOfEveryEmailedLinkIsLeftOut() {
		String text = """
				Confirm: https://act.example.org/confirm?token=eyJhbGciOiJIUzI1NiJ9.abc-DEF_123&lang=en
				Not me: https://act.example.org/not-me?token=Zm9vYmFyYmF6cXV4&lang=es
				Unsubscribe: https://act.example.org/u/AbCdEfGhIjKlMnOp-123
				Call: https://act.example.org/call/QWERTYUIOPasdfgh?lang=en
				List-Unsubscribe: <https://act.example.org/u/AbCdEfGhIjKlMnOp-123>
				Reps: https://act.example.org/reps?zip=12207""";

		String shown = OutboxFolder.withoutLinkTokens(text);

		assertThat(shown).doesNotContain("eyJhbGciOiJIUzI1NiJ9", "Zm9vYmFyYmF6cXV4", "AbCdEfGhIjKlMnOp", "QWERTYUIOPasdfgh")
			.contains("/confirm?token=…&lang=en", "/u/…", "/call/…?lang=en", "/reps?zip=12207");
	}

}
