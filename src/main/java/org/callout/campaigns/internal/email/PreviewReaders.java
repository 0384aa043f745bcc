package org.callout.campaigns.internal.email;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.callout.bills.Bills;
import org.callout.bills.TrackedBill;
import org.callout.campaigns.internal.ask.AskMode;
import org.callout.legislators.Representatives;
import org.callout.platform.RequestRefusedException;
import org.callout.platform.SupportedLanguages;
import org.callout.subscribers.Membership;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Turns a preview or test-send request into the reader and the bill, refusing what does not name a real one. */
@Component
public class PreviewReaders {

	private final Subscribers subscribers;

	private final Memberships memberships;

	private final SubscriberLists lists;

	private final Representatives representatives;

	private final Bills bills;

	private final SupportedLanguages languages;

	PreviewReaders(Subscribers subscribers, Memberships memberships, SubscriberLists lists, Representatives representatives,
			Bills bills, SupportedLanguages languages) {
		this.subscribers = subscribers;
		this.memberships = memberships;
		this.lists = lists;
		this.representatives = representatives;
		this.bills = bills;
		this.languages = languages;
	}

	public CampaignEmails.Reader reader(PreviewRequest request) {
		if (request.subscriberId() != null && request.zip() != null) {
			throw RequestRefusedException.invalidField("Give a subscriber or a ZIP", "zip",
					"Give either subscriberId or zip (with an optional address), not both.");
		}
		if (request.subscriberId() != null) {
			Subscriber subscriber = subscribers.byId(request.subscriberId())
				.orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such subscriber",
						"There is no subscriber " + request.subscriberId() + ".").with("field", "subscriberId"));
			String language = request.language() == null ? languages.orDefault(subscriber.language()) : language(request);
			return new CampaignEmails.Reader(subscriber.id(), subscriber.firstName(), subscriber.zip(), language,
					representatives.representationOf(subscriber.id()), listsOf(subscriber.id()));
		}
		if (request.zip() == null) {
			throw RequestRefusedException.invalidField("Whom to preview for", "subscriberId",
					"Give subscriberId, or zip (with an optional address and firstName).");
		}
		String language = request.language() == null ? languages.defaultLanguage() : language(request);
		return new CampaignEmails.Reader(null, request.firstName(), request.zip(), language,
				Optional.of(representatives.lookUp(request.zip(), request.address())), List.of());
	}

	public AskMode ask(PreviewRequest request) {
		return AskMode.of(request.ask()).orElseThrow(() -> RequestRefusedException.invalidField("Unknown ask", "ask",
				"The ask is one of auto, both, senate, assembly, governor, none."));
	}

	/** The named bill, else the one whose status changed last, else none. */
	public TrackedBill bill(PreviewRequest request) {
		if (request.billId() != null) {
			return bills.find(request.billId())
				.orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such bill",
						"There is no tracked bill " + request.billId() + ".").with("field", "billId"));
		}
		return bills.all().stream()
			.max(Comparator.comparing(PreviewReaders::lastAction, Comparator.nullsFirst(Comparator.naturalOrder())))
			.orElse(null);
	}

	private static java.time.LocalDate lastAction(TrackedBill bill) {
		return bill.prints().stream().map(TrackedBill.Print::statusDate).filter(d -> d != null)
			.max(Comparator.naturalOrder()).orElse(null);
	}

	private String language(PreviewRequest request) {
		return languages.match(request.language())
			.orElseThrow(() -> RequestRefusedException.invalidField("Unsupported language", "language",
					"Unsupported language; offered: " + String.join(", ", languages.all()) + "."));
	}

	/** The lists the subscriber still gets email from: an unsubscribe link names them. */
	private List<SubscriberList> listsOf(long subscriberId) {
		return memberships.of(subscriberId).stream()
			.filter(membership -> membership.status() == MembershipStatus.CONFIRMED)
			.map(Membership::listId)
			.flatMap(id -> lists.byId(id).stream())
			.toList();
	}

}
