package org.callout.console.internal.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.callout.platform.OrganizerRole;
import org.callout.platform.OrganizerTokens;
import org.callout.platform.RequestRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: made for an account and shown once, listed without the token, revoked at once. The API's
 * security chain asks {@link #authenticate} on every request, so a revoked token or a disabled account stops working
 * with the next request, on every instance.
 */
@Service
class AccountTokens implements OrganizerTokens {

	static final String PREFIX = "clt_";

	// Every request would otherwise write its token's row; a minute is as exact as "last used" needs to be.
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	/** A token as listed: never the token itself. */
	record Listed(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
	}

	/** A token just made: the only time it is shown. */
	record Made(long id, String name, String token, Instant createdAt) {
	}

	private static final String HOLDER = """
			SELECT t.id, t.last_used_at, a.username, a.role FROM account_tokens t JOIN accounts a ON a.id = t.account_id
			WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND a.disabled_at IS NULL""";

	private static final String LISTED = "SELECT id, name, created_at, last_used_at, revoked_at FROM account_tokens ";

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Optional<TokenHolder> authenticate(String presented) {
		if (presented == null || !presented.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return jdbc.sql(HOLDER).param("hash", Secrets.sha256(presented)).query((rs, n) -> {
			Instant lastUsed = AccountStore.instant(rs, "last_used_at");
			if (lastUsed == null || lastUsed.plus(LAST_USED_PRECISION).isBefore(now)) {
				touch(rs.getLong("id"), now);
			}
			return new TokenHolder(rs.getString("username"), OrganizerRole.valueOf(rs.getString("role")));
		}).optional();
	}

	private void touch(long id, Instant now) {
		jdbc.sql("UPDATE account_tokens SET last_used_at = :now WHERE id = :id").param("now", AccountStore.utc(now)).param("id", id).update();
	}

	Made make(Account account, String name) {
		String label = name == null || name.isBlank() ? "token" : name.strip();
		if (label.length() > 100 || label.codePoints().anyMatch(Character::isISOControl)) {
			throw RequestRefusedException.invalidField("Invalid token", "name", "A name of one line, at most 100 characters.");
		}
		String token = Secrets.token(PREFIX);
		Instant now = clock.instant();
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO account_tokens (account_id, name, token_hash, created_at) VALUES (:account, :name, :hash, :now)")
			.param("account", account.id()).param("name", label).param("hash", Secrets.sha256(token)).param("now", AccountStore.utc(now))
			.update(key, "id");
		return new Made(key.getKey().longValue(), label, token, now);
	}

	List<Listed> of(Account account) {
		return jdbc.sql(LISTED + "WHERE account_id = :account ORDER BY id").param("account", account.id())
			.query((rs, n) -> new Listed(rs.getLong("id"), rs.getString("name"), AccountStore.instant(rs, "created_at"),
					AccountStore.instant(rs, "last_used_at"), AccountStore.instant(rs, "revoked_at")))
			.list();
	}

	/** Revokes one of the account's tokens; revoking one twice keeps the first time. */
	void revoke(Account account, long tokenId) {
		int found = jdbc.sql("UPDATE account_tokens SET revoked_at = COALESCE(revoked_at, :now) WHERE id = :id AND account_id = :account")
			.param("now", AccountStore.utc(clock.instant())).param("id", tokenId).param("account", account.id()).update();
		if (found == 0) {
			throw RequestRefusedException.of(HttpStatus.NOT_FOUND, "No such token", "This account has no token with this id.");
		}
	}

}
