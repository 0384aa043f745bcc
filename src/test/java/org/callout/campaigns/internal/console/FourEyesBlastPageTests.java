package org.callout.campaigns.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callout.platform.AddressHasher;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Under the four-eyes rule the blast page shows the refusal of an author's own approval. The same settings as
 * FourEyesTests, so the two share one running context.
 */
@H2Database
@TestPropertySource(properties = "callout.campaigns.four-eyes=true")
class FourEyesBlastPageTests extends SignupFlowSupport {

	@Autowired
	AddressHasher hasher;

	@Test
	void anAuthorsOwnApprovalIsRefusedOnThePageWithTheRuleNamedAndNothingChanged() throws Exception {
		BlastFixtures fixtures = new BlastFixtures(base(), ADMIN, jdbc, hasher, clock);
		String slug = fixtures.list(1);
		String author = "author-" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode account = fixtures.send("POST", "/api/v1/accounts", Map.of("username", author, "email", author + "@example.org",
				"password", ConsoleBrowserSupport.PASSWORD, "role", "ORGANIZER"), 201);
		String token = fixtures.send("POST", "/api/v1/accounts/" + account.get("id").asLong() + "/tokens", Map.of("name", "laptop"), 201)
			.get("token").asString();
		long blast = json.readTree(as(token, "/api/v1/blasts", Map.of("lists", List.of(slug), "quietHours", false))).get("id").asLong();
		as(token, "/api/v1/blasts/" + blast + "/submit", Map.of("needsApproval", true));
		ConsoleClient browser = new ConsoleClient(base());
		browser.signIn(author, ConsoleBrowserSupport.PASSWORD);
		browser.get("/console/blasts/" + blast);
		int before = fixtures.audit(blast).size();

		HttpResponse<String> refused = browser.post("/console/blasts/" + blast + "/approve", Map.of("_csrf", browser.csrf));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("another organizer must approve a blast you made (four-eyes rule)")
			.contains("id=\"button-approve\"");
		assertThat(fixtures.state(blast)).isEqualTo("AWAITING_APPROVAL");
		assertThat(fixtures.audit(blast)).hasSize(before);
	}

	private String as(String token, String path, Object body) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(200, 201);
		return answer.body();
	}

}
