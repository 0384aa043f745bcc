package org.callout.signup;

import java.util.List;

import org.callout.consent.ConsentTerms;

/** A signup refused before anything was stored. */
public abstract sealed class SignupRejectedException extends RuntimeException {

	SignupRejectedException(String message) {
		super(message);
	}

	/** Fields broke the rules. */
	public static final class InvalidFields extends SignupRejectedException {

		private final List<FieldProblem> problems;

		public InvalidFields(List<FieldProblem> problems) {
			super("Some fields need attention.");
			this.problems = List.copyOf(problems);
		}

		public List<FieldProblem> problems() {
			return problems;
		}

	}

	/** The form showed terms that are unknown or no longer current. */
	public static final class OutdatedTerms extends SignupRejectedException {

		private final ConsentTerms current;

		public OutdatedTerms(ConsentTerms current) {
			super("The consent terms shown are not the current ones; show the current terms and ask again.");
			this.current = current;
		}

		public ConsentTerms current() {
			return current;
		}

	}

	/** Too many signups from this client; try again after {@link #retryAfter()}. */
	public static final class RateLimited extends SignupRejectedException {

		private final java.time.Duration retryAfter;

		public RateLimited(java.time.Duration retryAfter) {
			super("Too many signups from this network. Please try again later.");
			this.retryAfter = retryAfter;
		}

		public java.time.Duration retryAfter() {
			return retryAfter;
		}

	}

	/** No public list has that slug (a private list is refused exactly the same way). */
	public static final class NoSuchList extends SignupRejectedException {

		public NoSuchList() {
			super("There is no list with this name to join.");
		}

	}

}
