package org.callout.console.internal.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.callout.platform.OrganizerRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for accounts. */
@Repository
class AccountStore {

	private static final String COLUMNS = "SELECT id, username, email, role, created_at, disabled_at FROM accounts ";

	// ON CONFLICT DO NOTHING: two admins creating one name at once get one account and one "taken", not an error
	// that aborts a PostgreSQL transaction.
	private static final String INSERT = """
			INSERT INTO accounts (username, email, email_key, password_hash, role, created_at)
			VALUES (:username, :email, :key, :hash, :role, :now)
			ON CONFLICT DO NOTHING""";

	private final JdbcClient jdbc;

	AccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The new account's id, or empty when the name or email is taken. */
	Optional<Long> insert(String username, String email, String passwordHash, OrganizerRole role, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		int inserted = jdbc.sql(INSERT)
			.param("username", username)
			.param("email", email)
			.param("key", email.toLowerCase(java.util.Locale.ROOT))
			.param("hash", passwordHash)
			.param("role", role.name())
			.param("now", utc(now))
			.update(key, "id");
		return inserted == 0 ? Optional.empty() : Optional.of(key.getKey().longValue());
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
	}

	// FOR UPDATE: two admins demoting each other at once must not both see "another admin is left". The second waits
	// for the first to commit and then counts again (PostgreSQL re-reads locked rows it waited for; so does H2).
	// Must run in the caller's transaction.
	private static final String LOCK_ACTIVE_ADMINS = "SELECT id FROM accounts WHERE role = 'ADMIN' AND disabled_at IS NULL FOR UPDATE";

	/** The active admins, their rows locked until the caller's transaction ends. */
	long lockActiveAdmins() {
		return jdbc.sql(LOCK_ACTIVE_ADMINS).query(Long.class).list().size();
	}

	List<Account> all() {
		return jdbc.sql(COLUMNS + "ORDER BY id").query(AccountStore::account).list();
	}

	Optional<Account> byId(long id) {
		return jdbc.sql(COLUMNS + "WHERE id = :id").param("id", id).query(AccountStore::account).optional();
	}

	Optional<Account> byUsername(String username) {
		return jdbc.sql(COLUMNS + "WHERE username = :name").param("name", username).query(AccountStore::account).optional();
	}

	Optional<Account> byEmail(String email) {
		return jdbc.sql(COLUMNS + "WHERE email_key = :key").param("key", email.toLowerCase(java.util.Locale.ROOT)).query(AccountStore::account).optional();
	}

	Optional<String> passwordHash(long id) {
		return jdbc.sql("SELECT password_hash FROM accounts WHERE id = :id").param("id", id).query(String.class).optional();
	}

	void setPasswordHash(long id, String hash) {
		jdbc.sql("UPDATE accounts SET password_hash = :hash WHERE id = :id").param("hash", hash).param("id", id).update();
	}

	void setRole(long id, OrganizerRole role) {
		jdbc.sql("UPDATE accounts SET role = :role WHERE id = :id").param("role", role.name()).param("id", id).update();
	}

	void setDisabled(long id, Instant at) {
		jdbc.sql("UPDATE accounts SET disabled_at = :at WHERE id = :id").param("at", at == null ? null : utc(at)).param("id", id).update();
	}

	static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("email"), OrganizerRole.valueOf(rs.getString("role")),
				instant(rs, "created_at"), instant(rs, "disabled_at"));
	}

}
