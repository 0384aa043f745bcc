package org.callout.subscribers.internal;

import java.time.Instant;
import java.util.List;

import org.callout.platform.EmailAddress;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;
import org.callout.platform.SupportedLanguages;
import org.callout.subscribers.Membership;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.Subscribers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organizer API: look a subscriber up, with the status of each of their memberships. */
@RestController
class SubscribersController {

	private final Subscribers subscribers;

	private final Memberships memberships;

	private final SupportedLanguages languages;

	private final DetailsCorrections corrections;

	SubscribersController(Subscribers subscribers, Memberships memberships, SupportedLanguages languages,
			DetailsCorrections corrections) {
		this.corrections = corrections;
		this.subscribers = subscribers;
		this.memberships = memberships;
		this.languages = languages;
	}

	record SubscriberView(long id, String email, String firstName, String lastName, String zip, String streetAddress,
			String language, Instant createdAt, List<MembershipView> memberships) {
	}

	/** A membership without its confirmation nonce, which only the emailed link should carry. */
	record MembershipView(long listId, String status, Instant confirmationSentAt) {

		static MembershipView of(Membership membership) {
			return new MembershipView(membership.listId(), membership.status().name(), membership.confirmationSentAt());
		}

	}

	@GetMapping("/api/v1/subscribers")
	SubscriberView byEmail(@RequestParam String email) {
		return view(subscribers.byEmail(EmailAddress.parseField("email", email)).orElseThrow(SubscribersController::notFound));
	}

	@GetMapping("/api/v1/subscribers/{id}")
	SubscriberView byId(@PathVariable long id) {
		return view(subscribers.byId(id).orElseThrow(SubscribersController::notFound));
	}

	record DetailsRequest(String firstName, String lastName, String zip, String streetAddress, String language) {
	}

	/**
	 * An organizer corrects a subscriber's details (a mistyped ZIP, a street address to find their districts).
	 * Every field is required except the street address; send back what GET answered, changed.
	 */
	@PutMapping("/api/v1/subscribers/{id}")
	SubscriberView correct(@PathVariable long id, @RequestBody DetailsRequest request) {
		DetailsRequest given = request == null ? new DetailsRequest(null, null, null, null, null) : request;
		DetailsCorrections.Checked checked = corrections.check(new DetailsCorrections.Typed(given.firstName(),
				given.lastName(), given.zip(), given.streetAddress(), given.language()));
		if (!checked.problems().isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid subscriber details",
					checked.problems().stream().map(this::fieldError).toList());
		}
		return view(corrections.correct(id, checked.details()).orElseThrow(SubscribersController::notFound));
	}

	private FieldError fieldError(DetailsCorrections.Problem problem) {
		String message = switch (problem.field()) {
			case "zip" -> "Give a 5-digit ZIP code, like 10004, or ZIP+4, like 10004-1234.";
			case "streetAddress" -> "The street address is limited to " + DetailsCorrections.MAX_STREET + " characters.";
			case "language" -> "Give one of the offered languages: " + String.join(", ", languages.all()) + ".";
			default -> "missing".equals(problem.code())
					? "Give the " + (problem.field().startsWith("first") ? "first" : "last") + " name."
					: "Names are limited to " + DetailsCorrections.MAX_NAME + " characters.";
		};
		return new FieldError(problem.field(), message);
	}

	private SubscriberView view(Subscriber s) {
		return new SubscriberView(s.id(), s.email().value(), s.firstName(), s.lastName(), s.zip(), s.streetAddress(),
				s.language(), s.createdAt(), memberships.of(s.id()).stream().map(MembershipView::of).toList());
	}

	private static RequestRefusedException notFound() {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such subscriber", "No subscriber matches.");
	}

}
