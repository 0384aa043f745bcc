package org.callout.signup.internal;

import java.util.HashMap;
import java.util.Map;

import org.callout.mail.MailTemplates;
import org.callout.mail.RenderedEmail;
import org.callout.platform.CalloutProperties;
import org.callout.subscribers.SubscriberList;

import org.springframework.stereotype.Component;

/**
 * Renders one confirmation email in the signup's language, with its signed links. No name in it: whatever a
 * stranger types in the form would otherwise be mailed, in the organization's name, to an inbox of their
 * choosing.
 */
@Component
class ConfirmationEmails {

	static final String TEMPLATE = "confirm-subscription";

	private final ConfirmationLinks links;

	private final MailTemplates templates;

	private final CalloutProperties callout;

	private final SignupProperties properties;

	ConfirmationEmails(ConfirmationLinks links, MailTemplates templates, CalloutProperties callout,
			SignupProperties properties) {
		this.links = links;
		this.templates = templates;
		this.callout = callout;
		this.properties = properties;
	}

	RenderedEmail render(SubscriberList list, ConfirmationLinks.Target target, String language) {
		Map<String, Object> model = new HashMap<>();
		model.put("listName", list.name());
		model.put("organization", callout.organization().name());
		model.put("postalAddress", callout.organization().postalAddress());
		model.put("privacyPolicyUrl", callout.organization().privacyPolicyUrl().toString());
		model.put("confirmUrl", links.url(ConfirmationLinks.CONFIRM, target, language));
		model.put("notMeUrl", links.url(ConfirmationLinks.NOT_ME, target, language));
		model.put("expiresInDays", properties.confirmationLinkTtl().toDays());
		return templates.render(TEMPLATE, language, model);
	}

}
