package org.callout.signup.internal;

import java.time.Duration;
import java.util.List;

import org.callout.consent.ConsentTerms;
import org.callout.platform.FieldError;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;

/**
 * A signup refused before anything was stored. Each kind carries the problem detail the API answers with;
 * the form catches the kinds and shows a page instead.
 */
abstract sealed class SignupRejectedException extends RequestRefusedException {

	SignupRejectedException(HttpStatus status, String title, String detail) {
		super(status, title, detail);
	}

	/** Fields broke the rules. */
	static final class InvalidFields extends SignupRejectedException {

		private final List<FieldProblem> problems;

		InvalidFields(List<FieldProblem> problems) {
			super(HttpStatus.BAD_REQUEST, "Invalid signup", "Some fields need attention.");
			this.problems = List.copyOf(problems);
			with("errors", this.problems.stream().map(p -> new FieldError(p.field(), p.message())).toList());
		}

		List<FieldProblem> problems() {
			return problems;
		}

	}

	/** The form showed terms that are unknown or no longer current. */
	static final class OutdatedTerms extends SignupRejectedException {

		OutdatedTerms(ConsentTerms current) {
			super(HttpStatus.CONFLICT, "Consent terms changed",
					"The consent terms shown are not the current ones; show the current terms and ask again.");
			with("currentTerms", current);
		}

	}

	/** Too many signups from this client; try again after {@link #retryAfter()}. */
	static final class RateLimited extends SignupRejectedException {

		private final Duration retryAfter;

		RateLimited(Duration retryAfter) {
			super(HttpStatus.TOO_MANY_REQUESTS, "Too many signups", "Too many signups from this network. Please try again later.");
			this.retryAfter = retryAfter;
			header("Retry-After", String.valueOf(retryAfter.toSeconds()));
		}

		Duration retryAfter() {
			return retryAfter;
		}

	}

	/** No public list has that slug (a private list is refused exactly the same way). */
	static final class NoSuchList extends SignupRejectedException {

		NoSuchList() {
			super(HttpStatus.NOT_FOUND, "No such list", "There is no list with this name to join.");
		}

	}

}
