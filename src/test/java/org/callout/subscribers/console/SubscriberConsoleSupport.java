package org.callout.subscribers.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.ConsoleClient;

/** Subscribers made through the public signup API, and console clients signed in with a role. */
abstract class SubscriberConsoleSupport extends SignupFlowSupport {

	/** A signup through the public API (unconfirmed); answers the new subscriber's id. */
	long subscriber(String email, String firstName, String lastName) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", email);
		body.put("firstName", firstName);
		body.put("lastName", lastName);
		body.put("zip", "10004");
		body.put("language", "en");
		body.put("termsVersion", terms("en").get("versionId").asString());
		body.put("consent", true);
		HttpResponse<String> signup = postJson("/api/v1/signups", json.writeValueAsString(body), Map.of());
		assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);
		return jdbc.sql("SELECT id FROM subscribers WHERE email_key = :key").param("key", email.toLowerCase()).query(Long.class).single();
	}

	/** A new account with this role, signed in on its own console client. */
	Signed signedIn(String role) throws Exception {
		String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/accounts"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ADMIN)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("username", name, "email",
					name + "@example.org", "password", ConsoleBrowserSupport.PASSWORD, "role", role))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		ConsoleClient client = new ConsoleClient(base());
		assertThat(client.signIn(name, ConsoleBrowserSupport.PASSWORD).statusCode()).isEqualTo(302);
		return new Signed(name, client);
	}

	record Signed(String name, ConsoleClient client) {
	}

	/** Audit entries of this action and target written by this actor, and how many were on the console channel. */
	long entries(String actor, String action, String target) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = :actor AND action = :action AND target = :target")
			.param("actor", actor).param("action", action).param("target", target).query(Long.class).single();
	}

	long consoleEntries(String actor, String action, String target) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = :actor AND action = :action AND target = :target AND channel = 'console'")
			.param("actor", actor).param("action", action).param("target", target).query(Long.class).single();
	}

	/** The changes this person made (sign-in and sign-out aside); refusals are counted by {@link #refusals}. */
	long allEntries(String actor) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = :actor AND action NOT LIKE 'console.sign%' AND outcome = 'ok'")
			.param("actor", actor).query(Long.class).single();
	}

	/** The refused attempts of this person: a form the page refused leaves one, as a refused API write does. */
	long refusals(String actor) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = :actor AND outcome = 'refused'")
			.param("actor", actor).query(Long.class).single();
	}

	String zipOf(long id) {
		return jdbc.sql("SELECT zip FROM subscribers WHERE id = :id").param("id", id).query(String.class).single();
	}

	static Map<String, String> details(String csrf, String zip, String street) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("firstName", "Ana");
		form.put("lastName", "Pérez");
		form.put("zip", zip);
		form.put("streetAddress", street);
		form.put("language", "en");
		form.put("_csrf", csrf);
		return form;
	}

	static String location(HttpResponse<String> answer) {
		URI to = URI.create(answer.headers().firstValue("Location").orElseThrow());
		return to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery());
	}

}
