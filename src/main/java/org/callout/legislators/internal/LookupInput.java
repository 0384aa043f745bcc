package org.callout.legislators.internal;

import java.util.ArrayList;
import java.util.List;

import org.callout.platform.FieldError;
import org.callout.platform.TypedText;

/**
 * A ZIP and optional street address as a person or an organizer typed them, checked. ZIP+4 is its ZIP;
 * letters or 4 or 6 digits are not a ZIP; the address is cleaned like every typed text and limited in length.
 *
 * @param zip the 5-digit ZIP, or null when invalid
 * @param street the cleaned street address, or null
 * @param errors what is wrong, by field ({@code zip}, {@code address}), each with a message key
 */
record LookupInput(String zip, String street, List<Problem> errors) {

	static final int MAX_STREET = 200;

	/** A field and the message key saying what is wrong with it. */
	record Problem(String field, String messageKey, String message) {

		FieldError toFieldError() {
			return new FieldError(field, message);
		}

	}

	/**
	 * @param emptyAddressIsAnError whether an address given but blank is refused (the API) or taken as none (the
	 *        page, whose optional field is always sent)
	 */
	static LookupInput of(String rawZip, String rawStreet, boolean emptyAddressIsAnError) {
		List<Problem> errors = new ArrayList<>();
		String zip = Zips.five(rawZip).orElse(null);
		if (zip == null) {
			errors.add(rawZip == null || rawZip.isBlank()
					? new Problem("zip", "reps.error.zip.missing", "Give a 5-digit ZIP code, like 10004.")
					: new Problem("zip", "reps.error.zip.invalid", "Give a 5-digit ZIP code, like 10004, or ZIP+4, like 10004-1234."));
		}
		String street = TypedText.clean(rawStreet);
		if (rawStreet != null && rawStreet.length() > MAX_STREET * 4 || TypedText.length(street) > MAX_STREET) {
			errors.add(new Problem("address", "reps.error.address.long", "The street address is limited to " + MAX_STREET + " characters."));
			street = null;
		}
		else if (rawStreet != null && street == null && emptyAddressIsAnError) {
			errors.add(new Problem("address", "reps.error.address.empty", "The address is empty: leave it out to look up the ZIP code only."));
		}
		return new LookupInput(zip, street, List.copyOf(errors));
	}

	boolean valid() {
		return errors.isEmpty();
	}

}
