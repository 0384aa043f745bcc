package org.callout.campaigns.internal.email;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.callout.campaigns.internal.templates.RenderedTemplate;
import org.callout.campaigns.internal.templates.TemplateRenderer;
import org.callout.campaigns.internal.templates.TemplateVersion;
import org.callout.legislators.Representation;
import org.callout.mail.ListHeaders;
import org.callout.mail.MailProperties;
import org.callout.platform.CalloutProperties;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.UnsubscribeLinks;
import org.callout.subscribers.UnsubscribeTarget;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Makes one supporter's campaign email from a template version: their model (legislators, the ask, the bill),
 * their signed links, the render, and the list headers. Previews, test sends and blasts all come through here,
 * so what an organizer previews is what supporters get.
 */
@Component
public class CampaignEmails {

	/**
	 * Who reads the email.
	 *
	 * @param subscriberId the subscriber, or null for someone at a ZIP (a preview, a test send)
	 * @param firstName as typed, or null
	 * @param zip as typed, or null
	 * @param language the language to write in (one offered)
	 * @param representation who represents them, empty when not known
	 * @param lists the lists the email is sent for; empty for someone who is on none
	 */
	public record Reader(Long subscriberId, String firstName, String zip, String language,
			Optional<Representation> representation, List<SubscriberList> lists) {
	}

	/**
	 * What sends it.
	 *
	 * @param blastId the blast, or null for a test send (its links record nothing)
	 * @param campaign the campaign's name in Feedback-ID, the same for every message it sends
	 */
	public record Sender(Long blastId, String campaign, boolean preview) {

		public Sender(Long blastId, String campaign) {
			this(blastId, campaign, false);
		}

		/** A preview: shown as supporters will see it (no test banner), with links that record nothing. */
		public static Sender preview(String campaign) {
			return new Sender(null, campaign, true);
		}

		public boolean test() {
			return blastId == null;
		}

	}

	private static final int MAX_SUBJECT = 200;

	private final CampaignModel model;

	private final TemplateRenderer renderer;

	private final UnsubscribeLinks unsubscribeLinks;

	private final CallPageLinks callPages;

	private final CalloutProperties callout;

	private final String mailbox;

	CampaignEmails(CampaignModel model, TemplateRenderer renderer, UnsubscribeLinks unsubscribeLinks,
			CallPageLinks callPages, CalloutProperties callout, MailProperties mail) {
		this.model = model;
		this.renderer = renderer;
		this.unsubscribeLinks = unsubscribeLinks;
		this.callPages = callPages;
		this.callout = callout;
		this.mailbox = mail.unsubscribeMailbox() == null || mail.unsubscribeMailbox().isBlank()
				? callout.organization().senderAddress() : mail.unsubscribeMailbox().strip();
	}

	public CampaignEmail make(TemplateVersion template, Reader reader, CampaignModel.About about, Sender sender) {
		long subscriber = reader.subscriberId() == null ? 0 : reader.subscriberId();
		List<Long> listIds = reader.lists().isEmpty() ? List.of(0L) : reader.lists().stream().map(SubscriberList::id).toList();
		// The page behind the link speaks the email's language, even for a test send that names no subscriber.
		URI unsubscribe = UriComponentsBuilder
			.fromUri(unsubscribeLinks.url(new UnsubscribeTarget(subscriber, listIds, sender.blastId(), sender.test())))
			.queryParam("lang", reader.language())
			.build()
			.toUri();
		String callPage = sender.test()
				? callPages.testUrl(subscriber, reader.zip(), about.bill() == null ? null : about.bill().id(), about.ask().code(),
						reader.language())
				: callPages.blastUrl(subscriber, sender.blastId(), reader.language());
		CampaignModel.Links links = new CampaignModel.Links(unsubscribe.toString(), callPage, sender.test() && !sender.preview());
		RenderedTemplate rendered = fitSubject(renderer.render(template, reader.language(),
				model.build(new CampaignModel.Supporter(reader.firstName(), reader.zip(), reader.language()),
						reader.representation(), about, links)));
		SubscriberList first = reader.lists().isEmpty() ? null : reader.lists().getFirst();
		String domain = domain();
		String label = first == null ? "supporters" : first.slug();
		ListHeaders headers = new ListHeaders(unsubscribe, mailbox,
				first == null ? callout.organization().name() : first.name(), label, domain,
				// The same for every message of a campaign, whichever list a supporter is on.
				sender.campaign() + ":" + template.name() + ":callout");
		return new CampaignEmail(rendered, headers.asHeaders(), unsubscribe.toString(),
				!rendered.language().equals(reader.language()));
	}

	/**
	 * A subject checked on save can still render empty (all of it inside a section the supporter's email skips) or
	 * long (a long bill title): the organization's name stands in for an empty one, and a long one is shortened.
	 */
	private RenderedTemplate fitSubject(RenderedTemplate rendered) {
		String subject = rendered.subject().isBlank() ? callout.organization().name() : rendered.subject();
		if (subject.codePointCount(0, subject.length()) > MAX_SUBJECT) {
			subject = subject.substring(0, subject.offsetByCodePoints(0, MAX_SUBJECT - 1)).strip() + "…";
		}
		return new RenderedTemplate(subject, rendered.text(), rendered.html(), rendered.language());
	}

	private String domain() {
		String sender = callout.organization().senderAddress();
		return sender.substring(sender.lastIndexOf('@') + 1);
	}

}
