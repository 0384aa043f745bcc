package org.callout.console.internal.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.OrganizerRole;
import org.callout.platform.PageForms;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/accounts/{id}}: one account for an admin: its role, disabling it, and its personal API tokens. Each
 * change answers with a redirect back here (so a reload never repeats it); a new token travels in the flash, which
 * is read once, so it is shown once.
 */
@Controller
@org.callout.platform.ConsolePage
class AccountPage {

	private final Accounts accounts;

	private final AccountActions actions;

	private final TokenPanel tokens;

	AccountPage(Accounts accounts, AccountActions actions, TokenPanel tokens) {
		this.accounts = accounts;
		this.actions = actions;
		this.tokens = tokens;
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

	@GetMapping("/console/accounts/{id}")
	String show(@PathVariable long id, Model model) {
		return page(account(id), null, model);
	}

	@PostMapping("/console/accounts/{id}/role")
	String role(@PathVariable long id, @RequestParam(defaultValue = "") String role, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes next) {
		return change(id, AccountPages.role(role), null, request, response, model, next);
	}

	@PostMapping("/console/accounts/{id}/disabled")
	String disabled(@PathVariable long id, @RequestParam(defaultValue = "") String disabled, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes next) {
		return change(id, null, Boolean.parseBoolean(disabled), request, response, model, next);
	}

	private String change(long id, OrganizerRole role, Boolean disabled, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes next) {
		Account account = account(id);
		if (PageForms.csrfRejected(request)) {
			return page(account, "console.note.stale", model);
		}
		if (role == null && disabled == null) {
			response.setStatus(400);
			model.addAttribute("refusal", "console.accounts.refused.role");
			return page(account, null, model);
		}
		try {
			actions.change(id, role, disabled);
		}
		catch (RequestRefusedException refused) {
			// The one refusal a valid change can meet: it would leave no active admin.
			actions.refused(request, refused);
			response.setStatus(refused.problem().getStatus());
			model.addAttribute("refusal", AccountPages.conflict(refused) ? "console.accounts.refused.lastAdmin" : "console.accounts.refused.role");
			return page(accounts.byId(id).orElseThrow(), null, model);
		}
		next.addFlashAttribute("done", disabled == null ? "console.accounts.done.role"
				: disabled ? "console.accounts.done.disabled" : "console.accounts.done.enabled");
		return "redirect:/console/accounts/" + id;
	}

	@PostMapping("/console/accounts/{id}/tokens")
	String makeToken(@PathVariable long id, @RequestParam(defaultValue = "") String name, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes next) {
		Account account = account(id);
		String page = tokens.make(account, name, request, response, model, next);
		return page == null ? "redirect:/console/accounts/" + id : page(account, (String) model.getAttribute("note"), model);
	}

	@PostMapping("/console/accounts/{id}/tokens/{tokenId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long tokenId, HttpServletRequest request, Model model, RedirectAttributes next) {
		Account account = account(id);
		if (PageForms.csrfRejected(request)) {
			return page(account, "console.note.stale", model);
		}
		tokens.revoke(account, tokenId, next);
		return "redirect:/console/accounts/" + id;
	}

	private Account account(long id) {
		return accounts.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String page(Account account, String note, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("roles", OrganizerRole.values());
		model.addAttribute("note", note);
		tokens.list(account, "/console/accounts/" + account.id() + "/tokens", model);
		return "console/accounts/account";
	}

}
