package org.callout.signup.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.consent.ConsentSource;
import org.callout.platform.PublicEndpoints;
import org.callout.platform.TokenPages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public JSON signup. Every accepted signup gets the same 202 answer, whether the address was new, pending,
 * confirmed or disowned, and whether or not an email went out.
 */
@RestController
class SignupApiController {

	static final Map<String, String> ACCEPTED = Map.of("status", "accepted", "message",
			"Thanks! If this address can join, a confirmation email is on its way: open it and confirm to finish signing up.");

	private final SignupService signups;

	private final ClientInfoResolver clients;

	SignupApiController(SignupService signups, ClientInfoResolver clients) {
		this.signups = signups;
		this.clients = clients;
	}

	@PostMapping("/api/v1/signups")
	ResponseEntity<Map<String, String>> signUp(@RequestBody SignupRequest request, HttpServletRequest http) {
		if (request == null) {
			throw new SignupRejectedException.InvalidFields(List.of());
		}
		signups.signUp(request, clients.resolve(http), ConsentSource.API);
		return ResponseEntity.accepted().body(ACCEPTED);
	}

	@Configuration(proxyBeanMethods = false)
	static class Endpoints {

		@Bean
		PublicEndpoints signupPublicEndpoints(SignupProperties properties) {
			// The terms too: a form embedded on the organization's site reads the words it must show.
			return new PublicEndpoints(List.of("/api/v1/signups", "/api/v1/terms"), properties.corsAllowedOrigins());
		}

		@Bean
		TokenPages signupTokenPages() {
			// The signed token is the whole capability, and a mail app's viewer that blocks cookies must still
			// be able to confirm.
			return TokenPages.of("/confirm", "/not-me");
		}

	}

}
