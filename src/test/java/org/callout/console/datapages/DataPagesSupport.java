package org.callout.console.datapages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.ConsoleClient;

/** Console data pages over real HTTP: accounts of each role signed in, their audit entries, a multipart upload. */
abstract class DataPagesSupport extends SignupFlowSupport {

	record Audit(String action, String target, String channel, String outcome, String after) {
	}

	/** A new account of this role, signed in with its own client. */
	ConsoleClient signedIn(String role) throws Exception {
		String name = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/accounts"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + ADMIN)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("username", name, "email",
					name + "@example.org", "password", ConsoleBrowserSupport.PASSWORD, "role", role))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		ConsoleClient client = new ConsoleClient(base());
		HttpResponse<String> signedIn = client.signIn(name, ConsoleBrowserSupport.PASSWORD);
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
		actors.put(client, name);
		return client;
	}

	private final Map<ConsoleClient, String> actors = new java.util.IdentityHashMap<>();

	/** What this client's account left in the audit log, oldest first, sign-in left out. */
	List<Audit> audit(ConsoleClient client) {
		return jdbc.sql("""
				SELECT action, target, channel, outcome, after_state FROM audit_log
				WHERE actor = :actor AND action NOT LIKE 'console.%' AND action NOT LIKE 'account.%' ORDER BY id""")
			.param("actor", actors.get(client))
			.query((rs, row) -> new Audit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	/** Posts a multipart form as a browser does: fields, then the file, with the client's cookies. */
	static HttpResponse<String> upload(ConsoleClient client, String base, String path, Map<String, String> fields, String filename,
			byte[] content) throws Exception {
		String boundary = "----callout" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.header("Cookie", client.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(response.body());
		if (token.find()) {
			client.csrf = token.group(1);
		}
		return response;
	}

	static String slug(String start) {
		return start + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").map(l -> URI.create(l).getRawPath()
				+ (URI.create(l).getRawQuery() == null ? "" : "?" + URI.create(l).getRawQuery())).orElse(null);
	}

}
