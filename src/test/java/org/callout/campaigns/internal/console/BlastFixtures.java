package org.callout.campaigns.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Blasts for the console's tests, made through the organizer API with the admin token: a new list of confirmed
 * members written straight into the tables (as an import leaves them), and a blast to it sent at once (no quiet
 * hours), left awaiting approval or submitted.
 */
final class BlastFixtures {

	private final String base;

	private final String adminToken;

	private final JdbcClient jdbc;

	private final AddressHasher hasher;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	BlastFixtures(String base, String adminToken, JdbcClient jdbc, AddressHasher hasher, Clock clock) {
		this.base = base;
		this.adminToken = adminToken;
		this.jdbc = jdbc;
		this.hasher = hasher;
		this.clock = clock;
	}

	/** A new list with this many confirmed members; answers its slug. */
	String list(int members) throws Exception {
		String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
		send("POST", "/api/v1/lists", Map.of("slug", slug, "name", "Console " + slug, "isPublic", true), 201);
		long list = jdbc.sql("SELECT id FROM subscriber_lists WHERE slug = :slug").param("slug", slug).query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		for (int i = 0; i < members; i++) {
			EmailAddress address = EmailAddress.parse("member" + i + "-" + slug + "@example.org");
			jdbc.sql("""
					INSERT INTO subscribers (email, email_key, first_name, zip, language, created_at, email_hash)
					VALUES (:email, :key, :first, '12207', :language, :now, :hash)""")
				.param("email", address.value()).param("key", address.matchKey()).param("first", "Member" + i)
				.param("language", i % 3 == 0 ? "es" : "en").param("now", now).param("hash", hasher.hash(address.matchKey()))
				.update();
			jdbc.sql("""
					INSERT INTO memberships (subscriber_id, list_id, status, updated_at)
					SELECT id, :list, 'CONFIRMED', :now FROM subscribers WHERE email_key = :key""")
				.param("list", list).param("key", address.matchKey()).param("now", now)
				.update();
		}
		return slug;
	}

	/** The subscriber ids of the list's members, in id order (the order the engine claims them in). */
	List<Long> members(String slug) {
		return jdbc.sql("""
				SELECT m.subscriber_id FROM memberships m JOIN subscriber_lists l ON l.id = m.list_id
				WHERE l.slug = :slug ORDER BY m.subscriber_id""").param("slug", slug).query(Long.class).list();
	}

	/** A blast to the list (about the bill, if any), submitted: awaiting approval, or on its way at once. */
	long blast(String slug, Long bill, boolean needsApproval) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("lists", List.of(slug));
		body.put("quietHours", false);
		if (bill != null) {
			body.put("billId", bill);
		}
		long id = send("POST", "/api/v1/blasts", body, 201).get("id").asLong();
		send("POST", "/api/v1/blasts/" + id + "/submit", Map.of("needsApproval", needsApproval), 200);
		return id;
	}

	/** A draft blast to the list. */
	long draft(String slug) throws Exception {
		return send("POST", "/api/v1/blasts", Map.of("lists", List.of(slug), "quietHours", false), 201).get("id").asLong();
	}

	JsonNode blast(long id) throws Exception {
		return send("GET", "/api/v1/blasts/" + id, null, 200);
	}

	String state(long id) throws Exception {
		return blast(id).get("state").asString();
	}

	JsonNode send(String method, String path, Object body, int status) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + adminToken)
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
		return json.readTree(answer.body());
	}

	/** The audit entries of the blast: action, channel, actor. */
	List<List<String>> audit(long blast) {
		return new ArrayList<>(jdbc.sql("SELECT action, channel, actor FROM audit_log WHERE target = :target ORDER BY id")
			.param("target", "blast:" + blast)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list());
	}

}
