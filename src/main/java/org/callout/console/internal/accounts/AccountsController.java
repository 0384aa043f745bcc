package org.callout.console.internal.accounts;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.callout.platform.OrganizerRole;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts and their tokens: {@code /api/v1/accounts/**} for admins (the API chain's rule), {@code /api/v1/me/**} for
 * whoever holds a personal token, to see their account and manage their own tokens.
 */
@RestController
class AccountsController {

	private final Accounts accounts;

	private final AccountTokens tokens;

	private final AccountActions actions;

	AccountsController(Accounts accounts, AccountTokens tokens, AccountActions actions) {
		this.actions = actions;
		this.accounts = accounts;
		this.tokens = tokens;
	}

	record NewAccount(String username, String email, String password, String role) {
	}

	record Change(String role, Boolean disabled) {
	}

	record NewToken(String name) {
	}

	@GetMapping("/api/v1/accounts")
	List<Account> all() {
		return accounts.all();
	}

	@PostMapping("/api/v1/accounts")
	@org.springframework.transaction.annotation.Transactional
	ResponseEntity<Account> create(@RequestBody(required = false) NewAccount request) {
		NewAccount given = request == null ? new NewAccount(null, null, null, null) : request;
		// An unknown role is reported with the other fields' errors (as a missing one is), not alone.
		OrganizerRole role = null;
		try {
			role = role(given.role());
		}
		catch (RequestRefusedException unknown) {
			// left null
		}
		Account created = actions.create(given.username(), given.email(), given.password(), role);
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id())).body(created);
	}

	@GetMapping("/api/v1/accounts/{id}")
	Account one(@PathVariable long id) {
		return accounts.byId(id).orElseThrow(Accounts::notFound);
	}

	@PutMapping("/api/v1/accounts/{id}")
	@org.springframework.transaction.annotation.Transactional
	Account change(@PathVariable long id, @RequestBody(required = false) Change request) {
		if (request == null || (request.role() == null && request.disabled() == null)) {
			throw RequestRefusedException.invalidField("Invalid change", "role", "Give a \"role\", \"disabled\", or both.");
		}
		one(id);
		return actions.change(id, role(request.role()), request.disabled());
	}

	@GetMapping("/api/v1/accounts/{id}/tokens")
	List<AccountTokens.Listed> tokens(@PathVariable long id) {
		return tokens.of(one(id));
	}

	@PostMapping("/api/v1/accounts/{id}/tokens")
	@org.springframework.transaction.annotation.Transactional
	ResponseEntity<AccountTokens.Made> makeToken(@PathVariable long id, @RequestBody(required = false) NewToken request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(made(one(id), request));
	}

	private AccountTokens.Made made(Account account, NewToken request) {
		return actions.makeToken(account, request == null ? null : request.name());
	}

	private void revoked(Account account, long tokenId) {
		actions.revoke(account, tokenId);
	}

	@DeleteMapping("/api/v1/accounts/{id}/tokens/{tokenId}")
	@org.springframework.transaction.annotation.Transactional
	ResponseEntity<Void> revoke(@PathVariable long id, @PathVariable long tokenId) {
		revoked(one(id), tokenId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/me")
	Account me(Principal principal) {
		return accounts.byUsername(principal.getName()).orElseThrow(() -> RequestRefusedException.of(HttpStatus.NOT_FOUND,
				"No account", "The admin token belongs to no account: use a personal token to manage your own tokens."));
	}

	@GetMapping("/api/v1/me/tokens")
	List<AccountTokens.Listed> myTokens(Principal principal) {
		return tokens.of(me(principal));
	}

	@PostMapping("/api/v1/me/tokens")
	@org.springframework.transaction.annotation.Transactional
	ResponseEntity<AccountTokens.Made> makeMyToken(Principal principal, @RequestBody(required = false) NewToken request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(made(me(principal), request));
	}

	@DeleteMapping("/api/v1/me/tokens/{tokenId}")
	@org.springframework.transaction.annotation.Transactional
	ResponseEntity<Void> revokeMine(Principal principal, @PathVariable long tokenId) {
		revoked(me(principal), tokenId);
		return ResponseEntity.noContent().build();
	}

	/** The role named, or null when none is (creating an account then reports it with the other fields). */
	private static OrganizerRole role(String raw) {
		if (raw == null) {
			return null;
		}
		try {
			return OrganizerRole.valueOf(raw.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw RequestRefusedException.invalidField("Invalid account", "role", "The role is one of ADMIN, ORGANIZER, VIEWER.");
		}
	}

}
