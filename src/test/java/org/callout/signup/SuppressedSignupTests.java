package org.callout.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.awaitility.Awaitility;
import org.callout.platform.AddressHasher;
import org.callout.platform.EmailAddress;
import org.callout.subscribers.Suppressions;
import org.callout.support.H2Database;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A suppressed address that signs up gets the answer everyone gets, but no confirmation email: its queued
 * confirmation is refused for good, with the reason, as one the relay refused. And every subscriber a signup
 * creates carries the keyed hash that snapshots match the suppression list on.
 */
@H2Database
class SuppressedSignupTests extends SignupFlowSupport {

	@Autowired
	Suppressions suppressions;

	@Autowired
	AddressHasher hasher;

	@Test
	void aSuppressedAddressGetsTheSameAnswerButNoConfirmationAndItsQueuedEmailIsRefusedWithTheReason() throws Exception {
		String suppressed = unique("Bounced");
		suppressions.suppress(EmailAddress.parse(suppressed), Suppressions.NO_SUCH_USER, "550 5.1.1 User unknown", "relay");
		String fresh = unique("fresh");

		HttpResponse<String> toSuppressed = signUp(suppressed.toLowerCase(), "en");
		HttpResponse<String> toFresh = signUp(fresh, "en");

		assertThat(toSuppressed.statusCode()).isEqualTo(toFresh.statusCode()).isEqualTo(202);
		assertThat(toSuppressed.body()).isEqualTo(toFresh.body());
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> queueRow(suppressed).get("refused_at") != null);
		Map<String, Object> row = queueRow(suppressed);
		assertThat(row.get("last_reply")).isEqualTo("suppressed: no-such-user");
		assertThat(row.get("sent_at")).isNull();
		awaitEmailTo(fresh);
		assertNothingSentTo(suppressed, 0);
	}

	@Test
	void onceTheSuppressionIsLiftedALaterSignupIsSentItsConfirmation() throws Exception {
		String address = unique("lifted");
		suppressions.suppress(EmailAddress.parse(address), Suppressions.NO_SUCH_USER, null, "relay");
		signUp(address, "en");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> queueRow(address).get("refused_at") != null);

		assertThat(suppressions.lift(EmailAddress.parse(address))).isTrue();
		clock.advance(Duration.ofHours(25)); // Past the resend interval that the first signup started.
		signUp(address, "en");

		awaitEmailTo(address);
	}

	@Test
	void aSubscriberCreatedBySignupCarriesTheKeyedHashOfItsEmailKey() throws Exception {
		String address = unique("Mixed.Case");

		signUp(address, "en");

		Map<String, Object> row = lowerCaseKeys(jdbc.sql("SELECT email_key, email_hash FROM subscribers WHERE email_key = :key")
			.param("key", address.toLowerCase()).query().singleRow());
		assertThat(row.get("email_hash")).isEqualTo(hasher.hash((String) row.get("email_key")))
			.isEqualTo(hasher.hash(EmailAddress.parse(address).matchKey()));
	}

	/** The first queued confirmation of the address. */
	private Map<String, Object> queueRow(String address) {
		return lowerCaseKeys(jdbc.sql("""
				SELECT q.* FROM confirmation_queue q JOIN subscribers s ON s.id = q.subscriber_id
				WHERE s.email_key = :key ORDER BY q.id LIMIT 1""").param("key", address.toLowerCase()).query().singleRow());
	}

	private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
		Map<String, Object> lower = new HashMap<>();
		row.forEach((key, value) -> lower.put(key.toLowerCase(), value));
		return lower;
	}

}
