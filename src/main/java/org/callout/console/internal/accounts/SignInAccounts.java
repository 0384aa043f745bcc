package org.callout.console.internal.accounts;

import java.util.Locale;
import java.util.Optional;

import org.callout.platform.OrganizerRole;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** What the console's sign-in needs from accounts: a name or email with a password checked, and who an account is now. */
@Component
public class SignInAccounts {

	// Longer than any password PasswordRules accepts; hashing a 60 KB form field with Argon2 would only burn CPU.
	private static final int LONGEST_PASSWORD = 1_000;

	private final AccountStore store;

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private volatile String standInHash;

	SignInAccounts(AccountStore store, Accounts accounts, PasswordEncoder passwords) {
		this.store = store;
		this.accounts = accounts;
		this.passwords = passwords;
	}

	/** Someone who may use the console. */
	public record Person(long id, String username, OrganizerRole role) {
	}

	/** The account a name or email address names, enabled or not. */
	public Optional<Person> named(String nameOrEmail) {
		if (nameOrEmail == null || nameOrEmail.isBlank() || nameOrEmail.length() > 254) {
			return Optional.empty();
		}
		String typed = nameOrEmail.strip();
		Optional<Account> account = typed.contains("@") ? store.byEmail(typed) : store.byUsername(typed.toLowerCase(Locale.ROOT));
		return account.map(SignInAccounts::person);
	}

	/**
	 * The account this name or email and password open; empty for an unknown name, a disabled account or a wrong
	 * password, each after one password hash check, so neither the answer nor its time tells which it was.
	 */
	public Optional<Person> check(String nameOrEmail, String password) {
		if (password == null || password.isEmpty() || password.length() > LONGEST_PASSWORD) {
			return Optional.empty();
		}
		Optional<Account> account = named(nameOrEmail).flatMap(person -> store.byId(person.id()));
		if (account.isEmpty()) {
			passwords.matches(password, standIn());
			return Optional.empty();
		}
		boolean matches = accounts.passwordMatches(account.get(), password);
		return matches && !account.get().disabled() ? account.map(SignInAccounts::person) : Optional.empty();
	}

	/** The signed-in account as it is now: empty once disabled or gone, with its role as it is now. */
	public Optional<Person> current(String username) {
		return store.byUsername(username).filter(account -> !account.disabled()).map(SignInAccounts::person);
	}

	// A real hash of nothing anyone knows, made once: checking against it costs what checking a real one does.
	private String standIn() {
		String hash = standInHash;
		if (hash == null) {
			hash = passwords.encode(java.util.UUID.randomUUID().toString());
			standInHash = hash;
		}
		return hash;
	}

	private static Person person(Account account) {
		return new Person(account.id(), account.username(), account.role());
	}

}
