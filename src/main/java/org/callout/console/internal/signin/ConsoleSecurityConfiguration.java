package org.callout.console.internal.signin;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.console.internal.accounts.SignInAccounts;
import org.callout.platform.AuditLog;
import org.callout.platform.OrganizerRole;
import org.callout.platform.PageForms;
import org.callout.platform.SecurityChains;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * The organizer console's chain, for {@code /console/**}: a session after sign-in (never before: the CSRF token and
 * the page to return to live in cookies, so a crawler on the sign-in page makes no sessions), CSRF on every form, a
 * new session id at sign-in, a session cookie that is {@code HttpOnly}, {@code SameSite=Lax}, limited to
 * {@code /console} and {@code Secure} behind https ({@link ConsoleCookies}), and the idle timeout of
 * {@code server.servlet.session.timeout}. Sign-in itself is {@link SignInPages}, not Spring's form login, so a failed
 * sign-in shows the form again with the name kept and the throttle can answer before any password is checked.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

	static final String LOGIN = "/console/login";

	static final String LOGOUT = "/console/logout";

	static final String SESSION_COOKIE = "callout_console";

	static final String CSRF_COOKIE = "CALLOUT-CONSOLE-XSRF";

	@Bean
	@Order(SecurityChains.CONSOLE)
	SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleSession session, SignInAccounts accounts, AuditLog audit) {
		return http.securityMatcher("/console", "/console/**")
			.csrf(csrf -> csrf.csrfTokenRepository(session.csrfTokens()))
			.securityContext(context -> context.securityContextRepository(session.contexts()))
			.requestCache(cache -> cache.requestCache(session.requestCache()))
			.sessionManagement(sessions -> sessions.sessionAuthenticationStrategy(session.atSignIn()))
			.addFilterAfter(new CurrentAccountFilter(accounts, session.contexts()), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN, "/console/setup")
				.permitAll()
				// First match wins: the admins' sections before the viewers' reading of everything else.
				.requestMatchers("/console/accounts", "/console/accounts/**", "/console/audit", "/console/audit/**")
				.hasRole(OrganizerRole.ADMIN.name())
				// Erasing a person cannot be undone: admins only, as in the API.
				.requestMatchers("/console/subscribers/*/erase")
				.hasRole(OrganizerRole.ADMIN.name())
				// Reads that copy personal data out: an organizer's, as in the API.
				.requestMatchers("/console/subscribers/export", "/console/subscribers/export.csv")
				.hasRole(OrganizerRole.ORGANIZER.name())
				.requestMatchers(HttpMethod.GET, "/console", "/console/**")
				.hasRole(OrganizerRole.VIEWER.name())
				// Anyone may manage their own tokens, as /api/v1/me/** in the API.
				.requestMatchers("/console/me", "/console/me/**")
				.hasRole(OrganizerRole.VIEWER.name())
				.anyRequest()
				.hasRole(OrganizerRole.ORGANIZER.name()))
			.logout(logout -> logout.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGOUT))
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						audit.record("console.signout", "account:" + authentication.getName(), Map.of());
					}
				})
				// deleteCookies(name) would clear it on path "/", not the cookie's /console, and the browser would keep it.
				.addLogoutHandler(new CookieClearingLogoutHandler(expired(SESSION_COOKIE)))
				.logoutSuccessUrl(LOGIN + "?signedOut"))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(ConsoleSecurityConfiguration::signInFirst)
				.accessDeniedHandler((request, response, denied) -> refused(request, response, denied, audit)))
			.build();
	}

	@Bean
	ConsoleSession consoleSession(ConsoleProperties properties, org.callout.platform.CalloutProperties callout) {
		boolean secure = ConsoleCookies.secure(properties, callout);
		CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();
		csrf.setCookieName(CSRF_COOKIE);
		csrf.setCookieCustomizer(cookie -> cookie.path("/console").httpOnly(true).sameSite("Lax").secure(secure));
		CookieRequestCache cache = new CookieRequestCache();
		// Pages only: after sign-in, a person is sent back to the page they asked for, never to the JSON a page's
		// script was polling when the session ended.
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		cache.setRequestMatcher(new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/console/**"),
				new NegatedRequestMatcher(paths.matcher("/console/blasts/*/progress"))));
		SessionAuthenticationStrategy atSignIn = new CompositeSessionAuthenticationStrategy(
				List.of(new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrf)));
		return new ConsoleSession(csrf, new HttpSessionSecurityContextRepository(), cache, atSignIn);
	}

	/** What the chain and the sign-in page must share: one CSRF repository, one context repository, one cache. */
	record ConsoleSession(CsrfTokenRepository csrfTokens, HttpSessionSecurityContextRepository contexts,
			RequestCache requestCache, SessionAuthenticationStrategy atSignIn) {
	}

	private static jakarta.servlet.http.Cookie expired(String name) {
		jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie(name, "");
		cookie.setPath("/console");
		cookie.setMaxAge(0);
		cookie.setHttpOnly(true);
		return cookie;
	}

	/** Not signed in: to the sign-in page, saying the session ended when the browser still sent one. */
	private static void signInFirst(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException notSignedIn) throws IOException {
		boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
		response.sendRedirect(LOGIN + (ended ? "?expired" : ""));
	}

	/**
	 * A form whose CSRF token is stale goes back to its controller to be shown again with a note (the
	 * {@link PageForms} agreement), for the sign-in page or a signed-in person only: a forward passes no security
	 * filter, so nobody signed out may reach a console controller that way. A role that does not allow the request
	 * gets a page saying so, and the audit log an entry.
	 */
	private static void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied,
			AuditLog audit) throws IOException, ServletException {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
		String path = request.getServletPath();
		if (denied instanceof CsrfException) {
			if (LOGOUT.equals(path)) {
				response.sendRedirect(signedIn ? "/console?stale" : LOGIN + "?signedOut");
			}
			// POSTs only (a form); the forward passes no filter, so its handler must do nothing but show the form.
			else if ("POST".equals(request.getMethod()) && (signedIn || LOGIN.equals(path) || "/console/setup".equals(path))
					&& request.getAttribute(PageForms.CSRF_REJECTED) == null) {
				request.setAttribute(PageForms.CSRF_REJECTED, "stale");
				request.getRequestDispatcher(path).forward(request, response);
			}
			else {
				signInFirst(request, response, null);
			}
			return;
		}
		audit.refused("refused", request.getMethod() + " " + request.getRequestURI(), "role does not allow this request");
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
