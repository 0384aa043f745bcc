package org.callout.console.internal.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.callout.platform.EmailAddress;
import org.callout.platform.FieldError;
import org.callout.platform.OrganizerRole;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizer accounts: created with a checked password, given a role, disabled. */
@Service
class Accounts {

	// Names appear in blast records and the audit log: short, plain, one per person whatever the case.
	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	// Names the records already give other meanings: the admin token's principal ("organizer", so blasts it makes
	// read organizer:organizer), and the audit log's admin-token, anonymous and system. An account of one of these
	// names would be indistinguishable from them in every record.
	private static final java.util.Set<String> RESERVED = java.util.Set.of("organizer", "admin-token", "anonymous", "system",
			"scheduler", "relay", "api", "console");

	private final AccountStore store;

	private final PasswordEncoder passwords;

	private final Clock clock;

	Accounts(AccountStore store, PasswordEncoder passwords, Clock clock) {
		this.store = store;
		this.passwords = passwords;
		this.clock = clock;
	}

	/** A new account; refused with every field's error at once, or as a conflict when the name or email is taken. */
	Account create(String username, String email, String password, OrganizerRole role) {
		String name = username == null ? null : username.strip().toLowerCase(Locale.ROOT);
		List<FieldError> errors = new ArrayList<>();
		if (name == null || !USERNAME.matcher(name).matches()) {
			errors.add(new FieldError("username", "A name of 2 to 64 letters, digits, dots, hyphens or underscores, starting with a letter or digit."));
		}
		else if (RESERVED.contains(name)) {
			errors.add(new FieldError("username", "'" + name + "' names something else in Callout's records: choose another name."));
		}
		EmailAddress address = null;
		try {
			address = EmailAddress.parse(email == null ? "" : email);
		}
		catch (EmailAddress.InvalidEmailAddressException invalid) {
			errors.add(new FieldError("email", "Give a valid email address."));
		}
		if (role == null) {
			errors.add(new FieldError("role", "The role is one of ADMIN, ORGANIZER, VIEWER."));
		}
		errors.addAll(PasswordRules.check(password, name, email));
		if (!errors.isEmpty()) {
			throw RequestRefusedException.invalidFields("Invalid account", errors);
		}
		long id = store.insert(name, address.value(), passwords.encode(password), role, clock.instant())
			.orElseThrow(() -> RequestRefusedException.of(HttpStatus.CONFLICT, "Account exists",
					"An account with this name or email exists already."));
		return store.byId(id).orElseThrow();
	}

	List<Account> all() {
		return store.all();
	}

	Optional<Account> byId(long id) {
		return store.byId(id);
	}

	Optional<Account> byUsername(String username) {
		return username == null ? Optional.empty() : store.byUsername(username.strip().toLowerCase(Locale.ROOT));
	}

	boolean any() {
		return store.count() > 0;
	}

	@Transactional
	Account change(long id, OrganizerRole role, Boolean disabled) {
		Account account = store.byId(id).orElseThrow(Accounts::notFound);
		boolean stopsBeingAdmin = (role != null && role != OrganizerRole.ADMIN) || Boolean.TRUE.equals(disabled);
		if (account.role() == OrganizerRole.ADMIN && !account.disabled() && stopsBeingAdmin && store.lockActiveAdmins() <= 1) {
			throw RequestRefusedException.of(HttpStatus.CONFLICT, "Last admin",
					"This is the only active admin: make another account admin first, or no one could manage accounts.");
		}
		if (role != null) {
			store.setRole(id, role);
		}
		if (disabled != null && disabled != account.disabled()) {
			store.setDisabled(id, disabled ? clock.instant() : null);
		}
		return store.byId(id).orElseThrow();
	}

	/** Whether this password is the account's (the hash is upgraded when its algorithm is an old one). */
	boolean passwordMatches(Account account, String password) {
		String hash = store.passwordHash(account.id()).orElse(null);
		if (hash == null || password == null || !passwords.matches(password, hash)) {
			return false;
		}
		if (passwords.upgradeEncoding(hash)) {
			store.setPasswordHash(account.id(), passwords.encode(password));
		}
		return true;
	}

	static RequestRefusedException notFound() {
		return RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such account", "There is no account with this id.");
	}

}
