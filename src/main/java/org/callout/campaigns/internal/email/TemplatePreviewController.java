package org.callout.campaigns.internal.email;

import java.util.List;
import java.util.Map;

import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.campaigns.internal.templates.TemplateProblem;
import org.callout.campaigns.internal.templates.TemplateVersion;
import org.callout.mail.MailComposer;
import org.callout.mail.OrganizerSends;
import org.callout.mail.OutgoingEmail;
import org.callout.platform.AuditLog;
import org.callout.platform.EmailAddress;
import org.callout.platform.Masking;
import org.callout.platform.RequestRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizer API: a template rendered for one real person (their legislators, their ask), and the real message sent
 * to a test address, its links marked as a test so that using them records nothing.
 */
@RestController
class TemplatePreviewController {

	private static final Logger log = LoggerFactory.getLogger(TemplatePreviewController.class);

	private final CampaignTemplates templates;

	private final PreviewReaders readers;

	private final CampaignEmails emails;

	private final MailComposer composer;

	private final OrganizerSends sends;

	private final AuditLog audit;

	TemplatePreviewController(CampaignTemplates templates, PreviewReaders readers, CampaignEmails emails,
			MailComposer composer, OrganizerSends sends, AuditLog audit) {
		this.audit = audit;
		this.templates = templates;
		this.readers = readers;
		this.emails = emails;
		this.composer = composer;
		this.sends = sends;
	}

	record Preview(String template, int version, String language, boolean languageFallback, String subject, String text,
			String html, Map<String, String> headers) {
	}

	record TestSent(String messageId, String to, String transport, String language) {
	}

	@PostMapping("/api/v1/templates/{name}/preview")
	Preview preview(@PathVariable String name, @RequestBody PreviewRequest request) {
		TemplateVersion template = template(name);
		CampaignEmail email = make(template, request, true);
		return new Preview(template.name(), template.version(), email.rendered().language(), email.languageFallback(),
				email.rendered().subject(), email.rendered().text(), email.rendered().html(), email.headers());
	}

	@PostMapping("/api/v1/templates/{name}/test-send")
	ResponseEntity<TestSent> testSend(@PathVariable String name, @RequestBody PreviewRequest request) {
		EmailAddress to = EmailAddress.parseField("to", request == null ? null : request.to());
		CampaignEmail email = make(template(name), request, false);
		OutgoingEmail outgoing = email.to(to, composer);
		String transport = sends.send(outgoing);
		String messageId = outgoing.messageId();
		// A send is not transactional: recorded once the relay (or the outbox) took the message.
		audit.record("template.test-send", "template:" + name, Map.of("to", Masking.email(to.value()), "messageId", messageId,
				"language", email.rendered().language()));
		log.info("Test send of template {} ({}) to {} as {}", name, email.rendered().language(), to, messageId);
		return ResponseEntity.accepted()
			.body(new TestSent(messageId, to.value(), transport, email.rendered().language()));
	}

	private CampaignEmail make(TemplateVersion template, PreviewRequest request, boolean preview) {
		if (request == null) {
			throw RequestRefusedException.invalidField("Whom to preview for", "subscriberId",
					"Give subscriberId, or zip (with an optional address and firstName).");
		}
		CampaignEmails.Reader reader = readers.reader(request);
		CampaignModel.About about = new CampaignModel.About(readers.bill(request), null, null, readers.ask(request));
		return emails.make(template, reader, about, preview ? CampaignEmails.Sender.preview("test")
				: new CampaignEmails.Sender(null, "test"));
	}

	private TemplateVersion template(String name) {
		TemplateVersion template = templates.current(name).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND,
				"No such template", "There is no campaign template '" + Masking.text(name) + "'."));
		// A file edited by hand is not checked on save: say what is wrong with it instead of failing to render.
		List<TemplateProblem> problems = templates.problems(template);
		if (!problems.isEmpty()) {
			throw RequestRefusedException.of(HttpStatus.CONFLICT, "Template has mistakes", "The template '"
					+ template.name() + "' (" + template.origin() + ") cannot be rendered until its mistakes are fixed.")
				.with("problems", problems);
		}
		return template;
	}

}
