package org.callout.platform;

import java.util.List;

/**
 * Pages a module serves behind emailed links whose signed token is the whole capability (confirm, "this
 * wasn't me", unsubscribe): their forms need no CSRF token, so a mail app's viewer that blocks cookies can
 * still use them. Each module declares its own as a bean, like {@link PublicEndpoints}.
 *
 * @param patterns path patterns such as {@code /confirm}
 */
public record TokenPages(List<String> patterns) {

	public TokenPages {
		patterns = List.copyOf(patterns);
	}

	public static TokenPages of(String... patterns) {
		return new TokenPages(List.of(patterns));
	}

}
