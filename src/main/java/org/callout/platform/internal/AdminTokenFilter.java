package org.callout.platform.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.AdminToken;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <admin token>}; a wrong token is refused at once with a 401. */
class AdminTokenFilter extends OncePerRequestFilter {

	static final String ORGANIZER_ROLE = "ORGANIZER";

	private static final String BEARER = "Bearer ";

	private final AdminToken adminToken;

	private final ProblemWriter problems;

	AdminTokenFilter(AdminToken adminToken, ProblemWriter problems) {
		this.adminToken = adminToken;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())
				|| !adminToken.matches(header.substring(BEARER.length()).strip())) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"Organizer APIs need 'Authorization: Bearer <admin token>', and this is not the admin token.");
			return;
		}
		var organizer = UsernamePasswordAuthenticationToken.authenticated("organizer", null,
				List.of(new SimpleGrantedAuthority("ROLE_" + ORGANIZER_ROLE)));
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

}
