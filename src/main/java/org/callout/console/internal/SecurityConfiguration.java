package org.callout.console.internal;

import java.util.List;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.AdminToken;
import org.callout.platform.PageForms;
import org.callout.platform.PublicEndpoints;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two chains: organizer and public JSON APIs under {@code /api/} (bearer token, stateless, no CSRF since no
 * cookie authenticates them), and pages (public, CSRF-protected forms). Only health is exposed by actuator.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AdminToken adminToken, List<PublicEndpoints> publicEndpoints,
			JsonMapper jsonMapper) {
		ProblemResponses problems = new ProblemResponses(jsonMapper);
		String[] open = publicEndpoints.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
		return http.securityMatcher("/api/**")
			.cors(cors -> cors.configurationSource(corsSource(publicEndpoints)))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new AdminTokenFilter(adminToken, problems), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers(open)
				.permitAll()
				.anyRequest()
				.hasRole(AdminTokenFilter.ORGANIZER_ROLE))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
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

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http) {
		return http
			// A supporter who leaves a form open for an hour can still submit it; pages never create sessions.
			// The CSRF token lives in a cookie, not a session. /confirm and /not-me need none: their signed token
			// is the whole capability, and a mail app's viewer that blocks cookies must still be able to confirm.
			.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()).ignoringRequestMatchers("/confirm", "/not-me"))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(errors -> errors.accessDeniedHandler(SecurityConfiguration::formAgain))
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.denyAll()
				.anyRequest()
				.permitAll())
			.build();
	}

}
