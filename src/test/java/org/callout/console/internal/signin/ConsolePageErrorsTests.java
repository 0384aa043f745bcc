package org.callout.console.internal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A console page's refusal is a page, never the API's JSON, and a refused change is audited once. */
@H2Database
class ConsolePageErrorsTests extends SignupFlowSupport {

	static final String PASSWORD = "correct horse battery staple";

	ConsoleClient browser;

	String username;

	@BeforeEach
	void signIn() throws Exception {
		username = "organizer-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/accounts"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ADMIN)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
					Map.of("username", username, "email", username + "@example.org", "password", PASSWORD, "role", "ORGANIZER"))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		browser = new ConsoleClient(base());
		assertThat(browser.signIn(username, PASSWORD).statusCode()).isEqualTo(302);
		browser.get("/console");
	}

	@Test
	void aMalformedIdInTheAddressIsTheNotFoundPage() throws Exception {
		HttpResponse<String> answer = browser.get("/console/blasts/not-a-number");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(answer.body()).contains("<h1");
	}

	@Test
	void anUnknownBlastIsTheNotFoundPage() throws Exception {
		HttpResponse<String> answer = browser.get("/console/blasts/99999999");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
	}

	@Test
	void aRefusedFormLeavesOneRefusedEntryNamingThePerson() throws Exception {
		HttpResponse<String> answer = browser.post("/console/bills", Map.of("printNumber", "not a print <b>", "_csrf", browser.csrf));

		assertThat(answer.statusCode()).isBetween(400, 499);
		JsonNode entries = json.readTree(admin("/api/v1/audit?actor=" + username + "&limit=50").body()).get("entries");
		assertThat(entries).filteredOn(entry -> entry.get("outcome").asString().equals("refused"))
			.singleElement()
			.satisfies(entry -> assertThat(entry.get("target").asString()).isEqualTo("POST /console/bills"))
			.satisfies(entry -> assertThat(entry.get("channel").asString()).isEqualTo("console"));
	}

}
