package org.callout.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.callout.platform.CalloutProperties;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The organizer's test email, through the default outbox transport. */
@SpringBootTest(properties = "callout.secrets.admin-token=organizer-token-0123456789")
@AutoConfigureMockMvc
@H2Database
class TestEmailApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CalloutProperties properties;

	@Test
	void aTestEmailLandsInTheOutboxAsAValidEmlFile() throws Exception {
		mvc.perform(post("/api/v1/mail/test").header("Authorization", "Bearer organizer-token-0123456789")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"organizer@example.org\",\"language\":\"es\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.transport").value("outbox"));

		List<Path> files = emlFiles();
		assertThat(files).hasSize(1);
		String raw = Files.readString(files.getFirst());
		assertThat(raw.replace("\r\n", "")).as("every line ends in CRLF (RFC 5322)").doesNotContain("\n").doesNotContain("\r");
		try (InputStream in = Files.newInputStream(files.getFirst())) {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
			assertThat(message.getAllRecipients()[0].toString()).isEqualTo("organizer@example.org");
			assertThat(message.getSubject()).startsWith("Correo de prueba de Callout");
			assertThat(message.getContentType()).startsWith("multipart/alternative");
			assertThat(message.getMessageID()).isNotBlank();
		}
	}

	@Test
	void anInvalidAddressIsAProblemDetailAndNothingIsSent() throws Exception {
		mvc.perform(post("/api/v1/mail/test").header("Authorization", "Bearer organizer-token-0123456789")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"not an address\\r\\nBcc: eve@example.org\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid email address"))
			.andExpect(jsonPath("$.errors[0].field").value("to"));

		assertThat(emlFiles()).noneMatch(p -> read(p).contains("eve@example.org"));
	}

	@Test
	void aLanguageThatIsNotOfferedIsRefusedNotIgnored() throws Exception {
		mvc.perform(post("/api/v1/mail/test").header("Authorization", "Bearer organizer-token-0123456789")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"organizer@example.org\",\"language\":\"xx\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("language"));
	}

	@Test
	void malformedJsonIsAProblemDetail() throws Exception {
		mvc.perform(post("/api/v1/mail/test").header("Authorization", "Bearer organizer-token-0123456789")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\":"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private List<Path> emlFiles() throws Exception {
		Path outbox = properties.dataDir().resolve("outbox");
		if (!Files.exists(outbox)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(outbox)) {
			return files.filter(p -> p.toString().endsWith(".eml")).toList();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
