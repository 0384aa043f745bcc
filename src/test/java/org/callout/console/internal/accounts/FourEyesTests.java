package org.callout.console.internal.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** With the four-eyes rule on, a blast awaiting approval is approved by someone other than its author. */
@H2Database
@TestPropertySource(properties = "callout.campaigns.four-eyes=true")
class FourEyesTests extends AccountsSupport {

	@Test
	void theAuthorsApprovalIsRefusedAndAnotherOrganizersIsTaken() throws Exception {
		String author = tokenFor("ORGANIZER");
		String colleague = tokenFor("ORGANIZER");
		HttpResponse<String> draft = call("POST", "/api/v1/blasts", author, Map.of("lists", List.of("supporters"), "quietHours", false));
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		long id = json.readTree(draft.body()).get("id").asLong();
		assertThat(call("POST", "/api/v1/blasts/" + id + "/submit", author, Map.of("needsApproval", true)).statusCode()).isEqualTo(200);

		HttpResponse<String> byAuthor = call("POST", "/api/v1/blasts/" + id + "/approve", author, null);
		String stateAfterRefusal = json.readTree(call("GET", "/api/v1/blasts/" + id, author, null).body()).get("state").asString();
		HttpResponse<String> byColleague = call("POST", "/api/v1/blasts/" + id + "/approve", colleague, null);

		assertThat(byAuthor.statusCode()).isEqualTo(403);
		assertThat(json.readTree(byAuthor.body()).get("title").asString()).isEqualTo("Four-eyes rule");
		assertThat(stateAfterRefusal).isEqualTo("AWAITING_APPROVAL");
		assertThat(byColleague.statusCode()).as(byColleague.body()).isEqualTo(200);
		assertThat(json.readTree(byColleague.body()).get("state").asString()).isIn("SCHEDULED", "READY", "SENDING", "SENT");
	}

	@Test
	void aBlastSubmittedWithoutAskingForApprovalStillWaitsForOne() throws Exception {
		String author = tokenFor("ORGANIZER");
		HttpResponse<String> draft = call("POST", "/api/v1/blasts", author, Map.of("lists", List.of("supporters"), "quietHours", false));
		long id = json.readTree(draft.body()).get("id").asLong();

		HttpResponse<String> submitted = call("POST", "/api/v1/blasts/" + id + "/submit", author, Map.of("needsApproval", false));

		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		assertThat(json.readTree(submitted.body()).get("state").asString()).isEqualTo("AWAITING_APPROVAL");
	}

}
