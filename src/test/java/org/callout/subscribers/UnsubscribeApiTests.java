package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Organizers honour an opt-out that came by mail (the List-Unsubscribe mailbox) through the API. */
class UnsubscribeApiTests extends UnsubscribeFlowSupport {

	private static final Map<String, String> ORGANIZER = Map.of("Authorization", "Bearer " + ADMIN);

	@Test
	void anOrganizerUnsubscribesSomeoneFromEveryListWithSourceApi() throws Exception {
		Confirmed ana = confirmed(unique("by-mail"), "en", "Tenants");

		HttpResponse<String> answer = postJson("/api/v1/subscribers/" + ana.id() + "/unsubscribe", "", ORGANIZER);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(json.readTree(answer.body()).get("left")).hasSize(2);
		assertThat(ana.listIds()).allSatisfy(list -> assertThat(status(ana.id(), list)).isEqualTo("UNSUBSCRIBED"));
		assertThat(jdbc.sql("SELECT source FROM consent_events WHERE subscriber_id = :s AND kind = 'WITHDRAWN'")
			.param("s", ana.id()).query(String.class).list()).containsExactly("api", "api");
		assertThat(unsubscribedEvents(ana.id())).hasSize(2);
	}

	@Test
	void anOrganizerMayNameTheListsToLeave() throws Exception {
		Confirmed ana = confirmed(unique("by-mail-one"), "en", "Tenants");

		postJson("/api/v1/subscribers/" + ana.id() + "/unsubscribe", "{\"lists\":[\"supporters\"]}", ORGANIZER);

		assertThat(status(ana.id(), ana.listIds().get(0))).isEqualTo("UNSUBSCRIBED");
		assertThat(status(ana.id(), ana.listIds().get(1))).isEqualTo("CONFIRMED");
	}

	@Test
	void theUnsubscribeApiNeedsTheAdminToken() throws Exception {
		Confirmed ana = confirmed(unique("no-token"), "en");

		HttpResponse<String> answer = postJson("/api/v1/subscribers/" + ana.id() + "/unsubscribe", "", Map.of());

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(status(ana.id(), ana.listIds().getFirst())).isEqualTo("CONFIRMED");
	}

	@Test
	void anUnknownListOrSubscriberIsAProblemDetail() throws Exception {
		Confirmed ana = confirmed(unique("unknown-list"), "en");

		HttpResponse<String> noList = postJson("/api/v1/subscribers/" + ana.id() + "/unsubscribe", "{\"lists\":[\"nope\"]}", ORGANIZER);
		HttpResponse<String> noSubscriber = postJson("/api/v1/subscribers/999999/unsubscribe", "", ORGANIZER);

		assertThat(noList.statusCode()).isEqualTo(400);
		assertThat(noList.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(noSubscriber.statusCode()).isEqualTo(404);
		assertThat(status(ana.id(), ana.listIds().getFirst())).isEqualTo("CONFIRMED");
	}

}
