package org.callout.subscribers.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.callout.signup.SignupFlowSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

/**
 * A running Callout (see {@link SignupFlowSupport}) and the organizer's import API over real HTTP. Its own
 * application context: these tests leave withdrawals and "this wasn't me" reports in the ledger, which the signup
 * tests' context must not see. Chunks of 2 rows, so that every import here spans several chunks.
 */
// A 2 MB file limit for ImportInputTests' files just over it (every other import here is far smaller): set here
// rather than on those classes, so that all the import tests share one context per database.
@TestPropertySource(properties = { "callout.subscribers.imports.chunk-size=2", "callout.subscribers.imports.max-file-size=2MB" })
public abstract class ImportSupport extends SignupFlowSupport {

	protected static final String HEADER = "email,first_name,last_name,zip,consented_at,confirmed_at,consent_source,ip\r\n";

	protected HttpResponse<String> importCsv(String csv, String query) throws Exception {
		return importBytes(csv.getBytes(StandardCharsets.UTF_8), "text/csv", query);
	}

	protected HttpResponse<String> importBytes(byte[] body, String contentType, String query) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/subscribers/imports" + (query.isEmpty() ? "" : "?" + query)))
			.header("Authorization", "Bearer " + ADMIN)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A real run that must succeed: its answer as JSON. */
	protected JsonNode imported(String csv, String query) throws Exception {
		HttpResponse<String> answer = importCsv(csv, query);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return json.readTree(answer.body());
	}

	protected JsonNode dryRun(String csv, String query) throws Exception {
		HttpResponse<String> answer = importCsv(csv, "dryRun=true" + (query.isEmpty() ? "" : "&" + query));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return json.readTree(answer.body());
	}

	protected HttpResponse<String> post(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Authorization", "Bearer " + ADMIN)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** "row:outcome" for each row of an answer, with the reason where there is one. */
	protected static List<String> outcomes(JsonNode answer) {
		List<String> outcomes = new ArrayList<>();
		for (JsonNode row : answer.get("rows")) {
			outcomes.add(row.get("row").asInt() + ":" + row.get("outcome").asString()
					+ (row.has("reason") ? ":" + row.get("reason").asString() : ""));
		}
		return outcomes;
	}

	protected static JsonNode counts(JsonNode answer) {
		return answer.get("importRun").get("counts");
	}

	protected long subscriberId(String email) {
		return jdbc.sql("SELECT id FROM subscribers WHERE email_key = :key").param("key", email.toLowerCase()).query(Long.class).single();
	}

	protected String membership(String email, String list) {
		return jdbc.sql("""
				SELECT m.status FROM memberships m JOIN subscribers s ON s.id = m.subscriber_id
				JOIN subscriber_lists l ON l.id = m.list_id WHERE s.email_key = :key AND l.slug = :list""")
			.param("key", email.toLowerCase())
			.param("list", list)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	protected long ledgerEvents() {
		return count("SELECT COUNT(*) FROM consent_events");
	}

}
