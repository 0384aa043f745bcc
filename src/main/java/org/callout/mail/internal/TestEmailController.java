package org.callout.mail.internal;

import java.util.Map;

import org.callout.mail.MailComposer;
import org.callout.mail.MailTemplates;
import org.callout.mail.Messenger;
import org.callout.mail.OrganizerSends;
import org.callout.mail.OutgoingEmail;
import org.callout.mail.RenderedEmail;
import org.callout.platform.Masking;
import org.callout.platform.AuditLog;
import org.callout.platform.CalloutProperties;
import org.callout.platform.EmailAddress;
import org.callout.platform.RequestRefusedException;
import org.callout.platform.SupportedLanguages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: sends a test email through the configured transport, to check the set-up end to end. */
@RestController
class TestEmailController {

	private static final Logger log = LoggerFactory.getLogger(TestEmailController.class);

	private final MailComposer composer;

	private final MailTemplates templates;

	private final Messenger messenger;

	private final CalloutProperties properties;

	private final SupportedLanguages languages;

	private final OrganizerSends sends;

	private final AuditLog audit;

	TestEmailController(MailComposer composer, MailTemplates templates, Messenger messenger,
			CalloutProperties properties, SupportedLanguages languages, OrganizerSends sends, AuditLog audit) {
		this.audit = audit;
		this.sends = sends;
		this.languages = languages;
		this.composer = composer;
		this.templates = templates;
		this.messenger = messenger;
		this.properties = properties;
	}

	record TestEmailRequest(String to, String language) {
	}

	record TestEmailSent(String messageId, String transport) {
	}

	@PostMapping("/api/v1/mail/test")
	ResponseEntity<TestEmailSent> send(@RequestBody TestEmailRequest request) {
		EmailAddress to = EmailAddress.parseField("to", request == null ? null : request.to());
		String requested = request.language();
		String language = requested == null ? languages.defaultLanguage() : languages.match(requested)
			.orElseThrow(() -> RequestRefusedException.invalidField("Unsupported language", "language",
					"Unsupported language; offered: " + String.join(", ", languages.all()) + "."));
		RenderedEmail rendered = templates.render("test-email", language,
				Map.of("organization", properties.organization().name(), "postalAddress",
						properties.organization().postalAddress(), "transport", messenger.transportName()));
		OutgoingEmail email = new OutgoingEmail(to, null, rendered.subject(), rendered.text(), rendered.html(), Map.of(),
				composer.newMessageId(), composer.returnPath());
		String transport = sends.send(email);
		log.info("Test email {} sent to {} through {}", email.messageId(), to, transport);
		// A send is not transactional: recorded once the relay (or the outbox) took the message.
		audit.record("mail.test", "mail:test", Map.of("to", Masking.email(to.value()), "messageId", email.messageId(), "transport", transport));
		return ResponseEntity.accepted().body(new TestEmailSent(email.messageId(), transport));
	}

}
