package org.callout.platform.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.AdminToken;
import org.callout.platform.OrganizerRole;
import org.callout.platform.OrganizerTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}: the shared admin token (every role, for automation) or an
 * account's personal token (its role). A wrong or revoked token is refused at once with a 401: each request is
 * checked afresh, nothing is cached.
 */
class AdminTokenFilter extends OncePerRequestFilter {

	static final String ORGANIZER_ROLE = "ORGANIZER";

	/** The admin token's principal, as blasts and audit entries name it. */
	static final String ADMIN_PRINCIPAL = "organizer";

	private static final String BEARER = "Bearer ";

	private final AdminToken adminToken;

	private final ProblemWriter problems;

	private final List<OrganizerTokens> personalTokens;

	private final RefusedAttempts refusals;

	AdminTokenFilter(AdminToken adminToken, ProblemWriter problems, List<OrganizerTokens> personalTokens,
			RefusedAttempts refusals) {
		this.refusals = refusals;
		this.adminToken = adminToken;
		this.problems = problems;
		this.personalTokens = personalTokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		String presented = header.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? header.substring(BEARER.length()).strip() : null;
		Authentication organizer = presented == null ? null : authenticate(presented);
		if (organizer == null) {
			refusals.refused(request, HttpStatus.UNAUTHORIZED.value(), "wrong token");
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"Organizer APIs need 'Authorization: Bearer <token>' with the admin token or a personal token that is not revoked.");
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(organizer);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** The admin token is every role's (automation keeps working); a personal token is its account's role. */
	private Authentication authenticate(String presented) {
		if (adminToken.matches(presented)) {
			return UsernamePasswordAuthenticationToken.authenticated(ADMIN_PRINCIPAL, null, OrganizerRole.ADMIN.authorities());
		}
		for (OrganizerTokens tokens : personalTokens) {
			Optional<OrganizerTokens.TokenHolder> holder = tokens.authenticate(presented);
			if (holder.isPresent()) {
				return UsernamePasswordAuthenticationToken.authenticated(holder.get().name(), null, holder.get().role().authorities());
			}
		}
		return null;
	}

}
