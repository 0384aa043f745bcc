package org.callout.subscribers.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.consent.ConsentSource;
import org.callout.platform.ClientAddresses;
import org.callout.platform.PageLanguage;
import org.callout.subscribers.MembershipStatus;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.SubscriberList;
import org.callout.subscribers.SubscriberLists;
import org.callout.subscribers.Subscribers;
import org.callout.subscribers.UnsubscribeLinks;
import org.callout.subscribers.UnsubscribeTarget;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;

/**
 * {@code /u/{token}}, the unsubscribe link of every campaign email. Link scanners open links with GET and HEAD,
 * so those only show a page with a button; any POST unsubscribes: the one-click POST of a mail app
 * ({@code List-Unsubscribe=One-Click}, RFC 8058: no cookie, no redirect, 200) or the page's own button, which
 * may choose every list. A test send's link shows the same pages and records nothing.
 */
@Controller
class UnsubscribePages {

	static final String ONE_CLICK = "One-Click";

	private final UnsubscribeLinks links;

	private final Unsubscriber unsubscriber;

	private final Subscribers subscribers;

	private final SubscriberLists lists;

	private final Memberships memberships;

	private final ClientAddresses addresses;

	private final PageParts parts;

	UnsubscribePages(UnsubscribeLinks links, Unsubscriber unsubscriber, Subscribers subscribers, SubscriberLists lists,
			Memberships memberships, ClientAddresses addresses, PageParts parts) {
		this.memberships = memberships;
		this.links = links;
		this.unsubscriber = unsubscriber;
		this.subscribers = subscribers;
		this.lists = lists;
		this.addresses = addresses;
		this.parts = parts;
	}

	@GetMapping("/u/{token}")
	String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		PageParts.noStore(response);
		Optional<UnsubscribeTarget> target = links.verify(token);
		if (target.isEmpty()) {
			return badLink(token, response, model);
		}
		describe(target.get(), token, request, model);
		return "subscribers/unsubscribe";
	}

	@PostMapping("/u/{token}")
	String unsubscribe(@PathVariable String token, @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
			@RequestParam(required = false) String scope, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		PageParts.noStore(response);
		Optional<UnsubscribeTarget> target = links.verify(token);
		if (target.isEmpty()) {
			return badLink(token, response, model);
		}
		describe(target.get(), token, request, model);
		boolean everything = !ONE_CLICK.equals(oneClick) && "all".equals(scope);
		model.addAttribute("everything", everything);
		if (!target.get().test()) {
			ConsentSource source = ONE_CLICK.equals(oneClick) ? ConsentSource.ONE_CLICK : ConsentSource.PAGE;
			String language = source == ConsentSource.PAGE ? RequestContextUtils.getLocale(request).getLanguage() : null;
			unsubscriber.unsubscribe(target.get(), everything, Requester.of(request, addresses), source, language);
		}
		return "subscribers/unsubscribed";
	}

	/** The page speaks the subscriber's language and names the link's lists; a test link reads nothing stored. */
	private void describe(UnsubscribeTarget target, String token, HttpServletRequest request, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("test", target.test());
		List<String> names = List.of();
		boolean alreadyLeft = false;
		if (!target.test()) {
			subscribers.byId(target.subscriberId()).ifPresent(s -> PageLanguage.prefer(request, s.language()));
			names = target.listIds().stream().flatMap(id -> lists.byId(id).stream()).map(SubscriberList::name).toList();
			alreadyLeft = target.listIds().stream().allMatch(id -> memberships.find(target.subscriberId(), id)
				.map(m -> m.status() == MembershipStatus.UNSUBSCRIBED)
				.orElse(true));
		}
		model.addAttribute("listNames", names);
		model.addAttribute("alreadyLeft", alreadyLeft);
		parts.languageLinks(model, "/u/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8));
	}

	private String badLink(String token, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("invalidLink", true);
		model.addAttribute("email", "");
		// The switch keeps the broken link as it came, so the person sees the same page in their language.
		parts.languageLinks(model, "/u/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8));
		return "subscribers/fresh-link";
	}

}
