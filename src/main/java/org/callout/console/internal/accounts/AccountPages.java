package org.callout.console.internal.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.FieldError;
import org.callout.platform.OrganizerRole;
import org.callout.platform.PageForms;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/accounts}: the admins' list of accounts and the form that creates one. The console chain lets only
 * admins in; the rules (names, passwords, the last admin) are the services', the same the API applies.
 */
@Controller
@org.callout.platform.ConsolePage
class AccountPages {

	private final Accounts accounts;

	private final AccountActions actions;

	AccountPages(Accounts accounts, AccountActions actions) {
		this.accounts = accounts;
		this.actions = actions;
	}

	/**
	 * Admins only, here as well as in the chain: a stale form is forwarded back to its handler past the chain's rules,
	 * and a rule reordered by mistake must not open these pages. The refusal is shown as the 403 page
	 * ({@code ConsolePageErrors}) and recorded when it was a change.
	 */
	@org.springframework.web.bind.annotation.ModelAttribute
	void adminsOnly() {
		var who = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		if (who == null || who.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
			throw new org.springframework.security.access.AccessDeniedException("admins only");
		}
	}

	@GetMapping("/console/accounts")
	String list(Model model) {
		model.addAttribute("accounts", accounts.all());
		return "console/accounts/list";
	}

	@GetMapping("/console/accounts/new")
	String form(Model model) {
		return form("", "", "ORGANIZER", Map.of(), null, model);
	}

	@PostMapping("/console/accounts/new")
	String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String email,
			@RequestParam(required = false) String password, @RequestParam(required = false) String confirmation,
			@RequestParam(defaultValue = "") String role, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes next) {
		if (PageForms.csrfRejected(request)) {
			return form(username, email, role, Map.of(), "console.note.stale", model);
		}
		if (password != null && !password.equals(confirmation)) {
			response.setStatus(400);
			return form(username, email, role, Map.of("confirmation", "The two passwords differ."), null, model);
		}
		try {
			Account created = actions.create(username, email, password, role(role));
			next.addFlashAttribute("done", "console.accounts.done.created");
			return "redirect:/console/accounts/" + created.id();
		}
		catch (RequestRefusedException refused) {
			actions.refused(request, refused);
			response.setStatus(refused.problem().getStatus());
			return form(username, email, role, errors(refused), null, model);
		}
	}

	private static String form(String username, String email, String role, Map<String, String> errors, String note, Model model) {
		model.addAttribute("username", username);
		model.addAttribute("email", email);
		model.addAttribute("role", role);
		model.addAttribute("roles", OrganizerRole.values());
		model.addAttribute("errors", errors);
		model.addAttribute("note", note);
		return "console/accounts/new";
	}

	/** The role chosen, or null (the service then names it with the other fields' errors). */
	static OrganizerRole role(String raw) {
		try {
			return OrganizerRole.valueOf(raw.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	/** The service's words at each field; a taken name or email (a conflict, no field) at the name. */
	private static Map<String, String> errors(RequestRefusedException refused) {
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> properties = refused.problem().getProperties();
		if (properties != null && properties.get("errors") instanceof List<?> list) {
			for (Object each : list) {
				FieldError error = (FieldError) each;
				errors.putIfAbsent(error.field(), error.message());
			}
		}
		if (errors.isEmpty()) {
			errors.put("username", refused.problem().getDetail());
		}
		return errors;
	}

	static boolean conflict(RequestRefusedException refused) {
		return refused.problem().getStatus() == HttpStatus.CONFLICT.value();
	}

}
