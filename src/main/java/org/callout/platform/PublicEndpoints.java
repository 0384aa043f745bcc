package org.callout.platform;

import java.util.List;

/**
 * API paths a module opens to the public (no admin token). Each module declares its own as a bean; every
 * other path under {@code /api/} is an organizer API and needs the admin token.
 *
 * @param patterns path patterns such as {@code /api/v1/signups}
 */
public record PublicEndpoints(List<String> patterns) {

	public static PublicEndpoints of(String... patterns) {
		return new PublicEndpoints(List.of(patterns));
	}

}
