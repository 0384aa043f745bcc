package org.callout.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** A signup through the public API of a Callout on a local port, for tests that need only that. */
public final class ApiSignups {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiSignups() {
	}

	/** Signs {@code address} up with the current English terms and checks the 202. */
	public static void signUp(int port, String address) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			String terms = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/terms")).build(),
					HttpResponse.BodyHandlers.ofString()).body()).get("versionId").asString();
			String body = JSON.writeValueAsString(Map.of("email", address, "firstName", "Ana", "lastName", "Pérez", "zip", "10004",
					"termsVersion", terms, "consent", true));
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/signups"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		}
	}

}
