package org.callout.subscribers.internal;

import java.time.Instant;
import java.util.regex.Pattern;

import org.callout.platform.AddressHasher;
import org.callout.platform.AuditLog;
import org.callout.platform.EmailAddress;
import org.callout.platform.RequestRefusedException;
import org.callout.platform.TypedText;
import org.callout.subscribers.Suppression;
import org.callout.subscribers.Suppressions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizer API for the suppression list: look an address up, suppress one by hand (reason
 * {@code organizer}), lift a wrong one. Answers never repeat the address, and what is logged is masked.
 */
@RestController
class SuppressionsController {

	// A note is one line: what an organizer types is shown in lists and logs, where a line break could forge
	// a line of its own. Refused rather than silently joined, so the organizer sees what is stored.
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

	private final Suppressions suppressions;

	private final AuditLog audit;

	private final AddressHasher hasher;

	SuppressionsController(Suppressions suppressions, AuditLog audit, AddressHasher hasher) {
		this.audit = audit;
		this.hasher = hasher;
		this.suppressions = suppressions;
	}

	record SuppressRequest(String email, String detail) {
	}

	record SuppressionView(String reason, String detail, String source, Instant suppressedAt) {

		static SuppressionView of(Suppression suppression) {
			return new SuppressionView(suppression.reason(), suppression.detail(), suppression.source(), suppression.suppressedAt());
		}

	}

	@GetMapping("/api/v1/suppressions")
	SuppressionView find(@RequestParam(required = false) String email) {
		return suppressions.find(EmailAddress.parseField("email", email)).map(SuppressionView::of).orElseThrow(SuppressionsController::notFound);
	}

	/** 201 when the address is suppressed now, 200 when it was already (the first suppression is kept and answered). */
	@PostMapping("/api/v1/suppressions")
	@org.springframework.transaction.annotation.Transactional
	ResponseEntity<SuppressionView> suppress(@RequestBody(required = false) SuppressRequest request) {
		EmailAddress address = EmailAddress.parseField("email", request == null ? null : request.email());
		boolean added = suppressions.suppress(address, Suppressions.ORGANIZER, detail(request.detail()), Suppressions.API);
		audit.record("suppression.add", target(address), java.util.Map.of("added", added));
		Suppression kept = suppressions.find(address).orElseThrow();
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(SuppressionView.of(kept));
	}

	@DeleteMapping("/api/v1/suppressions")
	@org.springframework.transaction.annotation.Transactional
	ResponseEntity<Void> lift(@RequestParam(required = false) String email) {
		EmailAddress address = EmailAddress.parseField("email", email);
		if (!suppressions.lift(address)) {
			throw notFound();
		}
		audit.record("suppression.lift", target(address), null);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The address's keyed hash (as suppressed_addresses keeps it), not the address: the log is append-only, and a
	 * suppression is kept as a hash precisely so that it outlives the erasure of the person.
	 */
	private String target(EmailAddress address) {
		return "suppression:" + hasher.hash(address.matchKey());
	}

	private static String detail(String raw) {
		if (raw == null) {
			return null;
		}
		if (CONTROL.matcher(raw).find()) {
			throw RequestRefusedException.invalidField("Invalid detail", "detail", "The detail is one line: no line breaks or control characters.");
		}
		String detail = TypedText.clean(raw);
		if (detail != null && detail.length() > Suppressions.MAX_DETAIL) {
			throw RequestRefusedException.invalidField("Invalid detail", "detail",
					"The detail is limited to " + Suppressions.MAX_DETAIL + " characters (an emoji counts as two).");
		}
		return detail;
	}

	private static RequestRefusedException notFound() {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "Not suppressed", "The address is not on the suppression list.");
	}

}
