package org.callout.subscribers.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Re-permission: an organizer asks the people an import left unconfirmed to confirm. The emails go through the
 * signup's confirmation queue to a real SMTP server on loopback, once per membership per import.
 */
abstract class ImportConfirmationEmailTests extends ImportSupport {

	private long importId(JsonNode answer) {
		return answer.get("importRun").get("id").asLong();
	}

	@Test
	void eachUnconfirmedImportedPersonIsEmailedOnceHoweverOftenTheOrganizerAsks() throws Exception {
		String first = unique("ask-one");
		String second = unique("ask-two");
		long id = importId(imported("email,language\n" + first + ",en\n" + second + ",es\n", ""));

		HttpResponse<String> asked = post("/api/v1/subscribers/imports/" + id + "/confirmations");
		awaitEmailTo(first);
		awaitEmailTo(second);
		HttpResponse<String> askedAgain = post("/api/v1/subscribers/imports/" + id + "/confirmations");

		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
		assertThat(json.readTree(asked.body()).get("confirmationsRequested").asInt()).isEqualTo(2);
		assertThat(json.readTree(askedAgain.body()).get("confirmationsRequested").asInt()).isZero();
		assertNothingSentTo(first, 1);
		assertThat(emailsTo(second)).hasSize(1);
	}

	@Test
	void nobodyTheImportConfirmedIsAskedToConfirm() throws Exception {
		String confirmed = unique("ask-confirmed");
		String pending = unique("ask-pending");
		long id = importId(imported(HEADER + confirmed + ",Ana,Pérez,10004,2021-05-01,2021-05-02,sheet,\r\n" + pending
				+ ",Bo,Li,,,,,\r\n", ""));

		post("/api/v1/subscribers/imports/" + id + "/confirmations");
		awaitEmailTo(pending);

		assertNothingSentTo(confirmed, 0);
	}

	@Test
	void theEmailedLinkConfirmsTheImportedMembership() throws Exception {
		String email = unique("ask-link");
		long id = importId(imported("email\n" + email + "\n", ""));
		post("/api/v1/subscribers/imports/" + id + "/confirmations");
		MimeMessage message = awaitEmailTo(email);

		HttpResponse<String> confirmed = pressButton(link(message, "confirm"));

		assertThat(confirmed.statusCode()).as(confirmed.body()).isLessThan(400);
		assertThat(membership(email, "supporters")).isEqualTo("CONFIRMED");
	}

	@Test
	void aDryRunCannotBeAskedToConfirm() throws Exception {
		long id = importId(dryRun("email\n" + unique("ask-dry") + "\n", ""));

		HttpResponse<String> asked = post("/api/v1/subscribers/imports/" + id + "/confirmations");

		assertThat(asked.statusCode()).isEqualTo(409);
		assertThat(json.readTree(asked.body()).get("detail").asString()).contains("dry run");
	}

}
