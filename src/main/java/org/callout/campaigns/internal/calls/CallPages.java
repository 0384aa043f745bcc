package org.callout.campaigns.internal.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.callout.bills.Bills;
import org.callout.bills.TrackedBill;
import org.callout.campaigns.internal.ask.Ask;
import org.callout.campaigns.internal.ask.AskMode;
import org.callout.campaigns.internal.ask.AskPlanner;
import org.callout.campaigns.internal.blasts.Blast;
import org.callout.campaigns.internal.blasts.Blasts;
import org.callout.campaigns.internal.email.CallPageLinks;
import org.callout.campaigns.internal.email.CampaignModel;
import org.callout.legislators.Representation;
import org.callout.legislators.Representatives;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds a call page from its token: the same model as the campaign email (so the page names whom the email
 * named), plus each target's key from the same {@link AskPlanner} plan. The template tree is left alone: the
 * keys are the page's business, not something a template should print.
 */
@Component
class CallPages {

	private final Blasts blasts;

	private final Subscribers subscribers;

	private final Representatives representatives;

	private final Bills bills;

	private final CampaignModel model;

	private final AskPlanner planner;

	private final CallReportStore reports;

	private final MessageSource messages;

	CallPages(Blasts blasts, Subscribers subscribers, Representatives representatives, Bills bills, CampaignModel model,
			AskPlanner planner, CallReportStore reports, MessageSource messages) {
		this.blasts = blasts;
		this.subscribers = subscribers;
		this.representatives = representatives;
		this.bills = bills;
		this.model = model;
		this.planner = planner;
		this.reports = reports;
		this.messages = messages;
	}

	/** The page, or empty when its blast or supporter is gone: the link then shows the broken-link page. */
	Optional<CallPage> build(CallPageLinks.Token token, String language) {
		Optional<Subscriber> subscriber = token.subscriberId() == 0 ? Optional.empty()
				: subscribers.byId(token.subscriberId());
		if (token.subscriberId() != 0 && subscriber.isEmpty()) {
			return Optional.empty();
		}
		if (token.test()) {
			// A test send's page shows what the test email showed: the subscriber's legislators, or the ZIP's.
			Optional<Representation> representation = subscriber.isPresent()
					? representatives.representationOf(token.subscriberId())
					: Optional.ofNullable(token.zip()).map(zip -> representatives.lookUp(zip, null));
			TrackedBill bill = token.billId() == null ? null : bills.find(token.billId()).orElse(null);
			return Optional.of(page(null, token, subscriber, representation,
					new CampaignModel.About(bill, null, null, AskMode.of(token.ask()).orElse(AskMode.AUTO)), language));
		}
		Optional<Blast> blast = blasts.find(token.blastId());
		if (blast.isEmpty() || subscriber.isEmpty()) {
			return Optional.empty();
		}
		TrackedBill bill = blast.get().billId() == null ? null : bills.find(blast.get().billId()).orElse(null);
		CampaignModel.About about = new CampaignModel.About(bill, blast.get().from(), blast.get().to(),
				AskMode.of(blast.get().ask()).orElse(AskMode.AUTO), blast.get().actsNext());
		return Optional.of(page(blast.get().id(), token, subscriber,
				representatives.representationOf(token.subscriberId()), about, language));
	}

	@SuppressWarnings("unchecked")
	private CallPage page(Long blastId, CallPageLinks.Token token, Optional<Subscriber> subscriber,
			Optional<Representation> representation, CampaignModel.About about, String language) {
		CampaignModel.Supporter supporter = new CampaignModel.Supporter(subscriber.map(Subscriber::firstName).orElse(null),
				subscriber.map(Subscriber::zip).orElse(token.zip()), language);
		Map<String, Object> values = model.build(supporter, representation, about,
				new CampaignModel.Links("", "", blastId == null));
		List<Map<String, Object>> people = (List<Map<String, Object>>) ((Map<String, Object>) values.get("ask")).get("targets");
		// The same inputs give the same plan, in the same order, as the one the model was built from.
		List<Ask.Target> planned = planner.plan(about.ask(), about.bill(), about.where(), representation).targets();
		if (planned.size() != people.size()) {
			throw new IllegalStateException("The ask changed while the page was built");
		}
		Map<String, CallOutcome> answers = blastId == null ? Map.of() : reports.answers(blastId, token.subscriberId());
		List<CallPage.Target> targets = new ArrayList<>();
		for (int i = 0; i < planned.size(); i++) {
			Ask.Target target = planned.get(i);
			Map<String, Object> person = people.get(i);
			String key = target.governor() ? "governor" : Long.toString(target.legislator().id());
			targets.add(new CallPage.Target(key, addressed(target, person, language), person, answers.get(key)));
		}
		return new CallPage(blastId, token.subscriberId(), values, targets);
	}

	private String addressed(Ask.Target target, Map<String, Object> person, String language) {
		Locale locale = Locale.forLanguageTag(language);
		return target.governor()
				? messages.getMessage("campaigns.addressed.GOVERNOR", new Object[] { person.get("title"), person.get("name") },
						locale).strip()
				: messages.getMessage("campaigns.addressed." + target.legislator().chamber().name(),
						new Object[] { target.legislator().name() }, locale);
	}

}
