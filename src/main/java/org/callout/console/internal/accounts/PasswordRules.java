package org.callout.console.internal.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.callout.platform.FieldError;

/**
 * What a password must be: at least 12 characters (counted as a person counts them: an emoji is one), at most 200
 * (a hash of more protects nothing more, and a megabyte would cost the hash its time), and not the account's name
 * or email, whatever the case. No composition rules: length is what makes a password hard to guess (NIST SP 800-63B).
 */
final class PasswordRules {

	static final int MINIMUM = 12;

	static final int MAXIMUM = 200;

	private PasswordRules() {
	}

	static List<FieldError> check(String password, String username, String email) {
		List<FieldError> errors = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			errors.add(new FieldError("password", "Choose a password of at least " + MINIMUM + " characters."));
			return errors;
		}
		int length = password.codePointCount(0, password.length());
		if (length < MINIMUM) {
			errors.add(new FieldError("password", "The password needs at least " + MINIMUM + " characters; this one has " + length + "."));
		}
		else if (length > MAXIMUM) {
			errors.add(new FieldError("password", "The password is limited to " + MAXIMUM + " characters."));
		}
		String lower = password.strip().toLowerCase(Locale.ROOT);
		if ((username != null && lower.equals(username.toLowerCase(Locale.ROOT)))
				|| (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT)))) {
			errors.add(new FieldError("password", "The password may not be the account's name or email."));
		}
		return errors;
	}

}
