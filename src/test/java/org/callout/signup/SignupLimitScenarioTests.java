package org.callout.signup;

import java.net.URI;
import java.net.http.HttpRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/**
 * The documented default limits, driven as real traffic would. 127.0.0.1 is configured as a trusted proxy
 * here so each scenario can speak for its own client IP through X-Forwarded-For; scenarios use distinct IPs,
 * so none depends on another's traffic.
 */
@H2Database
@TestPropertySource(properties = { "callout.trusted-proxies=127.0.0.1", "callout.signup.rate-limit.per-ip-per-hour=30" })
class SignupLimitScenarioTests extends SignupFlowSupport {

	@Test
	void aTablingEventOnAListedKioskNetworkTakesFortySignupsInAnHour() throws Exception {
		HttpResponse<String> listed = postJson("/api/v1/kiosk-allowlist", "{\"cidr\":\"198.51.100.0/24\",\"label\":\"Community center\"}",
				Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(listed.statusCode()).isEqualTo(201);

		for (int i = 0; i < 40; i++) {
			HttpResponse<String> answer = signUpFrom("198.51.100.7", unique("tabling" + i));
			assertThat(answer.statusCode()).as("signup %d", i).isEqualTo(202);
			clock.advance(Duration.ofSeconds(80));
		}
	}

	@Test
	void aBombingScriptSigningUpOneAddressTwentyTimesCausesOneEmail() throws Exception {
		String victim = unique("victim");
		for (int i = 0; i < 20; i++) {
			assertThat(signUpFrom("203.0.113." + (i + 1), victim).statusCode()).isEqualTo(202);
		}

		awaitEmailTo(victim);
		assertNothingSentTo(victim, 1);
	}

	@Test
	void aFloodFromOneOrdinaryIpGetsThirtySignupsThroughAndTheRestA429WithRetryAfter() throws Exception {
		int accepted = 0;
		int limited = 0;
		for (int i = 0; i < 1000; i++) {
			HttpResponse<String> answer = signUpFrom("192.0.2.99", "flood" + i + "@example.org");
			if (answer.statusCode() == 202) {
				accepted++;
			}
			else {
				assertThat(answer.statusCode()).isEqualTo(429);
				assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 3601L));
				assertThat(answer.body()).contains("Too many signups");
				limited++;
			}
		}

		assertThat(accepted).isEqualTo(30);
		assertThat(limited).isEqualTo(970);
		assertThat(count("SELECT COUNT(*) FROM subscribers WHERE email LIKE 'flood%'")).isEqualTo(30);
	}

	@Test
	void theLimitSlidesWithTheHour() throws Exception {
		for (int i = 0; i < 30; i++) {
			assertThat(signUpFrom("192.0.2.50", unique("slide")).statusCode()).isEqualTo(202);
		}
		assertThat(signUpFrom("192.0.2.50", unique("slide")).statusCode()).isEqualTo(429);

		clock.advance(Duration.ofMinutes(61));

		assertThat(signUpFrom("192.0.2.50", unique("slide")).statusCode()).isEqualTo(202);
	}

	@Test
	void ipv6ClientsInOneSlash64ShareALimit() throws Exception {
		for (int i = 0; i < 30; i++) {
			assertThat(signUpFrom("2001:db8:77:1::" + Integer.toHexString(i + 1), unique("six")).statusCode()).isEqualTo(202);
		}

		assertThat(signUpFrom("2001:db8:77:1:ffff::1", unique("six")).statusCode()).isEqualTo(429);
		assertThat(signUpFrom("2001:db8:77:2::1", unique("six")).statusCode()).isEqualTo(202);
	}

	@Test
	void theFormShowsAFriendlyPageWhenTheLimitIsReached() throws Exception {
		for (int i = 0; i < 30; i++) {
			signUpFrom("192.0.2.77", unique("formflood"));
		}
		HttpResponse<String> page = get(base() + "/join?lang=es");
		String csrf = find("name=\"_csrf\" value=\"([^\"]+)\"", page.body());
		String stamp = find("name=\"stamp\" value=\"([^\"]+)\"", page.body());
		String terms = find("name=\"termsVersion\" value=\"([^\"]+)\"", page.body());
		clock.advance(Duration.ofSeconds(10));

		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/join?lang=es"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", "192.0.2.77")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&stamp=" + stamp + "&termsVersion=" + terms
					+ "&list=supporters&email=" + unique("formflood") + "&firstName=Ana&lastName=Ruiz&zip=10004&consent=true"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(429);
		assertThat(answer.headers().firstValue("Retry-After")).isPresent();
		assertThat(answer.body()).contains("Demasiadas suscripciones desde esta red", "Volver al formulario");
	}

	@Test
	void behindTheTrustedProxyAHopTheClientForgedInFrontIsIgnored() throws Exception {
		String prepended = unique("prepended");
		String twoLines = unique("twolines");
		postJson("/api/v1/signups", signupJson(prepended, "en", null), Map.of("X-Forwarded-For", "6.6.6.6, 192.0.2.123"));
		http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/signups"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", "6.6.6.7")
			.header("X-Forwarded-For", "192.0.2.124")
			.POST(HttpRequest.BodyPublishers.ofString(signupJson(twoLines, "en", null)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(recordedIp(prepended)).isEqualTo("192.0.2.123");
		assertThat(recordedIp(twoLines)).isEqualTo("192.0.2.124");
	}

	private String recordedIp(String address) {
		return jdbc.sql("SELECT e.ip_address FROM consent_events e JOIN subscribers s ON s.id = e.subscriber_id WHERE s.email_key = :key")
			.param("key", address)
			.query(String.class)
			.single();
	}

	private HttpResponse<String> signUpFrom(String ip, String email) throws Exception {
		return postJson("/api/v1/signups", signupJson(email, "en", null), Map.of("X-Forwarded-For", ip));
	}

}
