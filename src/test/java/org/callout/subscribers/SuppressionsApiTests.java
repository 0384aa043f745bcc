package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.callout.platform.EmailAddress;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Organizers look up, add and lift suppressions through {@code /api/v1/suppressions}. */
@H2Database
@ExtendWith(OutputCaptureExtension.class)
class SuppressionsApiTests extends SignupFlowSupport {

	private static final Map<String, String> ORGANIZER = Map.of("Authorization", "Bearer " + ADMIN);

	@Autowired
	Suppressions suppressions;

	@Test
	void anOrganizerSuppressesAnAddressWith201ThenGets200AndTheFirstSuppressionIsKept() throws Exception {
		String address = unique("Asked.By.Phone");

		HttpResponse<String> created = suppress(address, "asked by phone");
		HttpResponse<String> again = suppress(address.toLowerCase(), "second note");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		assertThat(body.get("reason").asString()).isEqualTo("organizer");
		assertThat(body.get("source").asString()).isEqualTo("api");
		assertThat(body.get("detail").asString()).isEqualTo("asked by phone");
		assertThat(body.get("suppressedAt").asString()).isNotBlank();
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json.readTree(again.body())).isEqualTo(body);
		assertThat(suppressions.isSuppressed(EmailAddress.parse(address))).isTrue();
	}

	@Test
	void aSuppressionIsReadBackWithItsReasonAndNeverTheAddress() throws Exception {
		String address = unique("bounced");
		suppressions.suppress(EmailAddress.parse(address), Suppressions.NO_SUCH_USER, "550 5.1.1 <" + address + ">: User unknown",
				"relay");

		HttpResponse<String> found = admin("/api/v1/suppressions?email=" + encode(address.toUpperCase()));

		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		JsonNode body = json.readTree(found.body());
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("reason", "detail", "source", "suppressedAt");
		assertThat(body.get("reason").asString()).isEqualTo("no-such-user");
		assertThat(body.get("source").asString()).isEqualTo("relay");
	}

	@Test
	void anAddressThatIsNotSuppressedIsA404ProblemForAReadAndALift() throws Exception {
		String address = unique("never");

		HttpResponse<String> read = admin("/api/v1/suppressions?email=" + encode(address));
		HttpResponse<String> lift = delete(address, ORGANIZER);

		assertThat(read.statusCode()).isEqualTo(404);
		assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(json.readTree(read.body()).get("title").asString()).isEqualTo("Not suppressed");
		assertThat(read.body()).doesNotContain(address);
		assertThat(lift.statusCode()).isEqualTo(404);
		assertThat(lift.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
	}

	@Test
	void liftingASuppressionAnswers204AndTheAddressIsNoLongerSuppressed() throws Exception {
		String address = unique("wrongly");
		suppressions.suppress(EmailAddress.parse(address), Suppressions.NO_SUCH_USER, null, "relay");

		HttpResponse<String> lifted = delete(address.toUpperCase(), ORGANIZER);

		assertThat(lifted.statusCode()).isEqualTo(204);
		assertThat(suppressions.isSuppressed(EmailAddress.parse(address))).isFalse();
		assertThat(admin("/api/v1/suppressions?email=" + encode(address)).statusCode()).isEqualTo(404);
		assertThat(delete(address, ORGANIZER).statusCode()).isEqualTo(404);
	}

	@Test
	void theSuppressionApiNeedsTheAdminToken() throws Exception {
		String address = unique("no-token");
		suppressions.suppress(EmailAddress.parse(address), Suppressions.NO_SUCH_USER, null, "relay");

		HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/suppressions?email=" + encode(address)))
			.GET().build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> add = postJson("/api/v1/suppressions", body(unique("other"), null), Map.of("Authorization", "Bearer wrong-token"));
		HttpResponse<String> lift = delete(address, Map.of());

		assertThat(read.statusCode()).isEqualTo(401);
		assertThat(add.statusCode()).isEqualTo(401);
		assertThat(lift.statusCode()).isEqualTo(401);
		assertThat(suppressions.isSuppressed(EmailAddress.parse(address))).isTrue();
	}

	@Test
	void missingMalformedHugeAndMultiLineInputIsA400ProblemNamingTheFieldAndStoresNothing() throws Exception {
		String address = unique("hostile");
		List<Refusal> refusals = List.of(
				new Refusal("email", admin("/api/v1/suppressions")),
				new Refusal("email", admin("/api/v1/suppressions?email=not-an-address")),
				new Refusal("email", admin("/api/v1/suppressions?email=" + encode("a\r\nb@example.org"))),
				new Refusal("email", postJson("/api/v1/suppressions", "{\"detail\":\"no address\"}", ORGANIZER)),
				new Refusal("email", postJson("/api/v1/suppressions", body("x".repeat(10_000) + "@example.org", null), ORGANIZER)),
				new Refusal("email", postJson("/api/v1/suppressions", body(address + "\r\nBcc: eve@example.org", null), ORGANIZER)),
				new Refusal("detail", postJson("/api/v1/suppressions", body(address, "one\r\nX-Injected: two"), ORGANIZER)),
				new Refusal("detail", postJson("/api/v1/suppressions", body(address, "d".repeat(501)), ORGANIZER)),
				new Refusal("email", delete("@example.org", ORGANIZER)));

		assertThat(refusals).allSatisfy(refusal -> {
			HttpResponse<String> answer = refusal.answer();
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
			assertThat(json.readTree(answer.body()).get("errors").get(0).get("field").asString()).isEqualTo(refusal.field());
			assertThat(answer.body()).doesNotContain(address);
		});
		assertThat(suppressions.isSuppressed(EmailAddress.parse(address))).isFalse();
	}

	private record Refusal(String field, HttpResponse<String> answer) {
	}

	@Test
	void aBodyThatIsNotJsonOrIsMissingIsA400Problem() throws Exception {
		HttpResponse<String> notJson = postJson("/api/v1/suppressions", "email=a@example.org", ORGANIZER);
		HttpResponse<String> empty = postJson("/api/v1/suppressions", "", ORGANIZER);

		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
	}

	@Test
	void suppressingAndLiftingLogNoWholeAddress(CapturedOutput output) throws Exception {
		String address = unique("logged");

		assertThat(suppress(address, "note").statusCode()).isEqualTo(201);
		assertThat(admin("/api/v1/suppressions?email=" + encode(address)).statusCode()).isEqualTo(200);
		assertThat(delete(address, ORGANIZER).statusCode()).isEqualTo(204);

		assertThat(output.getAll()).contains("Suppressed " + address.charAt(0) + "***@example.org (organizer, from api)")
			.doesNotContain(address.substring(0, address.indexOf('@')));
	}

	private HttpResponse<String> suppress(String address, String detail) throws Exception {
		return postJson("/api/v1/suppressions", body(address, detail), ORGANIZER);
	}

	private String body(String address, String detail) throws Exception {
		Map<String, String> body = new HashMap<>();
		body.put("email", address);
		if (detail != null) {
			body.put("detail", detail);
		}
		return json.writeValueAsString(body);
	}

	private HttpResponse<String> delete(String address, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/suppressions?email=" + encode(address))).DELETE();
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
