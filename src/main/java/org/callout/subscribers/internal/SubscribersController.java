package org.callout.subscribers.internal;

import java.util.List;

import org.callout.platform.EmailAddress;
import org.callout.platform.RequestRefusedException;
import org.callout.subscribers.Membership;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: look a subscriber up, with the status of each of their memberships. */
@RestController
class SubscribersController {

	private final Subscribers subscribers;

	private final Memberships memberships;

	SubscribersController(Subscribers subscribers, Memberships memberships) {
		this.subscribers = subscribers;
		this.memberships = memberships;
	}

	record SubscriberView(long id, String email, String firstName, String lastName, String zip, String streetAddress,
			String language, java.time.Instant createdAt, List<MembershipView> memberships) {
	}

	/** A membership without its confirmation nonce, which only the emailed link should carry. */
	record MembershipView(long listId, String status, java.time.Instant confirmationSentAt) {

		static MembershipView of(Membership membership) {
			return new MembershipView(membership.listId(), membership.status().name(), membership.confirmationSentAt());
		}

	}

	@GetMapping("/api/v1/subscribers")
	SubscriberView byEmail(@RequestParam String email) {
		return view(subscribers.byEmail(EmailAddress.parse(email)).orElseThrow(SubscribersController::notFound));
	}

	@GetMapping("/api/v1/subscribers/{id}")
	SubscriberView byId(@PathVariable long id) {
		return view(subscribers.byId(id).orElseThrow(SubscribersController::notFound));
	}

	private SubscriberView view(Subscriber s) {
		return new SubscriberView(s.id(), s.email().value(), s.firstName(), s.lastName(), s.zip(), s.streetAddress(),
				s.language(), s.createdAt(), memberships.of(s.id()).stream().map(MembershipView::of).toList());
	}

	private static RequestRefusedException notFound() {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such subscriber", "No subscriber matches.");
	}

}
