package org.callout.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The organizer API of a running jar, as the README's walkthrough uses it: blasts made, submitted and moved. */
public final class OrganizerApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ServiceProcess service;

	private final String token;

	public OrganizerApi(ServiceProcess service, String token) {
		this.service = service;
		this.token = token;
	}

	/** A hand-made blast to these lists, sent as soon as the scheduler hands it over (no quiet hours). */
	public long startBlast(List<String> lists) throws IOException, InterruptedException {
		HttpResponse<String> created = send("POST", "/api/v1/blasts",
				JSON.writeValueAsString(Map.of("lists", lists, "quietHours", false)));
		require(created, 201);
		long id = JSON.readTree(created.body()).get("id").asLong();
		require(send("POST", "/api/v1/blasts/" + id + "/submit", null), 200);
		return id;
	}

	/** pause, resume or cancel; answers the blast as the answer shows it. */
	public JsonNode move(long blast, String move) throws IOException, InterruptedException {
		HttpResponse<String> answer = send("POST", "/api/v1/blasts/" + blast + "/" + move, null);
		require(answer, 200);
		return JSON.readTree(answer.body());
	}

	public JsonNode blast(long blast) throws IOException, InterruptedException {
		HttpResponse<String> answer = send("GET", "/api/v1/blasts/" + blast, null);
		require(answer, 200);
		return JSON.readTree(answer.body());
	}

	private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return service.send(request.build());
	}

	private static void require(HttpResponse<String> answer, int status) {
		if (answer.statusCode() != status) {
			throw new IllegalStateException(answer.request().method() + " " + answer.request().uri() + " answered "
					+ answer.statusCode() + ", not " + status + ": " + answer.body());
		}
	}

}
