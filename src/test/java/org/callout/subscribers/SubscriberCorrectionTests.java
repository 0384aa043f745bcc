package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.callout.signup.SignupFlowSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An organizer corrects a subscriber through {@code PUT /api/v1/subscribers/{id}}. */
@H2Database
class SubscriberCorrectionTests extends SignupFlowSupport {

	@Test
	void aCorrectedZipIsStoredAndAnnouncedSoDistrictsAreLookedUpAgain() throws Exception {
		long id = subscriber(unique("mover"));

		HttpResponse<String> response = put(id, Map.of("firstName", "Ana", "lastName", "Pérez", "zip", "12207-1234",
				"streetAddress", "  1 Empire State Plaza ", "language", "es-MX"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode stored = json.readTree(response.body());
		assertThat(stored.get("zip").asString()).isEqualTo("12207-1234");
		assertThat(stored.get("streetAddress").asString()).isEqualTo("1 Empire State Plaza");
		assertThat(stored.get("language").asString()).isEqualTo("es");
		assertThat(confirmedEvents.detailsChanged().stream().filter(e -> e.subscriberId() == id)).hasSize(1);
	}

	@Test
	void aCorrectionThatLeavesZipAndStreetAsTheyWereAnnouncesNothing() throws Exception {
		long id = subscriber(unique("same"));

		assertThat(put(id, Map.of("firstName", "Anita", "lastName", "Pérez", "zip", "10004", "language", "en")).statusCode())
			.isEqualTo(200);

		assertThat(confirmedEvents.detailsChanged().stream().filter(e -> e.subscriberId() == id)).isEmpty();
	}

	@Test
	void badDetailsAreRefusedFieldByFieldAndChangeNothing() throws Exception {
		long id = subscriber(unique("typo"));

		HttpResponse<String> response = put(id, Map.of("firstName", "\u200B", "lastName", "x".repeat(101), "zip", "1000",
				"streetAddress", "s".repeat(10_000), "language", "fr"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(json.readTree(response.body()).get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("firstName", "lastName", "zip", "streetAddress", "language");
		assertThat(json.readTree(admin("/api/v1/subscribers/" + id).body()).get("zip").asString()).isEqualTo("10004");
	}

	@Test
	void anUnknownSubscriberIsA404ProblemAndAMissingBodyA400() throws Exception {
		assertThat(put(987_654_321L, Map.of("firstName", "A", "lastName", "B", "zip", "10004", "language", "en")).statusCode())
			.isEqualTo(404);
		assertThat(send(subscriber(unique("empty")), "").statusCode()).isEqualTo(400);
	}

	@Test
	void correctingNeedsTheAdminToken() throws Exception {
		long id = subscriber(unique("guarded"));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/subscribers/" + id))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"zip\":\"99999\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
	}

	private long subscriber(String address) throws Exception {
		assertThat(signUp(address, "en").statusCode()).isEqualTo(202);
		return json.readTree(admin("/api/v1/subscribers?email=" + address).body()).get("id").asLong();
	}

	private HttpResponse<String> put(long id, Map<String, String> body) throws Exception {
		return send(id, json.writeValueAsString(body));
	}

	private HttpResponse<String> send(long id, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/subscribers/" + id))
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}


}
