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
	public record Sender(Long blastId, String campaign) {

		public boolean test() {
			return blastId == null;
		}

	}

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
		URI unsubscribe = unsubscribeLinks.url(new UnsubscribeTarget(subscriber, listIds, sender.blastId(), sender.test()));
		String callPage = sender.test()
				? callPages.testUrl(subscriber, reader.zip(), about.bill() == null ? null : about.bill().id(), about.ask().code(),
						reader.language())
				: callPages.blastUrl(subscriber, sender.blastId(), reader.language());
		CampaignModel.Links links = new CampaignModel.Links(unsubscribe.toString(), callPage, sender.test());
		RenderedTemplate rendered = renderer.render(template, reader.language(),
				model.build(new CampaignModel.Supporter(reader.firstName(), reader.zip(), reader.language()),
						reader.representation(), about, links));
		SubscriberList first = reader.lists().isEmpty() ? null : reader.lists().getFirst();
		String domain = domain();
		String label = first == null ? "supporters" : first.slug();
		ListHeaders headers = new ListHeaders(unsubscribe, mailbox,
				first == null ? callout.organization().name() : first.name(), label, domain,
				sender.campaign() + ":" + label + ":" + template.name() + ":callout");
		return new CampaignEmail(rendered, headers.asHeaders(), unsubscribe.toString(),
				!rendered.language().equals(reader.language()));
	}

	private String domain() {
		String sender = callout.organization().senderAddress();
		return sender.substring(sender.lastIndexOf('@') + 1);
	}

}
