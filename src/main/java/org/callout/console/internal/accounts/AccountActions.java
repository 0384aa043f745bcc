package org.callout.console.internal.accounts;

import java.util.Map;

import org.callout.platform.AuditLog;
import org.callout.platform.OrganizerRole;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account and token changes with their audit entries, one place for the API and the console pages: whichever way
 * an organizer changes an account, the log gets the same entry (the channel tells which way).
 */
@Service
class AccountActions {

	private final Accounts accounts;

	private final AccountTokens tokens;

	private final AuditLog audit;

	AccountActions(Accounts accounts, AccountTokens tokens, AuditLog audit) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.audit = audit;
	}

	@Transactional
	Account create(String username, String email, String password, OrganizerRole role) {
		Account created = accounts.create(username, email, password, role);
		audit.record("account.create", "account:" + created.username(), summary(created));
		return created;
	}

	@Transactional
	Account change(long id, OrganizerRole role, Boolean disabled) {
		Account before = accounts.byId(id).orElseThrow(Accounts::notFound);
		Account after = accounts.change(id, role, disabled);
		audit.record("account.edit", "account:" + after.username(), summary(before), summary(after));
		return after;
	}

	/** A new token, recorded by its id and name: never the token itself. */
	@Transactional
	AccountTokens.Made makeToken(Account account, String name) {
		AccountTokens.Made made = tokens.make(account, name);
		audit.record("token.create", "token:" + made.id(), Map.of("account", account.username(), "name", String.valueOf(made.name())));
		return made;
	}

	@Transactional
	void revoke(Account account, long tokenId) {
		tokens.revoke(account, tokenId);
		audit.record("token.revoke", "token:" + tokenId, Map.of("account", account.username()));
	}

	/** A change the services refused, recorded as the API's refusals are (its request, status and title). */
	void refused(jakarta.servlet.http.HttpServletRequest request, org.callout.platform.RequestRefusedException refused) {
		audit.refused("refused", request.getMethod() + " " + request.getRequestURI(),
				refused.problem().getStatus() + " " + refused.problem().getTitle());
	}

	private static Map<String, Object> summary(Account account) {
		return Map.of("role", account.role().name(), "disabled", account.disabled());
	}

}
