package org.callout.platform;

import java.util.List;

/**
 * API paths a module opens to the public (no admin token). Each module declares its own as a bean; every
 * other path under {@code /api/} is an organizer API and needs the admin token.
 *
 * @param patterns path patterns such as {@code /api/v1/signups}
 * @param corsAllowedOrigins web origins (https://example.org) whose pages may call these paths from a browser
 */
public record PublicEndpoints(List<String> patterns, List<String> corsAllowedOrigins) {

	public PublicEndpoints {
		patterns = List.copyOf(patterns);
		corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
	}

	public static PublicEndpoints of(String... patterns) {
		return new PublicEndpoints(List.of(patterns), List.of());
	}

}
