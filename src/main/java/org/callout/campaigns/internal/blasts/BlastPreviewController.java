package org.callout.campaigns.internal.blasts;

import java.util.Map;

import org.callout.campaigns.internal.email.CampaignEmail;
import org.callout.campaigns.internal.email.CampaignEmails;
import org.callout.campaigns.internal.email.CampaignModel;
import org.callout.campaigns.internal.email.PreviewReaders;
import org.callout.campaigns.internal.email.PreviewRequest;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.campaigns.internal.templates.TemplateVersion;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizer API: a blast's email as one supporter would get it, from exactly what the blast keeps (its template
 * version, bill, status change and ask), so an approval is of what will be sent. Its links are marked as a test.
 */
@RestController
class BlastPreviewController {

	private final BlastStore store;

	private final CampaignTemplates templates;

	private final PreviewReaders readers;

	private final CampaignEmails emails;

	private final Blasts blasts;

	BlastPreviewController(BlastStore store, CampaignTemplates templates, PreviewReaders readers, CampaignEmails emails,
			Blasts blasts) {
		this.store = store;
		this.templates = templates;
		this.readers = readers;
		this.emails = emails;
		this.blasts = blasts;
	}

	@PostMapping("/api/v1/blasts/{id}/preview")
	Map<String, Object> preview(@PathVariable long id, @RequestBody PreviewRequest request) {
		Blast blast = store.find(id).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such blast",
				"There is no blast " + id + "."));
		if (request == null) {
			throw RequestRefusedException.invalidField("Whom to preview for", "subscriberId",
					"Give subscriberId, or zip (with an optional address and firstName).");
		}
		TemplateVersion template = templates.version(blast.templateName(), blast.templateVersion()).orElseThrow();
		CampaignModel.About about = blasts.about(blast);
		CampaignEmail email = emails.make(template, readers.reader(request), about,
				CampaignEmails.Sender.preview("blast-" + id));
		return Map.of("blastId", id, "template", Map.of("name", template.name(), "version", template.version()), "language",
				email.rendered().language(), "languageFallback", email.languageFallback(), "subject",
				email.rendered().subject(), "text", email.rendered().text(), "html", email.rendered().html(), "headers",
				email.headers());
	}

}
