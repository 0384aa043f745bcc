package org.callout.mail.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.callout.mail.MailProperties;
import org.callout.platform.CalloutProperties;
import org.callout.signup.SignupFlowSupport;
import org.callout.support.ConsoleBrowserSupport;
import org.callout.support.ConsoleClient;
import org.callout.support.H2Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox viewer over real HTTP. The shared test context sends by SMTP, so the page says so; the files the tests
 * put in the configured outbox directory stand for what an earlier outbox left there.
 */
@H2Database
class OutboxPagesTests extends SignupFlowSupport {

	@Autowired
	MailProperties mail;

	@Autowired
	CalloutProperties callout;

	ConsoleClient viewer;

	String name;

	@BeforeEach
	void signedInViewer() throws Exception {
		name = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = postJson("/api/v1/accounts", json.writeValueAsString(Map.of("username", name, "email",
				name + "@example.org", "password", ConsoleBrowserSupport.PASSWORD, "role", "VIEWER")), Map.of("Authorization", "Bearer " + ADMIN));
		assertThat(created.statusCode()).isEqualTo(201);
		viewer = new ConsoleClient(base());
		assertThat(viewer.signIn(name, ConsoleBrowserSupport.PASSWORD).statusCode()).isEqualTo(302);
	}

	/** Writes an .eml file as OutboxMessenger would, into the directory the running app reads; answers its name. */
	static String writeEmail(Path outbox, String to, String subject, String text, String html) throws Exception {
		Files.createDirectories(outbox);
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress("campaign@example.org", "Callout"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		message.setSentDate(new java.util.Date());
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, "UTF-8");
		MimeBodyPart rich = new MimeBodyPart();
		rich.setContent(html, "text/html; charset=UTF-8");
		message.setContent(new MimeMultipart("alternative", plain, rich));
		message.saveChanges();
		String file = "20261201-180000-000-" + UUID.randomUUID().toString().substring(0, 8) + ".eml";
		try (OutputStream out = Files.newOutputStream(outbox.resolve(file))) {
			message.writeTo(out);
		}
		return file;
	}

	Path outbox() {
		return mail.outboxDir() != null ? mail.outboxDir() : callout.dataDir().resolve("outbox");
	}

	@Test
	void withSmtpThePageSaysMailGoesToTheRelayAndListsWhatAnEarlierOutboxLeft() throws Exception {
		String to = unique("ana");
		String file = writeEmail(outbox(), to, "Please confirm <your> signup", "Hello Ana", "<p>Hello</p>");

		HttpResponse<String> page = viewer.get("/console/outbox");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Mail goes to the SMTP relay (127.0.0.1:").contains("id=\"leftover\"")
			.contains(to).contains("Please confirm &lt;your&gt; signup").contains("file=" + file);
	}

	@Test
	void aMessageShowsItsHeadersItsTextAndItsHtmlInASandboxAndItsReadingIsRecorded() throws Exception {
		String to = unique("ana");
		String file = writeEmail(outbox(), to, "Confirm, José", "Hello <Ana>,\nplease confirm.",
				"<p onclick=\"x()\">Hello <b>Ana</b></p><script>alert('x')</script>");

		HttpResponse<String> page = viewer.get("/console/outbox/message?file=" + file);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<dt>Subject</dt><dd>Confirm, José</dd>").contains("<dd>" + to + "</dd>")
			.contains("Hello &lt;Ana&gt;,\nplease confirm.</pre>")
			.contains("sandbox=\"\"")
			.contains("srcdoc=\"&lt;p onclick=&quot;x()&quot;&gt;Hello &lt;b&gt;Ana&lt;/b&gt;&lt;/p&gt;&lt;script&gt;")
			.doesNotContain("<script>alert");
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'outbox.read' AND target = 'outbox:" + file
				+ "' AND actor = '" + name + "' AND channel = 'console'")).isEqualTo(1);
	}

	@Test
	void aNameThatIsNotOneOfTheOutboxFilesIsNotFound() throws Exception {
		Path outside = outbox().getParent().resolve("secret-" + UUID.randomUUID().toString().substring(0, 8) + ".eml");
		Files.writeString(outside, "Subject: not yours\r\n\r\nsecret");
		writeEmail(outbox(), unique("ana"), "in the outbox", "x", "<p>x</p>");
		String outsideName = outside.getFileName().toString();

		for (String wrong : new String[] { "../" + outsideName, "..%2F" + outsideName, "%2e%2e%2F" + outsideName,
				outside.toAbsolutePath().toString(), "nonexistent.eml", ".hidden.partial", "..", "" }) {
			HttpResponse<String> refused = viewer.get("/console/outbox/message?file=" + wrong);
			assertThat(refused.statusCode()).as(wrong).isEqualTo(404);
			assertThat(refused.body()).as(wrong).doesNotContain("secret");
		}
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'outbox.read' AND actor = '" + name + "'")).isZero();
	}

}
