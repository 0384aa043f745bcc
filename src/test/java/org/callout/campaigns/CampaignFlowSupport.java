package org.callout.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.SharedData;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * A running Callout (see {@link SignupFlowSupport}) whose directory and ZIP table were imported from
 * {@code ../shared/data/} through the organizer API, with helpers for bills, supporters and templates.
 */
public abstract class CampaignFlowSupport extends SignupFlowSupport {

	/** One row of the shared OpenStates CSV. */
	protected record Person(String chamber, String district, String name, String party, String capitolPhone,
			String districtPhone, String email) {
	}

	private static final java.util.Set<Integer> IMPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

	@BeforeEach
	void importSharedData() throws Exception {
		// Test classes with the same settings share one running context (one port): it imports once.
		if (!IMPORTED.add(port)) {
			return;
		}
		Path people = SharedData.file("ny-legislators.csv");
		HttpResponse<String> directory = adminSend("POST", "/api/v1/legislators/imports",
				"{\"source\":\"" + people + "\",\"format\":\"csv\",\"mode\":\"full\"}");
		assertThat(directory.statusCode()).as(directory.body()).isEqualTo(200);
		for (String file : List.of("ny-zcta-senate-districts.txt", "ny-zcta-assembly-districts.txt")) {
			HttpResponse<String> imported = adminSend("POST", "/api/v1/districts/zip-table/imports",
					"{\"source\":\"" + SharedData.file(file) + "\"}");
			assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		}
	}

	/** The person holding a seat, as the shared CSV has them. */
	protected static Person person(String chamber, String district) throws IOException {
		return Files.readAllLines(SharedData.file("ny-legislators.csv")).stream()
			.skip(1)
			.map(line -> line.split(",", -1))
			.filter(cells -> cells[0].equals(chamber) && cells[1].equals(district))
			.map(cells -> new Person(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]))
			.findFirst()
			.orElseThrow();
	}

	protected long legislatorId(String chamber, String district) throws Exception {
		JsonNode found = json.readTree(admin("/api/v1/legislators?chamber=" + chamber + "&district=" + district).body());
		assertThat(found).hasSize(1);
		return found.get(0).get("id").asLong();
	}

	/**
	 * Tracks a bill like the New York for All Act under these prints (each test its own: a print is tracked once),
	 * sets its co-sponsors (legislator ids) and a status; answers its id.
	 */
	protected long trackBill(String senatePrint, String assemblyPrint, List<Long> senateCoSponsors,
			List<Long> assemblyCoSponsors, String status, String print) throws Exception {
		Map<String, Object> bill = new LinkedHashMap<>();
		bill.put("session", 2025);
		bill.put("printNo", senatePrint);
		bill.put("sameAs", assemblyPrint);
		bill.put("title", "New York for All Act");
		bill.put("summary", Map.of("en", "Keeps local police from doing ICE's job.",
				"es", "Impide que la policía local haga el trabajo de ICE."));
		bill.put("publicUrl", "https://www.nysenate.gov/legislation/bills/2025/S3076/amendment/A");
		HttpResponse<String> created = postJson("/api/v1/bills", json.writeValueAsString(bill), Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json.readTree(created.body()).get("id").asLong();
		List<Map<String, Object>> sponsors = List.of(Map.of("print", base(senatePrint), "coSponsors", senateCoSponsors),
				Map.of("print", base(assemblyPrint), "coSponsors", assemblyCoSponsors));
		HttpResponse<String> put = adminSend("PUT", "/api/v1/bills/" + id, json.writeValueAsString(Map.of("sponsors", sponsors)));
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		setStatus(id, status, print, "2026-02-03");
		return id;
	}

	protected void setStatus(long bill, String status, String print, String actionDate) throws Exception {
		Map<String, Object> change = new LinkedHashMap<>(Map.of("status", status, "actionDate", actionDate));
		if (print != null) {
			change.put("print", print);
		}
		HttpResponse<String> moved = postJson("/api/v1/bills/" + bill + "/status", json.writeValueAsString(change),
				Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
	}

	private static String base(String print) {
		return print.replaceAll("[A-Z]$", "");
	}

	/** Signs up through the public API, confirms through the emailed link, and waits for the districts. */
	protected long supporter(String email, String firstName, String zip, String language) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("firstName", firstName);
		body.put("lastName", "Díaz");
		body.put("zip", zip);
		body.put("language", language);
		body.put("termsVersion", terms(language).get("versionId").asString());
		body.put("consent", true);
		HttpResponse<String> signup = postJson("/api/v1/signups", json.writeValueAsString(body), Map.of());
		assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
		assertThat(pressButton(link(awaitEmailTo(email), "confirm")).statusCode()).isEqualTo(200);
		long id = json.readTree(admin("/api/v1/subscribers?email=" + email).body()).get("id").asLong();
		Awaitility.await("districts of " + id).atMost(Duration.ofSeconds(20))
			.until(() -> admin("/api/v1/subscribers/" + id + "/districts").statusCode() == 200);
		return id;
	}

	protected JsonNode preview(String template, Map<String, Object> request) throws Exception {
		HttpResponse<String> response = adminSend("POST", "/api/v1/templates/" + template + "/preview",
				json.writeValueAsString(request));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	protected HttpResponse<String> adminSend(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
