package org.callout.subscribers.internal;

import java.util.Map;

import org.callout.platform.AuditLog;
import org.callout.platform.EmailAddress;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizer API for a person's rights: what Callout holds about an address (an access request), and its erasure.
 * An erasure answers the same for an address Callout never held, so the answer tells nothing about who is known.
 */
@RestController
class PersonalDataController {

	private static final Map<String, String> ERASED = Map.of("status", "erased");

	private final PersonalDataRequests requests;

	private final AuditLog audit;

	PersonalDataController(PersonalDataRequests requests, AuditLog audit) {
		this.requests = requests;
		this.audit = audit;
	}

	record ErasureRequest(String email) {
	}

	@GetMapping("/api/v1/subscribers/access")
	Map<String, Object> access(@RequestParam(required = false) String email) {
		Map<String, Object> everything = requests.access(EmailAddress.parseField("email", email));
		// Who read a person's whole record, and when; not whose (the log outlives an erasure).
		audit.record("subscriber.access", "access", null);
		return everything;
	}

	/** 200 once done (the erasure is complete when it answers), the same body whether the address was known. */
	@PostMapping("/api/v1/subscribers/erasures")
	@ResponseStatus(HttpStatus.OK)
	@org.springframework.transaction.annotation.Transactional
	Map<String, String> erase(@RequestBody(required = false) ErasureRequest request) {
		requests.eraseAsked(EmailAddress.parseField("email", request == null ? null : request.email()));
		return ERASED;
	}

}
