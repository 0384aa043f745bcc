package org.callout.campaigns.internal.blasts;

import org.callout.campaigns.BlastEmails;
import org.callout.campaigns.internal.email.CampaignEmails;
import org.callout.campaigns.internal.email.CampaignModel;
import org.callout.campaigns.internal.templates.CampaignTemplates;
import org.callout.campaigns.internal.templates.TemplateVersion;
import org.callout.mail.MailComposer;

import org.springframework.stereotype.Service;

/**
 * A blast's emails for the engine, made from exactly what the blast keeps (its template version, bill, status
 * change, ask and who had to act), as its preview is. The template and the bill are read once per blast; the
 * renderer compiles each template source once.
 */
@Service
class BlastMessages implements BlastEmails {

	private final BlastStore store;

	private final CampaignTemplates templates;

	private final CampaignEmails emails;

	private final Blasts blasts;

	private final MailComposer composer;

	BlastMessages(BlastStore store, CampaignTemplates templates, CampaignEmails emails, Blasts blasts, MailComposer composer) {
		this.store = store;
		this.templates = templates;
		this.emails = emails;
		this.blasts = blasts;
		this.composer = composer;
	}

	@Override
	public Prepared prepare(long blastId) {
		Blast blast = store.find(blastId).orElseThrow(() -> new IllegalArgumentException("No blast " + blastId));
		TemplateVersion template = templates.version(blast.templateName(), blast.templateVersion())
			.orElseThrow(() -> new IllegalStateException(
					"Blast " + blastId + " keeps template " + blast.templateName() + " v" + blast.templateVersion()
							+ ", which is gone"));
		CampaignModel.About about = blasts.about(blast);
		CampaignEmails.Sender sender = new CampaignEmails.Sender(blastId, "blast-" + blastId);
		return recipient -> emails
			.make(template, new CampaignEmails.Reader(recipient.subscriberId(), recipient.firstName(), recipient.zip(),
					recipient.language(), recipient.representation(), recipient.lists()), about, sender)
			.to(recipient.address(), composer);
	}

}
