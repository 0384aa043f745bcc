package org.callout.console.internal.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.AuditLog;
import org.callout.platform.FieldError;
import org.callout.platform.PageForms;
import org.callout.platform.RequestRefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/setup?token=}: the one-time page that creates the first admin. A wrong, expired or used link gets a
 * page saying which, and what to do; a form with errors comes back with what was typed (never the password) and each
 * error at its field.
 */
@Controller
class SetupPages {

	private final SetupLinks links;

	private final AccountTokens tokens;

	private final AuditLog audit;

	SetupPages(SetupLinks links, AccountTokens tokens, AuditLog audit) {
		this.links = links;
		this.tokens = tokens;
		this.audit = audit;
	}

	@GetMapping(SetupLinks.PATH)
	String form(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
		SetupLinks.Refusal refusal = links.check(token);
		if (refusal != null) {
			return refused(refusal, response, model);
		}
		return form(token, "", "", Map.of(), null, model);
	}

	@PostMapping(SetupLinks.PATH)
	String create(@RequestParam(required = false) String token, @RequestParam(required = false) String username,
			@RequestParam(required = false) String email, @RequestParam(required = false) String password,
			@RequestParam(required = false) String confirmation, HttpServletRequest request, HttpServletResponse response, Model model) {
		String name = username == null ? "" : username;
		String address = email == null ? "" : email;
		if (PageForms.csrfRejected(request)) {
			return form(token, name, address, Map.of(), "setup.note.expired", model);
		}
		SetupLinks.Refusal refusal = links.check(token);
		if (refusal != null) {
			return refused(refusal, response, model);
		}
		if (password != null && !password.equals(confirmation)) {
			response.setStatus(400);
			return form(token, name, address, Map.of("confirmation", "The two passwords differ."), null, model);
		}
		try {
			Account admin = links.use(token, name, address, password);
			AccountTokens.Made first = tokens.make(admin, "first token");
			// No one is signed in yet: the entries name the setup link as the actor's way in, the account as the target.
			audit.record("account.create", "account:" + admin.username(), Map.of("username", admin.username(), "role", "ADMIN", "via", "setup link"));
			audit.record("token.create", "account:" + admin.username(), Map.of("token", first.id(), "name", first.name()));
			model.addAttribute("account", admin);
			model.addAttribute("token", first.token());
			return "console/setup-done";
		}
		catch (RequestRefusedException refused) {
			response.setStatus(refused.problem().getStatus());
			return form(token, name, address, errors(refused), null, model);
		}
		catch (SetupLinks.SetupRefusedException used) {
			return refused(used.refusal, response, model);
		}
	}

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

	private static String form(String token, String username, String email, Map<String, String> errors, String note, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("username", username);
		model.addAttribute("email", email);
		model.addAttribute("errors", errors);
		model.addAttribute("note", note);
		return "console/setup";
	}

	private static String refused(SetupLinks.Refusal refusal, HttpServletResponse response, Model model) {
		response.setStatus(refusal == SetupLinks.Refusal.UNKNOWN ? 404 : 410);
		model.addAttribute("refusal", refusal.name().toLowerCase(java.util.Locale.ROOT));
		return "console/setup-refused";
	}

}
