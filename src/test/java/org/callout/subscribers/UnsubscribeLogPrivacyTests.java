package org.callout.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Unsubscribing (page, one-click, a fresh link asked for) logs no token, address or IP, even at DEBUG. */
@ExtendWith(OutputCaptureExtension.class)
class UnsubscribeLogPrivacyTests extends UnsubscribeFlowSupport {

	// Set here and put back after, not as context properties: log levels are global, and a DEBUG level left
	// behind would reach every later test sharing a cached context (one of them forbids DEBUG's side effects).
	private static final List<String> LOGGERS = List.of("org.callout", "org.springframework.web", "org.springframework.security");

	@BeforeEach
	void debug() {
		LOGGERS.forEach(name -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(name, LogLevel.DEBUG));
	}

	@AfterEach
	void levelsBack() {
		LOGGERS.forEach(name -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(name, null));
	}

	@Test
	void unsubscribingLogsNoTokenNoAddressAndNoIp(CapturedOutput output) throws Exception {
		String address = unique("quiet");
		Confirmed ana = confirmed(address, "en", "Tenants");
		String path = path(ana.linkForFirstList());
		String token = path.substring("/u/".length());

		plainGet(path);
		oneClick(path);
		plainGet("/u/" + token.substring(0, token.length() - 2));
		HttpResponse<String> form = get(base() + "/unsubscribe-link");
		String csrf = find("name=\"_csrf\" value=\"([^\"]*)\"", form.body());
		http.send(HttpRequest.newBuilder(URI.create(base() + "/unsubscribe-link"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains("Fresh unsubscribe link sent"));

		String logs = output.getAll();
		assertThat(logs).contains("/u/***");
		assertThat(logs).doesNotContain(address, token, token.substring(0, 20), "127.0.0.1");
	}

}
