package org.callout.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.callout.mail.ListHeaders;
import org.callout.mail.MailComposer;
import org.callout.mail.MailProperties;
import org.callout.mail.OutgoingEmail;
import org.callout.platform.EmailAddress;
import org.callout.support.DkimTestKeys;
import org.callout.support.DkimVerifier;
import org.callout.support.TempDirectories;
import org.callout.support.TestSmtp;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages built by the real composer and signed with a key made here verify with an independent verifier
 * (python3-dkim, offline), as written directly, into the outbox and as received by a real SMTP server; changed
 * after signing, they fail.
 */
class DkimSigningTests {

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(TestSmtp.SETUP);

	private static final List<String> REQUIRED = List.of("from", "to", "subject", "date", "message-id", "reply-to", "list-id",
			"list-unsubscribe", "list-unsubscribe-post", "feedback-id", "mime-version", "content-type");

	private final Session session = Session.getInstance(SmtpSessionProperties.of(smtp(), "example.org"));

	private final MailComposer composer = new MailComposer(session, "Unión de Libertades Civiles", "action@example.org",
			"replies@example.org", "bounces@example.org", new DkimMessageSigner("example.org", "callout",
					DkimKeys.parse(DkimTestKeys.pem(DkimTestKeys.RSA_2048.getPrivate()), "the test key")));

	private final DkimVerifier verifier = new DkimVerifier("callout", "example.org", DkimTestKeys.RSA_2048.getPublic());

	@Test
	void aCampaignEmailWithANonAsciiNameAndSubjectVerifiesAndKeepsItsMessageIdAndEnvelope() throws Exception {
		String messageId = composer.newMessageId();
		MimeMessage message = composer.compose(campaignEmail(messageId));
		byte[] bytes = bytes(message);

		assertThat(verifier.verifies(bytes)).isTrue();
		String signature = signatureOf(bytes);
		assertThat(tag(signature, "a")).isEqualTo("rsa-sha256");
		assertThat(tag(signature, "c")).isEqualTo("relaxed/relaxed");
		assertThat(tag(signature, "d")).isEqualTo("example.org");
		assertThat(tag(signature, "s")).isEqualTo("callout");
		assertThat(Arrays.stream(tag(signature, "h").split(":")).map(h -> h.strip().toLowerCase(Locale.ROOT)))
			.containsAll(REQUIRED);
		assertThat(message.getMessageID()).isEqualTo(messageId);
		assertThat(((SMTPMessage) message).getEnvelopeFrom()).isEqualTo("bounces@example.org");
		assertThat(message.getSubject()).isEqualTo("¡Llame hoy!");
		assertThat(message.getHeader("To")[0]).contains("=?UTF-8?");
	}

	@Test
	void aMessageChangedAfterSigningFailsVerification() throws Exception {
		byte[] bytes = bytes(composer.compose(campaignEmail(composer.newMessageId())));
		String text = new String(bytes, StandardCharsets.US_ASCII);
		int body = text.indexOf("\r\n\r\n") + 4;
		int letter = text.indexOf("Llame", body);
		assertThat(letter).isPositive();

		byte[] bodyChanged = bytes.clone();
		bodyChanged[letter] = 'T';
		byte[] unsubscribeChanged = text.replace("https://callout.example.org/u/", "https://elsewhere.example.net/u/")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] unsubscribeRemoved = text.replace("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", "")
			.getBytes(StandardCharsets.US_ASCII);

