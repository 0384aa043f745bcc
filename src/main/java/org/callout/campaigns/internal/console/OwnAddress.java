package org.callout.campaigns.internal.console;

import java.util.Optional;

import org.callout.platform.EmailAddress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signed-in organizer's own address, where a test send from the console goes (never an address typed on the
 * page, so the console cannot mail strangers). A stopgap that reads the console module's {@code accounts} table:
 * the console module offers no API for it yet; it belongs behind a platform interface the console implements, as
 * {@code OrganizerTokens} is.
 */
@Component
class OwnAddress {

	private final JdbcClient jdbc;

	OwnAddress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<EmailAddress> of(String username) {
		return jdbc.sql("SELECT email FROM accounts WHERE username = :name AND disabled_at IS NULL")
			.param("name", username)
			.query(String.class)
			.optional()
			.map(EmailAddress::parse);
	}

}
