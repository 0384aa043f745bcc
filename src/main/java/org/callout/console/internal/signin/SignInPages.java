package org.callout.console.internal.signin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.console.internal.accounts.SignInAccounts;
import org.callout.platform.AuditLog;
import org.callout.platform.ClientAddresses;
import org.callout.platform.PageForms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/login}: one answer for an unknown name, a disabled account and a wrong password; a throttled name
 * or address is told how long to wait, before any password is checked. The name typed is kept, never the password.
 */
@Controller
class SignInPages {

	private static final Logger log = LoggerFactory.getLogger(SignInPages.class);

	private final SignInAccounts accounts;

	private final SignInThrottle throttle;

	private final ConsoleSecurityConfiguration.ConsoleSession session;

	private final ClientAddresses addresses;

	private final AuditLog audit;

	private final java.time.Clock clock;

	private final SignInRefusals refusals;

	SignInPages(SignInAccounts accounts, SignInThrottle throttle, ConsoleSecurityConfiguration.ConsoleSession session,
			ClientAddresses addresses, AuditLog audit, java.time.Clock clock, SignInRefusals refusals) {
		this.refusals = refusals;
		this.accounts = accounts;
		this.throttle = throttle;
		this.session = session;
		this.addresses = addresses;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping(ConsoleSecurityConfiguration.LOGIN)
	String form(@RequestParam(required = false) String expired, @RequestParam(required = false) String signedOut, Model model) {
		if (signedIn()) {
			return "redirect:/console";
		}
		String note = expired != null ? "console.signin.note.expired" : signedOut != null ? "console.signin.note.signedOut" : null;
		return page("", note, null, model);
	}

	@PostMapping(ConsoleSecurityConfiguration.LOGIN)
	String signIn(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String typed = username == null ? "" : username.strip();
		typed = typed.length() > 254 ? typed.substring(0, 254) : typed;
		if (PageForms.csrfRejected(request)) {
			return page(typed, "console.signin.note.stale", null, model);
		}
		Optional<SignInAccounts.Person> named = accounts.named(typed);
		String key = named.map(SignInAccounts.Person::username).orElse("?" + typed.toLowerCase(Locale.ROOT));
		String address = addresses.of(request);
		Optional<Instant> wait = throttle.lockedUntil(key, address);
		if (wait.isPresent()) {
			long seconds = Math.max(1, Duration.between(clock.instant(), wait.get()).toSeconds());
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(seconds));
			model.addAttribute("waitMinutes", (seconds + 59) / 60);
			return page(typed, null, "console.signin.locked", model);
		}
		Optional<SignInAccounts.Person> person = accounts.check(typed, password);
		if (person.isEmpty()) {
			String target = named.map(p -> "account:" + p.username()).orElse("account:(unknown)");
			if (refusals.record(address, target)) {
				audit.refused("console.signin", target, "wrong account name or password");
			}
			for (SignInThrottle.Lock lock : throttle.failed(key, address)) {
				String locked = lock.key().startsWith("account:?") ? "account:(unknown)" : lock.key();
				log.warn("Console sign-in locked for {} after {} failures, until {}", locked, lock.failures(), lock.until());
				audit.refused("console.signin.locked", locked, lock.failures() + " failed sign-ins; locked until " + lock.until());
			}
			return page(typed, null, "console.signin.wrong", model);
		}
		throttle.succeeded(key);
		Authentication authentication = authentication(person.get());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		// A new session id (and CSRF token) at sign-in: an id someone planted or saw before sign-in is worth nothing.
		session.atSignIn().onAuthentication(authentication, request, response);
		session.contexts().saveContext(context, request, response);
		audit.record("console.signin", "account:" + person.get().username(), Map.of("role", person.get().role().name()));
		return "redirect:" + returnTo(request, response);
	}

	static Authentication authentication(SignInAccounts.Person person) {
		return UsernamePasswordAuthenticationToken.authenticated(person.username(), null, person.role().authorities());
	}

	/** The console page that sent the person here, or the dashboard; never another site. */
	private String returnTo(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = session.requestCache().getRequest(request, response);
		session.requestCache().removeRequest(request, response);
		if (saved != null) {
			URI uri = URI.create(saved.getRedirectUrl());
			String path = uri.getRawPath();
			if (path != null && path.startsWith("/console") && !path.startsWith(ConsoleSecurityConfiguration.LOGIN)) {
				return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			}
		}
		return "/console";
	}

	private static boolean signedIn() {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
	}

	private static String page(String username, String note, String error, Model model) {
		model.addAttribute("username", username);
		model.addAttribute("note", note);
		model.addAttribute("error", error);
		model.addAttribute("errors", error == null ? List.of() : List.of(error));
		return "console/login";
	}

}