		assertThat(unsubscribeChanged).isNotEqualTo(bytes);
		assertThat(unsubscribeRemoved).isNotEqualTo(bytes);
		assertThat(verifier.verifyAll(List.of(bytes, bodyChanged, unsubscribeChanged, unsubscribeRemoved)))
			.containsExactly(true, false, false, false);
	}

	@Test
	void theOutboxWritesASignedMessage() throws Exception {
		Path outbox = TempDirectories.create("callout-dkim-outbox-");
		new OutboxMessenger(outbox).send(composer.compose(campaignEmail(composer.newMessageId())));

		List<Path> files;
		try (Stream<Path> listing = Files.list(outbox)) {
			files = listing.filter(file -> file.toString().endsWith(".eml")).toList();
		}
		assertThat(files).hasSize(1);
		byte[] written = Files.readAllBytes(files.get(0));
		assertThat(new String(written, StandardCharsets.US_ASCII)).startsWith("DKIM-Signature: ");
		assertThat(verifier.verifies(written)).isTrue();
	}

	@Test
	void whatARealSmtpServerReceivedVerifies() throws Exception {
		MailProperties.Relay relay = new MailProperties.Relay(0, 0, 0, null, null, 0);
		String messageId = composer.newMessageId();
		try (SmtpMessenger messenger = new SmtpMessenger(new SmtpPool(session, smtp()), 1, new RelayStatus(relay), relay)) {
			messenger.send(composer.compose(campaignEmail(messageId)));
		}

		MimeMessage received = greenMail.getReceivedMessages()[0];
		byte[] bytes = GreenMailUtil.getWholeMessage(received).getBytes(StandardCharsets.US_ASCII);
		assertThat(received.getMessageID()).isEqualTo(messageId);
		assertThat(received.getHeader("Return-Path")).containsExactly("<bounces@example.org>");
		assertThat(received.getHeader("DKIM-Signature")).hasSize(1);
		assertThat(verifier.verifies(bytes)).isTrue();
	}

	/** Senders sign at once on many threads; each message gets a signer of its own, so none is garbled. */
	@Test
	void messagesSignedConcurrentlyAllVerify() throws Exception {
		List<Future<byte[]>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 48; i++) {
				futures.add(pool.submit(() -> bytes(composer.compose(campaignEmail(composer.newMessageId())))));
			}
		}
		List<byte[]> messages = new ArrayList<>();
		for (Future<byte[]> future : futures) {
			messages.add(future.get());
		}

		assertThat(verifier.verifyAll(messages)).hasSize(48).containsOnly(true);
	}

	@Test
	void withoutASignerNothingIsSigned() throws Exception {
		MailComposer unsigned = new MailComposer(session, "Callout", "action@example.org", null, null);

		byte[] bytes = bytes(unsigned.compose(campaignEmail(unsigned.newMessageId())));

		assertThat(new String(bytes, StandardCharsets.US_ASCII)).doesNotContain("DKIM-Signature");
		assertThat(new MailProperties(null, null, null, null, null, null, null, null, null).dkim().enabled()).isFalse();
	}

	private OutgoingEmail campaignEmail(String messageId) {
		ListHeaders list = new ListHeaders(URI.create("https://callout.example.org/u/AbCdEf0123456789"),
				"unsubscribe@example.org", "Nueva York para Todos", "supporters", "example.org", "blast-42:callout");
		return new OutgoingEmail(EmailAddress.parse("nunez@example.org"), "Señora Núñez", "¡Llame hoy!",
				"Llame hoy a su senadora: ¿puede llamar antes del viernes?\nGracias.\n",
				"<p>Llame hoy a su senadora: ¿puede llamar antes del viernes?</p>\n<p>Gracias.</p>", list.asHeaders(),
				messageId, EmailAddress.parse("bounces@example.org"));
	}

	private static byte[] bytes(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}

	/** The DKIM-Signature header, unfolded. */
	private static String signatureOf(byte[] message) {
		Matcher matcher = Pattern.compile("(?m)^DKIM-Signature:(.*(?:\r\n[ \t].*)*)")
			.matcher(new String(message, StandardCharsets.US_ASCII));
		assertThat(matcher.find()).as("a DKIM-Signature header").isTrue();
		return matcher.group(1).replaceAll("\r\n[ \t]", " ");
	}

	private static String tag(String signature, String name) {
		Matcher matcher = Pattern.compile("(?:^|;)\\s*" + name + "=([^;]*)").matcher(signature);
		assertThat(matcher.find()).as("tag %s= in %s", name, signature).isTrue();
		return matcher.group(1).replaceAll("\\s+", "");
	}

	private static MailProperties.Smtp smtp() {
		return new MailProperties.Smtp("127.0.0.1", TestSmtp.PORT, MailProperties.Security.NONE, null, null,
				Duration.ofSeconds(5), Duration.ofSeconds(10), 1, Duration.ofSeconds(10));
	}

}
