package org.callout.legislators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.awaitility.Awaitility;
import org.callout.signup.SignupFlowSupport;
import tools.jackson.databind.JsonNode;

/** A running Callout (see {@link SignupFlowSupport}) with helpers for signups with addresses and the organizer API. */
public abstract class LegislatorFlowSupport extends SignupFlowSupport {

	/** Signs up through the public API, confirms through the emailed link, and returns the subscriber's id. */
	long signUpAndConfirm(String email, String zip, String street) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("firstName", "Ana");
		body.put("lastName", "Pérez");
		body.put("zip", zip);
		if (street != null) {
			body.put("streetAddress", street);
		}
		body.put("language", "en");
		body.put("termsVersion", terms("en").get("versionId").asString());
		body.put("consent", true);
		HttpResponse<String> signup = postJson("/api/v1/signups", json.writeValueAsString(body), Map.of());
		assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
		HttpResponse<String> confirmed = pressButton(link(awaitEmailTo(email), "confirm"));
		assertThat(confirmed.statusCode()).isEqualTo(200);
		return subscriberId(email);
	}

	long subscriberId(String email) throws Exception {
		return json.readTree(admin("/api/v1/subscribers?email=" + email).body()).get("id").asLong();
	}

	/** Waits until the subscriber's districts are known, and returns them. */
	JsonNode awaitDistricts(long subscriberId) {
		Awaitility.await("districts of " + subscriberId).atMost(Duration.ofSeconds(20))
			.until(() -> admin("/api/v1/subscribers/" + subscriberId + "/districts").statusCode() == 200);
		return districts(subscriberId);
	}

	JsonNode districts(long subscriberId) {
		try {
			return json.readTree(admin("/api/v1/subscribers/" + subscriberId + "/districts").body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	JsonNode adminJson(String path) throws Exception {
		HttpResponse<String> response = admin(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	HttpResponse<String> adminSend(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
