package org.callout.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Names as stored, the same on H2 and PostgreSQL (which count and keep characters differently). */
abstract class StoredNamesTests extends SignupFlowSupport {

	@Test
	void sixtyEmojiFitTheHundredCharacterLimitBecauseLengthsCountCodePoints() throws Exception {
		String address = unique("emoji");
		Map<String, Object> body = valid(address, "en");
		body.put("firstName", "😀".repeat(60));
		Map<String, Object> tooLong = valid(unique("emoji"), "en");
		tooLong.put("firstName", "😀".repeat(101));

		assertThat(post(body)).isEqualTo(202);
		assertThat(stored(address).get("firstName").asString()).isEqualTo("😀".repeat(60));
		assertThat(post(tooLong)).isEqualTo(400);
	}

	@Test
	void aLoneSurrogateIsRemovedSoTheNameIsStoredTheSameOnEveryDatabase() throws Exception {
		String address = unique("surrogate");
		Map<String, Object> body = valid(address, "en");
		body.put("firstName", "Ana-SURROGATE");
		// Written as a JSON escape: a Java string with a lone surrogate would reach the wire as '?' already.
		String json = this.json.writeValueAsString(body).replace("Ana-SURROGATE", "Ana\\ud800");

		assertThat(postJson("/api/v1/signups", json, Map.of()).statusCode()).isEqualTo(202);

		assertThat(stored(address).get("firstName").asString()).isEqualTo("Ana");
	}

	private Map<String, Object> valid(String email, String language) throws Exception {
		return new HashMap<>(Map.of("email", email, "firstName", "Ana", "lastName", "Pérez", "zip", "10004", "language",
				language, "termsVersion", terms(language).get("versionId").asString(), "consent", true));
	}

	private int post(Map<String, Object> body) throws Exception {
		return postJson("/api/v1/signups", json.writeValueAsString(body), Map.of()).statusCode();
	}

	private JsonNode stored(String address) throws Exception {
		return json.readTree(admin("/api/v1/subscribers?email=" + address).body());
	}

}
