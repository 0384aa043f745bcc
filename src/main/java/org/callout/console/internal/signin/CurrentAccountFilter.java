package org.callout.console.internal.signin;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.callout.console.internal.accounts.SignInAccounts;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Each console request checks its session's account as it is now: an admin who disables an account or changes its
 * role changes what its open sessions may do at their next request, not when they expire. One indexed lookup.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

	private final SignInAccounts accounts;

	private final HttpSessionSecurityContextRepository contexts;

	CurrentAccountFilter(SignInAccounts accounts, HttpSessionSecurityContextRepository contexts) {
		this.accounts = accounts;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityContext context = SecurityContextHolder.getContext();
		Authentication signedIn = context.getAuthentication();
		if (signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated()) {
			Optional<SignInAccounts.Person> now = accounts.current(signedIn.getName());
			if (now.isEmpty()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else if (!authorities(signedIn).equals(now.get().role().authorities().stream().map(GrantedAuthority::getAuthority).toList())) {
				SecurityContext changed = SecurityContextHolder.createEmptyContext();
				changed.setAuthentication(SignInPages.authentication(now.get()));
				SecurityContextHolder.setContext(changed);
				contexts.saveContext(changed, request, response);
			}
		}
		chain.doFilter(request, response);
	}

	private static java.util.List<String> authorities(Authentication authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

}
