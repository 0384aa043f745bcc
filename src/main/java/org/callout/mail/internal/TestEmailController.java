package org.callout.mail.internal;

import java.time.Duration;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.callout.mail.MailComposer;
import org.callout.mail.MailDeliveryException;
import org.callout.mail.MailTemplates;
import org.callout.mail.Messenger;
import org.callout.mail.OutgoingEmail;
import org.callout.mail.RelayBudget;
import org.callout.mail.RenderedEmail;
import org.callout.platform.CalloutProperties;
import org.callout.platform.EmailAddress;
import org.callout.platform.Masking;
import org.callout.platform.RequestRefusedException;
import org.callout.platform.SupportedLanguages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: sends a test email through the configured transport, to check the set-up end to end. */
@RestController
class TestEmailController {

	private static final Logger log = LoggerFactory.getLogger(TestEmailController.class);

	private static final Duration BUDGET_WAIT = Duration.ofSeconds(5);

	private final MailComposer composer;

	private final MailTemplates templates;

	private final Messenger messenger;

	private final CalloutProperties properties;

	private final SupportedLanguages languages;

	private final RelayBudget budget;

	TestEmailController(MailComposer composer, MailTemplates templates, Messenger messenger,
			CalloutProperties properties, SupportedLanguages languages, RelayBudget budget) {
		this.budget = budget;
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
	ResponseEntity<TestEmailSent> send(@RequestBody TestEmailRequest request) throws MessagingException {
		EmailAddress to = EmailAddress.parseField("to", request == null ? null : request.to());
		String requested = request.language();
		String language = requested == null ? languages.defaultLanguage() : languages.match(requested)
			.orElseThrow(() -> RequestRefusedException.invalidField("Unsupported language", "language",
					"Unsupported language; offered: " + String.join(", ", languages.all()) + "."));
		RenderedEmail rendered = templates.render("test-email", language,
				Map.of("organization", properties.organization().name(), "postalAddress",
						properties.organization().postalAddress(), "transport", messenger.transportName()));
		MimeMessage message = composer.compose(new OutgoingEmail(to, null, rendered.subject(), rendered.text(),
				rendered.html(), Map.of(), composer.newMessageId(), composer.returnPath()));
		if (budget.acquire(RelayBudget.Lane.ONE_OFF, 1, BUDGET_WAIT) == 0) {
			throw RequestRefusedException.of(HttpStatus.SERVICE_UNAVAILABLE, "Relay budget spent",
					"The relay's allowance (callout.mail.relay) is spent for now; try again in a moment.")
				.header("Retry-After", "5");
		}
		try {
			messenger.send(message);
		}
		catch (MailDeliveryException ex) {
			// A relay fault is logged where it pauses sending.
			if (ex.kind() != MailDeliveryException.Kind.RELAY_FAULT && ex.kind() != MailDeliveryException.Kind.PAUSED) {
				log.warn("Test email to {} failed", to, ex);
			}
			throw RequestRefusedException.of(HttpStatus.BAD_GATEWAY, "Mail transport failed",
					"The " + messenger.transportName() + " transport did not accept the message: " + Masking.text(ex.getMessage()));
		}
		log.info("Test email {} sent to {} through {}", message.getMessageID(), to, messenger.transportName());
		return ResponseEntity.accepted().body(new TestEmailSent(message.getMessageID(), messenger.transportName()));
	}

}
