package org.callout.console.internal.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.callout.platform.PageForms;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The personal-token part shared by an admin's account page and everyone's own page ({@code console/accounts/tokens}
 * fragment): the list, the form that makes one and the revoke buttons.
 */
@Component
class TokenPanel {

	private final AccountTokens tokens;

	private final AccountActions actions;

	TokenPanel(AccountTokens tokens, AccountActions actions) {
		this.tokens = tokens;
		this.actions = actions;
	}

	void list(Account account, String action, Model model) {
		model.addAttribute("tokens", tokens.of(account).stream().filter(token -> token.revokedAt() == null).toList());
		model.addAttribute("tokenAction", action);
		if (!model.containsAttribute("tokenName")) {
			model.addAttribute("tokenName", "");
		}
	}

	/**
	 * Makes a token and puts it in the flash for the page after the redirect; answers null then. Otherwise (a stale
	 * form, a refused name) fills the model for the page to be shown again and answers the page's note or error.
	 */
	String make(Account account, String name, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes next) {
		model.addAttribute("tokenName", name);
		if (PageForms.csrfRejected(request)) {
			model.addAttribute("note", "console.note.stale");
			return "stale";
		}
		try {
			AccountTokens.Made made = actions.makeToken(account, name);
			next.addFlashAttribute("madeToken", made);
			return null;
		}
		catch (RequestRefusedException refused) {
			actions.refused(request, refused);
			response.setStatus(refused.problem().getStatus());
			model.addAttribute("tokenError", "console.tokens.error.name");
			return "refused";
		}
	}

	void revoke(Account account, long tokenId, RedirectAttributes next) {
		try {
			actions.revoke(account, tokenId);
		}
		catch (RequestRefusedException notTheirs) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		next.addFlashAttribute("done", "console.tokens.done.revoked");
	}

}
