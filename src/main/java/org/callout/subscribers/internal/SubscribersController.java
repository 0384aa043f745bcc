package org.callout.subscribers.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.callout.platform.AuditLog;
import org.callout.platform.EmailAddress;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;
import org.callout.platform.SupportedLanguages;
import org.callout.platform.TypedText;
import org.callout.subscribers.Membership;
import org.callout.subscribers.Memberships;
import org.callout.subscribers.Subscriber;
import org.callout.subscribers.SubscriberDetails;
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

	private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

	private static final int MAX_NAME = 100;

	private static final int MAX_STREET = 200;

	private final Memberships memberships;

	private final SupportedLanguages languages;

	private final AuditLog audit;

	SubscribersController(Subscribers subscribers, Memberships memberships, SupportedLanguages languages, AuditLog audit) {
		this.audit = audit;
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
	@org.springframework.transaction.annotation.Transactional
	SubscriberView correct(@PathVariable long id, @RequestBody DetailsRequest request) {
		SubscriberDetails details = checked(request == null ? new DetailsRequest(null, null, null, null, null) : request);
		Subscriber before = subscribers.byId(id).orElseThrow(SubscribersController::notFound);
		Subscriber after = subscribers.correct(id, details).orElseThrow(SubscribersController::notFound);
		// The names of the fields that changed, not their values: an append-only log could never erase a
		// supporter's name or address when they ask to be forgotten.
		audit.record("subscriber.correct", "subscriber:" + id, java.util.Map.of("fields", changed(before, after)));
		return view(after);
	}

	private static List<String> changed(Subscriber before, Subscriber after) {
		List<String> fields = new ArrayList<>();
		if (!java.util.Objects.equals(before.firstName(), after.firstName())) {
			fields.add("firstName");
		}
		if (!java.util.Objects.equals(before.lastName(), after.lastName())) {
			fields.add("lastName");
		}
		if (!java.util.Objects.equals(before.zip(), after.zip())) {
			fields.add("zip");
		}
		if (!java.util.Objects.equals(before.streetAddress(), after.streetAddress())) {
			fields.add("streetAddress");
		}
		if (!java.util.Objects.equals(before.language(), after.language())) {
			fields.add("language");
		}
		return fields;
	}

	private SubscriberDetails checked(DetailsRequest request) {
		List<FieldError> errors = new ArrayList<>();
		String first = name("firstName", request.firstName(), errors);
		String last = name("lastName", request.lastName(), errors);
		String zip = request.zip() == null ? null : request.zip().strip();
		if (zip == null || !ZIP.matcher(zip).matches()) {
			errors.add(new FieldError("zip", "Give a 5-digit ZIP code, like 10004, or ZIP+4, like 10004-1234."));
		}
		String street = TypedText.clean(request.streetAddress());
		if (TypedText.length(street) > MAX_STREET) {
			errors.add(new FieldError("streetAddress", "The street address is limited to " + MAX_STREET + " characters."));
		}
		String language = languages.match(request.language()).orElse(null);
		if (language == null) {
			errors.add(new FieldError("language", "Give one of the offered languages: " + String.join(", ", languages.all()) + "."));
		}
		if (!errors.isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid subscriber details", errors);
		}
		return new SubscriberDetails(first, last, zip, street, language);
	}

	private static String name(String field, String raw, List<FieldError> errors) {
		String name = TypedText.clean(raw);
		if (name == null) {
			errors.add(new FieldError(field, "Give the " + (field.startsWith("first") ? "first" : "last") + " name."));
		}
		else if (TypedText.length(name) > MAX_NAME) {
			errors.add(new FieldError(field, "Names are limited to " + MAX_NAME + " characters."));
		}
		return name;
	}

	private SubscriberView view(Subscriber s) {
		return new SubscriberView(s.id(), s.email().value(), s.firstName(), s.lastName(), s.zip(), s.streetAddress(),
				s.language(), s.createdAt(), memberships.of(s.id()).stream().map(MembershipView::of).toList());
	}

	private static RequestRefusedException notFound() {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such subscriber", "No subscriber matches.");
	}

}
