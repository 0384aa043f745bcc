package org.callout.signup;

import jakarta.mail.internet.InternetAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.callout.CalloutApplication;
import org.callout.support.MutableClock;
import org.callout.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The global hourly cap on confirmation emails, across a restart: with the cap at 5, eight signups send five
 * confirmations now; the other three wait in the database, survive the restart, and go out once the hour has
 * rolled on. Two real application starts on one embedded database file.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfirmationCapRestartTests {

	static final int SMTP_PORT = ServiceProcess.freePort();

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@TempDir
	Path dataDir;

	final MutableClock clock = new MutableClock();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void withTheCapAtFiveEightSignupsSendFiveNowAndTheOtherThreeAfterTheHourEvenAcrossARestart(CapturedOutput output)
			throws Exception {
		List<String> addresses = IntStream.range(0, 8).mapToObj(i -> "capped" + i + "-" + System.nanoTime() + "@example.org").toList();
		try (ConfigurableApplicationContext first = start()) {
			int port = port(first);
			for (String address : addresses) {
				assertThat(signUp(port, address)).isEqualTo(202);
			}
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 5);
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().contains("cap of 5 confirmation emails per hour is reached"));
		}
		assertThat(smtp.getReceivedMessages()).hasSize(5);
		assertThat(output.getAll().split("cap of 5 confirmation emails per hour is reached", -1)).hasSize(2);

		clock.advance(Duration.ofMinutes(61));
		try (ConfigurableApplicationContext second = start()) {
			Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 8);
		}

		List<String> recipients = Arrays.stream(smtp.getReceivedMessages()).map(ConfirmationCapRestartTests::recipient).toList();
		assertThat(recipients).containsExactlyInAnyOrderElementsOf(addresses);
	}

	private ConfigurableApplicationContext start() throws Exception {
		Files.createDirectories(dataDir);
		return new SpringApplicationBuilder(CalloutApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
			// Command-line arguments, which (unlike builder properties) win over ./config/application.yml.
			.run("--server.port=0", "--callout.data-dir=" + dataDir, "--callout.mail.transport=smtp",
					"--callout.mail.smtp.host=127.0.0.1", "--callout.mail.smtp.port=" + SMTP_PORT,
					"--callout.signup.confirmations-per-hour=5", "--callout.signup.queue-poll-interval=500ms",
					"--spring.datasource.url=jdbc:h2:file:" + dataDir + "/db/callout;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE");
	}

	private int signUp(int port, String address) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			String terms = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/terms")).build(),
					HttpResponse.BodyHandlers.ofString()).body()).get("versionId").asString();
			String body = "{\"email\":\"" + address + "\",\"firstName\":\"Cap\",\"lastName\":\"Test\",\"zip\":\"10004\","
					+ "\"termsVersion\":\"" + terms + "\",\"consent\":true}";
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/signups"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static String recipient(MimeMessage message) {
		try {
			return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
