package org.callout.console.internal.accounts;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.PageForms;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /console/me}: the signed-in person's own account and personal API tokens, as {@code /api/v1/me} gives them. */
@Controller
@org.callout.platform.ConsolePage
class MyTokensPage {

	private static final String HERE = "/console/me";

	private final Accounts accounts;

	private final TokenPanel tokens;

	MyTokensPage(Accounts accounts, TokenPanel tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@GetMapping(HERE)
	String show(Principal principal, Model model) {
		return page(me(principal), null, model);
	}

	@PostMapping(HERE + "/tokens")
	String make(@RequestParam(defaultValue = "") String name, Principal principal, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes next) {
		Account me = me(principal);
		String page = tokens.make(me, name, request, response, model, next);
		return page == null ? "redirect:" + HERE : page(me, (String) model.getAttribute("note"), model);
	}

	@PostMapping(HERE + "/tokens/{tokenId}/revoke")
	String revoke(@PathVariable long tokenId, Principal principal, HttpServletRequest request, Model model, RedirectAttributes next) {
		Account me = me(principal);
		if (PageForms.csrfRejected(request)) {
			return page(me, "console.note.stale", model);
		}
		tokens.revoke(me, tokenId, next);
		return "redirect:" + HERE;
	}

	private Account me(Principal principal) {
		return accounts.byUsername(principal.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String page(Account me, String note, Model model) {
		model.addAttribute("account", me);
		model.addAttribute("note", note);
		tokens.list(me, HERE + "/tokens", model);
		return "console/accounts/me";
	}

}
