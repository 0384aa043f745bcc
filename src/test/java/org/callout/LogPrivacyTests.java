package org.callout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.callout.signup.SignupFlowSupport;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The logs of a whole flow (signup, confirmation email, scanner GETs, confirm, "not me", organizer API with
 * right and wrong tokens, a test email) hold none of its addresses, IPs, link tokens or secrets, even at
 * DEBUG level for Callout and Spring MVC.
 */
@H2Database
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.org.callout=DEBUG", "logging.level.org.springframework.web=DEBUG",
		"logging.level.org.springframework.security=DEBUG" })
class LogPrivacyTests extends SignupFlowSupport {

	@Test
	void aWholeSignupFlowLogsNoAddressNoIpNoLinkTokenAndNoSecret(CapturedOutput output) throws Exception {
		String address = "carmen.privacy-" + System.nanoTime() + "@example.net";
		String other = "other.privacy-" + System.nanoTime() + "@example.net";
		postJson("/api/v1/signups", signupJson(address, "en", null), Map.of("X-Forwarded-For", "198.51.100.23"));
		String confirm = link(awaitEmailTo(address), "confirm");
		get(local(confirm));
		pressButton(confirm);
		signUp(other, "es");
		String notMe = link(awaitEmailTo(other), "not-me");
		pressButton(notMe);
		admin("/api/v1/consent-history?email=" + address);
		postJson("/api/v1/mail/test", "{\"to\":\"" + address + "\"}", Map.of("Authorization", "Bearer " + ADMIN));
		postJson("/api/v1/mail/test", "{\"to\":\"" + address + "\"}", Map.of("Authorization", "Bearer wrong-token-0123456789"));
		org.slf4j.LoggerFactory.getLogger(LogPrivacyTests.class)
			.warn("careless line: {} from 198.51.100.23 and 127.0.0.1 with {} and {}", address, ADMIN, confirm);

		String logs = output.getAll();
		assertThat(logs).contains("c***@example.net", "198.51.x.x");
		assertThat(logs).doesNotContain(address, other, "198.51.100.23", "127.0.0.1", ADMIN, "wrong-token-0123456789",
				token(confirm), token(notMe));
	}

	private static String token(String link) {
		return link.substring(link.indexOf("token=") + 6, link.indexOf('&'));
	}

}
