package org.callout.signup.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.callout.consent.ConsentSource;
import org.callout.platform.PublicEndpoints;
import org.callout.signup.SignupProperties;
import org.callout.signup.SignupRejectedException;
import org.callout.signup.SignupRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

	@ExceptionHandler(SignupRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(SignupRejectedException rejected) {
		return switch (rejected) {
			case SignupRejectedException.InvalidFields invalid -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
				problem.setTitle("Invalid signup");
				problem.setProperty("errors", invalid.problems()
					.stream()
					.map(p -> Map.of("field", p.field(), "message", p.message()))
					.toList());
				yield ResponseEntity.badRequest().body(problem);
			}
			case SignupRejectedException.OutdatedTerms outdated -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, outdated.getMessage());
				problem.setTitle("Consent terms changed");
				problem.setProperty("currentTerms", outdated.current());
				yield ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
			}
			case SignupRejectedException.RateLimited limited -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, limited.getMessage());
				problem.setTitle("Too many signups");
				yield ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
					.header("Retry-After", String.valueOf(limited.retryAfter().toSeconds()))
					.body(problem);
			}
			case SignupRejectedException.NoSuchList noList -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, noList.getMessage());
				problem.setTitle("No such list");
				yield ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class Endpoints {

		@Bean
		PublicEndpoints signupPublicEndpoints(SignupProperties properties) {
			// The terms too: a form embedded on the organization's site reads the words it must show.
			return new PublicEndpoints(List.of("/api/v1/signups", "/api/v1/terms"), properties.corsAllowedOrigins());
		}

	}

}
