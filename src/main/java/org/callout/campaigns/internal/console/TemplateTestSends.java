package org.callout.campaigns.internal.console;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.campaigns.internal.email.CampaignEmail;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.campaigns.internal.templates.TemplateVersion;
import org.callout.mail.MailComposer;
import org.callout.mail.OrganizerSends;
import org.callout.mail.OutgoingEmail;
import org.callout.platform.AuditLog;
import org.callout.platform.EmailAddress;
import org.callout.platform.Masking;
import org.callout.platform.OrganizerAddresses;
import org.callout.platform.PageForms;
import org.callout.platform.RequestRefusedException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The editor's words, as typed, sent as a test email to the signed-in organizer's own address, marked as a test
 * (its links record nothing), with the entry of {@code POST /api/v1/templates/{name}/test-send}.
 */
@Controller
@org.callout.platform.ConsolePage
class TemplateTestSends {

	private final CampaignTemplates templates;

	private final TemplatePreviews previews;

	private final TemplateEditor editor;

	private final OrganizerAddresses addresses;

	private final MailComposer composer;

	private final OrganizerSends sends;

	private final AuditLog audit;

	TemplateTestSends(CampaignTemplates templates, TemplatePreviews previews, TemplateEditor editor, OrganizerAddresses addresses,
			MailComposer composer, OrganizerSends sends, AuditLog audit) {
		this.templates = templates;
		this.previews = previews;
		this.editor = editor;
		this.addresses = addresses;
		this.composer = composer;
		this.sends = sends;
		this.audit = audit;
	}

	@PostMapping("/console/templates/{name}/test-send")
	String send(@PathVariable String name, @RequestParam(name = "test-language", required = false) String language,
			HttpServletRequest request, Model model, HttpServletResponse response) {
		Optional<TemplateVersion> current = templates.current(name);
		TemplateForm form = TemplateForm.posted(request, previews.languages());
		if (PageForms.csrfRejected(request)) {
			model.addAttribute("note", "console.note.stale");
			return editor.page(name, current, form, null, model);
		}
		String wanted = previews.languages().contains(language) ? language : previews.languages().getFirst();
		Optional<EmailAddress> to = addresses.of(SecurityContextHolder.getContext().getAuthentication().getName());
		TemplatePreviews.Result result = previews.test(name, form, wanted);
		if (!result.ok() || to.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("sendError", to.isEmpty() ? "console.templates.test.noAddress" : null);
			return editor.page(name, current, form, result, model);
		}
		CampaignEmail email = result.made().getFirst();
		OutgoingEmail outgoing = email.to(to.get(), composer);
		try {
			sends.send(outgoing);
		}
		catch (RequestRefusedException refused) {
			response.setStatus(refused.problem().getStatus());
			model.addAttribute("sendError", "console.templates.test.failed");
			model.addAttribute("sendDetail", refused.problem().getDetail());
			return editor.page(name, current, form, previews.preview(name, form), model);
		}
		// A send is not transactional: recorded once the relay (or the outbox) took the message.
		audit.record("template.test-send", "template:" + name, Map.of("to", Masking.email(to.get().value()), "messageId",
				outgoing.messageId(), "language", email.rendered().language()));
		model.addAttribute("sentTo", to.get().value());
		model.addAttribute("sentLanguage", email.rendered().language());
		return editor.page(name, current, form, previews.preview(name, form), model);
	}

}
