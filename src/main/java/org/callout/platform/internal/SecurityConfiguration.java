package org.callout.platform.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.AdminToken;
import org.callout.platform.OrganizerRole;
import org.callout.platform.OrganizerTokens;
import org.callout.platform.PageForms;
import org.callout.platform.PublicEndpoints;
import org.callout.platform.SecurityChains;
import org.callout.platform.TokenPages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The web edge, in one place: actuator (health public; metrics and the Prometheus scrape for organizers, with the
 * admin token; nothing else), the JSON APIs under {@code /api/} (bearer token, stateless, no CSRF since no
 * cookie authenticates them), then pages (public, CSRF-protected forms). Modules say what they open by
 * declaring {@link PublicEndpoints} and {@link TokenPages} beans; nothing here names a module's paths. The
 * organizer console's session-based chain (console module) goes between the two, matching {@code /console/**}, at
 * {@link SecurityChains#CONSOLE}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Actuator but health (which stays on the pages' chain, public, whatever headers a probe sends): metrics and the
	 * Prometheus scrape need the admin token; any other actuator path is refused even if a setting exposed it,
	 * without a token with a 401, with one as not found.
	 */
	@Bean
	@Order(SecurityChains.ACTUATOR)
	SecurityFilterChain actuatorSecurity(HttpSecurity http, AdminToken adminToken, ProblemWriter problems,
			List<OrganizerTokens> personalTokens, RefusedAttempts refusals) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher health = new OrRequestMatcher(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"));
		RequestMatcher allButHealth = new AndRequestMatcher(paths.matcher("/actuator/**"), new NegatedRequestMatcher(health));
		return organizerToken(http.securityMatcher(allButHealth), adminToken, problems, personalTokens, refusals)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus")
				.hasRole(AdminTokenFilter.ORGANIZER_ROLE)
				.anyRequest()
				.denyAll())
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, ex) -> problems.write(request, response,
					HttpStatus.NOT_FOUND, "Not Found", "Actuator serves /actuator/health, /actuator/metrics and /actuator/prometheus only.")))
			.build();
	}

	@Bean
	@Order(SecurityChains.API)
	SecurityFilterChain apiSecurity(HttpSecurity http, AdminToken adminToken, List<PublicEndpoints> publicEndpoints,
			ProblemWriter problems, List<OrganizerTokens> personalTokens, RefusedAttempts refusals) {
		String[] open = publicEndpoints.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
		return organizerToken(http.securityMatcher("/api/**"), adminToken, problems, personalTokens, refusals)
			.cors(cors -> cors.configurationSource(corsSource(publicEndpoints)))
			// The least role each request needs (roles include the lesser ones): accounts and the audit log are
			// admins'; anyone may read and manage their own tokens; reading is a viewer's; any other change an organizer's.
			.authorizeHttpRequests(requests -> requests.requestMatchers(open)
				.permitAll()
				.requestMatchers(ADMIN_PATHS)
				.hasRole(OrganizerRole.ADMIN.name())
				.requestMatchers("/api/v1/me", "/api/v1/me/**")
				.hasRole(OrganizerRole.VIEWER.name())
				// Previews are POSTs (they carry a draft) that change nothing.
				.requestMatchers(HttpMethod.POST, "/api/v1/blasts/*/preview", "/api/v1/templates/*/preview")
				.hasRole(OrganizerRole.VIEWER.name())
				// Reads that copy people's personal data out (the whole list, or all about one person) are an organizer's.
				.requestMatchers(HttpMethod.GET, "/api/v1/subscribers/export", "/api/v1/subscribers/access")
				.hasRole(OrganizerRole.ORGANIZER.name())
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasRole(OrganizerRole.VIEWER.name())
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.hasRole(OrganizerRole.VIEWER.name())
				.anyRequest()
				.hasRole(OrganizerRole.ORGANIZER.name()))
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, ex) -> {
				refusals.refused(request, HttpStatus.FORBIDDEN.value(), "role does not allow this request");
				problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.");
			}))
			.build();
	}

	/** What only admins may read or change: accounts, the audit log, and erasing a person (it cannot be undone). */
	static final String[] ADMIN_PATHS = { "/api/v1/accounts", "/api/v1/accounts/**", "/api/v1/audit", "/api/v1/audit/**",
			"/api/v1/subscribers/erasures" };

	/**
	 * Authenticated by the admin token alone ({@link AdminTokenFilter}): stateless, no CSRF since no cookie
	 * authenticates, a 401 problem detail without a token. Each refusal goes to the audit log, throttled
	 * ({@link RefusedAttempts}).
	 */
	private static HttpSecurity organizerToken(HttpSecurity http, AdminToken adminToken, ProblemWriter problems,
			List<OrganizerTokens> personalTokens, RefusedAttempts refusals) {
		return http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new AdminTokenFilter(adminToken, problems, personalTokens, refusals), AnonymousAuthenticationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> {
				refusals.refused(request, HttpStatus.UNAUTHORIZED.value(), "no token");
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
						"This organizer API needs the admin token as 'Authorization: Bearer <token>'.");
			}));
	}

	@Bean
	@Order(SecurityChains.PAGES)
	SecurityFilterChain pageSecurity(HttpSecurity http, ObjectProvider<TokenPages> tokenPages) {
		String[] csrfExempt = tokenPages.orderedStream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
		return http
			// A supporter who leaves a form open for an hour can still submit it; pages never create sessions.
			// The CSRF token lives in a cookie, not a session.
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
				.ignoringRequestMatchers(csrfExempt.length == 0 ? new String[] { "/.well-known/none" } : csrfExempt))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors.accessDeniedHandler(SecurityConfiguration::formAgain))
			// Other actuator paths are the actuator chain's; denied here too, should a matcher there ever miss one.
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.denyAll()
				.anyRequest()
				.permitAll())
			.build();
	}

	/** A stale or missing CSRF token on a page form: back to the form's controller, which shows it again. */
	private static void formAgain(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (denied instanceof CsrfException && "POST".equals(request.getMethod()) && request.getAttribute(PageForms.CSRF_REJECTED) == null) {
			request.setAttribute(PageForms.CSRF_REJECTED, denied instanceof MissingCsrfTokenException ? "missing" : "stale");
			request.getRequestDispatcher(request.getServletPath()).forward(request, response);
			return;
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	/** Browsers may call public endpoints from the origins their module allows; organizer APIs from none. */
	private static CorsConfigurationSource corsSource(List<PublicEndpoints> publicEndpoints) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		for (PublicEndpoints endpoints : publicEndpoints) {
			if (endpoints.corsAllowedOrigins().isEmpty()) {
				continue;
			}
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(endpoints.corsAllowedOrigins());
			cors.setAllowedMethods(List.of("GET", "POST"));
			cors.setAllowedHeaders(List.of("Content-Type", "Accept", "Accept-Language"));
			cors.setMaxAge(3600L);
			endpoints.patterns().forEach(pattern -> source.registerCorsConfiguration(pattern, cors));
		}
		return source;
	}

}
