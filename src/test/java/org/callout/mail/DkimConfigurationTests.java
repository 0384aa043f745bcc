package org.callout.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.callout.CalloutApplication;
import org.callout.platform.EmailAddress;
import org.callout.support.DkimTestKeys;
import org.callout.support.DkimVerifier;
import org.callout.support.H2Database;
import org.callout.support.TempDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as configured: a key from the environment makes every sent message signed (here through the
 * outbox), start-up says so without printing the key, and a key that cannot sign stops start-up with one sentence.
 */
@SpringBootTest
@H2Database
@ExtendWith(OutputCaptureExtension.class)
class DkimConfigurationTests {

	private static final String PEM = DkimTestKeys.pem(DkimTestKeys.RSA_2048.getPrivate());

	private static final Path OUTBOX = newDirectory();

	@DynamicPropertySource
	static void dkim(DynamicPropertyRegistry registry) {
		registry.add("callout.mail.transport", () -> "outbox");
		registry.add("callout.mail.outbox-dir", OUTBOX::toString);
		registry.add("callout.mail.dkim.private-key", () -> PEM);
	}

	@Autowired
	MailComposer composer;

	@Autowired
	Messenger messenger;

	@Test
	void aConfiguredKeySignsWhatTheMessengerSendsAndNeverReachesTheLog(CapturedOutput output) throws Exception {
		messenger.send(composer.compose(new OutgoingEmail(EmailAddress.parse("nunez@example.org"), "Señora Núñez",
				"¡Llame hoy!", "Llame hoy.", "<p>Llame hoy.</p>", Map.of("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
				composer.newMessageId(), composer.returnPath())));

		List<Path> written;
		try (Stream<Path> files = Files.list(OUTBOX)) {
			written = files.filter(file -> file.toString().endsWith(".eml")).toList();
		}
		assertThat(written).hasSize(1);
		assertThat(new DkimVerifier("callout", "example.org", DkimTestKeys.RSA_2048.getPublic())
			.verifies(Files.readAllBytes(written.get(0)))).isTrue();
		assertThat(output.getAll()).contains("DKIM signing: on, d=example.org s=callout with a 2048-bit RSA key")
			.doesNotContain(keyBody(PEM));
	}

	@Test
	void aKeyThatIsNotPemStopsStartUpWithOneSentenceAndIsNotPrinted(CapturedOutput output) throws Exception {
		String notAKey = "-----BEGIN PRIVATE KEY-----\nSECRETmarker0123456789notbase64!!\n-----END PRIVATE KEY-----";
		Path dataDir = newDirectory();

		assertThatThrownBy(() -> new SpringApplicationBuilder(CalloutApplication.class).run("--server.port=0",
				"--callout.data-dir=" + dataDir, "--callout.mail.dkim.private-key=" + notAKey,
				"--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1"))
			.hasRootCauseMessage("The DKIM private key in CALLOUT_MAIL_DKIM_PRIVATE_KEY is not a private key in PEM "
					+ "(a \"BEGIN PRIVATE KEY\" or \"BEGIN RSA PRIVATE KEY\" block).");
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
				"The DKIM private key in CALLOUT_MAIL_DKIM_PRIVATE_KEY is not a private key in PEM",
				"unset both to leave signing to the relay")
			.doesNotContain("SECRETmarker");
	}

	private static String keyBody(String pem) {
		return pem.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
	}

	private static Path newDirectory() {
		try {
			return TempDirectories.create("callout-dkim-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
