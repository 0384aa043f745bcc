package org.callout.console.internal;

import java.util.List;

import org.callout.platform.AdminToken;
import org.callout.platform.PublicEndpoints;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

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

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http) {
		return http
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.denyAll()
				.anyRequest()
				.permitAll())
			.build();
	}

}
