package org.callout;

import static org.assertj.core.api.Assertions.assertThat;

import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Logs of a whole flow hold no full address, IP or secret, even when the flow fails. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "callout.secrets.admin-token=privacy-test-admin-token-42", "logging.level.org.callout=DEBUG",
				"logging.level.org.springframework.web=DEBUG" })
@H2Database
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTests {

	@LocalServerPort
	int port;

	@Autowired
	org.callout.platform.CalloutProperties properties;

	@Test
	void aTestEmailFlowLogsNoAddressNoIpAndNoSecret(CapturedOutput output) {
		RestClient client = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
		client.post()
			.uri("/api/v1/mail/test")
			.header("Authorization", "Bearer privacy-test-admin-token-42")
			.header("X-Forwarded-For", "198.51.100.23")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"to\":\"carmen.privacy@example.net\"}")
			.retrieve()
			.toBodilessEntity();
		client.post()
			.uri("/api/v1/mail/test")
			.header("Authorization", "Bearer wrong-token-but-secret-looking")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"to\":\"carmen.privacy@example.net\"}")
			.exchange((request, response) -> response.getStatusCode());
		org.slf4j.LoggerFactory.getLogger(LogPrivacyTests.class)
			.warn("careless line: carmen.privacy@example.net from 198.51.100.23 with privacy-test-admin-token-42");

		assertThat(output.getAll()).contains("c***@example.net")
			.doesNotContain("carmen.privacy@example.net")
			.doesNotContain("198.51.100.23")
			.doesNotContain("privacy-test-admin-token-42");
	}

}
